package build

import (
	"bytes"
	"strings"
	"testing"
)

// bidiDossier has a brief titled "A\u202eB" (RIGHT-TO-LEFT OVERRIDE), with
// such a summary, and an actor with such an alias, each linked and listed
// from other pages.
func bidiDossier() map[string]string {
	return map[string]string{
		"dossier.yaml":           "title: Site Name\nbase_url: https://example.org/\n",
		"content/_index.md":      "---\ntitle: Home\n---\nSee [[rlo]] and [[act]].\n",
		"content/briefs/rlo.md":  "---\ntitle: \"A\\u202eB\"\nsummary: \"S\\u202eT\"\ndate: 2025-10-01\nactors: [act]\nsources: [src]\ntags: [x]\n---\nOn [[act]] and [[Al\u202eias]].\n",
		"content/briefs/b.md":    "---\ntitle: Other\ndate: 2025-10-02\n---\nSee [[rlo]].\n",
		"content/actors/act.md":  "---\ntitle: Act\nkind: person\naliases: [\"Al\\u202eias\"]\n---\nAn actor.\n",
		"content/sources/src.md": "---\ntitle: \"Sou\\u202erce\"\npublisher: P\nreliability: B\ncredibility: 2\n---\nA source.\n",
		"content/events/e.md":    "---\ntitle: \"Ev\\u202eent\"\ndate: 2025-10-03\nactors: [act]\nsources: [src]\n---\nAn event.\n",
	}
}

// TestBidiIsolated: every title, summary and alias that holds a bidi
// control is isolated wherever it is shown, so the text after it (the
// site name in <title>, the rest of a list) is not reversed: in HTML text
// inside <bdi>, elsewhere (attributes, <title>, the feed, chronology.json,
// search.json) between U+2068 and U+2069. The search index's own files
// keep the values as written (the controls would otherwise become part of
// the words searched for): search.js shows every title and passage inside
// <bdi>. And the build warns about each.
func TestBidiIsolated(t *testing.T) {
	res, diags := generateFiles(t, bidiDossier(), Options{})
	if res == nil {
		t.Fatal(diags)
	}
	values := []string{"A\u202eB", "S\u202eT", "Al\u202eias", "Sou\u202erce", "Ev\u202eent"}
	shown := map[string]int{}
	if js := string(res.Files["static/search.js"]); !strings.Contains(js, `document.createElement("bdi")`) {
		t.Error("static/search.js does not show results inside <bdi>")
	}
	for path, data := range res.Files {
		if strings.HasPrefix(path, "search/") && strings.HasSuffix(path, ".json") {
			shown[searchIndexFiles] += bytes.Count(data, []byte(values[0]))
			continue
		}
		for _, v := range values {
			for rest := data; ; {
				i := bytes.Index(rest, []byte(v))
				if i < 0 {
					break
				}
				shown[path]++
				before, after := string(rest[:i]), string(rest[i+len(v):])
				if !isolatedBefore(before) || !isolatedAfter(after) {
					t.Errorf("%s: %q is not isolated: …%s…", path, v, tail(before, 60)+v+head(after, 60))
				}
				rest = rest[i+len(v):]
			}
		}
	}
	for _, p := range []string{"briefs/rlo/index.html", "briefs/index.html", "index.html", "feed.xml", "chronology.json", searchIndexFiles, "actors/act/index.html", "print/index.html"} {
		if shown[p] == 0 && (p != searchIndexFiles || !bytes.Contains(outputData(res.Files, p), []byte(values[0]))) {
			t.Errorf("%s shows none of the values: the test proves nothing there", p)
		}
	}
	for _, want := range []string{"content/briefs/rlo.md:2:1: warning: title holds the invisible control character U+202E",
		"content/briefs/rlo.md:3:1: warning: summary holds", "content/actors/act.md:4:1: warning: aliases holds",
		"content/sources/src.md:2:1: warning: title holds", "content/events/e.md:2:1: warning: title holds"} {
		if !strings.Contains(diags.String(), want) {
			t.Errorf("no warning %q in:\n%s", want, diags)
		}
	}
	page := string(res.Files["briefs/rlo/index.html"])
	if !strings.Contains(page, "<title>\u2068A\u202eB\u2069 · Site Name</title>") {
		t.Errorf("<title> of the page: %s", between(page, "<title>", "</title>"))
	}
}

// isolatedBefore and isolatedAfter report whether a value between before
// and after is inside an isolate: <bdi>…</bdi> or U+2068…U+2069.
func isolatedBefore(s string) bool {
	open := max(strings.LastIndex(s, "\u2068"), strings.LastIndex(s, "<bdi>"))
	closed := max(strings.LastIndex(s, "\u2069"), strings.LastIndex(s, "</bdi>"))
	return open > closed
}

func isolatedAfter(s string) bool {
	closed, open := firstOf(s, "\u2069", "</bdi>"), firstOf(s, "\u2068", "<bdi>")
	return closed >= 0 && (open < 0 || closed < open)
}

// firstOf is the first index in s of either string, or -1.
func firstOf(s, a, b string) int {
	i, j := strings.Index(s, a), strings.Index(s, b)
	if i < 0 || (j >= 0 && j < i) {
		return j
	}
	return i
}

func tail(s string, n int) string { return s[max(len(s)-n, 0):] }
func head(s string, n int) string { return s[:min(n, len(s))] }

func between(s, from, to string) string {
	_, rest, _ := strings.Cut(s, from)
	in, _, _ := strings.Cut(rest, to)
	return in
}
