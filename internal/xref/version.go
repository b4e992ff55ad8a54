package xref

import (
	"crypto/sha256"
	"encoding/binary"
	"hash"
	"runtime"
	"sync"
)

// Versions. A node's Version is the SHA-256 of everything about it that
// any page may show: its file's bytes (front matter and body), the
// resolution of every reference it makes (front matter and links, by
// the targets' kind and slug), and every list of what refers to it
// (backlinks, front-matter mentions, relations pointing at it with their
// data, unlinked mentions, citations). Two graphs' nodes of the same page
// with the same Version show the same data; a build compares versions to
// know which pages' views may have changed.

func (g *Graph) computeVersions() {
	g.ids = make(map[*Node][idSize]byte, len(g.all))
	for _, n := range g.all {
		sum := sha256.Sum256([]byte(string(n.Kind()) + "/" + n.Slug()))
		g.ids[n] = [idSize]byte(sum[:idSize])
	}
	var wg sync.WaitGroup
	work := make(chan *Node)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			h := versionHasher{Hash: sha256.New(), ids: g.ids}
			for n := range work {
				n.Version = h.node(n)
			}
		})
	}
	for _, n := range g.all {
		work <- n
	}
	close(work)
	wg.Wait()
}

// idSize is how much of the SHA-256 of a page's kind and slug stands for
// the page in a version: 128 bits, enough that no two pages share one.
const idSize = 16

type versionHasher struct {
	hash.Hash
	ids map[*Node][idSize]byte
	buf [8]byte
}

func (h *versionHasher) node(n *Node) [sha256.Size]byte {
	h.Reset()
	h.Write(n.Page.Hash[:])
	h.Write(n.Doc.Hash[:])
	h.nodes(n.Actors, n.Events, n.Chain, []*Node{n.Country}, n.ReferencedBy, n.NamedIn, n.MentionedIn, n.CitedBy)
	h.cites(n.Sources, n.BodyCites)
	for _, js := range [][]Judgment{n.KeyJudgments, n.Judgments} {
		for _, j := range js {
			h.cites(j.Cites)
		}
	}
	for _, i := range n.Indicators {
		h.cites(i.Cites)
	}
	for _, es := range [][]Edge{n.Relations, n.InRelations} {
		h.int(len(es))
		for _, e := range es {
			h.nodes([]*Node{e.From, e.To})
			h.str(e.Type, e.Since, e.Until)
			h.cites(e.Sources)
		}
	}
	h.int(len(n.Links))
	for _, t := range n.Links {
		h.nodes([]*Node{t.Node})
		h.str(t.Anchor, t.Path, t.Missing)
		h.int(t.Paragraph)
	}
	return [sha256.Size]byte(h.Sum(nil))
}

func (h *versionHasher) nodes(lists ...[]*Node) {
	for _, l := range lists {
		h.int(len(l))
		for _, m := range l {
			if m == nil {
				h.Write(make([]byte, idSize))
				continue
			}
			id := h.ids[m]
			h.Write(id[:])
		}
	}
}

func (h *versionHasher) cites(lists ...[]Citation) {
	for _, l := range lists {
		h.int(len(l))
		for _, c := range l {
			h.nodes([]*Node{c.Source})
			h.int(c.Paragraph)
			h.str(c.Credibility)
		}
	}
}

func (h *versionHasher) str(ss ...string) {
	for _, s := range ss {
		h.int(len(s))
		h.Write([]byte(s))
	}
}

func (h *versionHasher) int(n int) {
	binary.LittleEndian.PutUint64(h.buf[:], uint64(n))
	h.Write(h.buf[:])
}
