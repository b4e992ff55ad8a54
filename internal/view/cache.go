package view

import (
	"crypto/sha256"

	"github.com/dossier-project/dossier/internal/content"
	"slices"
	"sync"

	"github.com/dossier-project/dossier/internal/xref"
)

// Cache carries, from one build of a dossier to the next, what views
// share and what is costly to make again: each page's card (made from the
// page alone, so kept while the parse of its file is the same value and
// the base URL the same), the orders of lists and chronologies (kept while no
// page's kind, slug, title or date changed) and the tags with their pages
// (see lists). Everything in it is a pure
// function of its key. A Cache is safe for concurrent use.
type Cache struct {
	mu     sync.Mutex
	base   string // the base path the cards were made with
	cards  map[*content.Page]*Card
	used   map[*content.Page]bool
	orders map[[sha256.Size]byte]orders
	last   *listsMade // the last graph's tags and orders
}

// listsMade are a graph's tags and orders, with what they were made
// from: the graph's names (every page's kind, slug, title...) and its
// pages, by place. Tags and orders read nothing else of a page than its
// names, tags and dates.
type listsMade struct {
	names [sha256.Size]byte
	pages []*content.Page
	tags  []tagPages
	order orders
}

// lists returns g's tags and orders: the last graph's, when g has its
// names and each page's tags and dates are those of the page at its
// place then (an edit of one page's body, say), else made afresh.
func (c *Cache) lists(g *xref.Graph) ([]tagPages, orders) {
	all := g.All()
	pages := make([]*content.Page, len(all))
	for i, n := range all {
		pages[i] = n.Page
	}
	if c == nil {
		return collectTags(g), c.ordersOf(g)
	}
	c.mu.Lock()
	last := c.last
	c.mu.Unlock()
	if last != nil && last.names == g.Names() && sameListed(last.pages, pages) {
		made := *last
		made.pages = pages
		c.mu.Lock()
		c.last = &made
		c.mu.Unlock()
		return made.tags, made.order
	}
	made := &listsMade{names: g.Names(), pages: pages, tags: collectTags(g), order: c.ordersOf(g)}
	c.mu.Lock()
	c.last = made
	c.mu.Unlock()
	return made.tags, made.order
}

// sameListed reports whether pages, of a graph with the names of last's,
// have the tags and dates of last's, place by place.
func sameListed(last, pages []*content.Page) bool {
	if len(last) != len(pages) {
		return false
	}
	for i, p := range pages {
		if q := last[i]; p != q && (p.Dates != q.Dates || !slices.Equal(p.Meta.Tags, q.Meta.Tags)) {
			return false
		}
	}
	return true
}

// orders are a dossier's sort orders by page ("kind/slug").
type orders struct {
	dated  map[string]int
	newest map[string]int
}

// NewCache returns an empty cache.
func NewCache() *Cache {
	return &Cache{cards: map[*content.Page]*Card{}, used: map[*content.Page]bool{}, orders: map[[sha256.Size]byte]orders{}}
}

// card returns n's card from the cache or makes it. A card is made from
// its page alone (an immutable *content.Page, the same value for as long
// as its file is unchanged) and the base path.
func (c *Cache) card(n *xref.Node, base string, make func() *Card) *Card {
	if c == nil {
		return make()
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if base != c.base {
		c.base, c.cards = base, map[*content.Page]*Card{}
	}
	card, ok := c.cards[n.Page]
	c.used[n.Page] = true
	if !ok {
		card = make()
		c.cards[n.Page] = card
	}
	return card
}

// sweep forgets the cards the last build did not use.
func (c *Cache) sweep() {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for k := range c.cards {
		if !c.used[k] {
			delete(c.cards, k)
		}
	}
	clear(c.used)
}

// ordersOf returns g's sort orders from the cache or computes them.
func (c *Cache) ordersOf(g *xref.Graph) orders {
	buf := make([]byte, 0, 96*len(g.All()))
	for _, n := range g.All() {
		buf = append(append(append(append(buf, n.Kind()...), 0), n.Slug()...), 0)
		buf = append(append(append(append(buf, n.Title()...), 0), listDate(n).String()...), 1)
	}
	key := sha256.Sum256(buf)
	if c != nil {
		c.mu.Lock()
		o, ok := c.orders[key]
		c.mu.Unlock()
		if ok {
			return o
		}
	}
	o := orders{dated: byKey(Dated(g.Nodes)), newest: byKey(newestOrder(g))}
	if c != nil {
		c.mu.Lock()
		c.orders = map[[sha256.Size]byte]orders{key: o}
		c.mu.Unlock()
	}
	return o
}

// byKey numbers nodes in order by "kind/slug".
func byKey(nodes []*xref.Node) map[string]int {
	out := make(map[string]int, len(nodes))
	for i, n := range nodes {
		out[depKey(n)] = i
	}
	return out
}

// inOrder returns the nodes that order numbers, sorted by it.
func inOrder(nodes []*xref.Node, order map[string]int) []*xref.Node {
	type ranked struct {
		n    *xref.Node
		rank int
	}
	rs := make([]ranked, 0, len(nodes))
	for _, n := range nodes {
		if i, ok := order[depKey(n)]; ok {
			rs = append(rs, ranked{n, i})
		}
	}
	slices.SortFunc(rs, func(a, b ranked) int { return a.rank - b.rank })
	out := make([]*xref.Node, len(rs))
	for i, r := range rs {
		out[i] = r.n
	}
	return out
}
