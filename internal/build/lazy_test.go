package build

import (
	"io/fs"
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
	dir, b, dest := servedSample(t)
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
	want := freshPreview(t, dir)
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

// TestPreviewListsSearchOnRequest: after an edit in a preview, the search
// index's files are not even listed by the rebuild; the first request for
// one lists them, from that build's pages. A generation still answers
// with its own index after the next build, even while that build runs,
// and what it answers is what a fresh build makes.
func TestPreviewListsSearchOnRequest(t *testing.T) {
	dir, b, dest := servedSample(t)
	const brief = "content/briefs/strategic-context.md"
	edit(t, dir, brief, func(s string) string { return s + "\nA zanzibarish sentence.\n" })
	first, diags := b.Build(dirFS(t, dir), dest, []string{brief})
	if first == nil {
		t.Fatal(diags)
	}
	gen := first.Generation
	for p := range gen.files {
		if strings.HasPrefix(p, "search/") && p != "search/index.html" {
			t.Fatalf("the rebuild listed %s", p)
		}
	}
	if gen.Has("favicon.ico") || len(gen.groups) != 1 || gen.groups[0].files != nil {
		t.Fatal("the search index is not one group, listed on request (and only for its own files)")
	}
	fresh := freshPreview(t, dir)
	if !first.SearchOnRequest || fresh.SearchOnRequest || first.Outputs >= fresh.Outputs {
		t.Errorf("the rebuild counts %d files, SearchOnRequest %t; a first build %d, %t: the rebuild's count must say it leaves the index out",
			first.Outputs, first.SearchOnRequest, fresh.Outputs, fresh.SearchOnRequest)
	}

	edit(t, dir, brief, func(s string) string { return strings.Replace(s, "zanzibarish", "quokkaesque", 1) })
	read := make(chan error, 1)
	files := map[string][]byte{}
	go func() { // while the next build runs
		for _, p := range gen.Paths() {
			data, err := fs.ReadFile(gen, p)
			if err != nil {
				read <- err
				return
			}
			files[p] = data
		}
		read <- nil
	}()
	second, diags := b.Build(dirFS(t, dir), dest, []string{brief})
	if second == nil {
		t.Fatal(diags)
	}
	if err := <-read; err != nil {
		t.Fatal(err)
	}
	if !gen.Has("search/index.json") || !second.Generation.Has("search/terms-000.json") {
		t.Error("a generation does not have its index's files")
	}
	compareSums(t, "search listed on request", sums(files), sums(generationFiles(t, fresh.Generation)))
	if !termsHave(files, "zanzibarish") || termsHave(files, "quokkaesque") {
		t.Error("the first generation's index is not made from its own pages")
	}
	if now := generationFiles(t, second.Generation); !termsHave(now, "quokkaesque") || termsHave(now, "zanzibarish") {
		t.Error("the second generation's index is not made from its own pages")
	}
}

// termsHave reports whether a term shard among files has word.
func termsHave(files map[string][]byte, word string) bool {
	for p, data := range files {
		if strings.HasPrefix(p, "search/terms-") && strings.Contains(string(data), `["`+word+`",`) {
			return true
		}
	}
	return false
}

// servedSample is a copy of the sample dossier, previewed once by the
// Builder returned, into dest, as dossier serve starts.
func servedSample(t *testing.T) (dir string, b *Builder, dest *Dest) {
	t.Helper()
	dir = copyDossier(t)
	b = NewBuilder(Options{Preview: true, Drafts: true})
	t.Cleanup(func() { b.Close() })
	dest = previewDest(t)
	if res, diags := b.Build(dirFS(t, dir), dest, nil); res == nil {
		t.Fatal(diags)
	}
	return dir, b, dest
}

// freshPreview is the first preview build of dir by a new Builder: what
// a preview's rebuilds must serve.
func freshPreview(t *testing.T, dir string) *Result {
	t.Helper()
	b := NewBuilder(Options{Preview: true, Drafts: true})
	t.Cleanup(func() { b.Close() })
	res, diags := b.Build(dirFS(t, dir), previewDest(t), nil)
	if res == nil {
		t.Fatal(diags)
	}
	return res
}
