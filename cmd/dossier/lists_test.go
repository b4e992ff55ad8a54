package main

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/dossier-project/dossier/internal/build"
	"github.com/dossier-project/dossier/internal/buildtest"
	"github.com/dossier-project/dossier/internal/content"
	"github.com/dossier-project/dossier/internal/edtf"
	"github.com/dossier-project/dossier/internal/synthetic"
	"github.com/dossier-project/dossier/internal/urls"
	"github.com/dossier-project/dossier/internal/xref"
)

// listSpec is the generated dossier the list tests build: 300 briefs, and
// enough of every other kind to fill a list.
var listSpec = synthetic.Spec{Briefs: 300, Actors: 40, Events: 60, Sources: 10, Paragraphs: 8, Commentary: 12}

// TestListPagesLinkEveryPage checks every list page of the sample and of
// a generated dossier against the pages the build wrote: /briefs/,
// /actors/, /events/, /commentary/ and /sources/ link every page of
// their kind once, and /tags/<tag>/ every page that shows the tag; lists
// are newest first, undated last, and each entry shows its kind and its
// date at its own precision.
func TestListPagesLinkEveryPage(t *testing.T) {
	t.Run("sample", func(t *testing.T) {
		site, diags := buildtest.Build(t, "../..", build.Options{})
		if site == nil {
			t.Fatal(diags)
		}
		checkLists(t, site, nil)
	})
	t.Run("generated", func(t *testing.T) {
		if testing.Short() {
			t.Skip("building 300 briefs is skipped in -short mode")
		}
		site := buildtest.Generated(t, listSpec, build.Options{})
		checkLists(t, site, map[content.Kind]int{content.Brief: listSpec.Briefs, content.Actor: listSpec.Actors,
			content.Event: listSpec.Events, content.Commentary: listSpec.Commentary, content.Source: listSpec.Sources})
	})
}

func checkLists(t *testing.T, site *buildtest.Site, counts map[content.Kind]int) {
	prefix := urls.New(site.Config.BaseURL.Value).Prefix()
	nodes := map[string]*xref.Node{}
	for _, n := range site.Graph.All() {
		nodes[prefix+n.URL] = n
	}
	for _, k := range content.Kinds() {
		pages := pagesUnder(site.Files, k.Folder()+"/", prefix)
		if want, ok := counts[k]; ok && len(pages) != want {
			t.Errorf("%d %s pages written, want %d", len(pages), k, want)
		}
		if len(pages) == 0 {
			t.Errorf("no %s page written", k)
		}
		list := k.Folder() + "/index.html"
		items := listItems(t, list, site.Files[list])
		sameLinks(t, list, items, pages)
		checkItems(t, list, items, nodes, k != content.Actor)
	}
	checkTagLists(t, site.Files, prefix, nodes)
}

// pagesUnder returns the URLs of the pages written one level under
// folder ("briefs/x/index.html" is prefix+"briefs/x/").
func pagesUnder(files map[string][]byte, folder, prefix string) []string {
	var out []string
	for name := range files {
		rest, ok := strings.CutPrefix(name, folder)
		if slug, ok2 := strings.CutSuffix(rest, "/index.html"); ok && ok2 && !strings.Contains(slug, "/") {
			out = append(out, prefix+folder+slug+"/")
		}
	}
	slices.Sort(out)
	return out
}

// listItem is one entry of a list page.
type listItem struct {
	href, kind, meta string
}

// listItems returns the entries of the lists of pages (ul.cards) in a
// page's main element.
func listItems(t *testing.T, name string, data []byte) []listItem {
	t.Helper()
	if data == nil {
		t.Errorf("no %s", name)
		return nil
	}
	doc := parseHTML(t, name, data)
	main := first(doc, tag("main"))
	if main == nil {
		t.Errorf("%s has no <main>", name)
		return nil
	}
	var out []listItem
	for _, li := range elements(main, tag("li")) {
		if li.Parent == nil || !hasClass(li.Parent, "cards") {
			continue
		}
		a := first(li, tag("a"))
		kind, meta := first(li, tagClass("span", "card-kind")), first(li, tagClass("span", "card-meta"))
		if a == nil || kind == nil || meta == nil {
			t.Errorf("%s: an entry without a link, a kind or a date line: %q", name, textOf(li))
			continue
		}
		out = append(out, listItem{href: attrOf(a, "href"), kind: textOf(kind), meta: textOf(meta)})
	}
	return out
}

// sameLinks checks that items link each of pages exactly once, and
// nothing else.
func sameLinks(t *testing.T, name string, items []listItem, pages []string) {
	t.Helper()
	seen := map[string]int{}
	for _, it := range items {
		seen[it.href]++
	}
	var missing, extra, twice []string
	for _, p := range pages {
		if seen[p] == 0 {
			missing = append(missing, p)
		}
	}
	for _, h := range slices.Sorted(maps.Keys(seen)) {
		if !slices.Contains(pages, h) {
			extra = append(extra, h)
		} else if seen[h] > 1 {
			twice = append(twice, h)
		}
	}
	for what, hrefs := range map[string][]string{"does not link": missing, "links pages that are not of its kind": extra, "links twice": twice} {
		if len(hrefs) > 0 {
			t.Errorf("%s %s %d of %d: %s", name, what, len(hrefs), len(pages), clip(hrefs, 5))
		}
	}
}

// checkItems checks that each entry shows its page's kind and date, and,
// when ordered, that entries are newest first with the undated last.
func checkItems(t *testing.T, name string, items []listItem, nodes map[string]*xref.Node, ordered bool) {
	t.Helper()
	var prev *xref.Node
	for _, it := range items {
		n := nodes[it.href]
		if n == nil {
			continue // reported by sameLinks
		}
		if want := kindWord(n.Kind()); it.kind != want {
			t.Errorf("%s: %s shows the kind %q, want %q", name, it.href, it.kind, want)
		}
		if d := listDate(n); !d.IsZero() && !strings.Contains(it.meta, d.Display()) {
			t.Errorf("%s: %s shows %q, without its date %q", name, it.href, it.meta, d.Display())
		}
		if ordered && prev != nil && !newestFirst(listDate(prev), listDate(n)) {
			t.Errorf("%s: %s (%s) is listed before %s (%s)", name, prev.URL, listDate(prev), n.URL, listDate(n))
		}
		prev = n
	}
}

// listDate is the date a list orders a page by: a source's publication,
// any other page's date.
func listDate(n *xref.Node) edtf.Date {
	if n.Kind() == content.Source {
		return n.Page.Dates.Published
	}
	return n.Page.Dates.Date
}

// newestFirst reports whether a may be listed before b.
func newestFirst(a, b edtf.Date) bool {
	switch {
	case b.IsZero():
		return true
	case a.IsZero():
		return false
	}
	return edtf.Compare(a, b) >= 0
}

func kindWord(k content.Kind) string { return strings.ToUpper(string(k)[:1]) + string(k)[1:] }

// checkTagLists checks /tags/ and every /tags/<tag>/ against the tag
// links the pages show.
func checkTagLists(t *testing.T, files map[string][]byte, prefix string, nodes map[string]*xref.Node) {
	t.Helper()
	tagged := map[string][]string{} // tag page URL -> pages that link it with a.tag
	pages := []string{prefix}
	for _, k := range content.Kinds() {
		pages = append(pages, pagesUnder(files, k.Folder()+"/", prefix)...)
	}
	for _, p := range pages {
		name := strings.TrimPrefix(p, prefix) + "index.html"
		for _, a := range elements(parseHTML(t, name, files[name]), tagClass("a", "tag")) {
			tagged[attrOf(a, "href")] = append(tagged[attrOf(a, "href")], p)
		}
	}
	tagPages := pagesUnder(files, "tags/", prefix)
	if len(tagPages) == 0 || !slices.Equal(tagPages, slices.Sorted(maps.Keys(tagged))) {
		t.Errorf("tag pages written: %s\ntags shown on pages: %s", clip(tagPages, 20), clip(slices.Sorted(maps.Keys(tagged)), 20))
	}
	index := elements(parseHTML(t, "tags/index.html", files["tags/index.html"]), tag("a"))
	for _, tp := range tagPages {
		if !slices.ContainsFunc(index, func(a *html.Node) bool { return attrOf(a, "href") == tp }) {
			t.Errorf("/tags/ does not link %s", tp)
		}
		name := strings.TrimPrefix(tp, prefix) + "index.html"
		items := listItems(t, name, files[name])
		want := slices.Sorted(slices.Values(tagged[tp]))
		sameLinks(t, name, items, slices.Compact(want))
		checkItems(t, name, items, nodes, true)
	}
}

// clip formats at most n of list.
func clip(list []string, n int) string {
	if len(list) <= n {
		return strings.Join(list, " ")
	}
	return strings.Join(list[:n], " ") + fmt.Sprintf(" … (%d more)", len(list)-n)
}
