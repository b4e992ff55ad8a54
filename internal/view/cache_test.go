package view

import (
	"testing"

	"github.com/dossier-project/dossier/internal/content"
	"github.com/dossier-project/dossier/internal/contenttest"
	"github.com/dossier-project/dossier/internal/highlight"
	"github.com/dossier-project/dossier/internal/markdown"
	"github.com/dossier-project/dossier/internal/xref"
)

// TestListsFollowTagsAndDates: a graph with the last one's names whose
// pages have the same tags and dates takes the last tags and orders, with
// the tag pages' nodes its own; a changed tag or date makes them afresh.
func TestListsFollowTagsAndDates(t *testing.T) {
	files := map[string]string{
		"content/briefs/b.md": "---\ntitle: B\ndate: 2025-01\ntags: [x]\n---\nText.\n",
		"content/briefs/c.md": "---\ntitle: C\ndate: 2025-02\ntags: [y]\n---\nText.\n",
	}
	cache := NewCache()
	var last *xref.Graph
	step := func(file, src string) ([]tagPages, orders, *xref.Graph) {
		t.Helper()
		if file != "" {
			files[file] = src
		}
		g := resolveAll(t, files, last)
		last = g
		tags, order := cache.lists(g)
		return tags, order, g
	}
	tags, order, _ := step("", "")
	if len(tags) != 2 || tags[0].name != "x" || tags[1].name != "y" {
		t.Fatalf("tags = %+v, want x and y", tags)
	}
	bodyTags, bodyOrder, g := step("content/briefs/c.md", "---\ntitle: C\ndate: 2025-02\ntags: [y]\n---\nOther text.\n")
	if &bodyTags[0] != &tags[0] || bodyOrder.newest["brief/c"] != order.newest["brief/c"] {
		t.Error("a body edit made the tags or orders again")
	}
	if n := bodyTags[1].nodes(g); len(n) != 1 || n[0] != g.Lookup(content.Brief, "c") {
		t.Errorf("tag y's pages are %v, not this graph's brief c", n)
	}
	tagged, _, g := step("content/briefs/c.md", "---\ntitle: C\ndate: 2025-02\ntags: [x]\n---\nOther text.\n")
	if len(tagged) != 1 || len(tagged[0].nodes(g)) != 2 {
		t.Errorf("after c took tag x: tags = %+v, want x on both pages", tagged)
	}
	_, dated, _ := step("content/briefs/b.md", "---\ntitle: B\ndate: 2025-03\ntags: [x]\n---\nText.\n")
	if dated.newest["brief/b"] != 0 || dated.newest["brief/c"] != 1 {
		t.Errorf("after b's date moved to March: newest order = %v, want b first", dated.newest)
	}
}

// resolveAll parses files and resolves them, with last as the last graph.
func resolveAll(t *testing.T, files map[string]string, last *xref.Graph) *xref.Graph {
	t.Helper()
	set := contenttest.Load(t, files)
	md := markdown.New(highlight.New(""))
	var in []xref.Input
	for _, p := range set.All() {
		in = append(in, xref.Input{Page: p, Doc: md.Parse(p.Body, markdown.Options{})})
	}
	g, _ := xref.Resolve(in, xref.Options{Preview: true, Last: last})
	return g
}
