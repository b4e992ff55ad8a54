package build

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/internal/layout"
)

// readTree returns every file under dir, by slash path.
func readTree(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestFailedBuildLeavesSiteUntouched(t *testing.T) {
	src := fstest.MapFS{
		"dossier.yaml":         {Data: []byte("title: T\n")},
		"content/_index.md":    {Data: []byte("---\ntitle: Home\n---\n[[a]]\n")},
		"content/briefs/a.md":  {Data: []byte("---\ntitle: A\n---\nText.\n")},
		"templates/extra.html": {Data: []byte(`{{define "main"}}x{{end}}`)},
	}
	fsys := layout.Overlay{Top: src, Bottom: dossier.Defaults}
	out := filepath.Join(t.TempDir(), "site")
	res, diags := Generate(fsys, Options{})
	if res == nil {
		t.Fatal(diags)
	}
	if err := Write(out, res.Files); err != nil {
		t.Fatal(err)
	}
	before := readTree(t, out)

	src["content/briefs/a.md"] = &fstest.MapFile{Data: []byte("---\ntitle: [broken\n---\n")}
	src["content/briefs/b.md"] = &fstest.MapFile{Data: []byte("---\ntitle: B\n---\n[[nowhere]]\n")}
	res, diags = Generate(fsys, Options{})
	if res != nil {
		t.Fatal("a build with errors must return no result")
	}
	got := diags.Errors().String()
	want := "content/briefs/a.md:2:8: front matter: sequence end token ']' not found\n" +
		"content/briefs/b.md:4:3: no page named \"nowhere\"\n"
	if got != want {
		t.Errorf("errors, all reported and sorted:\n%s\nwant:\n%s", got, want)
	}
	after := readTree(t, out)
	if len(after) != len(before) {
		t.Fatalf("site changed: %d files before, %d after", len(before), len(after))
	}
	for name, data := range before {
		if after[name] != data {
			t.Errorf("%s changed after a failed build", name)
		}
	}
}

func TestWriteReplacesAndRefuses(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "site")
	if err := Write(out, map[string][]byte{"a/index.html": []byte("a"), "b.txt": []byte("b")}); err != nil {
		t.Fatal(err)
	}
	if err := Write(out, map[string][]byte{"b.txt": []byte("b2")}); err != nil {
		t.Fatal(err)
	}
	tree := readTree(t, out)
	if _, ok := tree["a/index.html"]; ok || tree["b.txt"] != "b2" {
		t.Errorf("second write should replace the first: %v", tree)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("temporary folders left behind: %v", entries)
	}
	mine := filepath.Join(dir, "mine")
	if err := os.MkdirAll(mine, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(mine, "notes.txt"), []byte("keep"), 0o644); err != nil {
		t.Fatal(err)
	}
	err := Write(mine, map[string][]byte{"x": []byte("x")})
	if err == nil || !strings.Contains(err.Error(), "refusing to replace") {
		t.Errorf("Write over a folder it did not write: err = %v", err)
	}
	if b, _ := os.ReadFile(filepath.Join(mine, "notes.txt")); string(b) != "keep" {
		t.Error("the user's file was lost")
	}
}
