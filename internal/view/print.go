package view

import (
	"github.com/dossier-project/dossier/internal/content"
	"github.com/dossier-project/dossier/internal/xref"
)

// The print page (/print/) is the whole dossier as one document, for
// reading on paper or saving as PDF from the browser: the home page's
// bottom line, key judgments and indicators, the chronology, then every
// brief, commentary, event, actor and source in full.

// PrintPage is /print/. Heading levels go: the dossier's title (h1); each
// part — chronology, briefs, commentary … — (h2); each document's title
// (h3); the document's own headings shifted two levels down (its h2 an
// h4), so a title always outranks its sections. Every ID a document's
// body uses is prefixed with the document's (Body.Prefix), so IDs are
// unique on the page and the body's internal links still work.
type PrintPage struct {
	Page
	Home       *PrintHome
	Chronology Chronology
	Parts      []PrintPart
}

// PrintHome is the home page's summary at the top of the print page.
type PrintHome struct {
	BLUF         string
	KeyQuestion  string
	KeyJudgments []Judgment
	Indicators   []Indicator
}

// PrintPart is one kind's documents.
type PrintPart struct {
	ID, Title string
	Items     []PrintItem
}

// PrintItem is one document in full.
type PrintItem struct {
	ID        string
	Card      *Card
	BLUF      string
	Judgments []Judgment
	Body      *Body
}

func (b *Builder) print() View {
	v := &PrintPage{Page: b.page("print", "The whole dossier", "print/", "print"), Chronology: b.chronology()}
	if h := b.g.Home; h != nil {
		m := h.Page.Meta
		v.Home = &PrintHome{BLUF: m.BLUF, KeyQuestion: m.KeyQuestion, KeyJudgments: b.judgments(h.KeyJudgments), Indicators: b.indicators(h.Indicators)}
	}
	var bodies []*Body
	for _, k := range []content.Kind{content.Brief, content.Commentary, content.Event, content.Actor, content.Source} {
		part := PrintPart{ID: "print-" + k.Folder(), Title: k.Plural()}
		for _, n := range b.g.ByKind(k) {
			it := b.printItem(n)
			part.Items = append(part.Items, it)
			bodies = append(bodies, it.Body)
		}
		if len(part.Items) > 0 {
			v.Parts = append(v.Parts, part)
		}
	}
	return View{Data: v, Bodies: bodies}
}

func (b *Builder) printItem(n *xref.Node) PrintItem {
	id := string(n.Kind()) + "-" + n.Slug()
	body := b.lazyBody(n)
	body.Prefix, body.Shift = id+"--", 2
	js := append(b.judgments(n.KeyJudgments), b.judgments(n.Judgments)...)
	return PrintItem{ID: id, Card: b.card(n), BLUF: n.Page.Meta.BLUF, Judgments: js, Body: body}
}
