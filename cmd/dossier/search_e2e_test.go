package main

import (
	"context"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/dossier-project/dossier/internal/build"
	"github.com/dossier-project/dossier/internal/buildtest"
)

// searchSite is the sample built under /dossier/ and served there, with
// the paths it was asked for.
type searchSite struct {
	URL string // the site's root, ending in /dossier/

	mu        sync.Mutex
	requested []string
}

func serveSearchSample(t *testing.T) *searchSite {
	t.Helper()
	res, diags := buildtest.Build(t, "../..", build.Options{BaseURL: "https://example.org/dossier/"})
	if res == nil {
		t.Fatal(diags)
	}
	files := fstest.MapFS{}
	for name, data := range res.Files {
		files[name] = &fstest.MapFile{Data: data}
	}
	s := &searchSite{}
	fileServer := http.StripPrefix("/dossier", http.FileServerFS(files))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.requested = append(s.requested, r.URL.Path)
		s.mu.Unlock()
		fileServer.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	s.URL = srv.URL + "/dossier/"
	return s
}

// asked returns the requested paths that contain part.
func (s *searchSite) asked(part string) []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []string
	for _, p := range s.requested {
		if strings.Contains(p, part) {
			out = append(out, p)
		}
	}
	return out
}

// watchErrors records the page's uncaught exceptions and console errors.
func watchErrors(t *testing.T, b *browser) func() []string {
	t.Helper()
	var mu sync.Mutex
	var errs []string
	err := chromedp.Listen(b.ctx, func(ev any) {
		mu.Lock()
		defer mu.Unlock()
		switch ev := ev.(type) {
		case *runtime.EventExceptionThrown:
			errs = append(errs, exceptionText(ev.ExceptionDetails))
		case *runtime.EventConsoleAPICalled:
			if ev.Type == runtime.ConsoleAPICalledTypeError {
				errs = append(errs, "console.error")
			}
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	return func() []string {
		mu.Lock()
		defer mu.Unlock()
		return append([]string(nil), errs...)
	}
}

func (b *browser) do(t *testing.T, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, stepDeadline)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		t.Fatal(err)
	}
}

// hrefs runs a query through the page's own search (the function typing
// calls) and returns the results' links, in order.
func (b *browser) hrefs(t *testing.T, q string) []string {
	t.Helper()
	return eval[[]string](t, b, `(async q => {
		document.querySelector("#search-q").value = q;
		await DossierSearch.page.run(q);
		return [...document.querySelectorAll("#search-results [role=option]")].map(a => a.getAttribute("href"));
	})(`+jsString(q)+`)`)
}

// TestSearchInBrowser builds the sample under a base path, serves it there
// and searches it from /search/ in headless Chromium: nothing of the index
// is fetched before the box is used; words anywhere in a page's text find
// it, case and accents folded, words as typed (prefixes) too; titles rank
// first; every page has every word; results show a passage with the words
// marked. Skipped without Chromium unless DOSSIER_E2E=1.
func TestSearchInBrowser(t *testing.T) {
	requireChromium(t)
	site := serveSearchSample(t)
	b := newBrowser(t)
	errs := watchErrors(t, b)
	b.do(t, chromedp.Navigate(site.URL+"search/"), chromedp.WaitVisible("#search-q"))
	if got := site.asked("/search/index.json"); len(got) > 0 {
		t.Errorf("the index was fetched before the search box was used: %v", got)
	}
	b.do(t, chromedp.SendKeys("#search-q", "Memorandum Pyöngyang"))
	b.waitFor(t, "results for the query", `(() => {
		const links = [...document.querySelectorAll("#search-results a[role=option]")];
		return links.length > 0 &&
			links.some(a => a.getAttribute("href") === "/dossier/events/indonesia-dprk-memorandum/") &&
			document.querySelector(".search-all").hidden &&
			/^\d+ pages? match/.test(document.querySelector(".search-status").textContent) &&
			new URL(location.href).searchParams.get("q") === "Memorandum Pyöngyang";
	})()`)
	for _, tc := range []struct{ q, want string }{
		{"roadmap", "/dossier/events/xi-letter/"},
		{"Sugiono", "/dossier/actors/indonesian-foreign-minister/"},
		{"Sugiono", "/dossier/sources/mina-sugiono-visit/"},
		{"Choe", "/dossier/actors/dprk-foreign-minister/"},
		{"choe son hui", "/dossier/actors/dprk-foreign-minister/"},
		{"SUGIÓNO", "/dossier/actors/indonesian-foreign-minister/"},
		{"Sugi", "/dossier/actors/indonesian-foreign-minister/"},
		{"pyongyang memorandum", "/dossier/events/indonesia-dprk-memorandum/"},
	} {
		if got := b.hrefs(t, tc.q); !slices.Contains(got, tc.want) {
			t.Errorf("%q finds %v, not %s", tc.q, got, tc.want)
		}
	}
	for _, pair := range [][2]string{{"Pyöngyang", "PYONGYANG"}, {"kim jong-un", "Kim Jong Un"}} {
		if a, b := b.hrefs(t, pair[0]), b.hrefs(t, pair[1]); strings.Join(a, " ") != strings.Join(b, " ") || len(a) == 0 {
			t.Errorf("%q finds %v but %q finds %v", pair[0], a, pair[1], b)
		}
	}
	if got := b.hrefs(t, "Kim Jong"); len(got) == 0 || got[0] != "/dossier/actors/kim-jong-un/" {
		t.Errorf("Kim Jong: the page titled so must come first, got %v", got)
	}
	if got := b.hrefs(t, "xi letter"); len(got) < 3 || !slices.Contains([]string{"/dossier/events/xi-letter/", "/dossier/briefs/xi-letter-strategic-partnership/"}, got[0]) {
		t.Errorf("xi letter: a page with both words in its title must come first, got %v", got)
	}
	for _, title := range b.hrefs(t, "memorandum pyongyang") {
		if title == "/dossier/events/xi-letter/" {
			t.Error("a page without the word memorandum is listed")
		}
	}
	if got := b.hrefs(t, "zzyzx"); len(got) != 0 {
		t.Errorf("a word in no page finds %v", got)
	}
	b.hrefs(t, "roadmap")
	b.waitFor(t, "the passage with roadmap marked", `[...document.querySelectorAll("#search-results [role=option]")].some(a =>
		a.getAttribute("href") === "/dossier/events/xi-letter/" &&
		[...a.querySelectorAll(".search-snippet mark")].some(m => m.textContent.toLowerCase() === "roadmap"))`)
	if got := site.asked("/dossier/http"); len(got) > 0 {
		t.Errorf("requests outside the site: %v", got)
	}
	if e := errs(); len(e) > 0 {
		t.Errorf("page errors: %v", e)
	}
}

// TestSearchKeyboard: "/" focuses the box, typing searches, the arrows
// choose a result (aria-activedescendant and aria-selected follow) and
// Enter opens the chosen one.
func TestSearchKeyboard(t *testing.T) {
	requireChromium(t)
	site := serveSearchSample(t)
	b := newBrowser(t)
	b.do(t, chromedp.Navigate(site.URL+"search/"), chromedp.WaitVisible("#search-q"), chromedp.Click("h1"),
		pressSlash())
	b.waitFor(t, "the box focused by /", `document.activeElement === document.querySelector("#search-q") && document.activeElement.value === ""`)
	b.do(t, chromedp.KeyEvent("sugiono"))
	b.waitFor(t, "two results or more", `document.querySelectorAll("#search-results [role=option]").length >= 2 &&
		document.querySelector("#search-q").getAttribute("aria-expanded") === "true"`)
	b.do(t, chromedp.KeyEvent(kb.ArrowDown), chromedp.KeyEvent(kb.ArrowDown), chromedp.KeyEvent(kb.ArrowUp))
	b.waitFor(t, "the first result chosen", `(() => {
		const input = document.querySelector("#search-q"), opts = [...document.querySelectorAll("#search-results [role=option]")];
		return input.getAttribute("aria-activedescendant") === opts[0].id &&
			opts[0].getAttribute("aria-selected") === "true" &&
			opts.slice(1).every(o => o.getAttribute("aria-selected") === "false") &&
			document.activeElement === input;
	})()`)
	ctx, cancel := context.WithTimeout(b.ctx, stepDeadline)
	want, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector("#search-results [role=option]").href`))
	cancel()
	if err != nil {
		t.Fatal(err)
	}
	b.do(t, chromedp.KeyEvent(kb.Enter))
	b.waitFor(t, "the chosen page", `location.href === `+jsString(want))
}

// pressSlash presses "/" as a keyboard does: one keydown that carries its
// text, so that a page that cancels the keydown types nothing (a separate
// char event, as chromedp.KeyEvent sends, would type it anyway).
func pressSlash() chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		key := input.DispatchKeyEventParams{Type: input.DispatchKeyEventTypeKeyDown, Key: "/", Code: "Slash", Text: "/", WindowsVirtualKeyCode: 191}
		if _, err := cdp.Call(ctx, t, input.DispatchKeyEvent, key); err != nil {
			return err
		}
		key.Type, key.Text = input.DispatchKeyEventTypeKeyUp, ""
		_, err := cdp.Call(ctx, t, input.DispatchKeyEvent, key)
		return err
	})
}

// TestSearchIndexMatchesMiniSearch: the index dossier build writes in Go,
// loaded with the vendored MiniSearch, is the index MiniSearch itself
// makes of the same documents with the same tokenizer, and ranks as it
// does.
func TestSearchIndexMatchesMiniSearch(t *testing.T) {
	requireChromium(t)
	site := serveSearchSample(t)
	b := newBrowser(t)
	b.do(t, chromedp.Navigate(site.URL+"search/"), chromedp.WaitVisible("#search-q"))
	ctx, cancel := context.WithTimeout(b.ctx, stepDeadline)
	defer cancel()
	problems, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](compareWithMiniSearch, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range problems {
		t.Error(p)
	}
}

// compareWithMiniSearch resolves to a list of differences (none is good).
const compareWithMiniSearch = `(async () => {
	const ix = DossierSearch.page.index;
	await ix.load();
	const m = ix.manifest, out = [];
	const docs = (await Promise.all(m.docs.map((_, k) => ix.block(k)))).flat();
	const ms = new MiniSearch(DossierSearch.options);
	ms.addAll(docs.map((d, id) => Object.assign({ id }, d)));
	const mine = ms.toJSON();
	const canon = v => JSON.stringify(v, (k, x) => x && typeof x === "object" && !Array.isArray(x) ?
		Object.fromEntries(Object.entries(x).sort(([a], [b]) => a < b ? -1 : 1)) : x);
	for (const key of ["documentCount", "nextId", "documentIds", "fieldIds", "fieldLength", "storedFields", "serializationVersion"]) {
		if (canon(mine[key]) !== canon(m.head[key])) out.push(key + " differs: " + canon(m.head[key]).slice(0, 200) + " vs MiniSearch's " + canon(mine[key]).slice(0, 200));
	}
	mine.averageFieldLength.forEach((v, f) => {
		if (Math.abs(v - m.head.averageFieldLength[f]) > 1e-9) out.push("averageFieldLength[" + f + "] " + m.head.averageFieldLength[f] + " vs " + v);
	});
	const shards = await Promise.all(m.shards.map((s, k) => fetch(ix.file("terms-", 3, k)).then(r => r.json())));
	const go = shards.flat(), want = new Map(mine.index.map(([t, d]) => [t, canon(d)]));
	if (go.length !== want.size) out.push(go.length + " terms, MiniSearch has " + want.size);
	for (const [t, d] of go) {
		if (want.get(t) !== canon(d)) { out.push("term " + t + ": " + canon(d).slice(0, 100) + " vs " + String(want.get(t)).slice(0, 100)); break; }
	}
	const boost = DossierSearch.boost;
	for (const q of ["roadmap", "Sugiono", "kim jong", "memorandum pyongyang", "ch", "xi letter", "x", "a 2025"]) {
		const a = await ix.search(q);
		const n = DossierSearch.tokenize(q).length;
		const b = ms.search(q, { prefix: t => Array.from(t).length > 1, boost, combineWith: "AND" });
		const same = a.ids.length === b.length && b.every(r => a.ids.includes(r.id) &&
			Math.abs(a.score(r.id) - r.score / n) < 1e-9 * r.score &&
			canon(a.terms(r.id).sort()) === canon(r.terms.slice().sort()));
		if (!same) out.push("query " + q + ": " + a.ids.map(id => id + ":" + a.score(id).toFixed(4)).join(" ") + " vs MiniSearch's " + b.map(r => r.id + ":" + (r.score / n).toFixed(4)).join(" "));
	}
	return out;
})()`

func exceptionText(d *runtime.ExceptionDetails) string {
	if d.Exception != nil && d.Exception.Description != "" {
		return d.Exception.Description
	}
	return d.Text
}
