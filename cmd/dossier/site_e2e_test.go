package main

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/dossier-project/dossier/internal/build"
	"github.com/dossier-project/dossier/internal/buildtest"
)

// pageKind is one page of each kind of the sample that the browser tests
// visit.
type pageKind struct{ kind, path string }

var pageKinds = []pageKind{
	{"home", ""},
	{"brief", "briefs/xi-letter-strategic-partnership/"},
	{"actor", "actors/kim-jong-un/"}, // with a relations graph
	{"event", "events/xi-letter/"},
	{"commentary", "commentary/analysts-coordination-signal/"},
	{"source", "sources/article/"},
	{"briefs list", "briefs/"},
	{"actors list", "actors/"}, // with the network graph
	{"events list", "events/"},
	{"commentary list", "commentary/"},
	{"sources list", "sources/"},
	{"tags", "tags/"},
	{"tag", "tags/china/"},
	{"chronology", "chronology/"},
	{"method", "method/"},
	{"search", "search/"},
	{"404", "404.html"},
	{"print", "print/"},
}

// serveSample builds the sample and serves the site folder on 127.0.0.1
// until the test ends; it returns the site's URL, ending in a slash.
func serveSample(t *testing.T) string {
	t.Helper()
	site, diags := buildtest.Build(t, "../..", build.Options{})
	if site == nil {
		t.Fatal(diags)
	}
	srv := httptest.NewServer(http.FileServerFS(os.DirFS(site.Dir)))
	t.Cleanup(srv.Close)
	return srv.URL + "/"
}

// pageLog collects what goes wrong while a page loads: uncaught
// exceptions, console errors, failed requests and HTTP errors.
type pageLog struct {
	mu       sync.Mutex
	problems []string
}

func (l *pageLog) add(format string, args ...any) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.problems = append(l.problems, fmt.Sprintf(format, args...))
}

// take returns the problems so far and forgets them.
func (l *pageLog) take() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	p := l.problems
	l.problems = nil
	return p
}

// watch records the problems of every page the tab loads from now on.
func (l *pageLog) watch(t *testing.T, b *browser) {
	t.Helper()
	err := chromedp.Listen(b.ctx, func(ev any) {
		switch ev := ev.(type) {
		case *runtime.EventExceptionThrown:
			l.add("uncaught exception: %s %v", ev.ExceptionDetails.Text, ev.ExceptionDetails.Exception)
		case *runtime.EventConsoleAPICalled:
			if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeAssert {
				l.add("console.%s: %s", ev.Type, consoleArgs(ev.Args))
			}
		case *log.EventEntryAdded:
			if ev.Entry.Level == log.EntryLevelError {
				l.add("console error (%s): %s %s", ev.Entry.Source, ev.Entry.Text, ev.Entry.URL)
			}
		case *network.EventLoadingFailed:
			l.add("request failed (%s): %s", ev.Type, ev.ErrorText)
		case *network.EventResponseReceived:
			if ev.Response.Status >= 400 {
				l.add("HTTP %d for %s", ev.Response.Status, ev.Response.URL)
			}
		}
	})
	if err != nil {
		t.Fatal(err)
	}
}

func consoleArgs(args []*runtime.RemoteObject) string {
	var s []string
	for _, a := range args {
		if len(a.Value) > 0 {
			s = append(s, string(a.Value))
		} else {
			s = append(s, a.Description)
		}
	}
	return strings.Join(s, " ")
}

// open sets the viewport and colour scheme and loads url.
func (b *browser) open(t *testing.T, url string, width int64, dark bool) {
	t.Helper()
	scheme := "light"
	if dark {
		scheme = "dark"
	}
	ctx, cancel := context.WithTimeout(b.ctx, stepDeadline)
	defer cancel()
	if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
		Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}}}); err != nil {
		t.Fatalf("emulating %s mode: %v", scheme, err)
	}
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(width, 800), chromedp.Navigate(url), chromedp.WaitReady("body")); err != nil {
		t.Fatalf("opening %s at %d px: %v", url, width, err)
	}
}

// eval evaluates a JavaScript expression in the page, awaiting a promise.
func eval[T any](t *testing.T, b *browser, expr string) T {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, stepDeadline)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("evaluating %.80s…: %v", expr, err)
	}
	return v
}

// TestPagesLoadCleanly opens one page of every kind of the built sample
// in headless Chromium: no uncaught exception, no console error, no
// failed request or HTTP error (every stylesheet and script, and the
// index the search page fetches for a query in its address); the favicon the page links is served
// as SVG; the first thing a keyboard reaches is a skip link to the main
// element, visible once focused. Skipped without Chromium unless
// DOSSIER_E2E=1.
func TestPagesLoadCleanly(t *testing.T) {
	requireChromium(t)
	site := serveSample(t)
	b := newBrowser(t)
	var l pageLog
	l.watch(t, b)
	for _, p := range pageKinds {
		url := site + p.path
		if p.kind == "search" {
			url += "?q=Kim" // a query in the address, which makes the script load the index
		}
		b.open(t, url, 1280, false)
		if p.kind == "search" {
			b.waitFor(t, "the search index loaded", `performance.getEntriesByType("resource").some(e =>
				(e.initiatorType === "fetch" || e.initiatorType === "xmlhttprequest") && e.responseEnd > 0)`)
		}
		if !eval[bool](t, b, `fetch(document.querySelector('link[rel="icon"]').href).then(r => r.ok && r.headers.get("content-type").startsWith("image/svg+xml"))`) {
			l.add("the favicon is not served as SVG")
		}
		for _, problem := range l.take() {
			t.Errorf("%s (/%s): %s", p.kind, p.path, problem)
		}
		checkSkipLink(t, b, p)
	}
}

// checkSkipLink presses Tab on a freshly loaded page: the focus must be
// on a visible link to #main, and #main must exist.
func checkSkipLink(t *testing.T, b *browser, p pageKind) {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, stepDeadline)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.KeyEvent("\t")); err != nil {
		t.Fatal(err)
	}
	const skip = `(() => { const a = document.activeElement, r = a.getBoundingClientRect();
		return a.matches("a.skip-link") && a.getAttribute("href") === "#main" && !!document.getElementById("main") &&
			r.left >= 0 && r.top >= 0 && r.width > 0 && getComputedStyle(a).visibility === "visible"; })()`
	if !eval[bool](t, b, skip) {
		t.Errorf("%s (/%s): the first Tab does not show a skip link to #main", p.kind, p.path)
	}
}
