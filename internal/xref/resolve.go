package xref

import (
	"cmp"
	"slices"
	"strings"

	"github.com/dossier-project/dossier/internal/content"
	"github.com/dossier-project/dossier/internal/diag"
	"github.com/dossier-project/dossier/internal/markdown"
	"github.com/dossier-project/dossier/internal/urls"
)

// Options controls resolution.
type Options struct {
	// Base makes link destinations.
	Base urls.Base
	// Preview renders unresolved body links as missing links and reports
	// them as warnings instead of errors.
	Preview bool
	// Unparsed lists content files that failed to load. Their errors are
	// already reported, so references to them are left unresolved silently
	// instead of adding one error per reference.
	Unparsed []string
}

// resolver carries one resolution's state.
type resolver struct {
	ix    *index
	opts  Options
	diags diag.List
	refs  map[*Node]map[*Node]bool // from -> to
}

// Resolve resolves every reference of the pages in set, whose parsed
// bodies are docs, and returns the graph with every diagnostic found.
func Resolve(set *content.Set, docs map[*content.Page]*markdown.Doc, opts Options) (*Graph, diag.List) {
	g := &Graph{byKey: map[key]*Node{}}
	for _, p := range set.Pages {
		n := &Node{Page: p, Doc: docs[p], URL: p.Path()}
		g.Nodes = append(g.Nodes, n)
		g.byKey[key{p.Kind, p.Slug}] = n
	}
	if set.Home != nil {
		g.Home = &Node{Page: set.Home, Doc: docs[set.Home], URL: ""}
	}
	r := &resolver{ix: newIndex(g.Nodes, opts.Unparsed), opts: opts, refs: map[*Node]map[*Node]bool{}}
	for _, n := range g.All() {
		r.frontMatter(n)
		r.body(n)
	}
	r.backlinks(g)
	r.quotes(g)
	findMentions(g)
	return g, r.diags
}

// ref records that from references to.
func (r *resolver) ref(from, to *Node) {
	if from == to || to == nil {
		return
	}
	if r.refs[from] == nil {
		r.refs[from] = map[*Node]bool{}
	}
	r.refs[from][to] = true
}

// backlinks fills ReferencedBy, NamedIn, InRelations and CitedBy.
func (r *resolver) backlinks(g *Graph) {
	for from, tos := range r.refs {
		for to := range tos {
			to.ReferencedBy = append(to.ReferencedBy, from)
		}
	}
	for _, n := range g.All() {
		for _, a := range n.Actors {
			a.NamedIn = appendUnique(a.NamedIn, n)
		}
		for _, e := range n.Relations {
			e.To.InRelations = append(e.To.InRelations, e)
		}
		for _, c := range n.allCitations() {
			c.Source.CitedBy = appendUnique(c.Source.CitedBy, n)
		}
	}
	for _, n := range g.All() {
		sortNodes(n.ReferencedBy)
		sortNodes(n.NamedIn)
		sortNodes(n.CitedBy)
		slices.SortStableFunc(n.InRelations, func(a, b Edge) int {
			return cmp.Or(strings.Compare(a.From.Page.Slug, b.From.Page.Slug), strings.Compare(a.Type, b.Type))
		})
	}
}

// allCitations lists every citation a node makes, front matter and body.
func (n *Node) allCitations() []Citation {
	out := slices.Clone(n.Sources)
	for _, j := range append(slices.Clone(n.KeyJudgments), n.Judgments...) {
		out = append(out, j.Cites...)
	}
	for _, i := range n.Indicators {
		out = append(out, i.Cites...)
	}
	for _, e := range n.Relations {
		out = append(out, e.Sources...)
	}
	return append(out, n.bodyCites...)
}

func appendUnique(list []*Node, n *Node) []*Node {
	if slices.Contains(list, n) {
		return list
	}
	return append(list, n)
}

func sortNodes(nodes []*Node) {
	slices.SortFunc(nodes, compareNodes)
}

func compareNodes(a, b *Node) int {
	return cmp.Or(cmp.Compare(kindRank(a.Kind()), kindRank(b.Kind())), strings.Compare(a.Page.Slug, b.Page.Slug))
}

func kindRank(k content.Kind) int {
	if k == content.Home {
		return -1
	}
	return slices.Index(content.Kinds(), k)
}

// GroupByKind splits nodes into runs of one kind, in kind order.
func GroupByKind(nodes []*Node) []Group {
	var groups []Group
	for _, n := range nodes {
		if len(groups) == 0 || groups[len(groups)-1].Kind != n.Kind() {
			groups = append(groups, Group{Kind: n.Kind()})
		}
		groups[len(groups)-1].Nodes = append(groups[len(groups)-1].Nodes, n)
	}
	return groups
}

// Group is a run of nodes of one kind.
type Group struct {
	Kind  content.Kind
	Nodes []*Node
}
