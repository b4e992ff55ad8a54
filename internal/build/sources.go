package build

import (
	"fmt"
	"hash/crc32"
	"sync"

	"github.com/dossier-project/dossier/internal/spool"
)

// sourceSpool holds the Markdown and plain text of every parse a Builder
// keeps (see setAside), and counts the parses that use each entry: files
// with the same body share one. An entry no parse uses is forgotten after
// the next build that makes a site (a preview may still make a page of
// the last site on request), and the spool is compacted when that leaves
// it mostly forgotten, so a long preview session's spool stays within
// about twice the dossier's bodies.
type sourceSpool struct {
	*spool.Spool
	mu      sync.Mutex
	refs    map[spool.Key]int
	dropped []spool.Key // unused since this build
	waiting []spool.Key // unused since the last build
}

func newSourceSpool() *sourceSpool {
	return &sourceSpool{Spool: spool.New(), refs: map[spool.Key]int{}}
}

// setAside moves a parse's Markdown and plain text from memory to the
// Builder's spool of sources: a build keeps every parse to its end, and
// these are the largest part of them. The Markdown is read back when its
// page is rendered, the text when the actors it names are found, when
// the search index is made and when the parse pack is saved. Where the
// spool cannot take them, the parse keeps them.
func (b *Builder) setAside(p *parsed) *parsed {
	if p.page == nil || p.doc == nil {
		return p
	}
	held, _ := p.doc.Text() // held: not yet set aside
	text := []byte(held)
	if !b.sources.Put(p.doc.Hash, text, p.page.Body) {
		return p
	}
	b.sources.use(p.doc.Hash)
	p.doc = p.doc.SetAside(sourceAside{b.sources.Spool, p.doc.Hash, len(text), textSum(text), p.page.File})
	p.page.Body = nil
	p.aside = true
	return p
}

func (s *sourceSpool) use(k spool.Key) {
	s.mu.Lock()
	s.refs[k]++
	s.mu.Unlock()
}

// drop notes that the Builder no longer keeps p.
func (s *sourceSpool) drop(p *parsed) {
	if !p.aside {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	k := p.doc.Hash
	if s.refs[k]--; s.refs[k] <= 0 {
		delete(s.refs, k)
		s.dropped = append(s.dropped, k)
	}
}

// sweep forgets the entries that no parse has used since the build
// before the last one that made a site (a page of the last one may still
// be made on request), and compacts the spool when they leave it mostly
// forgotten. It is called when a build has made a site: failed builds do
// not count.
func (s *sourceSpool) sweep() {
	s.mu.Lock()
	again := make(map[spool.Key]bool, len(s.dropped))
	for _, k := range s.dropped {
		again[k] = true
	}
	for _, k := range s.waiting {
		if s.refs[k] == 0 && !again[k] { // dropped again: used by the last site
			s.Forget(k)
		}
	}
	s.waiting, s.dropped = s.dropped, nil
	s.mu.Unlock()
	_, _ = s.Compact() // a spool that cannot be compacted only stays larger
}

// sourceAside is where a parse set aside finds its text, then its
// Markdown, in the spool of sources (see setAside). The Markdown comes
// back checked against the parse's hash (by package markdown), the text
// against its CRC-32C here.
type sourceAside struct {
	spool   *spool.Spool
	key     spool.Key
	textLen int
	textSum uint32
	file    string
}

// textSum is the CRC-32C of a text (crc32 makes its table once).
func textSum(text []byte) uint32 { return crc32.Checksum(text, crc32.MakeTable(crc32.Castagnoli)) }

func (a sourceAside) Markdown() ([]byte, error) { return a.get(a.textLen, -1) }

func (a sourceAside) Text() ([]byte, error) {
	text, err := a.get(0, a.textLen)
	if err == nil && textSum(text) != a.textSum {
		err = fmt.Errorf("the text of %s came back changed", a.file)
	}
	return text, err
}

func (a sourceAside) get(off, n int) ([]byte, error) {
	b, ok, err := a.spool.GetRange(a.key, off, n)
	if !ok && err == nil {
		err = fmt.Errorf("what the build set aside of %s is gone", a.file)
	}
	return b, err
}
