package main

import (
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/dossier-project/dossier/internal/build"
	"github.com/dossier-project/dossier/internal/buildtest"
)

// TestLongPagesHaveTOC checks every page of the sample: a page whose main
// element has more than three h2 has a table of contents (nav.toc) that
// links each of them, in order, and nothing else; a shorter page has
// none. /print/ has its own contents and is left out.
func TestLongPagesHaveTOC(t *testing.T) {
	site, diags := buildtest.Build(t, "../..", build.Options{})
	if site == nil {
		t.Fatal(diags)
	}
	long := 0
	for name, data := range site.Files {
		if !strings.HasSuffix(name, ".html") || name == "print/index.html" {
			continue
		}
		doc := parseHTML(t, name, data)
		main := first(doc, tag("main"))
		if main == nil {
			t.Errorf("%s has no <main>", name)
			continue
		}
		var want []string
		for _, h := range elements(main, tag("h2")) {
			want = append(want, "#"+attrOf(h, "id"))
		}
		nav := first(doc, tagClass("nav", "toc"))
		switch {
		case len(want) <= 3 && nav != nil:
			t.Errorf("%s has %d h2 and a table of contents", name, len(want))
		case len(want) > 3 && nav == nil:
			t.Errorf("%s has %d h2 and no table of contents", name, len(want))
		case nav != nil:
			long++
			got := hrefs(elements(nav, tag("a")))
			if !slices.Equal(got, want) {
				t.Errorf("%s: the table of contents links\n%q\nwant the page's h2, in order:\n%q", name, got, want)
			}
		}
	}
	if long == 0 {
		t.Error("no page of the sample has a table of contents")
	}
}

func hrefs(as []*html.Node) []string {
	out := make([]string, len(as))
	for i, a := range as {
		out[i] = attrOf(a, "href")
	}
	return out
}
