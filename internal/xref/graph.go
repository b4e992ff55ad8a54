package xref

import (
	"slices"
	"sync"

	"github.com/dossier-project/dossier/internal/content"
	"github.com/dossier-project/dossier/internal/markdown"
)

// Node is a page with its resolved references and backlinks.
type Node struct {
	Page *content.Page
	// Doc is the page's parsed body; never nil.
	Doc *markdown.Doc
	// URL is the page's site-relative path ("briefs/x/", "" for home);
	// templates put the base path in front.
	URL string

	Actors    []*Node
	Events    []*Node
	Sources   []Citation
	Country   *Node
	Chain     []*Node
	Relations []Edge
	// Judgments and KeyJudgments, Indicators mirror the front matter with
	// their citations resolved.
	KeyJudgments []Judgment
	Judgments    []Judgment
	Indicators   []Indicator
	// Links resolves Doc.Links, one Target per link, in order; LinkedPage
	// gives the page each links to. The slice is shared with the same
	// node of the next graph when that takes this one's resolution.
	Links []Target
	// BodyCites are the citations made by links in the body.
	BodyCites []Citation

	// ReferencedBy lists the pages that link to this one (body or front
	// matter), in kind then slug order.
	ReferencedBy []*Node
	// NamedIn lists the pages that name this actor in their front matter
	// (actors[]).
	NamedIn []*Node
	// InRelations are other actors' relations that point at this actor.
	InRelations []Edge
	// MentionedIn lists pages whose text names this actor without
	// linking it or referring to it otherwise.
	MentionedIn []*Node
	// CitedBy lists pages that cite this source.
	CitedBy []*Node

	// Version identifies everything a page may show of this node (see
	// version.go).
	Version [32]byte

	// kind and slug are the page's, held here too: passes over every
	// node (the jobs, the memos, the sort) read them without loading the
	// page, a second cache miss each, 17,000 times per edit at 10,000
	// briefs.
	kind content.Kind
	slug string

	res   resolution   // for the next Resolve (see reuse.go)
	id    [idSize]byte // stands for the node in versions (see version.go)
	at    int          // the node's place in its graph's All(): home, then kind and slug order
	graph *Graph       // the graph the node is in
}

// Title is the page's title.
func (n *Node) Title() string { return n.Page.Meta.Title }

// Kind is the page's kind.
func (n *Node) Kind() content.Kind { return n.kind }

// Slug is the page's slug ("" for home).
func (n *Node) Slug() string { return n.slug }

// Target is what one body link resolved to.
type Target struct {
	// to is 1 + the place in the graph's All() of the page linked to
	// (Node.LinkedPage); 0 when the link names no page. A place, not a
	// pointer: the next graph with the same names has the same pages at
	// the same places, and shares the Targets of a page it does not
	// resolve again.
	to int
	// Anchor is the fragment on that page, without "#": a heading's ID or
	// a source paragraph's "p4".
	Anchor string
	// Paragraph is set (1-based) when the link cites a paragraph of a
	// source: a citation marker.
	Paragraph int
	// Path is a root-relative link's site path when it names a file of the
	// site that is not a page ("static/map.png").
	Path string
	// Missing says why the link names nothing ("" when it resolves). Only
	// a preview renders such links; a build reports them as errors.
	Missing string
}

// LinkedPage returns the page t, one of n's Links, links to; nil when it
// names no page.
func (n *Node) LinkedPage(t Target) *Node {
	if t.to == 0 {
		return nil
	}
	return n.graph.all[t.to-1]
}

// linkTo is a Target of the page to.
func linkTo(to *Node, anchor string, paragraph int) Target {
	return Target{to: to.at + 1, Anchor: anchor, Paragraph: paragraph}
}

// Citation is a resolved citation of a source, maybe of one paragraph.
// Like a Target it names its source by place (Graph.Source), so the
// citations of a reused resolution (front matter, judgments, indicators,
// relations, body) are shared with the last graph, not copied.
type Citation struct {
	source int // 1 + the place in the graph's All() of the source cited
	// Paragraph is 1-based; 0 cites the whole source.
	Paragraph int
	// Credibility overrides the source's own when set.
	Credibility string
}

// Source returns the source c, a citation made by one of g's nodes,
// cites.
func (g *Graph) Source(c Citation) *Node { return g.all[c.source-1] }

// citationOf is a citation of src.
func citationOf(src *Node, paragraph int, credibility string) Citation {
	return Citation{source: src.at + 1, Paragraph: paragraph, Credibility: credibility}
}

// Anchor is the citation's fragment ("p4") or "".
func (c Citation) Anchor() string {
	if c.Paragraph == 0 {
		return ""
	}
	return markdown.ParagraphID(c.Paragraph)
}

// Edge is a relation between two actors.
type Edge struct {
	From, To *Node
	Type     string
	Since    string
	Until    string
	Sources  []Citation
}

// Judgment is a front-matter judgment with resolved citations.
type Judgment struct {
	*content.Judgment // in the page's Meta, which the graph keeps: not copied
	Cites             []Citation
}

// Indicator is a front-matter indicator with resolved citations.
type Indicator struct {
	*content.Indicator // in the page's Meta, as for Judgment
	Cites              []Citation
}

// Graph is the resolved dossier.
type Graph struct {
	// Home is the home page's node, or nil.
	Home *Node
	// Nodes are every page but home, in kind then slug order.
	Nodes  []*Node
	all    []*Node
	names  [32]byte // what every name lookup reads (see reuse.go)
	ix     *index   // finds nodes by name; the next graph with the same names takes it
	reused int      // nodes whose resolution came from the last graph

	likelihoodsOnce sync.Once
	likelihoods     []LikelihoodUse
}

type key struct {
	kind content.Kind
	slug string
}

// Names identifies every page's kind, slug, file, title and aliases, in
// order: two graphs with the same Names have the same pages at the same
// places of All(), with the same titles (see reuse.go).
func (g *Graph) Names() [32]byte { return g.names }

// Lookup returns the node of kind k with slug, or nil.
func (g *Graph) Lookup(k content.Kind, slug string) *Node { return g.ix.key(k, slug) }

// ByKind returns the nodes of kind k in slug order.
func (g *Graph) ByKind(k content.Kind) []*Node {
	var out []*Node
	for _, n := range g.Nodes {
		if n.Kind() == k {
			out = append(out, n)
		}
	}
	return out
}

// All returns home (if any) and every other node. The slice is the
// graph's own: do not modify it.
func (g *Graph) All() []*Node { return g.all }

// AllCitations lists every citation the page makes, front matter and body,
// each source-and-paragraph once, in the order first made.
func (n *Node) AllCitations() []Citation {
	var out []Citation
	eachCitation(n, func(c Citation) {
		if !slices.Contains(out, c) {
			out = append(out, c)
		}
	})
	return out
}

// eachCitation calls f with every citation n makes, in the order made:
// sources, key judgments, judgments, indicators, relations, body.
func eachCitation(n *Node, f func(Citation)) {
	each := func(cs []Citation) {
		for _, c := range cs {
			f(c)
		}
	}
	each(n.Sources)
	for _, j := range n.KeyJudgments {
		each(j.Cites)
	}
	for _, j := range n.Judgments {
		each(j.Cites)
	}
	for _, i := range n.Indicators {
		each(i.Cites)
	}
	for _, e := range n.Relations {
		each(e.Sources)
	}
	each(n.BodyCites)
}
