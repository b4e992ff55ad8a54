package actorgraph

import (
	"cmp"
	"slices"
	"strings"

	"github.com/dossier-project/dossier/internal/vocab"
)

// Actor is one actor to draw.
type Actor struct {
	// Key identifies the actor, uniquely; actors are drawn in Key order.
	// The build uses the actor's site path.
	Key   string
	Title string
	// Kind is an actor kind (vocab.ActorKinds); others are drawn as
	// "other".
	Kind string
	// Href is the actor page's URL, as the page links it.
	Href string
}

// Relation is a relation between two actors, by their keys.
type Relation struct {
	From, To     string
	Type         string
	Since, Until string
}

// Graph is what Render draws.
type Graph struct {
	Actors    []Actor
	Relations []Relation
	// Focus, when set, is the key of the actor at the centre of a
	// neighbourhood, drawn larger and laid out on a ring.
	Focus string
	// Title is the graph's accessible name; by default "Actor network",
	// or "Relations of <focus>".
	Title string
	// ID prefixes every id in the SVG; by default "ag-network", or
	// "ag-focus".
	ID string
}

// vnode is an actor as drawn.
type vnode struct {
	key   string // unique, and the sort key
	title string
	href  string
	kind  string // a known kind or "other"
	r     float64
	focus bool
	lines []string // the label, wrapped
	lw    float64  // label box width
	lh    float64  // label box height
	side  side     // where the label sits
	x, y  float64
}

// vedge is a relation as drawn.
type vedge struct {
	from, to int // indexes into the node list
	label    string
	lines    []string
	since    string
	until    string
	lw, lh   float64
	bend     float64 // offset of the curve's control point from the chord's midpoint
	lx, ly   float64 // label centre
}

// kindOf is an actor's kind as drawn: a known kind, or "other".
func kindOf(a Actor) string {
	if k, ok := vocab.ParseActorKind(a.Kind); ok {
		return k.Name
	}
	return "other"
}

// kindName is a kind's legend name.
func kindName(k string) string {
	if kk, ok := vocab.ParseActorKind(k); ok {
		return kk.Singular
	}
	return "Other"
}

// legendKinds are the kinds in legend order.
func legendKinds() []string { return append(vocab.ActorKindNames(), "other") }

// selectGraph turns g into nodes and edges in a canonical order that does
// not depend on the order of g's slices.
func selectGraph(g Graph) ([]*vnode, []*vedge) {
	actors := slices.Clone(g.Actors)
	slices.SortFunc(actors, func(a, b Actor) int { return strings.Compare(a.Key, b.Key) })
	actors = slices.CompactFunc(actors, func(a, b Actor) bool { return a.Key == b.Key })
	index := make(map[string]int, len(actors))
	vs := make([]*vnode, len(actors))
	for i, a := range actors {
		index[a.Key] = i
		vs[i] = &vnode{key: a.Key, title: a.Title, href: a.Href, kind: kindOf(a), r: nodeR, focus: a.Key == g.Focus && g.Focus != ""}
		if vs[i].focus {
			vs[i].r = focusR
		}
	}
	return vs, selectEdges(g.Relations, index)
}

// selectEdges keeps the relations between drawn actors, once each, in a
// canonical order.
func selectEdges(rels []Relation, index map[string]int) []*vedge {
	var es []*vedge
	for _, r := range rels {
		from, ok1 := index[r.From]
		to, ok2 := index[r.To]
		if !ok1 || !ok2 || from == to {
			continue
		}
		es = append(es, &vedge{from: from, to: to, label: vocab.RelationLabel(r.Type), since: r.Since, until: r.Until})
	}
	slices.SortFunc(es, func(a, b *vedge) int {
		return cmp.Or(cmp.Compare(a.from, b.from), cmp.Compare(a.to, b.to), strings.Compare(a.label, b.label),
			strings.Compare(a.since, b.since), strings.Compare(a.until, b.until))
	})
	return slices.CompactFunc(es, func(a, b *vedge) bool {
		return a.from == b.from && a.to == b.to && a.label == b.label && a.since == b.since && a.until == b.until
	})
}
