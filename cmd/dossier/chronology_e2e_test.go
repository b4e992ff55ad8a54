package main

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"
	"testing/fstest"

	"github.com/chromedp/chromedp"

	"github.com/dossier-project/dossier/internal/build"
	"github.com/dossier-project/dossier/internal/buildtest"
)

// TestChronologyFilterInBrowser opens the sample's chronology in headless
// Chromium: static/chronology.js replaces the list of actor links with a
// <select>, and choosing an actor hides exactly the items that do not name
// it, and the months left empty; the choice is kept in the address.
// Skipped without Chromium unless DOSSIER_E2E=1.
func TestChronologyFilterInBrowser(t *testing.T) {
	requireChromium(t)
	res, diags := buildtest.Build(t, "../..", build.Options{})
	if res == nil {
		t.Fatal(diags)
	}
	site := fstest.MapFS{}
	for name, data := range res.Files {
		site[name] = &fstest.MapFile{Data: data}
	}
	srv := httptest.NewServer(http.FileServerFS(site))
	defer srv.Close()

	b := newBrowser(t)
	nav, cancel := context.WithTimeout(b.ctx, stepDeadline)
	err := chromedp.Do(nav, chromedp.Navigate(srv.URL+"/chronology/"), chromedp.WaitVisible("main h1"))
	cancel()
	if err != nil {
		t.Fatal(err)
	}
	b.waitFor(t, "the actor <select>", `!!document.querySelector("select#chrono-actor") && !document.querySelector("[data-chrono-filter] ul")`)

	const choose = `(() => { const s = document.querySelector("#chrono-actor");
		s.value = "indonesia"; s.dispatchEvent(new Event("change")); return true; })()`
	ctx, cancel := context.WithTimeout(b.ctx, stepDeadline)
	_, err = chromedp.Run(ctx, chromedp.Evaluate[bool](choose))
	cancel()
	if err != nil {
		t.Fatal(err)
	}
	b.waitFor(t, "only Indonesia's items", `(() => {
		const items = [...document.querySelectorAll(".chrono-item")];
		const shown = items.filter(i => !i.hidden);
		const want = items.filter(i => i.dataset.actors.split(" ").includes("indonesia"));
		return shown.length > 0 && shown.length < items.length && shown.length === want.length &&
			shown.every(i => want.includes(i)) &&
			document.querySelector("#m2025-09").closest("section").hidden &&
			location.search === "?actor=indonesia";
	})()`)

	ctx, cancel = context.WithTimeout(b.ctx, stepDeadline)
	err = chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/chronology/?actor=kim-jong-un"), chromedp.WaitVisible("main h1"))
	cancel()
	if err != nil {
		t.Fatal(err)
	}
	b.waitFor(t, "the filter restored from the address", `document.querySelector("#chrono-actor").value === "kim-jong-un" &&
		[...document.querySelectorAll(".chrono-item")].every(i => i.hidden !== i.dataset.actors.split(" ").includes("kim-jong-un"))`)
}
