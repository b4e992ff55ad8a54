package server

import (
	"bytes"
	"crypto/rand"
	"maps"
	"path"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/dossier-project/dossier/internal/diag"
)

// Options configures a Server.
type Options struct {
	// BasePath is the path the site lives under, from base_url: "/repo/"
	// for https://user.github.io/repo/. Default "/".
	BasePath string
	// Logf, when set, receives notes about refused requests and streams.
	Logf func(format string, args ...any)
}

// Server is the preview server; see the package documentation.
type Server struct {
	base      string // cleaned BasePath, with leading and trailing slash
	logf      func(string, ...any)
	id        string        // this server's instance, part of versions
	heartbeat time.Duration // between SSE comments
	state     atomic.Pointer[state]
	hub       hub
	done      chan struct{} // closed by Close
	closeOnce sync.Once

	mu  sync.Mutex // serializes Publish and Fail
	gen int        // version counter, under mu
}

// state is what requests are served from; it is replaced, never modified.
type state struct {
	site    *snapshot // last good build; nil before the first
	failure []byte    // error page of a failed build, nil when good
	version string    // changes with every event sent to clients
}

// New returns a Server with nothing published yet.
func New(opts Options) *Server {
	s := &Server{
		base:      cleanBase(opts.BasePath),
		logf:      opts.Logf,
		id:        rand.Text()[:8],
		heartbeat: 15 * time.Second,
		hub:       hub{clients: map[*client]struct{}{}},
		done:      make(chan struct{}),
	}
	s.state.Store(&state{version: s.version()})
	return s
}

// cleanBase returns p as an absolute path ending in a slash.
func cleanBase(p string) string {
	p = path.Clean("/" + p)
	if p != "/" {
		p += "/"
	}
	return p
}

// version names the current generation of the site; under mu.
func (s *Server) version() string { return s.id + "." + strconv.Itoa(s.gen) }

// Publish serves a new good build and tells open pages: "css" when only
// stylesheets changed, "reload" otherwise (nothing when nothing changed
// and the previous build was good). The server keeps files (a shallow
// copy of the map): the caller must not modify the byte slices afterwards.
func (s *Server) Publish(files map[string][]byte) {
	site := newSnapshot(maps.Clone(files))
	s.mu.Lock()
	defer s.mu.Unlock()
	prev := s.state.Load()
	kind := evReload
	if prev.failure == nil && prev.site != nil {
		kind = prev.site.change(site)
	}
	next := &state{site: site, version: prev.version}
	if kind != evNone {
		s.gen++
		next.version = s.version()
	}
	s.state.Store(next)
	s.hub.broadcast(event{kind: kind, version: next.version})
}

// Fail records a failed build: HTML requests get an error page listing
// diags, with source lines from sources (keyed by diag.Pos.File), and
// open pages reload to show it. Assets are still served from the last
// good build.
func (s *Server) Fail(diags diag.List, sources map[string][]byte) {
	page := errorPage(diags, sources)
	s.mu.Lock()
	defer s.mu.Unlock()
	prev := s.state.Load()
	if bytes.Equal(prev.failure, page) {
		return
	}
	s.gen++
	next := &state{site: prev.site, failure: page, version: s.version()}
	s.state.Store(next)
	s.hub.broadcast(event{kind: evReload, version: next.version})
}

// Close ends every event stream; later streams end at once.
func (s *Server) Close() {
	s.closeOnce.Do(func() { close(s.done) })
}

func (s *Server) log(format string, args ...any) {
	if s.logf != nil {
		s.logf(format, args...)
	}
}
