package build

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

func TestFailedBuildLeavesSiteUntouched(t *testing.T) {
	src := fstest.MapFS{
		"dossier.yaml":         {Data: []byte("title: T\n")},
		"content/_index.md":    {Data: []byte("---\ntitle: Home\n---\n[[a]]\n")},
		"content/briefs/a.md":  {Data: []byte("---\ntitle: A\n---\nText.\n")},
		"templates/extra.html": {Data: []byte(`{{define "main"}}x{{end}}`)},
	}
	out := filepath.Join(t.TempDir(), "site")
	b := NewBuilder(Options{})
	defer b.Close()
	if res, diags := buildInto(t, b, memFS(src), out, nil); res == nil {
		t.Fatal(diags)
	}
	before := readFiles(t, out)

	src["content/briefs/a.md"] = &fstest.MapFile{Data: []byte("---\ntitle: [broken\n---\n")}
	src["content/briefs/b.md"] = &fstest.MapFile{Data: []byte("---\ntitle: B\n---\n[[nowhere]]\n")}
	res, diags := buildInto(t, b, memFS(src), out, nil)
	if res != nil {
		t.Fatal("a build with errors must return no result")
	}
	got := diags.Errors().String()
	want := "content/briefs/a.md:2:8: front matter: unclosed \"[\": the list that starts here has no \"]\" (add \"]\" after its last item)\n" +
		"content/briefs/b.md:4:3: no page named \"nowhere\"\n"
	if got != want {
		t.Errorf("errors, all reported and sorted:\n%s\nwant:\n%s", got, want)
	}
	after := readFiles(t, out)
	if len(after) != len(before) {
		t.Fatalf("site changed: %d files before, %d after", len(before), len(after))
	}
	for name, data := range before {
		if string(after[name]) != string(data) {
			t.Errorf("%s changed after a failed build", name)
		}
	}
	assertNoLeftovers(t, filepath.Dir(out))
}

// assertNoLeftovers checks that only the site folder is left in dir.
func assertNoLeftovers(t *testing.T, dir string) {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if e.Name() != "site" {
			t.Errorf("left behind in %s: %s", dir, e.Name())
		}
	}
}

// TestSiteDirReplacesAndRefuses: a second build replaces the first's
// files whole, stale temporary folders of killed builds are removed,
// permissions are 0755 and 0644, and a folder dossier did not write is
// never replaced.
func TestSiteDirReplacesAndRefuses(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "site")
	src := fstest.MapFS{
		"dossier.yaml":        {Data: []byte("title: T\n")},
		"content/_index.md":   {Data: []byte("---\ntitle: Home\n---\n[[a]]\n")},
		"content/briefs/a.md": {Data: []byte("---\ntitle: A\n---\nText.\n")},
	}
	b := NewBuilder(Options{})
	defer b.Close()
	if res, diags := buildInto(t, b, memFS(src), out, nil); res == nil {
		t.Fatal(diags)
	}
	for _, stale := range []string{".site.new-123", ".site.old-456", ".site.new-789.old"} {
		if err := os.MkdirAll(filepath.Join(dir, stale, "briefs"), 0o700); err != nil {
			t.Fatal(err)
		}
	}
	delete(src, "content/briefs/a.md")
	src["content/_index.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Home\n---\n[[b]]\n")}
	src["content/briefs/b.md"] = &fstest.MapFile{Data: []byte("---\ntitle: B\n---\nText.\n")}
	res, diags := buildInto(t, b, memFS(src), out, nil)
	if res == nil {
		t.Fatal(diags)
	}
	if _, ok := res.Files["briefs/a/index.html"]; ok || res.Files["briefs/b/index.html"] == nil {
		t.Errorf("the second build did not replace the first: %d files", len(res.Files))
	}
	assertNoLeftovers(t, dir)
	checkModes(t, out)

	mine := filepath.Join(dir, "mine")
	if err := os.MkdirAll(mine, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(mine, "notes.txt"), []byte("keep"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, diags = buildInto(t, b, memFS(src), mine, nil)
	if !strings.Contains(diags.String(), "refusing to replace") {
		t.Errorf("a build over a folder it did not write: %v", diags)
	}
	if b, _ := os.ReadFile(filepath.Join(mine, "notes.txt")); string(b) != "keep" {
		t.Error("the user's file was lost")
	}
}

// checkModes checks that every folder of the site is 0755 and every file
// 0644.
func checkModes(t *testing.T, out string) {
	t.Helper()
	_ = filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		fi, _ := d.Info()
		want := os.FileMode(0o644)
		if d.IsDir() {
			want = 0o755
		}
		if fi.Mode().Perm() != want {
			t.Errorf("%s: mode %v, want %v", p, fi.Mode().Perm(), want)
		}
		return nil
	})
}

// An output's closures hold what it is made of (the search index's
// documents, /print/'s view, a feed's entries): produce lets go of each
// once it is made, so that a build does not hold the costly outputs,
// which it makes first, until its end.
func TestProduceLetsGoOfMadeOutputs(t *testing.T) {
	b := NewBuilder(Options{})
	defer b.Close()
	dest := Nowhere()
	if _, err := dest.begin([32]byte{}); err != nil {
		t.Fatal(err)
	}
	outs := []output{bytesOutput("a.txt", []byte("a")), bytesOutput("b/c.txt", []byte("c"))}
	if diags := b.produce(dest, outs, [32]byte{}, false); len(diags) > 0 {
		t.Fatal(diags)
	}
	if dest.written != 2 {
		t.Fatalf("%d outputs written, want 2", dest.written)
	}
	for _, o := range outs {
		if o.prepare != nil {
			t.Errorf("%s is made, and the list still holds what makes it", o.path)
		}
	}
}

// The costly outputs are made first, the search index's before the
// others; the rest keep their order.
func TestCostlyFirst(t *testing.T) {
	out := func(path string, costly bool) output { return output{path: path, costly: costly} }
	outs := costlyFirst([]output{out("briefs/a/index.html", false), out("print/index.html", true),
		out("feed.xml", true), out("search/index.json", true), out("briefs/b/index.html", false), out("search/terms-000.json", true)})
	var got []string
	for _, o := range outs {
		got = append(got, o.path)
	}
	want := "search/index.json search/terms-000.json print/index.html feed.xml briefs/a/index.html briefs/b/index.html"
	if strings.Join(got, " ") != want {
		t.Errorf("order %v, want %s", got, want)
	}
}
