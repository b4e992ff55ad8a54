package server

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/dossier-project/dossier/internal/diag"
)

// ServeHTTP serves the current snapshot, the error page of a failed build,
// or the event stream; see the package documentation.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	if !s.hostAllowed(r.Host) {
		s.log("server: refused Host %q", r.Host)
		http.Error(w, "forbidden: this preview answers only to the names it is bound to (see -allow-host)", http.StatusForbidden)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		h.Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	if !safePath(r.URL) {
		s.log("server: refused path %q", r.URL.EscapedPath())
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	p := r.URL.Path
	switch {
	case s.base != "/" && (p == "/" || p+"/" == s.base):
		http.Redirect(w, r, s.base, http.StatusFound)
		return
	case !strings.HasPrefix(p, s.base):
		s.serveNotFound(w, r, s.state.Load())
		return
	}
	rel := strings.TrimPrefix(p, s.base)
	if rel == eventsPath {
		if o := r.Header.Get("Origin"); o != "" && !s.originAllowed(o) {
			s.log("server: refused event stream for Origin %q", o)
			http.Error(w, "forbidden origin", http.StatusForbidden)
			return
		}
		s.serveEvents(w, r)
		return
	}
	s.serveSite(w, r, rel)
}

// safePath reports whether u's path is one that a site could hold: no
// "." or ".." or empty segments, no backslash or NUL, and none of these
// (nor a slash) in escaped form.
func safePath(u *url.URL) bool {
	p := u.Path
	if !strings.HasPrefix(p, "/") || strings.ContainsAny(p, "\\\x00") || strings.Contains(p, "//") {
		return false
	}
	raw := strings.ToLower(u.EscapedPath())
	for _, enc := range []string{"%2f", "%5c", "%2e", "%00"} {
		if strings.Contains(raw, enc) {
			return false
		}
	}
	for seg := range strings.SplitSeq(p, "/") {
		if seg == "." || seg == ".." {
			return false
		}
	}
	return true
}

// serveSite serves rel, a path relative to BasePath.
func (s *Server) serveSite(w http.ResponseWriter, r *http.Request, rel string) {
	st := s.state.Load()
	switch {
	case st.failure != nil && wantsHTML(r, rel):
		s.serveBytes(w, r, st, http.StatusInternalServerError, "x.html", st.failure)
		return
	case st.site == nil && wantsHTML(r, rel):
		s.serveBytes(w, r, st, http.StatusServiceUnavailable, "x.html", []byte(buildingPage))
		return
	case st.site == nil:
		http.Error(w, "no build yet", http.StatusServiceUnavailable)
		return
	}
	name := rel
	if rel == "" || strings.HasSuffix(rel, "/") {
		name += "index.html"
	}
	if s.serveFile(w, r, st, http.StatusOK, name) {
		return
	}
	if name == rel && exists(st.site, rel+"/index.html") {
		target := url.URL{Path: s.base + rel + "/", RawQuery: r.URL.RawQuery}
		http.Redirect(w, r, target.String(), http.StatusMovedPermanently)
		return
	}
	s.serveNotFound(w, r, st)
}

// diagsOf is the diagnostics an error carries, or the error as one.
func diagsOf(err error) diag.List {
	var d diag.Diagnostic
	if errors.As(err, &d) {
		return diag.List{d}
	}
	return diag.List{diag.Errorf(diag.Pos{}, "%v", err)}
}

// exists reports whether the site has a file at name.
func exists(site fs.FS, name string) bool {
	if h, ok := site.(interface{ Has(string) bool }); ok {
		return h.Has(name)
	}
	_, err := fs.Stat(site, name)
	return err == nil
}

// wantsHTML reports whether a request is for a page rather than an asset.
func wantsHTML(r *http.Request, rel string) bool {
	return rel == "" || strings.HasSuffix(rel, "/") || strings.HasSuffix(rel, ".html") ||
		strings.Contains(r.Header.Get("Accept"), "text/html")
}

// serveNotFound serves the site's 404.html, or a plain message, with
// status 404.
func (s *Server) serveNotFound(w http.ResponseWriter, r *http.Request, st *state) {
	if st.site != nil && s.serveFile(w, r, st, http.StatusNotFound, "404.html") {
		return
	}
	http.Error(w, "404 page not found", http.StatusNotFound)
}

// serveFile streams the site's file name with status, HTML with the
// reload script; it reports false, having written nothing, when there is
// no such file.
func (s *Server) serveFile(w http.ResponseWriter, r *http.Request, st *state, status int, name string) bool {
	f, err := st.site.Open(name)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return false
		}
		// A page made on request (see build.Generation) can fail, with a
		// diagnostic, where a build would have: show it as a build's.
		s.log("server: %s: %v", name, err)
		s.serveBytes(w, r, st, http.StatusInternalServerError, "x.html", errorPage(diagsOf(err), nil))
		return true
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil || fi.IsDir() {
		return false
	}
	ctype := contentType(name)
	body := io.Reader(f)
	size := fi.Size()
	if strings.HasPrefix(ctype, "text/html") {
		body, size = s.withScript(f, size, st.version)
	}
	h := w.Header()
	h.Set("Content-Type", ctype)
	h.Set("Content-Length", strconv.FormatInt(size, 10))
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		_, _ = io.Copy(w, body)
	}
	return true
}

// withScript returns page f (of size bytes) with the reload script just
// before its last "</body>", found in the page's tail, and the new size.
func (s *Server) withScript(f fs.File, size int64, version string) (io.Reader, int64) {
	script := reloadScript(s.base+eventsPath, version)
	ra, ok := f.(io.ReaderAt)
	if !ok {
		data, _ := io.ReadAll(f)
		out := inject(data, script)
		return bytes.NewReader(out), int64(len(out))
	}
	tailStart := max(size-4096, 0)
	tail := make([]byte, size-tailStart)
	n, _ := ra.ReadAt(tail, tailStart)
	at := tailStart + int64(lastBodyEnd(tail[:n]))
	r := io.MultiReader(io.NewSectionReader(ra, 0, at), bytes.NewReader(script), io.NewSectionReader(ra, at, size-at))
	return r, size + int64(len(script))
}

// serveBytes writes body as the file name (whose extension gives the
// type) with status; HTML gets the reload script. HEAD gets no body.
func (s *Server) serveBytes(w http.ResponseWriter, r *http.Request, st *state, status int, name string, body []byte) {
	ctype := contentType(name)
	if strings.HasPrefix(ctype, "text/html") {
		body = inject(body, reloadScript(s.base+eventsPath, st.version))
	}
	h := w.Header()
	h.Set("Content-Type", ctype)
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(body)
	}
}
