package server

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// ServeHTTP serves the current snapshot, the error page of a failed build,
// or the event stream; see the package documentation.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
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
	if b, ok := st.site.get(name); ok {
		s.serveBytes(w, r, st, http.StatusOK, name, b)
		return
	}
	if _, ok := st.site.get(rel + "/index.html"); ok && name == rel {
		target := url.URL{Path: s.base + rel + "/", RawQuery: r.URL.RawQuery}
		http.Redirect(w, r, target.String(), http.StatusMovedPermanently)
		return
	}
	s.serveNotFound(w, r, st)
}

// wantsHTML reports whether a request is for a page rather than an asset.
func wantsHTML(r *http.Request, rel string) bool {
	return rel == "" || strings.HasSuffix(rel, "/") || strings.HasSuffix(rel, ".html") ||
		strings.Contains(r.Header.Get("Accept"), "text/html")
}

// serveNotFound serves the snapshot's 404.html, or a plain message, with
// status 404.
func (s *Server) serveNotFound(w http.ResponseWriter, r *http.Request, st *state) {
	if st.site != nil {
		if b, ok := st.site.get("404.html"); ok {
			s.serveBytes(w, r, st, http.StatusNotFound, "404.html", b)
			return
		}
	}
	http.Error(w, "404 page not found", http.StatusNotFound)
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
