package layout

import (
	"crypto/sha256"
	"errors"
	"html/template"
	"io"
	"maps"
	"slices"
	"strings"
	"sync"
	"text/template/parse"
)

// Where a cached call may stand. html/template escapes every action for
// the context it stands in, and a cached call is executed on its own, as
// if it stood in HTML text: its output is HTML text. Only there does the
// escaper leave it as it is. In an attribute, <script>, <style>, <title>
// or <textarea>, {{template}} would have written the template escaped
// for that context, and the output of a cached call would be escaped as
// a value instead: other bytes. So a cached call must be an action of
// its own in HTML text, and a set where one is not is refused when it
// loads.

// htmlTextEscaper is the escaper html/template adds to an action in HTML
// text.
const htmlTextEscaper = "_html_template_htmlescaper"

// misplacedCached escapes a copy of t's set, from root and from each
// template a cached call names, as executing it would, without calling
// any of the set's functions, and reports the cached calls of the
// templates reached that do not stand alone in HTML text, by the tree
// and node of the call.
func misplacedCached(t *template.Template, g *callGraph, root string, cachedNames []string, funcNames []string, report func(tree *parse.Tree, at parse.Node)) error {
	escaped, err := t.Clone()
	if err != nil {
		return err
	}
	inert := template.FuncMap{}
	stop := errors.New("escaping only")
	for _, name := range funcNames {
		inert[name] = func(...any) (any, error) { return nil, stop }
	}
	escaped.Funcs(inert)
	reached := map[string]bool{}
	for _, entry := range append([]string{root}, cachedNames...) {
		// The data is nil: execution stops at its first action, after
		// the escaper has rewritten every template the entry reaches. An
		// escaping error is the set's own; it is reported when a page
		// executes it.
		_ = escaped.ExecuteTemplate(io.Discard, entry, nil)
		r, _ := g.reach(entry)
		maps.Copy(reached, r)
	}
	for _, tt := range escaped.Templates() {
		// The escaper names a copy it makes for another context
		// "name$htmltemplate_…".
		name, _, _ := strings.Cut(tt.Name(), "$htmltemplate_")
		if tt.Tree == nil || tt.Tree.Root == nil || !reached[name] {
			continue
		}
		alone := map[*parse.CommandNode]bool{} // walk visits an action before its commands
		walk(tt.Tree.Root, func(n parse.Node) {
			switch n := n.(type) {
			case *parse.ActionNode:
				if c := cachedInText(n); c != nil {
					alone[c] = true
				}
			case *parse.CommandNode:
				if isCachedCall(n) && !alone[n] {
					report(tt.Tree, n)
				}
			}
		})
	}
	return nil
}

// cachedInText returns the cached call of an action that is a cached call
// and nothing else, escaped for HTML text; nil for any other action.
func cachedInText(a *parse.ActionNode) *parse.CommandNode {
	p := a.Pipe
	if p == nil || len(p.Decl) > 0 || len(p.Cmds) != 2 || !isCachedCall(p.Cmds[0]) {
		return nil
	}
	esc := p.Cmds[1]
	if id, ok := esc.Args[0].(*parse.IdentifierNode); !ok || id.Ident != htmlTextEscaper || len(esc.Args) != 1 {
		return nil
	}
	return p.Cmds[0]
}

// Checks remembers the page sets whose cached calls passed
// misplacedCached, by the hash of their files and functions' names:
// escaping a copy of every page set takes a build about 8 ms, which a
// preview's rebuild, where templates seldom change, need not pay again.
// A set that failed is checked again, and its errors reported again. A
// Checks is safe for concurrent use; the zero value is ready.
type Checks struct {
	mu     sync.Mutex
	passed map[[sha256.Size]byte]bool
}

func (c *Checks) hasPassed(key [sha256.Size]byte) bool {
	if c == nil {
		return false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.passed[key]
}

func (c *Checks) pass(key [sha256.Size]byte) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.passed == nil {
		c.passed = map[[sha256.Size]byte]bool{}
	}
	c.passed[key] = true
}

// checkKey is what misplacedCached's verdict on a page set rests on: its
// files and the names of the functions it may call.
func checkKey(files [sha256.Size]byte, funcNames []string) [sha256.Size]byte {
	h := sha256.New()
	h.Write(files[:])
	for _, n := range slices.Sorted(slices.Values(funcNames)) {
		h.Write([]byte(n + "\x00"))
	}
	return [sha256.Size]byte(h.Sum(nil))
}
