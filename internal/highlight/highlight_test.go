package highlight

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCodeAndCaches(t *testing.T) {
	dir := t.TempDir()
	h := New(dir)
	out := h.Code("go", "func main() {}\n")
	if !strings.Contains(out, `class="chroma"`) || !strings.Contains(out, "main") {
		t.Fatalf("highlighted = %q", out)
	}
	if got := h.Code("nosuchlang", "<b>"); got != "<pre><code class=\"language-nosuchlang\">&lt;b&gt;</code></pre>\n" {
		t.Errorf("unknown language = %q", got)
	}
	// A fresh Highlighter over the same folder reads the entry from disk.
	again := New(dir)
	if got := again.Code("go", "func main() {}\n"); got != out {
		t.Errorf("from disk = %q, want %q", got, out)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*", "*"))
	if len(files) != 2 {
		t.Fatalf("%d cache files, want 2: %v", len(files), files)
	}
}

// TestCorruptEntryIsNeverServed damages every entry in ways a crash or a
// bad disk could, and checks that a new Highlighter ignores them and
// writes them again.
func TestCorruptEntryIsNeverServed(t *testing.T) {
	dir := t.TempDir()
	want := New(dir).Code("go", "package x\n")
	files, _ := filepath.Glob(filepath.Join(dir, "*", "*"))
	if len(files) != 1 {
		t.Fatalf("cache files: %v", files)
	}
	good, _ := os.ReadFile(files[0])
	damage := map[string][]byte{
		"truncated":   good[:len(good)-5],
		"flipped":     append(append([]byte{}, good[:len(good)-3]...), 'X', 'Y', 'Z'),
		"empty":       {},
		"wrong magic": append([]byte("nonsense "), good[len(magic):]...),
		"evil html":   []byte(magic + strings.Repeat("0", 64) + "\n<script>alert(1)</script>"),
	}
	for name, data := range damage {
		if err := os.WriteFile(files[0], data, 0o644); err != nil {
			t.Fatal(err)
		}
		if got := New(dir).Code("go", "package x\n"); got != want {
			t.Errorf("%s entry served: %q", name, got)
		}
		if fixed, _ := os.ReadFile(files[0]); string(fixed) != string(good) {
			t.Errorf("%s entry was not written again", name)
		}
	}
}

func TestSweep(t *testing.T) {
	h := New("")
	h.Code("go", "a")
	h.Sweep()
	h.Code("go", "b")
	h.Sweep()
	if len(h.mem) != 1 {
		t.Errorf("%d entries after sweeps, want 1 (the one used last)", len(h.mem))
	}
}

func TestStylesheet(t *testing.T) {
	css, err := Stylesheet()
	if err != nil || !strings.Contains(string(css), "prefers-color-scheme: dark") {
		t.Fatalf("stylesheet: %v\n%s", err, css)
	}
}
