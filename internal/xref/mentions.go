package xref

import (
	"slices"

	"github.com/dossier-project/dossier/internal/content"
)

// findMentions fills each actor's MentionedIn: the pages whose unlinked
// text names the actor by title or alias, and which do not already
// reference it. One Aho–Corasick pass per page covers every name.
func findMentions(g *Graph) {
	actors := g.ByKind(content.Actor)
	var patterns []string
	var owner []*Node
	for _, a := range actors {
		for _, name := range names(a.Page) {
			patterns = append(patterns, name)
			owner = append(owner, a)
		}
	}
	if len(patterns) == 0 {
		return
	}
	m := newMatcher(patterns)
	for _, n := range g.All() {
		if n.Doc == nil {
			continue
		}
		m.find(n.Doc.Unlinked, func(p, _ int) {
			a := owner[p]
			if a == n || slices.Contains(a.ReferencedBy, n) || slices.Contains(a.MentionedIn, n) {
				return
			}
			a.MentionedIn = append(a.MentionedIn, n)
		})
	}
	for _, a := range actors {
		sortNodes(a.MentionedIn)
	}
}
