package xref

import (
	"crypto/sha256"
	"encoding/binary"
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

// from[i], when set, is the last graph's node whose resolution g.all[i]
// took (see reuse.go): when what the two are referenced by is the same
// too, the version is the same, and it is taken rather than hashed.
func (g *Graph) computeVersions(from []*Node) {
	var wg sync.WaitGroup
	work := make(chan int, 64)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			var h versionHasher
			for i := range work {
				n := g.all[i]
				if o := from[i]; o != nil && sameReferrers(n, o) {
					n.Version = o.Version
					continue
				}
				n.Version = h.node(n)
			}
		})
	}
	for i := range g.all {
		work <- i
	}
	close(work)
	wg.Wait()
}

// name gives every node its URL and id (which stands for it in
// versions): those of the node at its place in last when last has the
// same names (the same pages in the same order), else made from its kind
// and slug.
func (g *Graph) name(last *Graph) {
	if last != nil && last.names == g.names && len(last.all) == len(g.all) {
		for i, n := range g.all {
			n.URL, n.id = last.all[i].URL, last.all[i].id
		}
		return
	}
	for _, n := range g.all {
		n.URL = n.Page.Path()
		sum := sha256.Sum256([]byte(string(n.Kind()) + "/" + n.Slug()))
		n.id = [idSize]byte(sum[:idSize])
	}
}

// sameReferrers reports whether n and o, nodes of the same page in two
// graphs, are referred to by the same pages the same way: the lists a
// version covers besides the page's own references.
func sameReferrers(n, o *Node) bool {
	for _, l := range [][2][]*Node{{n.ReferencedBy, o.ReferencedBy}, {n.NamedIn, o.NamedIn}, {n.MentionedIn, o.MentionedIn}, {n.CitedBy, o.CitedBy}} {
		if !sameIDs(l[0], l[1]) {
			return false
		}
	}
	if len(n.InRelations) != len(o.InRelations) {
		return false
	}
	for i, e := range n.InRelations {
		f := o.InRelations[i]
		if e.From.id != f.From.id || e.To.id != f.To.id || e.Type != f.Type || e.Since != f.Since || e.Until != f.Until || !sameCites(n.graph, e.Sources, o.graph, f.Sources) {
			return false
		}
	}
	return true
}

func sameIDs(a, b []*Node) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].id != b[i].id {
			return false
		}
	}
	return true
}

// sameCites reports whether a, citations made in graph ga, and b, in gb,
// cite the same.
func sameCites(ga *Graph, a []Citation, gb *Graph, b []Citation) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if ga.Source(a[i]).id != gb.Source(b[i]).id || a[i].Paragraph != b[i].Paragraph || a[i].Credibility != b[i].Credibility {
			return false
		}
	}
	return true
}

// idSize is how much of the SHA-256 of a page's kind and slug stands for
// the page in a version: 128 bits, enough that no two pages share one.
const idSize = 16

// versionHasher writes what a version covers into one buffer, reused
// from node to node, and hashes it once.
type versionHasher struct {
	buf   []byte
	graph *Graph // of the node being hashed
}

func (h *versionHasher) node(n *Node) [sha256.Size]byte {
	h.graph = n.graph
	h.buf = append(h.buf[:0], n.Page.Hash[:]...)
	h.buf = append(h.buf, n.Doc.Hash[:]...)
	h.nodes(n.Actors, n.Events, n.Chain)
	h.node1(n.Country)
	h.nodes(n.ReferencedBy, n.NamedIn, n.MentionedIn, n.CitedBy)
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
			h.node1(e.From)
			h.node1(e.To)
			h.str(e.Type, e.Since, e.Until)
			h.cites(e.Sources)
		}
	}
	h.int(len(n.Links))
	for _, t := range n.Links {
		h.node1(n.LinkedPage(t))
		h.str(t.Anchor, t.Path, t.Missing)
		h.int(t.Paragraph)
	}
	return sha256.Sum256(h.buf)
}

// node1 writes one node, as a list of one.
func (h *versionHasher) node1(m *Node) {
	h.int(1)
	h.id(m)
}

func (h *versionHasher) nodes(lists ...[]*Node) {
	for _, l := range lists {
		h.int(len(l))
		for _, m := range l {
			h.id(m)
		}
	}
}

// id writes a node's id; nil is all zeros.
func (h *versionHasher) id(m *Node) {
	if m == nil {
		h.buf = append(h.buf, make([]byte, idSize)...)
		return
	}
	h.buf = append(h.buf, m.id[:]...)
}

func (h *versionHasher) cites(lists ...[]Citation) {
	for _, l := range lists {
		h.int(len(l))
		for _, c := range l {
			h.node1(h.graph.Source(c))
			h.int(c.Paragraph)
			h.str(c.Credibility)
		}
	}
}

func (h *versionHasher) str(ss ...string) {
	for _, s := range ss {
		h.int(len(s))
		h.buf = append(h.buf, s...)
	}
}

func (h *versionHasher) int(n int) {
	h.buf = binary.LittleEndian.AppendUint64(h.buf, uint64(n))
}
