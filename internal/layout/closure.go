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

// calls is what one template's tree calls by name.
type calls struct {
	names []string
	// cachedAt are the string constants cached calls name, where they
	// are written.
	cachedAt []*parse.StringNode
	// dynamic: the tree makes a cached call whose name is not a string
	// constant, so what it can execute is not known.
	dynamic bool
}

// closureKeys returns the key of the closure of every template that t's
// set names in a cached call. page names the set; a closure that makes a
// dynamic cached call is keyed by its set alone. undefined reports each
// cached call of a template the set does not define, by the tree and the
// node of its name: html/template reports a {{template}} call of one when
// the set is first executed, and a cached call would fail only on a page
// that makes it.
func closureKeys(t *template.Template, page string, undefined func(*parse.Tree, *parse.StringNode)) map[string][sha256.Size]byte {
	defs := map[string]*parse.Tree{}
	called := map[string]calls{}
	for _, tt := range t.Templates() {
		if tt.Tree != nil && tt.Tree.Root != nil {
			defs[tt.Name()] = tt.Tree
			called[tt.Name()] = callsOf(tt.Tree.Root)
		}
	}
	keys := map[string][sha256.Size]byte{}
	for _, name := range slices.Sorted(maps.Keys(called)) {
		for _, at := range called[name].cachedAt {
			if _, ok := defs[at.Text]; !ok {
				undefined(defs[name], at)
			} else if _, done := keys[at.Text]; !done {
				keys[at.Text] = closureKey(at.Text, defs, called, page)
			}
		}
	}
	return keys
}

// callsOf lists the templates a tree calls.
func callsOf(root parse.Node) calls {
	var c calls
	walk(root, func(n parse.Node) {
		switch n := n.(type) {
		case *parse.TemplateNode:
			c.names = append(c.names, n.Name)
		case *parse.CommandNode:
			if id, ok := n.Args[0].(*parse.IdentifierNode); !ok || id.Ident != CachedFunc {
				return
			}
			if len(n.Args) > 1 {
				if s, ok := n.Args[1].(*parse.StringNode); ok {
					c.names = append(c.names, "\x00cached "+s.Text)
					c.cachedAt = append(c.cachedAt, s)
					return
				}
			}
			c.dynamic = true
		}
	})
	return c
}

func cutCached(n string) (string, bool) {
	const prefix = "\x00cached "
	if len(n) > len(prefix) && n[:len(prefix)] == prefix {
		return n[len(prefix):], true
	}
	return n, false
}

// closureKey hashes the definitions of name and of every template it can
// call, in name order.
func closureKey(name string, defs map[string]*parse.Tree, called map[string]calls, page string) [sha256.Size]byte {
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
		c := called[n]
		dynamic = dynamic || c.dynamic
		for _, m := range c.names {
			m, _ = cutCached(m)
			queue = append(queue, m)
		}
	}
	h := sha256.New()
	if dynamic {
		h.Write([]byte("dynamic\x00" + page + "\x00"))
	}
	for _, n := range slices.Sorted(maps.Keys(seen)) {
		h.Write([]byte(n + "\x00"))
		if tree, ok := defs[n]; ok {
			h.Write([]byte(tree.Root.String()))
		} else {
			h.Write([]byte("\x01undefined"))
		}
		h.Write([]byte{0})
	}
	return [sha256.Size]byte(h.Sum(nil))
}
