package highlight

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCodeAndCaches(t *testing.T) {
	dir := t.TempDir()
	legacy := filepath.Join(dir, "ab", "ab12")
	if err := os.MkdirAll(filepath.Dir(legacy), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(legacy, []byte("dossier-highlight 1 ..."), 0o644); err != nil {
		t.Fatal(err)
	}
	h := New(dir)
	out := h.Code("go", "func main() {}\n")
	if !strings.Contains(out, `class="chroma"`) || !strings.Contains(out, "main") {
		t.Fatalf("highlighted = %q", out)
	}
	if got := h.Code("nosuchlang", "<b>"); got != "<pre><code class=\"language-nosuchlang\">&lt;b&gt;</code></pre>\n" {
		t.Errorf("unknown language = %q", got)
	}
	h.Save()
	// A fresh Highlighter over the same folder reads the entry from disk
	// (it is not highlighted again: the pack is not rewritten).
	pack := filepath.Join(dir, "blocks.pack")
	before, err := os.Stat(pack)
	if err != nil {
		t.Fatal(err)
	}
	again := New(dir)
	if got := again.Code("go", "func main() {}\n"); got != out {
		t.Errorf("from disk = %q, want %q", got, out)
	}
	if again.disk.fresh {
		t.Error("an entry on disk was highlighted again")
	}
	again.Save()
	if after, _ := os.Stat(pack); !after.ModTime().Equal(before.ModTime()) {
		t.Error("a Save with nothing new rewrote the pack")
	}
	files, _ := os.ReadDir(dir)
	if len(files) != 1 {
		t.Fatalf("%d files in the cache folder, want the pack alone (the earlier one-file-per-block entries removed)", len(files))
	}
}

// TestCorruptEntryIsNeverServed damages the pack in ways a crash or a bad
// disk could, and checks that a new Highlighter ignores the damaged entry,
// keeps the sound ones before it, and writes the pack whole again.
func TestCorruptEntryIsNeverServed(t *testing.T) {
	dir := t.TempDir()
	h := New(dir)
	first := h.Code("go", "package a\n")
	want := h.Code("go", "package x\n")
	h.Save()
	pack := filepath.Join(dir, "blocks.pack")
	good, err := os.ReadFile(pack)
	if err != nil {
		t.Fatal(err)
	}
	// Entries are in key order; find where the entry of "package x" is.
	at := strings.Index(string(good), want)
	if at < 0 {
		t.Fatal("entry not in the pack")
	}
	evil := strings.Replace(string(good), want, strings.Repeat(" ", len(want)-len("<script>alert(1)</script>"))+"<script>alert(1)</script>", 1)
	damage := map[string][]byte{
		"truncated":   good[:len(good)-5],
		"flipped":     append(append([]byte{}, good[:at+10]...), append([]byte("XYZ"), good[at+13:]...)...),
		"empty":       {},
		"wrong magic": append([]byte("nonsense "), good[9:]...),
		"evil html":   []byte(evil),
	}
	for name, data := range damage {
		if err := os.WriteFile(pack, data, 0o644); err != nil {
			t.Fatal(err)
		}
		fresh := New(dir)
		if got := fresh.Code("go", "package x\n"); got != want {
			t.Errorf("%s entry served: %q", name, got)
		}
		if got := fresh.Code("go", "package a\n"); got != first {
			t.Errorf("%s: other entry %q", name, got)
		}
		fresh.Save()
		if fixed, _ := os.ReadFile(pack); len(fixed) != len(good) {
			t.Errorf("%s: pack was not written whole again (%d bytes, want %d)", name, len(fixed), len(good))
		}
	}
}

// TestPackKeepsUnusedBlocksForAWhile: a block no build uses is kept, a
// save older each time, so editing a page back does not highlight its
// code again; the pack never exceeds its bound.
func TestPackKeepsUnusedBlocksForAWhile(t *testing.T) {
	dir := t.TempDir()
	h := New(dir)
	old := h.Code("go", "package old\n")
	h.Save()
	h2 := New(dir)
	h2.Code("go", "package new\n")
	h2.Save()
	h3 := New(dir)
	if got := h3.Code("go", "package old\n"); got != old || h3.disk.fresh {
		t.Errorf("an unused block was not kept: fresh=%v", h3.disk.fresh)
	}
}

func TestSweep(t *testing.T) {
	h := New("")
	h.Code("go", "a")
	h.Sweep()
	h.Code("go", "b")
	h.Sweep()
	if n := len(h.mem) + len(h.kept.Keys()); n != 1 {
		t.Errorf("%d entries after sweeps, want 1 (the one used last)", n)
	}
	if b := h.Code("go", "b"); b != render(h.formatter, "go", "b") {
		t.Errorf("the block kept reads back as %q", b)
	}
}

func TestStylesheet(t *testing.T) {
	css, err := Stylesheet()
	if err != nil || !strings.Contains(string(css), "prefers-color-scheme: dark") {
		t.Fatalf("stylesheet: %v\n%s", err, css)
	}
}
