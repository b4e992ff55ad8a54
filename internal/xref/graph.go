package xref

import (
	"github.com/dossier-project/dossier/internal/content"
	"github.com/dossier-project/dossier/internal/markdown"
)

// Node is a page with its resolved references and backlinks.
type Node struct {
	Page *content.Page
	Doc  *markdown.Doc
	// URL is the page's path on the site ("/briefs/x/"), without the
	// base path; templates apply it.
	URL string

	Actors    []*Node
	Events    []*Node
	Sources   []Citation
	Country   *Node
	Chain     []*Node
	Relations []Edge
	// Judgments and KeyJudgments, Indicators mirror the front matter with
	// their citations resolved.
	KeyJudgments []Judgment
	Judgments    []Judgment
	Indicators   []Indicator

	// ReferencedBy lists the pages that link to this one (body or front
	// matter), in kind then slug order.
	ReferencedBy []*Node
	// NamedIn lists the briefs, events and commentary that name this actor
	// in their front matter (actors[]).
	NamedIn []*Node
	// InRelations are other actors' relations that point at this actor.
	InRelations []Edge
	// MentionedIn lists pages whose text names this actor without linking.
	MentionedIn []*Node
	// CitedBy lists pages that cite this source.
	CitedBy []*Node

	// bodyCites are the citations made by wikilinks in the body.
	bodyCites []Citation
}

// Title is the page's title.
func (n *Node) Title() string { return n.Page.Meta.Title }

// Kind is the page's kind.
func (n *Node) Kind() content.Kind { return n.Page.Kind }

// Citation is a resolved citation of a source, maybe of one paragraph.
type Citation struct {
	Source *Node
	// Paragraph is 1-based; 0 cites the whole source.
	Paragraph int
	// Credibility overrides the source's own when set.
	Credibility string
}

// Anchor is the citation's fragment ("p4") or "".
func (c Citation) Anchor() string {
	if c.Paragraph == 0 {
		return ""
	}
	return markdown.ParagraphID(c.Paragraph)
}

// Edge is a relation between two actors.
type Edge struct {
	From, To *Node
	Type     string
	Since    string
	Until    string
	Sources  []Citation
}

// Judgment is a front-matter judgment with resolved citations.
type Judgment struct {
	content.Judgment
	Cites []Citation
}

// Indicator is a front-matter indicator with resolved citations.
type Indicator struct {
	content.Indicator
	Cites []Citation
}

// Graph is the resolved dossier.
type Graph struct {
	Home  *Node
	Nodes []*Node // every page but home, kind then slug order
	byKey map[key]*Node
}

type key struct {
	kind content.Kind
	slug string
}

// Lookup returns the node of kind k with slug, or nil.
func (g *Graph) Lookup(k content.Kind, slug string) *Node { return g.byKey[key{k, slug}] }

// ByKind returns the nodes of kind k in slug order.
func (g *Graph) ByKind(k content.Kind) []*Node {
	var out []*Node
	for _, n := range g.Nodes {
		if n.Kind() == k {
			out = append(out, n)
		}
	}
	return out
}

// All returns home (if any) and every other node.
func (g *Graph) All() []*Node {
	if g.Home == nil {
		return g.Nodes
	}
	return append([]*Node{g.Home}, g.Nodes...)
}

// AllCitations lists every citation the page makes, front matter and body,
// each source-and-paragraph once, in the order first made.
func (n *Node) AllCitations() []Citation {
	var out []Citation
	seen := map[Citation]bool{}
	for _, c := range n.allCitations() {
		if !seen[c] {
			seen[c] = true
			out = append(out, c)
		}
	}
	return out
}
