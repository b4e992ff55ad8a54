package main

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/chromedp/chromedp"

	"github.com/dossier-project/dossier/internal/build"
	"github.com/dossier-project/dossier/internal/buildtest"
)

// TestSearchInBrowser builds the sample under a base path, serves it there
// and types a query into /search/ in headless Chromium: static/search.js
// loads search.json and lists exactly the matching pages, linked under the
// base path, and hides the no-script index. Skipped without Chromium
// unless DOSSIER_E2E=1.
func TestSearchInBrowser(t *testing.T) {
	requireChromium(t)
	res, diags := buildtest.Build(t, "../..", build.Options{BaseURL: "https://example.org/dossier/"})
	if res == nil {
		t.Fatal(diags)
	}
	site := fstest.MapFS{}
	for name, data := range res.Files {
		site[name] = &fstest.MapFile{Data: data}
	}
	srv := httptest.NewServer(http.StripPrefix("/dossier", http.FileServerFS(site)))
	defer srv.Close()

	b := newBrowser(t)
	ctx, cancel := context.WithTimeout(b.ctx, stepDeadline)
	err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/dossier/search/"), chromedp.WaitVisible("#search-q"),
		chromedp.SendKeys("#search-q", "Memorandum Pyöngyang"))
	cancel()
	if err != nil {
		t.Fatal(err)
	}
	b.waitFor(t, "results for the query", `(() => {
		const links = [...document.querySelectorAll(".search-results a")];
		return links.length > 0 &&
			links.every(a => a.getAttribute("href").startsWith("/dossier/")) &&
			links.some(a => a.getAttribute("href") === "/dossier/events/indonesia-dprk-memorandum/") &&
			document.querySelector(".search-all").hidden &&
			new URL(location.href).searchParams.get("q") === "Memorandum Pyöngyang";
	})()`)
	ctx, cancel = context.WithTimeout(b.ctx, stepDeadline)
	titles, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll(".search-results a")].map(a => a.textContent)`))
	cancel()
	if err != nil {
		t.Fatal(err)
	}
	for _, title := range titles {
		if strings.Contains(title, "Xi Jinping's letter") {
			t.Errorf("a page without the word memorandum is listed: %q", title)
		}
	}
}
