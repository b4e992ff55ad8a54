package view

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/dossier-project/dossier/internal/content"
	"github.com/dossier-project/dossier/internal/edtf"
	"github.com/dossier-project/dossier/internal/xref"
)

// The chronology (/chronology/) lists every event and dated brief under
// headings by year and month, in edtf.Compare order, then by title. Dates
// keep their precision: an item known only to its month heads that month,
// marked "day not known"; one known only to its year heads the year;
// decades and centuries (201X, 20XX) are listed apart at the end. Each
// item carries the slugs of the actors it names, which the page's script
// uses to filter by actor; without JavaScript the filter is a list of
// links to the actors' own chronologies, the section #chronology of each
// actor page (the same items, naming that actor).

// ChronoItem is one dated page in a chronology.
type ChronoItem struct {
	Card     *Card
	DateText string
	IsBrief  bool
	Actors   []*Card
	// ActorSlugs are the slugs of Actors, space-separated.
	ActorSlugs string
	Cites      []*Cite

	key [32]byte // the hash of the fields above (see ContentKey)
}

// ContentKey is the hash of what the item shows: templates that cache
// its output (layout.CachedFunc) remember it by this key, so the memo
// does not keep the item, nor its citation markers, to the end of the
// build.
func (it *ChronoItem) ContentKey() [32]byte { return it.key }

// ChronoMonth is a month's items.
type ChronoMonth struct {
	Title, ID string
	Items     []*ChronoItem
}

// ChronoYear is a year's items: those known only to the year, then the
// months.
type ChronoYear struct {
	Year   int
	Title  string
	ID     string
	Items  []*ChronoItem
	Months []ChronoMonth
}

// Chronology is every dated page by year and month.
type Chronology struct {
	Years []ChronoYear
	// Other holds decades and centuries, which have no year to file under.
	Other []*ChronoItem
	// Actors are the actors the items name, by title, for the filter.
	Actors []*Card
}

// ChronologyPage is /chronology/.
type ChronologyPage struct {
	Page
	Chronology Chronology
	DataHref   string
}

// dated reports whether n belongs in a chronology: an event, or a brief
// with a date.
func dated(n *xref.Node) bool {
	return !n.Page.Dates.Date.IsZero() && (n.Kind() == content.Event || n.Kind() == content.Brief)
}

// Dated returns the dated pages among nodes in chronology order.
func Dated(nodes []*xref.Node) []*xref.Node {
	var out []*xref.Node
	for _, n := range nodes {
		if dated(n) {
			out = append(out, n)
		}
	}
	slices.SortFunc(out, func(a, b *xref.Node) int {
		return cmp.Or(edtf.Compare(a.Page.Dates.Date, b.Page.Dates.Date), strings.Compare(a.Title(), b.Title()),
			strings.Compare(string(a.Kind()), string(b.Kind())), strings.Compare(a.Slug(), b.Slug()))
	})
	return out
}

// dated returns the dated pages among nodes in chronology order.
func (b *Builder) dated(nodes []*xref.Node) []*xref.Node {
	return inOrder(nodes, b.order.dated)
}

// chronoItems returns the dated nodes among nodes as items, in order.
func (b *Builder) chronoItems(nodes []*xref.Node) []*ChronoItem {
	var items []*ChronoItem
	for _, n := range b.dated(nodes) {
		items = append(items, b.chronoItem(n))
	}
	return items
}

// chronoItem is n as an item of a chronology: one item, shared by every
// chronology that lists n while a view holds it (see weakMemo), so that
// its template is executed once (see layout.CachedFunc).
func (b *Builder) chronoItem(n *xref.Node) *ChronoItem {
	return b.chronoMemo.get(n, func() *ChronoItem {
		it := &ChronoItem{Card: b.card(n), DateText: n.Page.Meta.DateText, IsBrief: n.Kind() == content.Brief,
			Actors: b.cardsOf(n.Actors), Cites: b.cites(n.Sources)}
		slugs := make([]string, len(n.Actors))
		for i, a := range n.Actors {
			slugs[i] = a.Slug()
		}
		it.ActorSlugs = strings.Join(slugs, " ")
		it.key = b.h.Key(*it)
		return it
	})
}

// chronology groups every dated page by year and month.
func (b *Builder) chronology() Chronology {
	var v Chronology
	var actors []*xref.Node
	for _, n := range b.dated(b.g.Nodes) {
		it := b.chronoItem(n)
		y, m, ok := n.Page.Dates.Date.YearMonth()
		if !ok {
			v.Other = append(v.Other, it)
			continue
		}
		v.add(y, m, it)
		for _, a := range n.Actors {
			if !slices.Contains(actors, a) {
				actors = append(actors, a)
			}
		}
	}
	slices.SortFunc(actors, func(a, c *xref.Node) int {
		return cmp.Or(strings.Compare(a.Title(), c.Title()), strings.Compare(a.Slug(), c.Slug()))
	})
	v.Actors = b.cardsOf(actors)
	return v
}

// add files an item under year y and month m (0: the year itself). Items
// arrive in order, so the last year and month are the ones to extend.
func (v *Chronology) add(y, m int, it *ChronoItem) {
	if len(v.Years) == 0 || v.Years[len(v.Years)-1].Year != y {
		v.Years = append(v.Years, ChronoYear{Year: y, Title: yearTitle(y), ID: yearID(y)})
	}
	year := &v.Years[len(v.Years)-1]
	if m == 0 {
		year.Items = append(year.Items, it)
		return
	}
	id := fmt.Sprintf("%s-%02d", strings.Replace(yearID(y), "y", "m", 1), m)
	if len(year.Months) == 0 || year.Months[len(year.Months)-1].ID != id {
		year.Months = append(year.Months, ChronoMonth{Title: fmt.Sprintf("%s %s", time.Month(m), yearTitle(y)), ID: id})
	}
	month := &year.Months[len(year.Months)-1]
	month.Items = append(month.Items, it)
}

// yearTitle names a year as dates show it: 1985, or 1986 BCE for the
// astronomical -1985.
func yearTitle(y int) string { return edtf.YearName(y) }

// yearID is a heading anchor for a year: y2025, or y-1985.
func yearID(y int) string {
	if y < 0 {
		return fmt.Sprintf("y-%04d", -y)
	}
	return fmt.Sprintf("y%04d", y)
}

func (b *Builder) chronologyPage() View {
	v := &ChronologyPage{Page: b.page("chronology", "Chronology", "chronology/", "chronology"),
		Chronology: b.chronology(), DataHref: b.base.Path("chronology.json")}
	return View{Data: v}
}

// displayEDTF shows an EDTF date as words; text that is not a date (it
// was reported when the page was read) is shown as written.
func displayEDTF(s string) string {
	if s == "" {
		return ""
	}
	d, err := edtf.Parse(s)
	if err != nil {
		return s
	}
	return d.Display()
}

// Chronology is every dated page by year and month (the siteChronology
// input).
func (b *Builder) Chronology() Chronology { return b.chronology() }
