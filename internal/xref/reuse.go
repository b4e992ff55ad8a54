package xref

import (
	"crypto/sha256"
	"encoding/binary"
	"slices"

	"github.com/dossier-project/dossier/internal/diag"
)

// Reuse. Resolving a page reads three things: its own page and body, the
// names of every page (kinds, slugs, files, titles and aliases: what a
// name resolves to, and the "did you mean" of one that does not), and the
// bodies of the pages its references reach (their headings and paragraphs,
// for anchors, paragraph numbers and quotations). Given the last graph of
// the same dossier (Options.Last), a page takes its resolution from it,
// with every pointer moved to the new graph's nodes, when all three are
// what they were: the same parsed page and body (the same objects: the
// parse cache hands out one per file's bytes and settings), the same
// names of every page, and the same bodies of the pages it referenced.
// Its diagnostics come with it. Backlinks, mentions and versions are
// computed afresh over the whole graph.

// resolution is what resolving a node found besides its own fields: the
// pages it referenced and its diagnostics.
type resolution struct {
	refs   []*Node // every page referenced, in the order first reached
	diags  diag.List
	quotes diag.List  // from the quotation check
	rows   *rowCounts // the page's use of each likelihood row (see LikelihoodRows); nil for none
}

// namesOf hashes what every name lookup reads: each page's kind, slug,
// file, title and aliases, the files that failed to load, and whether
// this is a preview (missing links are then warnings). Every list is
// written with its length and every string with its length, so that no
// two lists of pages hash alike (an alias "\x00" once could pass for the
// end of a page): equal names mean the same pages at the same places,
// which the next graph relies on.
func namesOf(g *Graph, opts Options) [sha256.Size]byte {
	h := sha256.New()
	buf := make([]byte, 0, 64<<10) // written to h a block at a time
	count := func(n int) { buf = binary.LittleEndian.AppendUint64(buf, uint64(n)) }
	str := func(s string) {
		count(len(s))
		buf = append(buf, s...)
	}
	str(boolString(opts.Preview))
	count(len(g.all))
	for _, n := range g.all {
		p := n.Page
		str(string(p.Kind))
		str(p.Slug)
		str(p.File)
		str(p.Meta.Title)
		count(len(p.Meta.Aliases))
		for _, alias := range p.Meta.Aliases {
			str(alias)
		}
		if len(buf) > 60<<10 {
			h.Write(buf)
			buf = buf[:0]
		}
	}
	unparsed := slices.Sorted(slices.Values(opts.Unparsed))
	count(len(unparsed))
	for _, f := range unparsed {
		str(f)
	}
	h.Write(buf)
	return [sha256.Size]byte(h.Sum(nil))
}

func boolString(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

// reusable returns, for each of g's nodes, the last graph's node whose
// resolution it can take, or nil; and the new node of each of the last
// graph's nodes, by their place in it (nil when nothing is reused).
func reusable(g, last *Graph) ([]*Node, []*Node) {
	out := make([]*Node, len(g.all))
	if last == nil || last.names != g.names || len(last.all) != len(g.all) {
		return out, nil
	}
	// The same names: the same pages, in the same order, so the new node
	// of each last node is at its place.
	moved := g.all
	for i, n := range g.all {
		o := last.all[i]
		if o.Page != n.Page || o.Doc != n.Doc {
			continue
		}
		same := true
		for _, t := range o.res.refs {
			if now := moved[t.at]; now.Doc != t.Doc {
				same = false
				break
			}
		}
		if same {
			out[i] = o
		}
	}
	return out, moved
}

// takeResolution gives n the resolution of o, a node of the last graph,
// with every node pointer moved to g's (moved holds g's node for each
// place in the last graph). What names pages by place — body links and
// citations, so also judgments and indicators — is shared as it is; the
// lists of nodes are copied at their full size into one array.
func takeResolution(n, o *Node, moved []*Node) {
	nodes := carver[*Node]{buf: make([]*Node, 0, len(o.Actors)+len(o.Events)+len(o.Chain)+len(o.res.refs))}
	mvNodes := func(xs []*Node) []*Node {
		out := nodes.take(xs)
		for i, x := range out {
			if x != nil {
				out[i] = moved[x.at]
			}
		}
		return out
	}
	n.Actors, n.Events, n.Chain = mvNodes(o.Actors), mvNodes(o.Events), mvNodes(o.Chain)
	if o.Country != nil {
		n.Country = moved[o.Country.at]
	}
	if o.Relations != nil {
		n.Relations = make([]Edge, len(o.Relations))
		for i, e := range o.Relations {
			n.Relations[i] = Edge{From: n, To: moved[e.To.at], Type: e.Type, Since: e.Since, Until: e.Until, Sources: e.Sources}
		}
	}
	// By place: the same in both graphs.
	n.Sources, n.BodyCites, n.Links = o.Sources, o.BodyCites, o.Links
	n.KeyJudgments, n.Judgments, n.Indicators = o.KeyJudgments, o.Judgments, o.Indicators
	n.res = resolution{refs: mvNodes(o.res.refs), diags: o.res.diags, quotes: o.res.quotes, rows: o.res.rows}
}

// carver hands out copies of slices from one array, each with its own
// length as its capacity (so an append to one never writes into the
// next); nil stays nil.
type carver[T any] struct{ buf []T }

func (c *carver[T]) take(src []T) []T {
	if src == nil {
		return nil
	}
	at := len(c.buf)
	c.buf = append(c.buf, src...)
	return c.buf[at:len(c.buf):len(c.buf)]
}
