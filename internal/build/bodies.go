package build

import (
	"bytes"
	"crypto/sha256"
	"html/template"
	"sync/atomic"

	"github.com/dossier-project/dossier/internal/markdown"
	"github.com/dossier-project/dossier/internal/spool"
	"github.com/dossier-project/dossier/internal/view"
	"golang.org/x/sync/singleflight"
)

// bodyStore keeps every body rendered by a Builder in its spool, by the
// key of what it was rendered from (its parse and its links), so that
// /print/ is assembled from bodies already rendered and memory holds only
// their places in the spool. It is safe for concurrent use.
type bodyStore struct {
	// rendering makes each body once when two pages ask for it at the
	// same time (/print/ and the body's own page, in a cold build).
	rendering singleflight.Group
	rendered  atomic.Int64 // bodies rendered, for tests
	spool     *spool.Spool
}

func newBodyStore() *bodyStore { return &bodyStore{spool: spool.New()} }

// bodyKey is what a body's HTML is made from, without the print page's
// prefix and shift (applied afterwards): its parse and its link views.
func bodyKey(h *view.Hasher, doc [sha256.Size]byte, links []markdown.LinkView) [sha256.Size]byte {
	return h.Key(struct {
		Doc   [sha256.Size]byte
		Links []markdown.LinkView
	}{doc, links})
}

// get returns the HTML stored under key; a body that cannot be read
// back is rendered again.
func (s *bodyStore) get(key [sha256.Size]byte) ([]byte, bool) {
	html, ok, err := s.spool.Get(key)
	return html, ok && err == nil
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
			b.bodies.spool.Put(key, buf.Bytes()) // not kept: rendered again when asked
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
