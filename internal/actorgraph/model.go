package actorgraph

import (
	"cmp"
	"slices"
	"strings"

	"github.com/dossier-project/dossier/internal/xref"
)

// vnode is an actor as drawn.
type vnode struct {
	node  *xref.Node
	key   string // the node's URL: unique, and the sort key
	title string
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

// kinds are the actor kinds in legend order, with their legend names.
var kinds = []struct{ kind, name string }{
	{"person", "Person"},
	{"country", "Country"},
	{"organization", "Organization"},
	{"public-body", "Public body"},
	{"media", "Media"},
	{"other", "Other"},
}

func kindOf(n *xref.Node) string {
	k := strings.ToLower(strings.TrimSpace(n.Page.Meta.Kind.Value))
	for _, kk := range kinds {
		if kk.kind == k {
			return k
		}
	}
	return "other"
}

func kindName(k string) string {
	for _, kk := range kinds {
		if kk.kind == k {
			return kk.name
		}
	}
	return k
}

// relationLabel shows a relation type as written, hyphens as spaces.
func relationLabel(t string) string { return strings.ReplaceAll(strings.TrimSpace(t), "-", " ") }

// selectGraph picks the nodes and edges to draw, in a canonical order that
// does not depend on the order of nodes. With a focus, nodes is ignored.
func selectGraph(nodes []*xref.Node, focus *xref.Node) ([]*vnode, []*vedge) {
	var picked []*xref.Node
	var rels []xref.Edge
	if focus != nil {
		picked = append(picked, focus)
		for _, e := range focus.Relations {
			picked = append(picked, e.To)
			rels = append(rels, e)
		}
		for _, e := range focus.InRelations {
			picked = append(picked, e.From)
			rels = append(rels, e)
		}
	} else {
		picked = nodes
	}
	picked = slices.DeleteFunc(slices.Clone(picked), func(n *xref.Node) bool { return n == nil || n.Page == nil })
	slices.SortFunc(picked, func(a, b *xref.Node) int { return strings.Compare(a.URL, b.URL) })
	picked = slices.CompactFunc(picked, func(a, b *xref.Node) bool { return a.URL == b.URL })

	index := make(map[*xref.Node]int, len(picked))
	byURL := make(map[string]int, len(picked))
	vs := make([]*vnode, len(picked))
	for i, n := range picked {
		index[n] = i
		byURL[n.URL] = i
		vs[i] = &vnode{node: n, key: n.URL, title: n.Title(), kind: kindOf(n), r: nodeR, focus: n == focus}
		if vs[i].focus {
			vs[i].r = focusR
		}
	}
	lookup := func(n *xref.Node) (int, bool) {
		if n == nil {
			return 0, false
		}
		if i, ok := index[n]; ok {
			return i, true
		}
		i, ok := byURL[n.URL]
		return i, ok
	}
	if focus == nil {
		for _, n := range picked {
			rels = append(rels, n.Relations...)
		}
	}
	var es []*vedge
	for _, e := range rels {
		from, ok1 := lookup(e.From)
		to, ok2 := lookup(e.To)
		if !ok1 || !ok2 || from == to {
			continue
		}
		es = append(es, &vedge{from: from, to: to, label: relationLabel(e.Type), since: e.Since, until: e.Until})
	}
	slices.SortFunc(es, func(a, b *vedge) int {
		return cmp.Or(cmp.Compare(a.from, b.from), cmp.Compare(a.to, b.to), strings.Compare(a.label, b.label),
			strings.Compare(a.since, b.since), strings.Compare(a.until, b.until))
	})
	es = slices.CompactFunc(es, func(a, b *vedge) bool {
		return a.from == b.from && a.to == b.to && a.label == b.label && a.since == b.since && a.until == b.until
	})
	return vs, es
}
