package view

import (
	"cmp"
	"slices"
	"strings"

	"github.com/dossier-project/dossier/internal/content"
	"github.com/dossier-project/dossier/internal/edtf"
	"github.com/dossier-project/dossier/internal/vocab"
	"github.com/dossier-project/dossier/internal/xref"
)

// ListPage is a list of pages: a kind's section, or a tag's pages. Items
// are newest first, undated last; an actors list is grouped by kind and
// drawn as a graph.
type ListPage struct {
	Page
	Items  []*Card
	Groups []Group
	Graph  *Graph
}

// TagsPage lists every tag.
type TagsPage struct {
	Page
	Tags []Tag
}

// SearchPage is /search/: the search form, and every page by kind for
// readers without JavaScript.
type SearchPage struct {
	Page
	// IndexHref is the URL of the search index's manifest.
	IndexHref string
	Groups    []Group
}

// NotFoundPage is 404.html.
type NotFoundPage struct {
	Page
	Home     string
	Sections []NavItem
}

func (b *Builder) list(k content.Kind) View {
	nodes := b.g.ByKind(k)
	v := &ListPage{Page: b.page("list", k.Plural(), k.Folder()+"/", k.Folder()), Items: b.newestFirst(nodes)}
	if k == content.Actor {
		v.Template = "actors"
		v.Groups = b.actorGroups(nodes)
		var toc []Heading
		for _, g := range v.Groups {
			toc = append(toc, Heading{ID: g.ID, Text: g.Title})
		}
		v.TOC = long(toc)
		if len(nodes) > 0 {
			v.Graph = &Graph{Input: b.network()}
		}
	}
	return View{Data: v}
}

// newestFirst shows nodes newest first, undated last, then by title (in
// the order computed once for the whole dossier).
func (b *Builder) newestFirst(nodes []*xref.Node) []*Card {
	return b.cardsOf(inOrder(nodes, b.order.newest))
}

// newestOrder orders every page newest first, undated last, then by title
// and slug.
func newestOrder(g *xref.Graph) []*xref.Node {
	nodes := slices.Clone(g.All())
	slices.SortStableFunc(nodes, func(a, c *xref.Node) int {
		da, dc := listDate(a), listDate(c)
		switch {
		case da.IsZero() && dc.IsZero():
		case da.IsZero():
			return 1
		case dc.IsZero():
			return -1
		default:
			if o := edtf.Compare(dc, da); o != 0 {
				return o
			}
		}
		return cmp.Or(strings.Compare(a.Title(), c.Title()), strings.Compare(string(a.Kind()), string(c.Kind())), strings.Compare(a.Slug(), c.Slug()))
	})
	return nodes
}

// actorGroups groups actors by their kind (person, country, ...), by
// title within a kind.
func (b *Builder) actorGroups(nodes []*xref.Node) []Group {
	var groups []Group
	kinds := vocab.ActorKinds()
	for _, k := range kinds {
		g := Group{Title: k.Plural, ID: k.Name}
		for _, n := range nodes {
			if kk, _ := vocab.ParseActorKind(n.Page.Meta.Kind.Value); kk.Name == k.Name {
				g.Cards = append(g.Cards, b.card(n))
			}
		}
		if len(g.Cards) > 0 {
			groups = append(groups, g)
		}
	}
	return groups
}

// tagPages is a tag with its pages, by their places in the graph's
// All(): a graph with the same names and tags takes the last one's.
type tagPages struct {
	name, slug string
	places     []int
}

// nodes are the tag's pages in g.
func (t tagPages) nodes(g *xref.Graph) []*xref.Node {
	all := g.All()
	out := make([]*xref.Node, len(t.places))
	for i, at := range t.places {
		out[i] = all[at]
	}
	return out
}

// collectTags gathers every tag with its pages, by tag name.
func collectTags(g *xref.Graph) []tagPages {
	byName := map[string][]int{}
	for at, n := range g.All() {
		for _, t := range n.Page.Meta.Tags {
			t = strings.TrimSpace(t)
			// Pages are taken in turn: a page that has the tag already
			// is its last.
			if l := byName[t]; t != "" && (len(l) == 0 || l[len(l)-1] != at) {
				byName[t] = append(l, at)
			}
		}
	}
	var out []tagPages
	for name, places := range byName {
		out = append(out, tagPages{name: name, slug: TagSlug(name), places: places})
	}
	slices.SortFunc(out, func(a, b tagPages) int { return strings.Compare(a.name, b.name) })
	return out
}

// tagsOf lists n's tags with their pages' URLs.
func (b *Builder) tagsOf(n *xref.Node) []Tag {
	var out []Tag
	for _, t := range n.Page.Meta.Tags {
		if t = strings.TrimSpace(t); t != "" {
			out = append(out, Tag{Name: t, Href: b.base.Path("tags/" + TagSlug(t) + "/")})
		}
	}
	return out
}

// Tags lists every tag with its count.
func (b *Builder) Tags() []Tag {
	out := make([]Tag, len(b.tags))
	for i, t := range b.tags {
		out[i] = Tag{Name: t.name, Href: b.base.Path("tags/" + t.slug + "/"), Count: len(t.places)}
	}
	return out
}

func (b *Builder) tagsPage() View {
	return View{Data: &TagsPage{Page: b.page("tags", "Tags", "tags/", "tags"), Tags: b.Tags()}}
}

func (b *Builder) tagPage(t tagPages) View {
	v := &ListPage{Page: b.page("list", "Tagged “"+t.name+"”", "tags/"+t.slug+"/", "tags"), Items: b.newestFirst(t.nodes(b.g))}
	return View{Data: v}
}

// TagSlug makes a URL segment of a tag: lowercase, spaces to hyphens,
// other ASCII punctuation dropped, other letters kept.
func TagSlug(tag string) string {
	var s strings.Builder
	for _, r := range strings.ToLower(tag) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '-':
			s.WriteRune(r)
		case r == ' ' || r == '_':
			s.WriteByte('-')
		case r > 127:
			s.WriteRune(r)
		}
	}
	return s.String()
}

func (b *Builder) search() View {
	v := &SearchPage{Page: b.page("search", "Search", "search/", "search"), IndexHref: b.base.Path("search/index.json"),
		Groups: groupByKind(b.cardsOf(b.g.All()), "all-")}
	return View{Data: v}
}

func (b *Builder) notFound() View {
	p := b.page("404", "Page not found", "404.html", "")
	p.NoIndex = true
	return View{Data: &NotFoundPage{Page: p, Home: b.base.Path(""), Sections: b.site.Nav}}
}
