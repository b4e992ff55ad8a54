package xref

import (
	"cmp"
	"slices"
)

// Mention is a whole-word occurrence of one of several names in a text.
type Mention struct {
	// Name is the index of the name in the list given to FindMentions.
	Name int
	// Start and End are the byte offsets of the occurrence.
	Start, End int
}

// FindMentions returns every occurrence in text of any of names, matched
// as unlinked mentions are: case-sensitively, as whole words. Mentions are
// ordered by position, a longer name first where two start together
// ("Kim Jong-un" before "Kim"). It is safe for concurrent use.
func FindMentions(text string, names []string) []Mention {
	if len(names) == 0 {
		return nil
	}
	var out []Mention
	newMatcher(names).find(text, func(p, end int) {
		out = append(out, Mention{Name: p, Start: end - len(names[p]), End: end})
	})
	slices.SortFunc(out, func(a, b Mention) int {
		return cmp.Or(a.Start-b.Start, b.End-a.End, a.Name-b.Name)
	})
	return out
}
