package main

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/dossier-project/dossier/internal/build"
	"github.com/dossier-project/dossier/internal/dossierfs"
)

// benchQueries are the benchmark's queries: common words (in most pages
// of the synthetic dossier), a rare name, two and three words, prefixes
// as typed (down to one letter), a title.
var benchQueries = []string{
	"memorandum", "roadmap", "brixplov", "summit delegation", "railway minister border",
	"m", "me", "memo", "del", "brief 00042", "Pyöngyang",
}

// BenchmarkSearchInBrowser measures search in headless Chromium: it builds
// a dossier (the sample; a synthetic one of 10,000 briefs), serves it on
// 127.0.0.1, opens /search/ and times queries in the page with
// performance.now(). Each iteration runs every query once through the
// index (DossierSearch.page.index.search: ranking over the term shards
// already loaded) and once through the page (DossierSearch.page.run: the
// same, then the results with their passages put on the page).
//
// Reported: query-ms (median over every query and iteration of the index
// search), query-p95-ms, query-max-ms, page-ms (median of the page's
// run), load-ms (manifest and MiniSearch, first use) and cold-ms (the
// median first run of a query, which fetches its shards); with -v, each
// query's median. Skipped without Chromium. Run with:
//
//	go test -run '^$' -bench SearchInBrowser -benchtime 10x ./cmd/dossier
func BenchmarkSearchInBrowser(b *testing.B) {
	b.Run("sample", func(b *testing.B) { benchSearch(b, latencySample(b)) })
	b.Run("10k-briefs", func(b *testing.B) { benchSearch(b, latency10k(b)) })
}

func benchSearch(b *testing.B, dir string) {
	if _, err := os.Stat(chromiumPath); err != nil {
		b.Skipf("Chromium is not installed at %s", chromiumPath)
	}
	url := serveBuilt(b, dir)
	br := newBrowser(b)
	ctx, cancel := context.WithTimeout(br.ctx, 5*time.Minute)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.Navigate(url+"search/"), chromedp.WaitVisible("#search-q")); err != nil {
		b.Fatal(err)
	}
	first := benchRun(b, ctx, true)
	if !slices.ContainsFunc(first.Hits, func(n int) bool { return n > 0 }) {
		b.Fatalf("no query found anything: %v", first.Hits)
	}
	benchRun(b, ctx, false) // fetches the documents the page shows
	var query, page []float64
	per := make([][]float64, len(benchQueries))
	for b.Loop() {
		r := benchRun(b, ctx, false)
		query = append(query, r.Query...)
		page = append(page, r.Page...)
		for i, ms := range r.Query {
			per[i] = append(per[i], ms)
		}
	}
	for i, q := range benchQueries {
		b.Logf("%-24q %6d pages  median %6.1f ms  (first %6.1f ms)", q, first.Hits[i], median(per[i]), first.Query[i])
	}
	slices.Sort(query)
	b.ReportMetric(median(query), "query-ms")
	b.ReportMetric(query[len(query)*95/100], "query-p95-ms")
	b.ReportMetric(query[len(query)-1], "query-max-ms")
	b.ReportMetric(median(page), "page-ms")
	b.ReportMetric(first.Load, "load-ms")
	b.ReportMetric(median(first.Query), "cold-ms")
}

// benchResult is one pass over the queries, timed in the page.
type benchResult struct {
	Load  float64   // manifest and library, when first is set
	Query []float64 // ms per query, index only
	Page  []float64 // ms per query, through the page
	Hits  []int
}

func benchRun(b *testing.B, ctx context.Context, first bool) benchResult {
	q, _ := json.Marshal(benchQueries)
	js := `(async (queries, first) => {
		const ix = DossierSearch.page.index, input = document.querySelector("#search-q"), out = { Load: 0, Query: [], Page: [], Hits: [] };
		let t = performance.now();
		await ix.load();
		out.Load = performance.now() - t;
		for (const q of queries) {
			t = performance.now();
			const res = await ix.search(q);
			out.Query.push(performance.now() - t);
			out.Hits.push(res.ids.length);
			if (first) continue;
			input.value = q;
			t = performance.now();
			await DossierSearch.page.run(q);
			out.Page.push(performance.now() - t);
		}
		return JSON.stringify(out);
	})(` + string(q) + `, ` + map[bool]string{true: "true", false: "false"}[first] + `)`
	s, err := chromedp.Run(ctx, chromedp.Evaluate[string](js, chromedp.EvalAwaitPromise))
	if err != nil {
		b.Fatal(err)
	}
	var r benchResult
	if err := json.Unmarshal([]byte(s), &r); err != nil {
		b.Fatal(err)
	}
	return r
}

// serveBuilt builds the dossier in dir into a temporary site folder and
// serves it on 127.0.0.1 until the benchmark ends; it returns the site's
// URL.
func serveBuilt(b *testing.B, dir string) string {
	d, err := dossierfs.Open(dir)
	if err != nil {
		b.Fatal(err)
	}
	defer d.Close()
	bld := build.NewBuilder(build.Options{BaseURL: "/"})
	defer bld.Close()
	out := filepath.Join(b.TempDir(), "site")
	if res, diags := bld.Build(d.FS(), build.SiteDir(out, ""), nil); res == nil {
		b.Fatal(diags)
	}
	root, err := os.OpenRoot(out)
	if err != nil {
		b.Fatal(err)
	}
	srv := httptest.NewServer(http.FileServerFS(root.FS()))
	b.Cleanup(func() {
		srv.Close()
		root.Close()
	})
	return strings.TrimSuffix(srv.URL, "/") + "/"
}

func median(xs []float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	if len(s) == 0 {
		return 0
	}
	return s[len(s)/2]
}
