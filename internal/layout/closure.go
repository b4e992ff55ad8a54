package layout

import (
	"crypto/sha256"
	"html/template"
	"maps"
	"slices"
	"text/template/parse"
)

// What a cached template can execute. The cached function (CachedFunc)
// remembers an output by the value it was made from and by the closure
// of the template it executed: the definitions of that template and of
// every template it can call, directly or through a cached call. Two
// page sets whose closures of "card" are the same, byte for byte, make
// the same bytes of the same card, so they share its output; a page
// template that redefines a partial "card" calls gets a closure of its
// own. The closures are taken when the set is loaded, before any
// execution: html/template rewrites a template's tree the first time it
// is executed.

// callGraph is what each template of a page's set calls by name.
type callGraph struct {
	defs  map[string]*parse.Tree
	calls map[string]calls
}

// calls is what one template's tree calls by name.
type calls struct {
	names []string // {{template}} calls and cached calls by a string constant
	// cachedAt are the string constants of the cached calls.
	cachedAt []*parse.StringNode
	// dynamic: the tree makes a cached call whose name is not a string
	// constant, so what it can execute is not known.
	dynamic bool
}

func newCallGraph(t *template.Template) *callGraph {
	g := &callGraph{defs: map[string]*parse.Tree{}, calls: map[string]calls{}}
	for _, tt := range t.Templates() {
		if tt.Tree != nil && tt.Tree.Root != nil {
			g.defs[tt.Name()] = tt.Tree
			g.calls[tt.Name()] = callsOf(tt.Tree.Root)
		}
	}
	return g
}

// callsOf lists the templates a tree calls.
func callsOf(root parse.Node) calls {
	var c calls
	walk(root, func(n parse.Node) {
		switch n := n.(type) {
		case *parse.TemplateNode:
			c.names = append(c.names, n.Name)
		case *parse.CommandNode:
			if !isCachedCall(n) {
				return
			}
			if s, ok := n.Args[1].(*parse.StringNode); ok {
				c.names = append(c.names, s.Text)
				c.cachedAt = append(c.cachedAt, s)
				return
			}
			c.dynamic = true
		}
	})
	return c
}

// isCachedCall reports whether a command calls the cached function with
// at least a name.
func isCachedCall(n *parse.CommandNode) bool {
	id, ok := n.Args[0].(*parse.IdentifierNode)
	return ok && id.Ident == CachedFunc && len(n.Args) > 1
}

// reach returns the templates name can execute, itself included, and
// whether one of them makes a dynamic cached call.
func (g *callGraph) reach(name string) (map[string]bool, bool) {
	seen := map[string]bool{}
	queue := []string{name}
	dynamic := false
	for len(queue) > 0 {
		n := queue[0]
		queue = queue[1:]
		if seen[n] {
			continue
		}
		seen[n] = true
		dynamic = dynamic || g.calls[n].dynamic
		queue = append(queue, g.calls[n].names...)
	}
	return seen, dynamic
}

// closureKeys returns the key of the closure of every defined template
// that the set names in a cached call. page names the set: a closure
// that makes a dynamic cached call is keyed by its set alone.
func (g *callGraph) closureKeys(page string) map[string][sha256.Size]byte {
	keys := map[string][sha256.Size]byte{}
	for _, c := range g.calls {
		for _, at := range c.cachedAt {
			if _, defined := g.defs[at.Text]; defined {
				keys[at.Text] = g.closureKey(at.Text, page)
			}
		}
	}
	return keys
}

// closureKey hashes the definitions of name and of every template it can
// call, in name order.
func (g *callGraph) closureKey(name, page string) [sha256.Size]byte {
	seen, dynamic := g.reach(name)
	h := sha256.New()
	if dynamic {
		h.Write([]byte("dynamic\x00" + page + "\x00"))
	}
	for _, n := range slices.Sorted(maps.Keys(seen)) {
		h.Write([]byte(n + "\x00"))
		if tree, ok := g.defs[n]; ok {
			h.Write([]byte(tree.Root.String()))
		} else {
			h.Write([]byte("\x01undefined"))
		}
		h.Write([]byte{0})
	}
	return [sha256.Size]byte(h.Sum(nil))
}

// check reports the cached calls of the templates root can execute that
// cannot work: of a template the set does not define (html/template
// reports a {{template}} call of one when the set is first executed; a
// cached call would fail only on a page that makes it), and of a
// template that can call back the template making the call (each cached
// call is an execution of its own, so text/template's limit on the
// depth of calls would not stop such a loop before the stack overflows;
// recursion goes through {{template}}).
func (g *callGraph) check(root string, report func(tree *parse.Tree, at *parse.StringNode, problem string)) {
	reached, _ := g.reach(root)
	for _, caller := range slices.Sorted(maps.Keys(reached)) {
		for _, at := range g.calls[caller].cachedAt {
			if _, defined := g.defs[at.Text]; !defined {
				report(g.defs[caller], at, "no template of that name is defined")
			} else if back, _ := g.reach(at.Text); back[caller] {
				report(g.defs[caller], at, "the template can call "+caller+" back, which would never end: use {{template}} to recurse")
			}
		}
	}
}
