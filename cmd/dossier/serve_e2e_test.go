package main

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/dossier-project/dossier/internal/build"
	"github.com/dossier-project/dossier/internal/buildtest"
	"github.com/dossier-project/dossier/internal/diag"
)

// chromiumPath is where the end-to-end test looks for the browser.
const chromiumPath = "/usr/bin/chromium"

// TestServeLiveReloadInBrowser opens a brief of "dossier serve" in
// headless Chromium and edits its Markdown file three times: a new
// sentence appears, a broken front matter shows the error page with the
// error's position and line, and the fix brings the page back; every
// page until then is loaded by the live-reload script. Then /search/
// finds the fix's word: the index a preview lists and makes on request
// after an edit is that of the edited dossier.
//
// Without Chromium the test is skipped, unless DOSSIER_E2E=1, where a
// missing browser is a failure (CI sets it).
func TestServeLiveReloadInBrowser(t *testing.T) {
	required := os.Getenv("DOSSIER_E2E") == "1"
	if _, err := os.Stat(chromiumPath); err != nil {
		if required {
			t.Fatalf("DOSSIER_E2E=1 but Chromium is missing: %v", err)
		}
		t.Skipf("Chromium is not installed at %s; set DOSSIER_E2E=1 to make this a failure", chromiumPath)
	}
	if testing.Short() && !required {
		t.Skip("the browser test is skipped in -short mode")
	}

	dir := copySample(t)
	s := startServe(t, stepDeadline, "-src", dir, "-port", "0")
	brief := filepath.Join(dir, filepath.FromSlash(sampleBrief))
	b := newBrowser(t)

	// The only navigation of the test.
	pageURL := s.URL + "briefs/xi-letter-strategic-partnership/"
	nav, cancel := context.WithTimeout(b.ctx, stepDeadline)
	err := chromedp.Do(nav, chromedp.Navigate(pageURL), chromedp.WaitVisible("main h1"))
	cancel()
	if err != nil {
		t.Fatalf("opening %s: %v\nserve's stderr:\n%s", pageURL, err, s.Stderr)
	}
	b.waitFor(t, "the brief", `document.title.includes("Xi") && !!document.querySelector("[data-dossier-live-reload]")`)

	// 1. A new sentence appears without the test reloading the page.
	const added = "Live reload sentence from the end-to-end test."
	b.markPage(t)
	appendTo(t, brief, "\n"+added+"\n")
	b.waitFor(t, "the new sentence", `document.body.innerText.includes(`+jsString(added)+`)`)
	b.assertReloaded(t)

	// 2. A broken front matter shows the error page: the position of the
	// error and the offending line.
	b.markPage(t)
	good := breakTitle(t, brief)
	res, diags := buildtest.Build(t, dir, build.Options{Drafts: true, Preview: true})
	d, ok := firstIn(diags, sampleBrief)
	if res != nil || !ok || d.Pos.Line <= 0 || d.Pos.Col <= 0 {
		t.Fatalf("the broken front matter gives no positioned error in %s:\n%s", sampleBrief, diags)
	}
	broken, err := os.ReadFile(brief)
	if err != nil {
		t.Fatal(err)
	}
	line := diag.SourceLine(broken, d.Pos.Line)
	b.waitFor(t, "the error page", `document.title === "Build failed"`)
	b.assertReloaded(t)
	text := b.text(t)
	for _, want := range []string{d.String(), strings.TrimSpace(line)} {
		if !strings.Contains(text, want) {
			t.Errorf("the error page lacks %q:\n%s", want, text)
		}
	}
	if !strings.Contains(text, sampleBrief+":") {
		t.Errorf("the error page does not name %s:\n%s", sampleBrief, text)
	}

	// 3. The fix brings the brief back, with a newer sentence.
	const fixed = "Sentence written with the fix, quokkaesque."
	b.markPage(t)
	if err := os.WriteFile(brief, append(good, "\n"+fixed+"\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	b.waitFor(t, "the fixed brief", `document.title !== "Build failed" && document.body.innerText.includes(`+jsString(fixed)+`)`)
	b.assertReloaded(t)
	if text := b.text(t); !strings.Contains(text, added) || strings.Contains(text, "Build failed") {
		t.Errorf("the recovered page:\n%s", text)
	}

	// 4. The search index of the edited dossier finds the fix's word.
	b.do(t, chromedp.Navigate(s.URL+"search/"), chromedp.WaitVisible("#search-q"))
	if got := b.hrefs(t, "quokkaesque"); !slices.Equal(got, []string{"/briefs/xi-letter-strategic-partnership/"}) {
		t.Errorf("search for the fix's word finds %v, not the edited brief", got)
	}
}

// browser is a headless Chromium with one tab.
type browser struct {
	ctx context.Context // the tab's chromedp context
}

func newBrowser(t testing.TB) *browser {
	t.Helper()
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromiumPath),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(t.TempDir()),
	}
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(alloc)
	t.Cleanup(func() {
		cancel()
		cancelAlloc()
	})
	// Start the browser now, without a timeout: a timeout on the first
	// run would end the browser with it.
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("starting Chromium: %v", err)
	}
	return &browser{ctx: ctx}
}

// markPage leaves a mark on the current page, which a reload removes.
func (b *browser) markPage(t *testing.T) {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, stepDeadline)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`window.__dossierE2E = true`)); err != nil {
		t.Fatalf("marking the page: %v", err)
	}
}

// assertReloaded checks that the page was reloaded since markPage: by the
// live-reload script, as the test never navigates after the start.
func (b *browser) assertReloaded(t *testing.T) {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, stepDeadline)
	defer cancel()
	marked, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`window.__dossierE2E === true`))
	if err != nil {
		t.Fatal(err)
	}
	if marked {
		t.Error("the page shows the change without having been reloaded")
	}
}

// waitFor evaluates the JavaScript condition cond in the page until it is
// true, for up to stepDeadline. The page reloads meanwhile, which ends
// any one evaluation (and a chromedp.Poll), so the loop is on this side.
func (b *browser) waitFor(t *testing.T, what, cond string) {
	t.Helper()
	deadline := time.Now().Add(stepDeadline)
	var last error
	for time.Now().Before(deadline) {
		ctx, cancel := context.WithTimeout(b.ctx, 2*time.Second)
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](cond))
		cancel()
		if err == nil && ok {
			return
		}
		if b.ctx.Err() != nil {
			t.Fatalf("waiting for %s: the browser is gone: %v", what, b.ctx.Err())
		}
		if err != nil && !errors.Is(err, context.DeadlineExceeded) {
			last = err // a page in the middle of reloading; try again
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("%s did not appear within %v (last error: %v); the page shows:\n%s", what, stepDeadline, last, b.text(t))
}

// text returns the page's visible text.
func (b *browser) text(t *testing.T) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, stepDeadline)
	defer cancel()
	s, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.body ? document.body.innerText : ""`))
	if err != nil {
		return "(unreadable: " + err.Error() + ")"
	}
	return s
}

// firstIn returns the first error among diags in file.
func firstIn(diags diag.List, file string) (diag.Diagnostic, bool) {
	for _, d := range diags.Errors() {
		if d.Pos.File == file {
			return d, true
		}
	}
	return diag.Diagnostic{}, false
}

// jsString quotes s as a JavaScript string literal (s is plain ASCII).
func jsString(s string) string { return `"` + strings.ReplaceAll(s, `"`, `\"`) + `"` }
