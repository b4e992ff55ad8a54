package build

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"hash"
	"io/fs"
	"slices"

	"github.com/dossier-project/dossier/internal/xref"
)

// renderCache keeps each content page's output between builds together
// with the fingerprint of everything that output was made from, so that a
// rebuild re-renders only the pages whose output can change.
//
// A page's output depends on (a) its own file, (b) what its links resolved
// to, (c) the "cards" of the pages around it: the front matter of every
// page it references or that references it (titles, dates, grades shown
// in lists, backlinks and citations), plus the titles of those pages'
// actors and the grades of their sources, which lists and chronologies
// show, and (d) site-wide inputs: dossier.yaml, build options, templates,
// static files, the set of pages and every relation (the actor graph).
// (d) is the global fingerprint: when it changes, every page is
// re-rendered. List pages, feeds and the like are always re-rendered.
//
// The test TestIncrementalMatchesFullBuild checks after a series of edits
// that the result is byte-identical to a fresh build.
type renderCache struct {
	global [sha256.Size]byte
	pages  map[string]cachedPage
}

type cachedPage struct {
	sum [sha256.Size]byte
	out []byte
}

func newRenderCache() *renderCache { return &renderCache{pages: map[string]cachedPage{}} }

// lookup returns the cached output for out if it was rendered from sum
// under the same global fingerprint.
func (c *renderCache) lookup(out string, sum [sha256.Size]byte) ([]byte, bool) {
	p, ok := c.pages[out]
	return p.out, ok && p.sum == sum
}

// globalFingerprint hashes the site-wide inputs of every page.
func (r *renderer) globalFingerprint(fsys fs.FS) [sha256.Size]byte {
	h := sha256.New()
	fmt.Fprintf(h, "%+v\n%+v\n", *r.cfg, r.opts)
	for _, dir := range []string{"templates", "static"} {
		_ = fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return nil
			}
			b, _ := fs.ReadFile(fsys, p)
			writeField(h, p, string(b))
			return nil
		})
	}
	for _, n := range r.graph.All() {
		writeField(h, string(n.Kind()), n.Page.Slug, n.Title())
		for _, e := range n.Relations {
			writeField(h, e.To.Page.Slug, e.Type, e.Since, e.Until)
		}
	}
	return [sha256.Size]byte(h.Sum(nil))
}

// pageFingerprint hashes everything a content page's output depends on
// besides the global inputs.
func pageFingerprint(n *xref.Node) [sha256.Size]byte {
	h := sha256.New()
	writeField(h, string(n.Page.Src))
	if n.Doc != nil {
		for _, l := range n.Doc.Links {
			writeField(h, l.Dest, l.Resolved, l.Title, l.Class, fmt.Sprint(l.Missing, l.Citation))
		}
	}
	for _, group := range neighbours(n) {
		writeField(h, fmt.Sprint(len(group)))
		for _, m := range group {
			writeCard(h, m)
		}
	}
	for _, e := range append(slices.Clone(n.Relations), n.InRelations...) {
		writeField(h, e.From.Page.Slug, e.To.Page.Slug, e.Type, e.Since, e.Until)
		for _, c := range e.Sources {
			writeCard(h, c.Source)
		}
	}
	return [sha256.Size]byte(h.Sum(nil))
}

// neighbours lists, field by field, the pages whose cards n's page shows.
func neighbours(n *xref.Node) [][]*xref.Node {
	cites := func(cs []xref.Citation) []*xref.Node {
		var out []*xref.Node
		for _, c := range cs {
			out = append(out, c.Source)
		}
		return out
	}
	groups := [][]*xref.Node{n.Actors, n.Events, n.Chain, cites(n.AllCitations()),
		n.ReferencedBy, n.NamedIn, n.MentionedIn, n.CitedBy}
	if n.Country != nil {
		groups = append(groups, []*xref.Node{n.Country})
	}
	return groups
}

// writeCard hashes what other pages show of m: its front matter, its
// actors' titles and its sources' grades.
func writeCard(h hash.Hash, m *xref.Node) {
	writeField(h, string(m.Kind()), m.Page.Slug, string(m.Page.Src[:len(m.Page.Src)-len(m.Page.Body)]))
	for _, a := range m.Actors {
		writeField(h, a.Title())
	}
	for _, c := range m.AllCitations() {
		writeField(h, c.Source.Page.Meta.Reliability.Value, c.Source.Page.Meta.Credibility.Value)
	}
}

// writeField writes length-prefixed strings, so that field boundaries
// cannot be confused.
func writeField(h hash.Hash, fields ...string) {
	var n [8]byte
	for _, f := range fields {
		binary.LittleEndian.PutUint64(n[:], uint64(len(f)))
		h.Write(n[:])
		h.Write([]byte(f))
	}
}
