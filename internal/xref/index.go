package xref

import (
	"fmt"
	"path"
	"slices"
	"strings"
	"sync"

	"github.com/dossier-project/dossier/internal/content"
	"github.com/dossier-project/dossier/internal/diag"
)

// index finds nodes by slug, kind/slug, title and alias. It holds the
// nodes' places in the graph's All(), so a graph with the same names (see
// reuse.go) takes the last graph's index as it is (at).
type index struct {
	nodes  []*Node          // the graph's All()
	bySlug map[string][]int // lowercase slug -> nodes of any kind
	byName map[string][]int // lowercase title or alias -> nodes
	byKey  map[key]int
	byFile map[string]int
	// unparsed holds the slugs and kind/slugs of files that failed to load.
	unparsed map[string]bool
	// hints remembers suggest's answers, by name and kind: a folder
	// renamed in serve breaks thousands of links to a few thousand names,
	// and each answer weighs every page's names. An index for a graph
	// with the same names (at) shares it.
	hints *sync.Map // hintKey -> string
}

type hintKey struct {
	name string
	kind content.Kind
}

func newIndex(all []*Node, unparsed []string) *index {
	ix := &index{nodes: all, bySlug: map[string][]int{}, byName: map[string][]int{}, byKey: map[key]int{}, byFile: map[string]int{}, unparsed: map[string]bool{}, hints: &sync.Map{}}
	for _, file := range unparsed {
		if k, ok := content.KindOfFile(file); ok && k != content.Home {
			slug := strings.TrimSuffix(path.Base(file), ".md")
			ix.unparsed[slug] = true
			ix.unparsed[k.Folder()+"/"+slug] = true
		}
	}
	for i, n := range all {
		p := n.Page
		if p.Kind == content.Home {
			continue
		}
		ix.byKey[key{p.Kind, p.Slug}] = i
		ix.byFile[p.File] = i
		slug := strings.ToLower(p.Slug)
		ix.bySlug[slug] = append(ix.bySlug[slug], i)
		for _, name := range names(p) {
			l := strings.ToLower(name)
			if !slices.Contains(ix.byName[l], i) {
				ix.byName[l] = append(ix.byName[l], i)
			}
		}
	}
	return ix
}

// at returns the index for all, the nodes of a graph with the same names
// as ix's.
func (ix *index) at(all []*Node) *index {
	moved := *ix
	moved.nodes = all
	return &moved
}

// key returns the node of kind k and slug, or nil.
func (ix *index) key(k content.Kind, slug string) *Node {
	if i, ok := ix.byKey[key{k, slug}]; ok {
		return ix.nodes[i]
	}
	return nil
}

// file returns the node of a content file, or nil.
func (ix *index) file(name string) *Node {
	if i, ok := ix.byFile[name]; ok {
		return ix.nodes[i]
	}
	return nil
}

// ofKind returns the nodes at places, keeping those of kind (any when
// kind is empty).
func (ix *index) ofKind(places []int, kind content.Kind) []*Node {
	var out []*Node
	for _, i := range places {
		if n := ix.nodes[i]; kind == "" || n.Kind() == kind {
			out = append(out, n)
		}
	}
	return out
}

// names are a page's title and aliases.
func names(p *content.Page) []string {
	return append([]string{p.Meta.Title}, p.Meta.Aliases...)
}

// lookupError explains why a name did not resolve to exactly one node.
type lookupError struct {
	msg        string
	suggestion string
	// unparsed marks a name that belongs to a file that failed to load:
	// its own error was reported, so references to it are not.
	unparsed bool
}

// find resolves name (without anchor) to one node. kind, when not empty,
// restricts the search to that kind (front-matter keys know theirs).
func (ix *index) find(name string, kind content.Kind) (*Node, *lookupError) {
	if folder, slug, ok := strings.Cut(name, "/"); ok {
		if k, known := content.KindOfFolder(folder); known && (kind == "" || k == kind) {
			if n := ix.key(k, slug); n != nil {
				return n, nil
			}
			return nil, ix.notFound(name, k)
		}
	}
	l := strings.ToLower(name)
	if found := ix.ofKind(ix.bySlug[l], kind); len(found) == 1 {
		return found[0], nil
	} else if len(found) > 1 {
		return nil, ambiguous(name, found)
	}
	found := ix.ofKind(ix.byName[l], kind)
	switch len(found) {
	case 0:
		return nil, ix.notFound(name, kind)
	case 1:
		return found[0], nil
	}
	return nil, ambiguous(name, found)
}

func ambiguous(name string, found []*Node) *lookupError {
	cands := make([]string, len(found))
	for i, n := range found {
		cands[i] = n.Kind().Folder() + "/" + n.Page.Slug
	}
	slices.Sort(cands)
	return &lookupError{
		msg:        fmt.Sprintf("%q is ambiguous: it names %s", name, strings.Join(cands, ", ")),
		suggestion: "write one of them in full, e.g. [[" + cands[0] + "]]",
	}
}

func (ix *index) notFound(name string, kind content.Kind) *lookupError {
	what := "page"
	if kind != "" {
		what = string(kind)
	}
	bare := name
	if _, after, ok := strings.Cut(name, "/"); ok {
		bare = after
	}
	if ix.unparsed[strings.ToLower(name)] {
		return &lookupError{msg: fmt.Sprintf("%q is a page that failed to load", name), unparsed: true}
	}
	hint := ix.suggest(bare, kind)
	if others := ix.bySlug[strings.ToLower(bare)]; kind != "" && len(others) > 0 {
		hint = fmt.Sprintf("%q is %s, not %s", bare, withArticle(string(ix.nodes[others[0]].Kind())), withArticle(string(kind)))
	}
	return &lookupError{msg: fmt.Sprintf("no %s named %q", what, name), suggestion: hint}
}

// suggest names the pages (of kind, if set) whose slug, title or alias is
// nearest to name, each page once, by its slug.
func (ix *index) suggest(name string, kind content.Kind) string {
	if hint, ok := ix.hints.Load(hintKey{name, kind}); ok {
		return hint.(string)
	}
	hint := ix.nearest(name, kind)
	ix.hints.Store(hintKey{name, kind}, hint)
	return hint
}

// nearest is suggest's answer, worked out.
func (ix *index) nearest(name string, kind content.Kind) string {
	var cands []string
	owner := map[string]string{} // candidate name -> slug
	for k, i := range ix.byKey {
		if kind != "" && k.kind != kind {
			continue
		}
		n := ix.nodes[i]
		for _, c := range append([]string{n.Page.Slug}, names(n.Page)...) {
			cands = append(cands, c)
			if prev, ok := owner[c]; !ok || n.Page.Slug < prev {
				owner[c] = n.Page.Slug
			}
		}
	}
	slices.Sort(cands)
	var slugs []string
	for _, c := range diag.Closest(name, cands, 6) {
		if s := owner[c]; !slices.Contains(slugs, s) {
			slugs = append(slugs, s)
		}
	}
	if len(slugs) == 0 {
		return ""
	}
	return "did you mean " + quoteJoin(slugs[:min(3, len(slugs))]) + "?"
}

func quoteJoin(list []string) string {
	q := make([]string, len(list))
	for i, s := range list {
		q[i] = fmt.Sprintf("%q", s)
	}
	return strings.Join(q, " or ")
}

// withArticle puts "a" or "an" before a kind's name.
func withArticle(word string) string {
	if strings.ContainsRune("aeiou", rune(word[0])) {
		return "an " + word
	}
	return "a " + word
}
