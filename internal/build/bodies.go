package build

import (
	"bytes"
	"crypto/sha256"
	"html/template"
	"os"
	"sync"
	"sync/atomic"

	"github.com/dossier-project/dossier/internal/markdown"
	"github.com/dossier-project/dossier/internal/view"
	"golang.org/x/sync/singleflight"
)

// bodyStore keeps every body rendered by a Builder in a temporary spool
// file, by the key of what it was rendered from (its parse and its
// links), so that /print/ is assembled from bodies already rendered and
// memory holds only their places in the spool. It is safe for concurrent
// use.
type bodyStore struct {
	// rendering makes each body once when two pages ask for it at the
	// same time (/print/ and the body's own page, in a cold build).
	rendering singleflight.Group
	rendered  atomic.Int64 // bodies rendered, for tests

	mu    sync.Mutex
	spool *os.File
	end   int64
	at    map[[sha256.Size]byte][2]int64 // offset, length
	err   error
}

func newBodyStore() *bodyStore { return &bodyStore{at: map[[sha256.Size]byte][2]int64{}} }

// bodyKey is what a body's HTML is made from, without the print page's
// prefix and shift (applied afterwards): its parse and its link views.
func bodyKey(h *view.Hasher, doc [sha256.Size]byte, links []markdown.LinkView) [sha256.Size]byte {
	return h.Key(struct {
		Doc   [sha256.Size]byte
		Links []markdown.LinkView
	}{doc, links})
}

// get returns the HTML stored under key.
func (s *bodyStore) get(key [sha256.Size]byte) ([]byte, bool) {
	s.mu.Lock()
	at, ok := s.at[key]
	f := s.spool
	s.mu.Unlock()
	if !ok {
		return nil, false
	}
	buf := make([]byte, at[1])
	if _, err := f.ReadAt(buf, at[0]); err != nil {
		return nil, false
	}
	return buf, true
}

// put stores html under key; failures only cost a later render.
func (s *bodyStore) put(key [sha256.Size]byte, html []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.at[key]; ok || s.err != nil {
		return
	}
	if s.spool == nil {
		if s.spool, s.err = os.CreateTemp("", "dossier-bodies-*"); s.err != nil {
			return
		}
	}
	if _, err := s.spool.WriteAt(html, s.end); err != nil {
		s.err = err
		return
	}
	s.at[key] = [2]int64{s.end, int64(len(html))}
	s.end += int64(len(html))
}

func (s *bodyStore) close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.spool == nil {
		return nil
	}
	s.spool.Close()
	return os.Remove(s.spool.Name())
}

// renderBody returns a body's HTML: from the store, or rendered (and
// stored); with the print page's prefix and shift applied.
func (b *Builder) renderBody(body *view.Body) (template.HTML, error) {
	links := body.LinkViews()
	key := bodyKey(&b.hasher, body.DocHash, links)
	html, ok := b.bodies.get(key)
	if !ok {
		made, err, _ := b.bodies.rendering.Do(string(key[:]), func() (any, error) {
			if html, ok := b.bodies.get(key); ok { // stored meanwhile
				return html, nil
			}
			b.bodies.rendered.Add(1)
			var buf bytes.Buffer
			if err := b.md.Render(&buf, body.Doc, links); err != nil {
				return nil, err
			}
			b.bodies.put(key, buf.Bytes())
			return buf.Bytes(), nil
		})
		if err != nil {
			return "", err
		}
		html = made.([]byte) // shared with the other callers: only read
	}
	if body.Prefix != "" || body.Shift != 0 {
		html = reanchor(html, body.Prefix, body.Shift)
	}
	return template.HTML(html), nil
}
