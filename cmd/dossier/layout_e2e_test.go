package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/dossier-project/dossier/internal/build"
	"github.com/dossier-project/dossier/internal/buildtest"
	"github.com/dossier-project/dossier/internal/content"
	"github.com/dossier-project/dossier/internal/synthetic"
)

// phone and desktop are the viewport widths the layout tests use, in CSS
// pixels.
const phone, desktop = 375, 1280

// overflow is what the page measures of its width.
type overflow struct {
	ScrollWidth, ClientWidth int
	// Wide describes the first elements that reach past the right edge.
	Wide []string
}

const measureOverflow = `(() => {
	const d = document.documentElement, w = d.clientWidth;
	const describe = e => e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") +
		(e.className && typeof e.className === "string" ? "." + e.className.trim().split(/\s+/).join(".") : "") +
		" “" + e.textContent.trim().slice(0, 40) + "” (right " + Math.round(e.getBoundingClientRect().right) + ")";
	const wide = [...document.body.querySelectorAll("*")].filter(e => e.getBoundingClientRect().right > w + 0.5);
	return {ScrollWidth: d.scrollWidth, ClientWidth: w, Wide: wide.slice(0, 6).map(describe)};
})()`

// TestNoSidewaysScrollOnPhone opens one page of every kind of the sample,
// and of a generated dossier (whose bodies have tables and code), at 375
// CSS px and checks that it does not scroll sideways
// (document.documentElement.scrollWidth <= clientWidth). Skipped without
// Chromium unless DOSSIER_E2E=1.
func TestNoSidewaysScrollOnPhone(t *testing.T) {
	requireChromium(t)
	b := newBrowser(t)
	t.Run("sample", func(t *testing.T) { checkNoSidewaysScroll(t, b, serveSample(t), pageKinds) })
	t.Run("generated", func(t *testing.T) {
		site, pages := serveGenerated(t)
		checkNoSidewaysScroll(t, b, site, pages)
	})
}

func checkNoSidewaysScroll(t *testing.T, b *browser, site string, pages []pageKind) {
	for _, p := range pages {
		for _, dark := range []bool{false, true} {
			b.open(t, site+p.path, phone, dark)
			o := eval[overflow](t, b, measureOverflow)
			if o.ScrollWidth > o.ClientWidth {
				t.Errorf("%s (/%s, dark %v) scrolls sideways at %d px: scrollWidth %d > clientWidth %d; too wide: %s",
					p.kind, p.path, dark, phone, o.ScrollWidth, o.ClientWidth, strings.Join(o.Wide, ", "))
			} else if !dark {
				t.Logf("%-16s scrollWidth %d, clientWidth %d", p.kind, o.ScrollWidth, o.ClientWidth)
			}
		}
	}
}

// graphCheck is what the page reports of its actor graph.
type graphCheck struct {
	Frames    int
	Labelled  bool // every frame is a focusable region with a name
	Scrolls   bool // a frame is narrower than its graph
	HintShown bool // a visible hint says the frame scrolls
	Shrunk    bool // a graph is drawn smaller than its natural size
	// Unlisted are the actors the graph links that the page does not
	// link outside it.
	Unlisted []string
}

const checkGraph = `(() => {
	const frames = [...document.querySelectorAll(".graph-frame")];
	const outside = new Set([...document.querySelectorAll("main a[href]")].filter(a => !a.closest("svg")).map(a => a.getAttribute("href")));
	const inside = frames.flatMap(f => [...f.querySelectorAll("svg a")]).map(a => a.getAttribute("href") || a.getAttribute("xlink:href"));
	const hints = [...document.querySelectorAll(".graph-hint")].filter(h => h.offsetParent !== null && h.getBoundingClientRect().height > 0);
	return {
		Frames: frames.length,
		Labelled: frames.every(f => f.getAttribute("role") === "region" && f.tabIndex === 0 && (f.getAttribute("aria-label") || "").length > 0),
		Scrolls: frames.some(f => f.scrollWidth > f.clientWidth + 1),
		HintShown: hints.length > 0,
		Shrunk: frames.some(f => { const s = f.querySelector("svg"); return s && s.getBoundingClientRect().width < s.viewBox.baseVal.width - 0.5; }),
		Unlisted: [...new Set(inside.filter(h => !outside.has(h)))],
	};
})()`

// TestActorGraphsOnPhone opens the pages with actor graphs at 375 and
// 1280 px: each graph is in a labelled, focusable frame and drawn at its
// natural size (its labels never shrink); a frame that scrolls sideways
// says so in a visible hint; every actor the graph links is also linked
// in the page's lists, which stand in for the graph.
func TestActorGraphsOnPhone(t *testing.T) {
	requireChromium(t)
	site := serveSample(t)
	b := newBrowser(t)
	for _, path := range []string{"actors/", "actors/kim-jong-un/"} {
		for _, width := range []int64{phone, desktop} {
			b.open(t, site+path, width, false)
			g := eval[graphCheck](t, b, checkGraph)
			where := fmt.Sprintf("/%s at %d px", path, width)
			switch {
			case g.Frames == 0:
				t.Errorf("%s: no graph frame", where)
			case !g.Labelled:
				t.Errorf("%s: a graph frame is not a focusable region with a label", where)
			case g.Shrunk:
				t.Errorf("%s: a graph is drawn smaller than its natural size", where)
			case g.Scrolls && !g.HintShown:
				t.Errorf("%s: the graph scrolls sideways with no visible hint", where)
			case len(g.Unlisted) > 0:
				t.Errorf("%s: the graph links actors the page lists nowhere else: %v", where, g.Unlisted)
			}
			t.Logf("%s: graph scrolls %v, hint shown %v", where, g.Scrolls, g.HintShown)
		}
	}
}

// citeCheck is what the page measures of its citation markers.
type citeCheck struct {
	Count               int
	MinWidth, MinHeight float64
	Small, Overlapping  []string
	Touching, Outside   []string
	NoWrap              int // .cite groups that cannot wrap
	ClientWidth         int
}

const measureCites = `(() => {
	const w = document.documentElement.clientWidth;
	const marks = [...document.querySelectorAll("a.cite-mark")].filter(a => a.getClientRects().length > 0);
	const rects = marks.map(a => a.getBoundingClientRect());
	const name = (i) => JSON.stringify(marks[i].textContent.trim()) + " at " + Math.round(rects[i].left) + "," + Math.round(rects[i].top + scrollY);
	const out = {Count: marks.length, MinWidth: 1e9, MinHeight: 1e9, Small: [], Overlapping: [], Touching: [], Outside: [], ClientWidth: w,
		NoWrap: [...document.querySelectorAll(".cite")].filter(c => getComputedStyle(c).whiteSpace.startsWith("nowrap")).length};
	rects.forEach((r, i) => {
		out.MinWidth = Math.min(out.MinWidth, r.width); out.MinHeight = Math.min(out.MinHeight, r.height);
		if (r.width < 24 || r.height < 24) out.Small.push(name(i) + " " + r.width.toFixed(1) + "×" + r.height.toFixed(1));
		if (r.left < 0 || r.right > w) out.Outside.push(name(i));
		for (let j = i + 1; j < rects.length; j++) {
			const q = rects[j];
			const gapX = Math.max(q.left - r.right, r.left - q.right), gapY = Math.max(q.top - r.bottom, r.top - q.bottom);
			if (gapX < 0 && gapY < 0) out.Overlapping.push(name(i) + " and " + name(j));
			else if (gapY < 0 && gapX < 2) out.Touching.push(name(i) + " and " + name(j));
		}
	});
	return out;
})()`

// TestCitationTapTargets measures every citation marker (a.cite-mark) of
// the pages richest in citations at 375 and 1280 px: each is at least
// 24×24 CSS px, none overlaps another, markers side by side on a line are
// at least 2 px apart, none reaches past the edge of the screen, and no
// group of markers is kept from wrapping.
func TestCitationTapTargets(t *testing.T) {
	requireChromium(t)
	site := serveSample(t)
	b := newBrowser(t)
	for _, path := range []string{"briefs/xi-letter-strategic-partnership/", "chronology/", "sources/article/", "actors/kim-jong-un/"} {
		for _, width := range []int64{phone, desktop} {
			b.open(t, site+path, width, false)
			c := eval[citeCheck](t, b, measureCites)
			where := fmt.Sprintf("/%s at %d px", path, width)
			if c.Count == 0 {
				t.Errorf("%s: no citation markers", where)
				continue
			}
			t.Logf("%s: %d markers, smallest %.1f×%.1f px", where, c.Count, c.MinWidth, c.MinHeight)
			for what, list := range map[string][]string{"smaller than 24×24 px": c.Small, "overlapping": c.Overlapping,
				"less than 2 px apart": c.Touching, "past the edge of the screen": c.Outside} {
				if len(list) > 0 {
					t.Errorf("%s: %d markers %s: %s", where, len(list), what, clip(list, 4))
				}
			}
			if c.NoWrap > 0 {
				t.Errorf("%s: %d groups of markers cannot wrap", where, c.NoWrap)
			}
		}
	}
}

// tocCheck is what the page measures of its table of contents.
type tocCheck struct {
	Found                   bool
	Left, Right, Top        float64
	Bottom, Height, Width   float64
	MainLeft, MainRight     float64
	MainTop, TopAfterScroll float64
	Broken                  []string // links to no element of the page
}

const measureTOC = `(() => {
	const toc = document.querySelector("nav.toc"), main = document.querySelector("main");
	if (!toc) return {Found: false};
	const r = toc.getBoundingClientRect(), m = main.getBoundingClientRect();
	const out = {Found: true, Left: r.left, Right: r.right, Top: r.top, Bottom: r.bottom, Height: r.height, Width: r.width,
		MainLeft: m.left, MainRight: m.right, MainTop: m.top,
		Broken: [...toc.querySelectorAll("a")].map(a => a.getAttribute("href")).filter(h => !document.getElementById(h.slice(1)))};
	window.scrollTo(0, document.documentElement.scrollHeight / 2);
	out.TopAfterScroll = toc.getBoundingClientRect().top;
	window.scrollTo(0, 0);
	return out;
})()`

// TestTableOfContentsPlacement opens the sample's longest brief: at 1280
// px its table of contents sits in the right margin beside the main
// column and stays in view while the page scrolls; at 375 px it comes
// before the main column, fits the screen and stays compact. Its links
// all lead somewhere on the page.
func TestTableOfContentsPlacement(t *testing.T) {
	requireChromium(t)
	site := serveSample(t)
	b := newBrowser(t)
	const path = "briefs/xi-letter-strategic-partnership/"
	b.open(t, site+path, desktop, false)
	c := eval[tocCheck](t, b, measureTOC)
	switch {
	case !c.Found:
		t.Fatalf("/%s has no table of contents", path)
	case len(c.Broken) > 0:
		t.Errorf("the table of contents links to nothing on the page: %v", c.Broken)
	case c.Left < c.MainRight-1:
		t.Errorf("at %d px the table of contents (left %.0f) is not beside the main column (right %.0f)", desktop, c.Left, c.MainRight)
	case c.Top > 300 || c.TopAfterScroll < 0 || c.TopAfterScroll > 100:
		t.Errorf("at %d px the table of contents is not kept in view: top %.0f, %.0f once scrolled", desktop, c.Top, c.TopAfterScroll)
	}
	t.Logf("%d px: table of contents at x %.0f–%.0f beside main (x %.0f–%.0f); top %.0f, %.0f once scrolled",
		desktop, c.Left, c.Right, c.MainLeft, c.MainRight, c.Top, c.TopAfterScroll)

	b.open(t, site+path, phone, false)
	c = eval[tocCheck](t, b, measureTOC)
	switch {
	case c.Bottom > c.MainTop+1:
		t.Errorf("at %d px the table of contents (bottom %.0f) does not come before the main column (top %.0f)", phone, c.Bottom, c.MainTop)
	case c.Left < 0 || c.Right > phone:
		t.Errorf("at %d px the table of contents (x %.0f–%.0f) does not fit the screen", phone, c.Left, c.Right)
	case c.Height > 300:
		t.Errorf("at %d px the table of contents is %.0f px high, more than 300", phone, c.Height)
	}
	t.Logf("%d px: table of contents %.0f×%.0f px above main", phone, c.Width, c.Height)
}

// TestFrameIsSteady: at 1280 px the site title, the first link of the
// navigation and the main column's left edge are at the same place on
// every page kind, with a table of contents or without one, so nothing
// jumps when a reader goes from page to page.
func TestFrameIsSteady(t *testing.T) {
	requireChromium(t)
	site := serveSample(t)
	b := newBrowser(t)
	const measure = `[document.querySelector(".site-title").getBoundingClientRect().left,
		document.querySelector(".site-header nav a").getBoundingClientRect().left,
		document.querySelector(".site-header nav a").getBoundingClientRect().top,
		document.querySelector("main").getBoundingClientRect().left].map(Math.round)`
	var first []float64
	for _, path := range []string{"", "briefs/", "briefs/xi-letter-strategic-partnership/", "commentary/", "chronology/", "search/", "print/", "actors/kim-jong-un/", "method/", "404.html"} {
		b.open(t, site+path, desktop, false)
		got := eval[[]float64](t, b, measure)
		if first == nil {
			first = got
			continue
		}
		if !slices.Equal(got, first) {
			t.Errorf("/%s: title, nav and main at %v, the home page at %v", path, got, first)
		}
	}
}

// smallGeneratedSpec is a generated dossier with a little of everything,
// for the browser and checker tests.
func smallGeneratedSpec() synthetic.Spec {
	return synthetic.Spec{Briefs: 20, Actors: 12, Events: 16, Sources: 4, Paragraphs: 6, Commentary: 3}
}

// serveGenerated builds a generated dossier and serves it on 127.0.0.1
// until the test ends; it returns the site's URL and one page of each
// kind, with the lists, the chronology and /print/.
func serveGenerated(t *testing.T) (string, []pageKind) {
	t.Helper()
	site := buildtest.Generated(t, smallGeneratedSpec(), build.Options{})
	srv := httptest.NewServer(http.FileServerFS(os.DirFS(site.Dir)))
	t.Cleanup(srv.Close)
	pages := []pageKind{{"home", ""}, {"chronology", "chronology/"}, {"print", "print/"}}
	for _, k := range content.Kinds() {
		pages = append(pages, pageKind{k.Plural(), k.Folder() + "/"})
		if nodes := site.Graph.ByKind(k); len(nodes) > 0 {
			pages = append(pages, pageKind{string(k), nodes[0].URL})
		}
	}
	return srv.URL + "/", pages
}
