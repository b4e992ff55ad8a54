package server

import (
	"strconv"
	"strings"
	"testing"

	"github.com/dossier-project/dossier/internal/diag"
)

func itoa(n int) string { return strconv.Itoa(n) }

func failure() (diag.List, map[string][]byte) {
	diags := diag.List{
		diag.Errorf(diag.Pos{File: "content/briefs/x.md", Line: 3, Col: 9}, "unknown actor %q", "<kim>"),
		{Pos: diag.Pos{File: "content/_index.md", Line: 2, Col: 1}, Message: "missing title", Suggestion: "add title:"},
		diag.Warnf(diag.Pos{File: "dossier.yaml"}, "no base_url"),
	}
	sources := map[string][]byte{
		"content/briefs/x.md": []byte("---\ntitle: X\nactors: [<kim>]\n---\n"),
		"content/_index.md":   []byte("---\n\ttldr: yes\n---\n"),
	}
	return diags, sources
}

func TestFailShowsErrorsThenRecovers(t *testing.T) {
	s := New(Options{BasePath: "/repo/"})
	publish(s, site())
	ts := startServer(t, s)
	st, _ := open(t, ts.URL+"/repo/__dossier/events")

	s.Fail(failure())
	st.expect(t, "reload")
	for _, target := range []string{"/repo/", "/repo/briefs/x/", "/repo/briefs/x/index.html", "/repo/missing.html"} {
		rec := get(s, "GET", target)
		body := rec.Body.String()
		if rec.Code != 500 {
			t.Errorf("GET %s after Fail: %d", target, rec.Code)
		}
		for _, want := range []string{
			"content/briefs/x.md:3:9: unknown actor &#34;&lt;kim&gt;&#34;",
			"3 | actors: [&lt;kim&gt;]\n  |         ^",
			"content/_index.md:2:1: missing title (add title:)",
			"2 | \ttldr: yes\n  | ^",
			"dossier.yaml: warning: no base_url",
			"dossier-live-reload",
		} {
			if !strings.Contains(body, want) {
				t.Errorf("GET %s: error page lacks %q:\n%s", target, want, body)
			}
		}
		if strings.Contains(body, "<kim>") {
			t.Errorf("GET %s: diagnostic not escaped", target)
		}
	}
	if rec := get(s, "GET", "/repo/briefs/x", "Accept", "text/html,*/*"); rec.Code != 500 {
		t.Errorf("browser navigation after Fail: %d, want the error page", rec.Code)
	}
	if rec := get(s, "GET", "/repo/static/style.css", "Accept", "text/css,*/*"); rec.Code != 200 || rec.Body.String() != "body { color: black }" {
		t.Errorf("CSS after Fail: %d %q", rec.Code, rec.Body)
	}

	s.Fail(failure()) // the same failure again: no reload
	st.none(t)

	publish(s, site())
	st.expect(t, "reload")
	if rec := get(s, "GET", "/repo/briefs/x/"); rec.Code != 200 || !strings.Contains(rec.Body.String(), "<h1>X</h1>") {
		t.Errorf("GET after recovery: %d %s", rec.Code, rec.Body)
	}
}

func TestFailBeforeFirstBuild(t *testing.T) {
	s := New(Options{})
	s.Fail(failure())
	if rec := get(s, "GET", "/"); rec.Code != 500 {
		t.Errorf("GET / : %d, want the error page", rec.Code)
	}
	if rec := get(s, "GET", "/static/style.css"); rec.Code != 503 {
		t.Errorf("GET asset with no build: %d, want 503", rec.Code)
	}
}

func TestCaretPad(t *testing.T) {
	for _, tc := range []struct {
		line string
		col  int
		want string
	}{
		{"abc", 1, ""},
		{"abc", 3, "  "},
		{"\tab", 3, "\t "},
		{"é: x", 4, "   "}, // columns count characters: é is one
		{"ab", 99, "  "},
		{"ab", 0, ""},
	} {
		if got := caretPad(tc.line, tc.col); got != tc.want {
			t.Errorf("caretPad(%q, %d) = %q, want %q", tc.line, tc.col, got, tc.want)
		}
	}
}

// TestErrorPageErrorsFirst: the error page counts errors and warnings
// apart and shows the errors first, so the one that failed the build is
// not buried among warnings about other files.
func TestErrorPageErrorsFirst(t *testing.T) {
	diags := diag.List{
		diag.Warnf(diag.Pos{File: "content/a.md", Line: 1, Col: 1}, "orphan page a"),
		diag.Errorf(diag.Pos{File: "content/b.md", Line: 2, Col: 8}, "unclosed double quote"),
		diag.Warnf(diag.Pos{File: "content/c.md", Line: 1, Col: 1}, "orphan page c"),
	}
	page := string(errorPage(diags, nil))
	if !strings.Contains(page, "<p>1 error and 2 warnings.") {
		t.Errorf("no count of 1 error and 2 warnings in:\n%s", page)
	}
	e, w := strings.Index(page, "unclosed double quote"), strings.Index(page, "orphan page a")
	if e < 0 || w < 0 || e > w {
		t.Errorf("the error is not shown before the warnings:\n%s", page)
	}
}
