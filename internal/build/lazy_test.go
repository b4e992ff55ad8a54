package build

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestPreviewMakesListsOnRequest: after an edit in a preview, the pages of
// the whole dossier (home, lists, tags, chronology) are made when asked
// for, not by the rebuild, and are then what a fresh build makes; but
// when the templates changed they are made by the build, so that a
// template's error fails it where the editor sees it.
func TestPreviewMakesListsOnRequest(t *testing.T) {
	dir := copyDossier(t)
	b := NewBuilder(Options{Preview: true, Drafts: true})
	defer b.Close()
	dest := previewDest(t)
	if res, diags := b.Build(dirFS(t, dir), dest, nil); res == nil {
		t.Fatal(diags)
	}
	brief := edit(t, dir, "content/briefs/strategic-context.md", func(s string) string { return s + "\nA new sentence.\n" })
	res, diags := b.Build(dirFS(t, dir), dest, []string{brief})
	if res == nil {
		t.Fatal(diags)
	}
	for _, p := range []string{"index.html", "briefs/index.html", "tags/index.html", "chronology/index.html"} {
		if loc := res.Generation.files[p]; loc == nil || loc.lazy == nil {
			t.Errorf("%s was made by the rebuild, not on request", p)
		}
	}
	if loc := res.Generation.files["briefs/strategic-context/index.html"]; loc == nil || loc.lazy != nil {
		t.Error("the edited brief was not made by the rebuild")
	}
	fresh := NewBuilder(Options{Preview: true, Drafts: true})
	defer fresh.Close()
	want, diags := fresh.Build(dirFS(t, dir), previewDest(t), nil)
	if want == nil {
		t.Fatal(diags)
	}
	compareSums(t, "lists made on request", sums(generationFiles(t, res.Generation)), sums(generationFiles(t, want.Generation)))

	list := filepath.Join(dir, "templates", "list.html")
	if err := os.MkdirAll(filepath.Dir(list), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(list, []byte(`{{define "main"}}<h1>{{.Titel}}</h1>{{end}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	res, diags = b.Build(dirFS(t, dir), dest, []string{"templates/list.html"})
	if res != nil || !strings.Contains(diags.String(), "templates/list.html") {
		t.Errorf("a list template that cannot execute did not fail the build at its file:\n%v", diags)
	}
}
