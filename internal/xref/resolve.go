package xref

import (
	"cmp"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/dossier-project/dossier/internal/content"
	"github.com/dossier-project/dossier/internal/diag"
	"github.com/dossier-project/dossier/internal/markdown"
)

// Input is one page to resolve: its front matter and its parsed body.
type Input struct {
	Page *content.Page
	Doc  *markdown.Doc
}

// Options controls resolution.
type Options struct {
	// Preview keeps unresolved body links as Targets with a Missing
	// reason and reports them as warnings instead of errors.
	Preview bool
	// Unparsed lists content files that failed to load. Their errors are
	// already reported, so references to them are left unresolved
	// silently instead of adding one error per reference.
	Unparsed []string
	// Memo, when set, carries mention results between calls.
	Memo *Memo
	// Last, when set, is the graph the last Resolve of the same dossier
	// returned: pages that cannot resolve differently take their
	// resolution from it (see reuse.go).
	Last *Graph
}

// resolver is one worker's resolution state: the shared, read-only index
// and options, its own diagnostics, and the references of the node it is
// resolving.
type resolver struct {
	ix    *index
	opts  Options
	diags diag.List // the current node's
	refs  *[]*Node  // the current node's references
	fold  folder    // made on first use
	paras map[paraKey]string
}

// Resolve resolves every reference of the pages (home and the others, in
// any order; at most one home) and returns a new graph with every
// diagnostic found. It does not modify its inputs. Pages are resolved in
// parallel, each by one worker, which writes only its node.
func Resolve(pages []Input, opts Options) (*Graph, diag.List) {
	g := newGraph(pages)
	g.names = namesOf(g, opts)
	from, moved := reusable(g, opts.Last)
	g.name(opts.Last)
	if moved != nil {
		g.ix = opts.Last.ix.at(g.all)
	} else {
		g.ix = newIndex(g.all, opts.Unparsed)
	}
	ix := g.ix
	for _, o := range from {
		if o != nil {
			g.reused++
		}
	}
	eachNode(g, ix, opts, func(r *resolver, i int, n *Node) {
		if o := from[i]; o != nil {
			takeResolution(n, o, moved)
			return
		}
		r.refs = &n.res.refs
		r.frontMatter(n)
		r.body(n)
		n.res.diags = r.take()
		n.res.rows = likelihoodRows(n)
	})
	backlinks(g)
	eachNode(g, ix, opts, func(r *resolver, i int, n *Node) {
		if from[i] == nil {
			r.quotes(n)
			n.res.quotes = r.take()
		}
	})
	diags := findMentions(g, opts.Memo)
	g.computeVersions(from)
	for _, n := range g.all {
		diags.Append(n.res.diags)
		diags.Append(n.res.quotes)
	}
	return g, diags
}

// take returns the diagnostics found for the current node, and forgets
// them.
func (r *resolver) take() diag.List {
	d := r.diags
	r.diags = nil
	return d
}

// eachNode runs f on every node, on GOMAXPROCS workers.
func eachNode(g *Graph, ix *index, opts Options, f func(r *resolver, i int, n *Node)) {
	workers := runtime.GOMAXPROCS(0)
	var wg sync.WaitGroup
	for w := range workers {
		r := &resolver{ix: ix, opts: opts}
		wg.Go(func() {
			for i := w; i < len(g.all); i += workers {
				f(r, i, g.all[i])
			}
		})
	}
	wg.Wait()
}

// newGraph makes a node per page, sorted: home first, then by kind and
// slug.
func newGraph(pages []Input) *Graph {
	g := &Graph{}
	nodes := make([]Node, len(pages)) // one allocation: the graph lives and goes as a whole
	g.all = make([]*Node, 0, len(pages))
	g.Nodes = make([]*Node, 0, len(pages))
	for i, in := range pages {
		n := &nodes[i] // zeroed: set what is known, not the whole node again
		n.Page, n.Doc, n.graph, n.kind, n.slug = in.Page, in.Doc, g, in.Page.Kind, in.Page.Slug
		if in.Page.Kind == content.Home {
			g.Home = n
			continue
		}
		g.Nodes = append(g.Nodes, n)
	}
	slices.SortFunc(g.Nodes, compareNodes)
	if g.Home != nil {
		g.all = append(g.all, g.Home)
	}
	g.all = append(g.all, g.Nodes...)
	for i, n := range g.all {
		n.at = i
	}
	return g
}

// ref records that from (the node being resolved) references to.
func (r *resolver) ref(from, to *Node) {
	if from == to || to == nil || slices.Contains(*r.refs, to) {
		return
	}
	*r.refs = append(*r.refs, to)
}

// backlinks fills ReferencedBy, NamedIn, InRelations and CitedBy from
// every node's references. The referring nodes are taken in the graph's
// order, so each list comes out in that order without sorting.
func backlinks(g *Graph) {
	presize(g)
	for _, from := range g.all {
		for _, to := range from.res.refs {
			to.ReferencedBy = append(to.ReferencedBy, from)
		}
		for _, a := range from.Actors {
			a.NamedIn = append(a.NamedIn, from)
		}
		for _, e := range from.Relations {
			e.To.InRelations = append(e.To.InRelations, e)
		}
		eachCitation(from, func(c Citation) {
			// Each source once per citing page: pages are taken in turn,
			// so a source that has it already has it last.
			if src := g.Source(c); len(src.CitedBy) == 0 || src.CitedBy[len(src.CitedBy)-1] != from {
				src.CitedBy = append(src.CitedBy, from)
			}
		})
	}
	for _, n := range g.all {
		// Within one referring actor, by type.
		slices.SortStableFunc(n.InRelations, func(a, b Edge) int {
			return cmp.Or(cmp.Compare(a.From.at, b.From.at), strings.Compare(a.Type, b.Type))
		})
	}
}

// presize gives ReferencedBy, NamedIn and InRelations their exact room,
// each kind of list in one array, so that backlinks fills them without
// growing them: appending one by one grew tens of thousands of small
// slices on every rebuild of a large dossier.
func presize(g *Graph) {
	refs, named, rels := make([]int, len(g.all)), make([]int, len(g.all)), make([]int, len(g.all))
	var nRefs, nNamed, nRels int
	for _, from := range g.all {
		for _, to := range from.res.refs {
			refs[to.at]++
		}
		for _, a := range from.Actors {
			named[a.at]++
		}
		for _, e := range from.Relations {
			rels[e.To.at]++
		}
		nRefs, nNamed, nRels = nRefs+len(from.res.refs), nNamed+len(from.Actors), nRels+len(from.Relations)
	}
	refArr, namedArr, relArr := make([]*Node, nRefs), make([]*Node, nNamed), make([]Edge, nRels)
	for i, n := range g.all { // an empty list stays nil
		if refs[i] > 0 {
			n.ReferencedBy, refArr = refArr[:0:refs[i]], refArr[refs[i]:]
		}
		if named[i] > 0 {
			n.NamedIn, namedArr = namedArr[:0:named[i]], namedArr[named[i]:]
		}
		if rels[i] > 0 {
			n.InRelations, relArr = relArr[:0:rels[i]], relArr[rels[i]:]
		}
	}
}

func appendUnique(list []*Node, n *Node) []*Node {
	if slices.Contains(list, n) {
		return list
	}
	return append(list, n)
}

func compareNodes(a, b *Node) int {
	return cmp.Or(cmp.Compare(a.kind.Rank(), b.kind.Rank()), strings.Compare(a.slug, b.slug))
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
