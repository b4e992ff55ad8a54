package server

import (
	"bytes"
	"errors"
	"io/fs"
	"net/http"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/dossier-project/dossier/internal/diag"
)

func published(base string) (*Server, map[string][]byte) {
	s := New(Options{BasePath: base})
	files := site()
	publish(s, files)
	return s, files
}

func TestBasePath(t *testing.T) {
	s, _ := published("/repo/")
	for _, tc := range []struct {
		target   string
		status   int
		location string
		body     string
	}{
		{"/", http.StatusFound, "/repo/", ""},
		{"/repo", http.StatusFound, "/repo/", ""},
		{"/repo/", 200, "", "<h1>Home</h1>"},
		{"/repo/index.html", 200, "", "<h1>Home</h1>"},
		{"/repo/briefs/x/", 200, "", "<h1>X</h1>"},
		{"/repo/briefs/x", http.StatusMovedPermanently, "/repo/briefs/x/", ""},
		{"/repo/briefs/x?a=1", http.StatusMovedPermanently, "/repo/briefs/x/?a=1", ""},
		{"/repo/briefs/", 404, "", "Not here"}, // no listing
		{"/repo/briefs", 404, "", "Not here"},
		{"/repo/missing.html", 404, "", "Not here"},
		{"/index.html", 404, "", "Not here"},
		{"/other/", 404, "", "Not here"},
		{"/repo/static/style.css", 200, "", "color: black"},
	} {
		rec := get(s, "GET", tc.target)
		if rec.Code != tc.status {
			t.Errorf("GET %s: %d, want %d", tc.target, rec.Code, tc.status)
		}
		if loc := rec.Header().Get("Location"); loc != tc.location {
			t.Errorf("GET %s: Location %q, want %q", tc.target, loc, tc.location)
		}
		if !strings.Contains(rec.Body.String(), tc.body) {
			t.Errorf("GET %s: body %q lacks %q", tc.target, rec.Body, tc.body)
		}
	}
}

func TestRootBasePathDoesNotRedirect(t *testing.T) {
	s, _ := published("")
	if rec := get(s, "GET", "/"); rec.Code != 200 {
		t.Errorf("GET /: %d", rec.Code)
	}
}

func TestNotFoundWithoutPage(t *testing.T) {
	s := New(Options{})
	publish(s, map[string][]byte{"index.html": []byte("home")})
	if rec := get(s, "GET", "/nope"); rec.Code != 404 {
		t.Errorf("GET /nope: %d", rec.Code)
	}
}

func TestHeaders(t *testing.T) {
	s, _ := published("/")
	for _, target := range []string{"/", "/static/style.css", "/missing", "/briefs/x", "/../x"} {
		h := get(s, "GET", target).Header()
		if h.Get("Cache-Control") != "no-store" || h.Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("GET %s: Cache-Control %q, X-Content-Type-Options %q", target,
				h.Get("Cache-Control"), h.Get("X-Content-Type-Options"))
		}
	}
}

func TestInjection(t *testing.T) {
	s, files := published("/repo/")
	rec := get(s, "GET", "/repo/")
	body := rec.Body.String()
	script := `<script data-dossier-live-reload>`
	i, j := strings.Index(body, script), strings.Index(body, "</body>")
	if i < 0 || j < i || !strings.Contains(body[i:j], `new EventSource("/repo/__dossier/events")`) {
		t.Errorf("script missing or misplaced in %s", body)
	}
	if rec.Header().Get("Content-Length") != "" && rec.Header().Get("Content-Length") != itoa(len(body)) {
		t.Errorf("Content-Length %s, body %d bytes", rec.Header().Get("Content-Length"), len(body))
	}
	for name, b := range files {
		if bytes.Contains(b, []byte("dossier-live-reload")) {
			t.Errorf("snapshot file %s holds the script", name)
		}
	}
	if b := get(s, "GET", "/repo/static/style.css").Body.String(); strings.Contains(b, "script") {
		t.Errorf("script injected into CSS: %s", b)
	}
	if b := get(s, "GET", "/repo/nothing").Body.String(); !strings.Contains(b, script) {
		t.Errorf("404 page lacks the script: %s", b)
	}
}

func TestInject(t *testing.T) {
	for page, want := range map[string]string{
		"<body>x</body></html>":        "<body>xS</body></html>",
		"<BODY>x</BODY>":               "<BODY>xS</BODY>",
		"<p>no body</p>":               "<p>no body</p>S",
		"</body> in text, real</body>": "</body> in text, realS</body>",
		"İ</body>":                     "İS</body>",
	} {
		if got := string(inject([]byte(page), []byte("S"))); got != want {
			t.Errorf("inject(%q) = %q, want %q", page, got, want)
		}
	}
}

func TestContentTypes(t *testing.T) {
	files := map[string][]byte{}
	want := map[string]string{
		"a.html":     "text/html; charset=utf-8",
		"a.css":      "text/css; charset=utf-8",
		"a.js":       "text/javascript; charset=utf-8",
		"a.json":     "application/json",
		"feed.xml":   "application/xml; charset=utf-8",
		"logo.svg":   "image/svg+xml",
		"robots.txt": "text/plain; charset=utf-8",
		"f.woff2":    "font/woff2",
		"p.png":      "image/png",
		"CNAME":      "text/plain; charset=utf-8",
		".nojekyll":  "text/plain; charset=utf-8",
		"x.qqqzzz":   "text/plain; charset=utf-8",
	}
	for name := range want {
		files[name] = []byte("x")
	}
	s := New(Options{})
	publish(s, files)
	for name, ct := range want {
		rec := get(s, "GET", "/"+name)
		if rec.Code != 200 || rec.Header().Get("Content-Type") != ct {
			t.Errorf("GET /%s: %d %q, want 200 %q", name, rec.Code, rec.Header().Get("Content-Type"), ct)
		}
	}
}

func TestHead(t *testing.T) {
	s, _ := published("/")
	g, h := get(s, "GET", "/"), get(s, "HEAD", "/")
	if h.Code != 200 || h.Body.Len() != 0 {
		t.Errorf("HEAD /: %d with %d bytes of body", h.Code, h.Body.Len())
	}
	if h.Header().Get("Content-Length") != itoa(g.Body.Len()) || h.Header().Get("Content-Type") != g.Header().Get("Content-Type") {
		t.Errorf("HEAD headers %v differ from GET's %v", h.Header(), g.Header())
	}
	if h := get(s, "HEAD", "/missing"); h.Code != 404 || h.Body.Len() != 0 {
		t.Errorf("HEAD /missing: %d with %d bytes", h.Code, h.Body.Len())
	}
}

func TestMethodNotAllowed(t *testing.T) {
	s, _ := published("/")
	for _, m := range []string{"POST", "PUT", "DELETE", "OPTIONS", "PATCH"} {
		rec := get(s, m, "/")
		if rec.Code != http.StatusMethodNotAllowed || rec.Header().Get("Allow") != "GET, HEAD" {
			t.Errorf("%s /: %d, Allow %q", m, rec.Code, rec.Header().Get("Allow"))
		}
	}
}

func TestPathTraversalRefused(t *testing.T) {
	s := New(Options{BasePath: "/repo/"})
	files := site()
	files["secret.txt"] = []byte("SECRET")
	publish(s, files)
	for _, target := range []string{
		"/repo/../repo/index.html",
		"/repo/briefs/../index.html",
		"/repo/./index.html",
		"/repo/%2e%2e/repo/index.html",
		"/repo/%2E%2E/secret.txt",
		"/repo/briefs%2f..%2fsecret.txt",
		"/repo/briefs%2Fx%2Findex.html",
		"/repo/briefs%5c..%5csecret.txt",
		"/repo/secret.txt%00.html",
		"/repo/index.html%00",
		"/repo//secret.txt",
		"//repo/secret.txt",
		"/repo/%2e/secret.txt",
		"/../etc/passwd",
		"/repo/../../etc/passwd",
	} {
		rec := get(s, "GET", target)
		if rec.Code != http.StatusBadRequest && rec.Code != http.StatusNotFound {
			t.Errorf("GET %s: %d, want 400 or 404", target, rec.Code)
		}
		if rec.Header().Get("Location") != "" {
			t.Errorf("GET %s: redirected to %s", target, rec.Header().Get("Location"))
		}
	}
	// The secret itself is served only at its own path.
	if rec := get(s, "GET", "/repo/secret.txt"); rec.Code != 200 || rec.Body.String() != "SECRET" {
		t.Errorf("GET /repo/secret.txt: %d %q", rec.Code, rec.Body)
	}
}

func TestBackslashOverTheWire(t *testing.T) {
	s, _ := published("/")
	ts := startServer(t, s)
	for _, path := range []string{`/briefs\x\index.html`, `/..\index.html`} {
		resp, err := http.Get(ts.URL + path)
		if err != nil {
			continue // refused by the client is fine too
		}
		resp.Body.Close()
		if resp.StatusCode != 400 && resp.StatusCode != 404 {
			t.Errorf("GET %s: %s", path, resp.Status)
		}
	}
}

func TestBeforeFirstBuild(t *testing.T) {
	s := New(Options{})
	rec := get(s, "GET", "/")
	if rec.Code != http.StatusServiceUnavailable || !strings.Contains(rec.Body.String(), "dossier-live-reload") {
		t.Errorf("GET / before a build: %d %s", rec.Code, rec.Body)
	}
}

// failingSite is a site whose chronology page fails when it is made on
// request, as a preview's lazily made page can.
type failingSite struct{ fstest.MapFS }

func (f failingSite) Open(name string) (fs.File, error) {
	if name == "chronology/index.html" {
		d := diag.Errorf(diag.Pos{File: "templates/chronology.html", Line: 3, Col: 9}, "executing: can't evaluate field Titel")
		return nil, errors.Join(errors.New("making index.html"), d)
	}
	return f.MapFS.Open(name)
}

// TestPageFailingOnRequest: a page that fails when made shows the error
// page with its diagnostic, status 500, and reloads with the next build.
func TestPageFailingOnRequest(t *testing.T) {
	s := New(Options{})
	files := fstest.MapFS{}
	for name, data := range site() {
		files[name] = &fstest.MapFile{Data: data}
	}
	s.Publish(failingSite{files}, nil)
	rec := get(s, "GET", "/chronology/")
	if rec.Code != http.StatusInternalServerError {
		t.Errorf("GET /chronology/: %d, want 500", rec.Code)
	}
	for _, want := range []string{"templates/chronology.html:3:9", "can&#39;t evaluate field Titel", "/__dossier/events"} {
		if !strings.Contains(rec.Body.String(), want) {
			t.Errorf("the error page lacks %q:\n%s", want, rec.Body)
		}
	}
	if rec := get(s, "GET", "/briefs/x/"); rec.Code != 200 {
		t.Errorf("GET /briefs/x/: %d, want 200", rec.Code)
	}
}
