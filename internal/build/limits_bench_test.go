package build

import (
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// manyLinks is a small dossier whose one brief links n times: to pages by
// slug, by title, with a label and kind-qualified.
func manyLinks(n int) fstest.MapFS {
	forms := []string{"[[a]]", "[[Actor B]]", "[[a|the brief]]", "[[actors/b]]"}
	var body strings.Builder
	for i := range n {
		body.WriteString(forms[i%len(forms)])
		if i%10 == 9 {
			body.WriteString(".\n")
		} else {
			body.WriteByte(' ')
		}
	}
	return mapFS(map[string]string{
		"dossier.yaml":           "title: T\n",
		"content/_index.md":      "---\ntitle: Home\n---\n",
		"content/briefs/a.md":    "---\ntitle: Brief A\n---\nText.\n",
		"content/actors/b.md":    "---\ntitle: Actor B\nkind: person\n---\n",
		"content/briefs/many.md": "---\ntitle: Many links\n---\n" + body.String(),
	})
}

// BenchmarkManyLinks builds the dossier of manyLinks(100,000) (the
// default limit) into a site folder: it must take under a second.
//
//	go test -run '^$' -bench ManyLinks -benchtime 5x ./internal/build
func BenchmarkManyLinks(b *testing.B) {
	fsys := memFS(manyLinks(100_000))
	for b.Loop() {
		b.StopTimer()
		out := filepath.Join(b.TempDir(), "site")
		b.StartTimer()
		bld := NewBuilder(Options{})
		if res, diags := bld.Build(fsys, SiteDir(out, ""), nil); res == nil {
			b.Fatal(diags)
		}
		bld.Close()
	}
}

// buildTime is the shortest of three builds of fsys, with nothing written.
func buildTime(t *testing.T, fsys fstest.MapFS) time.Duration {
	t.Helper()
	best := time.Duration(1 << 62)
	for range 3 {
		bld := NewBuilder(Options{})
		start := time.Now()
		res, diags := bld.Build(memFS(fsys), Nowhere(), nil)
		best = min(best, time.Since(start))
		bld.Close()
		if res == nil {
			t.Fatal(diags)
		}
	}
	return best
}

// TestLinksCostLinear: ten times the links cost less than fifteen times
// the time (the pipeline was quadratic in positions once: 100,000 links
// took 54 s).
func TestLinksCostLinear(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("times builds of a brief of 100,000 links; skipped in -short mode and under the race detector")
	}
	small, large := buildTime(t, manyLinks(10_000)), buildTime(t, manyLinks(100_000))
	ratio := float64(large) / float64(small)
	t.Logf("10,000 links: %v; 100,000 links: %v; ratio %.1f", small, large, ratio)
	if ratio >= 15 {
		t.Errorf("10 times the links cost %.1f times the time: worse than linear", ratio)
	}
}

// deepNesting is a small dossier whose one brief has body.
func deepNesting(body string) fstest.MapFS {
	return mapFS(map[string]string{
		"dossier.yaml":           "title: T\n",
		"content/_index.md":      "---\ntitle: Home\n---\n",
		"content/briefs/deep.md": "---\ntitle: Deep\n---\n" + body,
	})
}

// BenchmarkNestingRefused builds a brief whose lists nest 3,000 deep: the
// nesting limit refuses it before the Markdown parser sees it (which took
// 41 s at that depth).
//
//	go test -run '^$' -bench NestingRefused ./internal/build
func BenchmarkNestingRefused(b *testing.B) {
	fsys := memFS(deepNesting(nestedList(3000)))
	for b.Loop() {
		bld := NewBuilder(Options{})
		if res, _ := bld.Build(fsys, Nowhere(), nil); res != nil {
			b.Fatal("built")
		}
		bld.Close()
	}
}

// TestDeepNestingRefusedFast: lists nested 3,000 deep, one per line, and
// lists and blockquotes 10,000 deep on one line, are refused at the
// marker that passes the limit, in well under a second on an idle
// machine. The bound is ten seconds: the race detector and a loaded
// two-core machine (go test runs packages side by side) take it past two,
// while the quadratic walk this guards against takes minutes.
func TestDeepNestingRefusedFast(t *testing.T) {
	const msg = ": lists and blockquotes nest more than 100 deep here"
	tests := []struct{ name, body, at string }{
		{"3,000 nested lists", nestedList(3000), "104:201"},
		{"10,000 nested blockquotes", nestedQuote(10_000), "4:201"},
		{"10,000 nested lists on a line", strings.Repeat("- ", 10_000) + "x\n", "4:201"},
	}
	for _, tt := range tests {
		bld := NewBuilder(Options{})
		start := time.Now()
		res, diags := bld.Build(memFS(deepNesting(tt.body)), Nowhere(), nil)
		took := time.Since(start)
		bld.Close()
		want := "content/briefs/deep.md:" + tt.at + msg
		if res != nil || !strings.HasPrefix(diags.Errors().String(), want) {
			t.Errorf("%s: errors %s", tt.name, diags.Errors())
		}
		if took > 10*time.Second {
			t.Errorf("%s: refused in %v", tt.name, took)
		}
		t.Logf("%s: refused in %v", tt.name, took)
	}
}

// TestHostileInputsLinear: bodies of a pattern repeated 5,000 and 50,000
// times, built (or refused by a limit), cost less than 30 times more for
// 10 times the input (see checkLinear). Each pattern was, or is in the Markdown parser,
// worse than linear: links that never close on one line, unclosed
// wikilinks, headings of the same text (their IDs), long paragraphs of
// link labels.
func TestHostileInputsLinear(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("times builds of large bodies; skipped in -short mode and under the race detector")
	}
	patterns := []string{"[a](", "![x](", "[a](<", "[a](()", "[[", "# a\n", "[", "*a ", "`a ", "<a ", "a\n\n", "- a\n", "[a] ", "[^1] ",
		"[a]\n", "[a] [b]\n", "[\n"}
	for _, p := range patterns {
		checkLinear(t, p, strings.Repeat(p, 5_000), strings.Repeat(p, 50_000))
	}
	// Paragraphs of link labels just under the limit of checkBracketBlocks.
	block := strings.Repeat(strings.Repeat("[a]", 100)+"\n", 760) + "\n"
	checkLinear(t, "760 lines of labels", strings.Repeat(block, 2), strings.Repeat(block, 20))
}

// checkLinear fails when large, ten times small, costs 30 times more:
// quadratic costs 100 times more; linear costs up to about 20 times more
// on a loaded machine, as the large body's memory outgrows the caches.
func checkLinear(t *testing.T, name, small, large string) {
	t.Helper()
	s, l := hostileBuildTime(small), hostileBuildTime(large)
	ratio := float64(l) / float64(s)
	t.Logf("%-20q %7d bytes: %-12v ten times: %-12v ratio %.1f", name, len(small), s.Round(time.Microsecond), l.Round(time.Microsecond), ratio)
	if ratio >= 30 {
		t.Errorf("%q: 10 times the input cost %.1f times the time", name, ratio)
	}
}

// hostileBuildTime is the shorter of two builds of a brief with body,
// whether they succeed or not.
func hostileBuildTime(body string) time.Duration {
	fsys := deepNesting(body)
	fsys["content/briefs/a.md"] = &fstest.MapFile{Data: []byte("---\ntitle: A\n---\n")}
	best := time.Duration(1 << 62)
	for range 2 {
		bld := NewBuilder(Options{})
		start := time.Now()
		bld.Build(memFS(fsys), Nowhere(), nil)
		best = min(best, time.Since(start))
		bld.Close()
	}
	return best
}
