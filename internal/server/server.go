package server

import (
	"bytes"
	"crypto/rand"
	"io/fs"
	"path"
	"strconv"
	"strings"
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
	// Port, when set, is the only port a request's Host may name.
	Port int
	// AllowHosts are host names the server answers to besides the
	// loopback names (see hosts.go).
	AllowHosts []string
}

// Server is the preview server; see the package documentation.
type Server struct {
	base       string // cleaned BasePath, with leading and trailing slash
	logf       func(string, ...any)
	port       int
	allowHosts []string
	id         string        // this server's instance, part of versions
	heartbeat  time.Duration // between SSE comments
	state      atomic.Pointer[state]
	hub        hub
	done       chan struct{} // closed by Close
	closeOnce  sync.Once

	mu  sync.Mutex // serializes Publish and Fail
	gen int        // version counter, under mu
}

// state is what requests are served from; it is replaced, never modified.
type state struct {
	site    fs.FS  // last good build; nil before the first
	failure []byte // error page of a failed build, nil when good
	version string // changes with every event sent to clients
}

// New returns a Server with nothing published yet.
func New(opts Options) *Server {
	s := &Server{
		base:       cleanBase(opts.BasePath),
		logf:       opts.Logf,
		port:       opts.Port,
		allowHosts: opts.AllowHosts,
		id:         rand.Text()[:8],
		heartbeat:  15 * time.Second,
		hub:        hub{clients: map[*client]struct{}{}},
		done:       make(chan struct{}),
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

// Publish serves a new good build, site, whose files differ from the
// last build's at the paths changed, and tells open pages: "css" when only
// stylesheets changed, "reload" otherwise, nothing when nothing changed
// and the previous build was good. site must never change afterwards:
// requests read it until the next Publish.
func (s *Server) Publish(site fs.FS, changed []string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	prev := s.state.Load()
	kind := evReload
	if prev.failure == nil && prev.site != nil {
		kind = changeKind(changed)
	}
	next := &state{site: site, version: prev.version}
	if kind != evNone {
		s.gen++
		next.version = s.version()
	}
	s.state.Store(next)
	s.hub.broadcast(event{kind: kind, version: next.version})
}

// changeKind is the event that changing the paths calls for: none when
// no file changed, css when only .css files did, reload otherwise.
func changeKind(changed []string) eventKind {
	kind := evNone
	for _, name := range changed {
		if !strings.HasSuffix(name, ".css") {
			return evReload
		}
		kind = evCSS
	}
	return kind
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
