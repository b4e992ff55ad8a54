package view

import (
	"strings"
	"sync"
	"time"

	"github.com/dossier-project/dossier/internal/config"
	"github.com/dossier-project/dossier/internal/content"
	"github.com/dossier-project/dossier/internal/edtf"
	"github.com/dossier-project/dossier/internal/urls"
	"github.com/dossier-project/dossier/internal/vocab"
	"github.com/dossier-project/dossier/internal/xref"
)

// Options says how the dossier is being built.
type Options struct {
	// Preview is dossier serve: drafts are marked and missing links shown.
	Preview bool
	// Cache, when set, carries cards and orders from the last build.
	Cache *Cache
}

// Builder makes the views of one resolved dossier. It is immutable once
// New returns (every card is made up front) and safe for concurrent use.
type Builder struct {
	h     *Hasher
	g     *xref.Graph
	cfg   *config.Config
	base  urls.Base
	opts  Options
	site  *Site
	cards map[*xref.Node]*Card
	tags  []tagPages
	// order holds the chronology order of the dated pages and the
	// newest-first order of all pages, by "kind/slug".
	order orders

	citeMemo   weakMemo[citeKey, Cite]          // see cite
	chronoMemo weakMemo[*xref.Node, ChronoItem] // see chronoItem
}

// New prepares the views of g; h hashes what views share (cards, cites).
func New(g *xref.Graph, cfg *config.Config, base urls.Base, opts Options, h *Hasher) *Builder {
	b := &Builder{h: h, g: g, cfg: cfg, base: base, opts: opts, cards: make(map[*xref.Node]*Card, len(g.All()))}
	b.site = b.newSite()
	var lists sync.WaitGroup // the tags and orders are made beside the cards
	lists.Go(func() { b.tags, b.order = opts.Cache.lists(g) })
	for _, n := range g.All() {
		b.cards[n] = opts.Cache.card(n, base.Prefix(), func() *Card {
			c := b.newCard(n)
			h.sealCard(c)
			return c
		})
	}
	opts.Cache.sweep()
	lists.Wait()
	return b
}

func (b *Builder) newSite() *Site {
	s := &Site{Title: b.cfg.Title, Description: b.cfg.Description, Language: b.cfg.Language, Author: b.cfg.Author,
		Base: b.base.Prefix(), Preview: b.opts.Preview, TLP: tlpOf(b.cfg.TLP.Value)}
	for _, k := range content.Kinds() {
		s.Nav = append(s.Nav, NavItem{Title: k.Plural(), Href: b.base.Path(k.Folder() + "/"), Section: k.Folder()})
		if k == content.Event {
			s.Nav = append(s.Nav, NavItem{Title: "Chronology", Href: b.base.Path("chronology/"), Section: "chronology"})
		}
	}
	s.Nav = append(s.Nav, NavItem{Title: "Search", Href: b.base.Path("search/"), Section: "search"})
	s.navs = map[string]*SiteNav{"": {Items: s.Nav}}
	for _, item := range s.Nav {
		s.navs[item.Section] = &SiteNav{Items: s.Nav, Current: item.Section}
	}
	return s
}

func tlpOf(label string) TLP {
	t, _ := vocab.ParseTLP(label)
	return TLP{Label: t.Label, Class: t.Class()}
}

// newCard makes what other pages show of n.
func (b *Builder) newCard(n *xref.Node) *Card {
	c := &Card{Kind: string(n.Kind()), KindLabel: kindLabel(n.Kind()), Slug: n.Slug(), Title: n.Title(),
		Href: b.base.Path(n.URL), Summary: n.Page.Meta.Summary, Date: dateOf(listDate(n)), Draft: n.Page.Meta.Draft}
	if n.Kind() == content.Source {
		c.Grade = grade(n)
	}
	return c
}

// listDate is the date a page is listed and shown by in lists: a source's
// publication date, any other page's date.
func listDate(n *xref.Node) edtf.Date {
	if n.Kind() == content.Source {
		return n.Page.Dates.Published
	}
	return n.Page.Dates.Date
}

func kindLabel(k content.Kind) string {
	if k == content.Home {
		return "Home"
	}
	s := string(k)
	return strings.ToUpper(s[:1]) + s[1:]
}

// card returns n's card, by value.
func (b *Builder) card(n *xref.Node) *Card { return b.cards[n] }

func (b *Builder) cardsOf(nodes []*xref.Node) []*Card {
	out := make([]*Card, len(nodes))
	for i, n := range nodes {
		out[i] = b.cards[n]
	}
	return out
}

// dateOf shows an EDTF date; the zero date is the zero Date.
func dateOf(d edtf.Date) Date {
	if d.IsZero() {
		return Date{}
	}
	out := Date{Text: d.Display(), Machine: machineDate(d)}
	switch _, _, ok := d.YearMonth(); {
	case !ok:
		out.Note = "year not known"
	case d.Precision() == edtf.Month:
		out.Note = "day not known"
	case d.Precision() == edtf.Year:
		out.Note = "month not known"
	}
	return out
}

// machineDate is the value of a <time datetime> for a date HTML can
// express ("2025", "2025-10", "2025-10-09", "2025-10-09T10:00:00",
// "2025-10-09T10:00:00-04:00"), or "" for what it cannot: an interval, a
// date with qualifiers or X digits, a season, a year before 1 or after
// 9999.
func machineDate(d edtf.Date) string {
	s := d.Start()
	if d.IsZero() || d.IsInterval() || s.Approximate() || s.Uncertain() || s.Unspecified() ||
		s.Precision() == edtf.Season || s.Year() < 1 || s.Year() > 9999 {
		return ""
	}
	if t, ok := s.Instant(); ok {
		return t.Format(time.RFC3339) // HTML wants the shift's minutes: -04:00
	}
	return d.String()
}

// grade is a source's Admiralty grade ("B2") or "".
func grade(n *xref.Node) string {
	m := n.Page.Meta
	return vocab.Admiralty(m.Reliability.Value, m.Credibility.Value)
}

// page fills the common part of a page view.
func (b *Builder) page(template, title, path, section string) Page {
	return Page{Site: b.site, Template: template, Title: title, Path: path, Canonical: b.absURL(path),
		Section: section, Kind: "list", TLP: b.site.TLP}
}

// nodePage fills the common part of a content page's view.
func (b *Builder) nodePage(n *xref.Node) Page {
	p := b.page(string(n.Kind()), n.Title(), n.URL, n.Kind().Folder())
	p.Summary, p.Kind, p.Draft, p.Article = n.Page.Meta.Summary, string(n.Kind()), n.Page.Meta.Draft, n.Kind() != content.Home
	if n.Kind() == content.Home {
		p.Section = ""
	}
	if t := n.Page.Meta.TLP.Value; t != "" {
		p.TLP = tlpOf(t)
	}
	return p
}

// absURL is the absolute URL of a site path, percent-encoded.
func (b *Builder) absURL(p string) string { return urls.Escape(b.base.Abs(p)) }

// groupByKind groups cards by kind, in kind order, titled by the kind's
// plural.
func groupByKind(cards []*Card, idPrefix string) []Group {
	var out []Group
	for _, k := range append([]content.Kind{content.Home}, content.Kinds()...) {
		folder := k.Folder()
		if k == content.Home {
			folder = "home"
		}
		g := Group{Title: k.Plural(), ID: idPrefix + folder}
		for _, c := range cards {
			if c.Kind == string(k) {
				g.Cards = append(g.Cards, c)
			}
		}
		if len(g.Cards) > 0 {
			out = append(out, g)
		}
	}
	return out
}
