package watch

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

const debounce = 100 * time.Millisecond

// quiet is how long to wait to be sure that no further batch comes.
const quiet = 3 * debounce

// deadline bounds the wait for an expected batch.
const deadline = 10 * time.Second

// fixture is a dossier in a temporary folder with a Watcher on it.
type fixture struct {
	t    *testing.T
	root string
	w    *Watcher
}

// newFixture makes a dossier with content/x.md, content/briefs/a.md and
// templates/base.html (no static/, which is created by some tests), and
// watches it.
func newFixture(t *testing.T) *fixture {
	t.Helper()
	f := &fixture{t: t, root: t.TempDir()}
	f.write("content/x.md", "# x\n")
	f.write("content/briefs/a.md", "# a\n")
	f.write("templates/base.html", "<html></html>\n")
	f.write("dossier.yaml", "title: t\n")
	w, err := New(Options{
		Root:     f.root,
		Paths:    []string{"content", "templates", "static", "dossier.yaml"},
		Debounce: debounce,
		Logf:     t.Logf,
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	f.w = w
	return f
}

// path returns the OS path of rel.
func (f *fixture) path(rel string) string { return filepath.Join(f.root, filepath.FromSlash(rel)) }

func (f *fixture) write(rel, text string) {
	f.t.Helper()
	p := f.path(rel)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		f.t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		f.t.Fatal(err)
	}
}

func (f *fixture) rename(from, to string) {
	f.t.Helper()
	if err := os.Rename(f.path(from), f.path(to)); err != nil {
		f.t.Fatal(err)
	}
}

func (f *fixture) remove(rel string) {
	f.t.Helper()
	if err := os.Remove(f.path(rel)); err != nil {
		f.t.Fatal(err)
	}
}

// next waits for a batch, failing after deadline.
func (f *fixture) next() Batch {
	f.t.Helper()
	select {
	case b, ok := <-f.w.Batches():
		if !ok {
			f.t.Fatal("Batches closed")
		}
		return b
	case <-time.After(deadline):
		f.t.Fatal("no batch within", deadline)
	}
	return Batch{}
}

// none asserts that no batch arrives within the quiet period.
func (f *fixture) none() {
	f.t.Helper()
	select {
	case b := <-f.w.Batches():
		f.t.Fatalf("unexpected batch %q", b.Paths)
	case <-time.After(quiet):
	}
}

// expectOne asserts that exactly one batch arrives, naming want.
func (f *fixture) expectOne(want ...string) {
	f.t.Helper()
	b := f.next()
	f.none()
	slices.Sort(want)
	if !slices.Equal(b.Paths, want) {
		f.t.Errorf("batch = %q, want %q", b.Paths, want)
	}
}
