package build

import (
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// TestSameInputsTrustsStamps: a build into a site folder made from the
// same files takes each file's bytes by its stamp, without reading it,
// once the file has been left alone for the settle time; a file whose
// bytes changed is read even when its size and modification time were
// put back, and the site is then that of a fresh build.
func TestSameInputsTrustsStamps(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("stamps are taken only where stat gives a change time (Linux)")
	}
	dir := copyDossier(t)
	out := filepath.Join(t.TempDir(), "site")
	opts := Options{CacheDir: t.TempDir(), SourceDir: dir}
	build := func(name string, settle time.Duration) (*built, int) {
		b := NewBuilder(opts)
		b.settle = settle
		defer b.Close()
		got, diags := buildInto(t, b, dirFS(t, dir), out, nil)
		if got == nil {
			t.Fatalf("%s: build failed: %v", name, diags)
		}
		return got, b.inputsRead
	}
	// A first build reads the settings, templates and static files for
	// its key, and takes the content files' sums from its parses.
	if _, read := build("first build", 0); read != filesOutsideContent(t, dir) {
		t.Fatalf("the first build read %d files for its key, want %d (none under content/)", read, filesOutsideContent(t, dir))
	}
	again, read := build("nothing changed", 0)
	if !again.KeptAll || read != 0 {
		t.Errorf("nothing changed: kept all %t, read %d files; want true, 0", again.KeptAll, read)
	}

	// The same size and modification time, other bytes.
	file := filepath.Join(dir, "content", "briefs", "strategic-context.md")
	fi, err := os.Stat(file)
	if err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(file)
	changed := strings.Replace(string(data), "a", "b", 1)
	if changed == string(data) {
		t.Fatal("the brief has no letter a to change")
	}
	if err := os.WriteFile(file, []byte(changed), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(file, fi.ModTime(), fi.ModTime()); err != nil {
		t.Fatal(err)
	}
	// A negative settle trusts even a stamp taken after the change:
	// only the stamp's fields can tell the file changed.
	got, read := build("same size and time", -time.Hour)
	if got.KeptAll || read != 1 {
		t.Errorf("a file rewritten with its size and time put back: kept all %t, read %d files; want false, 1", got.KeptAll, read)
	}
	want, _ := generate(t, dirFS(t, dir), Options{})
	compareSums(t, "same size and time", sums(got.Files), sums(want.Files))

	// Under the default settle time a file just written is read again,
	// and the site is kept.
	got, read = build("just written", 2*time.Second)
	if !got.KeptAll || read == 0 {
		t.Errorf("files written just now: kept all %t, read %d files; want true and some read", got.KeptAll, read)
	}
}

// TestChangedInputsAreForgotten: a build whose files changed after its
// inputs key was made (a content file's parsed bytes, a template's
// stamp) records no inputs key with the site, so that putting the file
// back cannot keep a site made from other bytes; a build whose files held
// still records it.
func TestChangedInputsAreForgotten(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("stamps are taken only where stat gives a change time (Linux)")
	}
	dir := copyDossier(t)
	if err := os.MkdirAll(filepath.Join(dir, "templates"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "templates", "404.html"), []byte(`{{define "main"}}<h1>Not here</h1>{{end}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "site")
	opts := Options{CacheDir: t.TempDir(), SourceDir: dir}
	for _, tc := range []struct {
		name   string
		tamper func(stamps map[string]inputStamp)
		forget bool
	}{
		{"nothing changed during the build", func(map[string]inputStamp) {}, false},
		{"a brief's bytes changed", func(s map[string]inputStamp) {
			st := s["content/briefs/strategic-context.md"]
			st.Sum = strings.Repeat("0", 64)
			s["content/briefs/strategic-context.md"] = st
		}, true},
		{"a template changed", func(s map[string]inputStamp) {
			st := s["templates/404.html"]
			st.MTime--
			s["templates/404.html"] = st
		}, true},
	} {
		b := NewBuilder(opts)
		dest := SiteDir(out, opts.CacheDir)
		edit(t, dir, "content/briefs/strategic-context.md", func(s string) string { return s + "\n" + tc.name + ".\n" })
		if res, diags := b.Build(dirFS(t, dir), dest, nil); res == nil {
			t.Fatalf("%s: %v", tc.name, diags)
		}
		b.Close()
		if _, ok := dest.site.stamps.Files["templates/404.html"]; !ok {
			t.Fatalf("%s: the template has no stamp", tc.name)
		}
		dest.site.inputs = [32]byte{1}
		tc.tamper(dest.site.stamps.Files)
		b.forgetChangedInputs(dirFS(t, dir), dest)
		if forgot := dest.site.inputs == [32]byte{}; forgot != tc.forget {
			t.Errorf("%s: inputs key forgotten %t, want %t", tc.name, forgot, tc.forget)
		}
	}
}

// filesOutsideContent counts the dossier's own inputs at dir that are not
// content files: dossier.yaml and its files under templates/ and static/
// (the built-in ones have no stamp, and are always read).
func filesOutsideContent(t *testing.T, dir string) int {
	t.Helper()
	n := 1
	for _, sub := range []string{"templates", "static"} {
		filepath.WalkDir(filepath.Join(dir, sub), func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				n++
			}
			return nil
		})
	}
	return n
}
