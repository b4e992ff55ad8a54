package main

import (
	"io"
	"net/http"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/dossier-project/dossier/internal/build"
	"github.com/dossier-project/dossier/internal/buildtest"
	"github.com/dossier-project/dossier/internal/content"
	"github.com/dossier-project/dossier/internal/synthetic"
	"github.com/dossier-project/dossier/internal/urls"
)

// TestPrintPageOutline parses /print/ of the sample and of a generated
// dossier (whose bodies have headings, tables and code): one h1, a part
// per kind under h2, each document's title an h3 that outranks every
// heading of its body, no id twice, every in-page link to an id on the
// page, and every page of the dossier in it.
func TestPrintPageOutline(t *testing.T) {
	t.Run("sample", func(t *testing.T) {
		site, diags := buildtest.Build(t, "../..", build.Options{})
		if site == nil {
			t.Fatal(diags)
		}
		checkPrint(t, "print/index.html", site.Files["print/index.html"], printedPages(site))
	})
	t.Run("generated", func(t *testing.T) {
		spec := synthetic.Spec{Briefs: 40, Actors: 20, Events: 30, Sources: 5, Paragraphs: 6, Commentary: 4}
		site := buildtest.Generated(t, spec, build.Options{})
		checkPrint(t, "print/index.html", site.Files["print/index.html"], printedPages(site))
	})
}

// TestServePrintOnRequest asks "dossier serve" for /print/, which the
// preview makes only when it is first asked for: the whole dossier, as
// the build writes it.
func TestServePrintOnRequest(t *testing.T) {
	dir := copySample(t)
	site, diags := buildtest.Build(t, dir, build.Options{})
	if site == nil {
		t.Fatal(diags)
	}
	s := startServe(t, stepDeadline, "-src", dir, "-port", "0", "-cache", "")
	resp, err := http.Get(s.URL + "print/")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusOK || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") {
		t.Fatalf("GET /print/ in serve: %s, %s\n%.300s", resp.Status, resp.Header.Get("Content-Type"), body)
	}
	checkPrint(t, "serve's /print/", body, printedPages(site))
}

// printedPages lists the URLs of the pages /print/ must hold: every page
// but the home page.
func printedPages(site *buildtest.Site) []string {
	prefix := urls.New(site.Config.BaseURL.Value).Prefix()
	var out []string
	for _, n := range site.Graph.All() {
		if n.Kind() != content.Home {
			out = append(out, prefix+n.URL)
		}
	}
	slices.Sort(out)
	return out
}

func checkPrint(t *testing.T, name string, data []byte, pages []string) {
	t.Helper()
	doc := parseHTML(t, name, data)
	checkUniqueIDs(t, name, doc)
	if h1 := elements(doc, tag("h1")); len(h1) != 1 {
		t.Errorf("%s has %d h1, want 1", name, len(h1))
	}
	items := elements(doc, tagClass("article", "print-item"))
	var linked []string
	for _, it := range items {
		title, outranked := itemHeadings(it)
		if title == nil || title.Data != "h3" {
			t.Errorf("%s: document %s does not start with an h3 title", name, attrOf(it, "id"))
			continue
		}
		if a := first(title, tag("a")); a != nil {
			linked = append(linked, attrOf(a, "href"))
		}
		for _, h := range outranked {
			if h.Data <= "h3" {
				t.Errorf("%s: in document %s, <%s> %q does not rank below its title", name, attrOf(it, "id"), h.Data, textOf(h))
			}
		}
		if !within(it, tagClass("section", "print-part")) {
			t.Errorf("%s: document %s is outside a part", name, attrOf(it, "id"))
		}
	}
	for _, part := range elements(doc, tagClass("section", "print-part")) {
		if h := first(part, isHeading); h == nil || h.Data != "h2" {
			t.Errorf("%s: part %s does not start with an h2", name, attrOf(part, "id"))
		}
	}
	slices.Sort(linked)
	if !slices.Equal(linked, pages) {
		t.Errorf("%s holds %d documents, want %d:\n got %s\nwant %s", name, len(linked), len(pages), clip(linked, 8), clip(pages, 8))
	}
}

// itemHeadings returns a document's first heading and the others.
func itemHeadings(it *html.Node) (*html.Node, []*html.Node) {
	hs := elements(it, isHeading)
	if len(hs) == 0 {
		return nil, nil
	}
	return hs[0], hs[1:]
}

func isHeading(n *html.Node) bool {
	return len(n.Data) == 2 && n.Data[0] == 'h' && n.Data[1] >= '1' && n.Data[1] <= '6'
}

// checkUniqueIDs checks that no id is used twice on a page and that every
// in-page link names an id of the page.
func checkUniqueIDs(t *testing.T, name string, doc *html.Node) {
	t.Helper()
	ids := map[string]int{}
	for _, n := range elements(doc, func(n *html.Node) bool { return attrOf(n, "id") != "" }) {
		ids[attrOf(n, "id")]++
	}
	for id, count := range ids {
		if count > 1 {
			t.Errorf("%s: id %q is used %d times", name, id, count)
		}
	}
	for _, a := range elements(doc, tag("a")) {
		if h := attrOf(a, "href"); strings.HasPrefix(h, "#") && ids[h[1:]] == 0 {
			t.Errorf("%s: <a href=%q> names no id on the page", name, h)
		}
	}
}
