package view

import (
	"slices"

	"github.com/dossier-project/dossier/internal/content"
	"github.com/dossier-project/dossier/internal/markdown"
	"github.com/dossier-project/dossier/internal/vocab"
	"github.com/dossier-project/dossier/internal/xref"
)

// SectionIDs are the IDs of the sections that the page templates put
// around a body. Body headings never take them (see
// markdown.Options.ReservedIDs), so every ID on a page is unique.
func SectionIDs() []string {
	return []string{"main", "toc", "bluf", "key-question", "key-judgments", "judgments", "indicators", "body",
		"relations", "chronology", "named-in", "linked-from", "mentioned-in", "actors", "events", "sources",
		"referenced-by", "cited-by", "contents", "facts"}
}

// Related is the end of a brief, event or commentary page: what it names
// and cites, and what links to it.
type Related struct {
	Actors       []*Card
	Events       []*Card
	Sources      []SourceRef
	ReferencedBy []Group
}

// HomePage is the home page.
type HomePage struct {
	Page
	BLUF         string
	KeyQuestion  string
	KeyJudgments []Judgment
	Indicators   []Indicator
	Body         *Body
	// Tags are the home page's tags, which list it on their pages.
	Tags []Tag
	// Sections are the dossier's sections with how many pages each holds.
	Sections []Section
}

// Section is one of the dossier's sections on the home page.
type Section struct {
	Title, Href string
	Count       int
}

// BriefPage is a brief.
type BriefPage struct {
	Page
	Date         Date
	BLUF         string
	KeyJudgments []Judgment
	Indicators   []Indicator
	Body         *Body
	Tags         []Tag
	Related
}

// EventPage is an event.
type EventPage struct {
	Page
	Date     Date
	DateText string
	Location string
	Reported Date
	Body     *Body
	Tags     []Tag
	Related
}

// CommentaryPage is an analyst's commentary.
type CommentaryPage struct {
	Page
	Date       Date
	Analyst    string
	Confidence string
	Judgments  []Judgment
	Body       *Body
	Tags       []Tag
	Related
}

// SourcePage is a source with its numbered text.
type SourcePage struct {
	Page
	Grade       string
	Reliability vocab.Grade
	Credibility vocab.Grade
	Publisher   string
	ShortTitle  string
	URL         string
	ArchiveURL  string
	Published   Date
	Accessed    Date
	Chain       []*Card
	Body        *Body
	Tags        []Tag
	CitedBy     []Group
	// LinkedFrom are the pages that link the source without citing it.
	LinkedFrom []Group
}

func (b *Builder) body(n *xref.Node) *Body {
	return &Body{DocHash: n.Doc.Hash, Links: b.linkViews(n), Doc: n.Doc, targets: linkTargets(n)}
}

// lazyBody is body for a view of many bodies: its link views are made
// when it is hashed or rendered, and not kept.
func (b *Builder) lazyBody(n *xref.Node) *Body {
	return &Body{DocHash: n.Doc.Hash, Doc: n.Doc, lazy: func() ([]markdown.LinkView, []string) {
		return b.linkViews(n), linkTargets(n)
	}}
}

func (b *Builder) related(n *xref.Node) Related {
	return Related{Actors: b.cardsOf(n.Actors), Events: b.cardsOf(n.Events), Sources: b.sourceRefs(n),
		ReferencedBy: groupByKind(b.cardsOf(n.ReferencedBy), "referenced-by-")}
}

func (b *Builder) home(n *xref.Node) View {
	m := n.Page.Meta
	v := &HomePage{Page: b.nodePage(n), BLUF: m.BLUF, KeyQuestion: m.KeyQuestion,
		KeyJudgments: b.judgments(n.KeyJudgments), Indicators: b.indicators(n.Indicators), Body: b.body(n), Tags: b.tagsOf(n)}
	for _, k := range content.Kinds() {
		v.Sections = append(v.Sections, Section{Title: k.Plural(), Href: b.base.Path(k.Folder() + "/"), Count: len(b.g.ByKind(k))})
	}
	v.TOC = long(toc(n, sec(m.BLUF != "", "bluf", "Bottom line up front"), sec(len(v.KeyJudgments) > 0, "key-judgments", "Key judgments"),
		body(), sec(len(v.Indicators) > 0, "indicators", "What to watch"), sec(true, "contents", "In this dossier")))
	return View{Data: v, Bodies: []*Body{v.Body}}
}

func (b *Builder) brief(n *xref.Node) View {
	m := n.Page.Meta
	v := &BriefPage{Page: b.nodePage(n), Date: dateOf(n.Page.Dates.Date), BLUF: m.BLUF,
		KeyJudgments: b.judgments(n.KeyJudgments), Indicators: b.indicators(n.Indicators),
		Body: b.body(n), Tags: b.tagsOf(n), Related: b.related(n)}
	v.TOC = long(append(toc(n, sec(m.BLUF != "", "bluf", "Bottom line up front"), sec(len(v.KeyJudgments) > 0, "key-judgments", "Key judgments"),
		body(), sec(len(v.Indicators) > 0, "indicators", "What to watch")), relatedTOC(v.Related)...))
	return View{Data: v, Bodies: []*Body{v.Body}}
}

func (b *Builder) event(n *xref.Node) View {
	m := n.Page.Meta
	v := &EventPage{Page: b.nodePage(n), Date: dateOf(n.Page.Dates.Date), DateText: m.DateText, Location: m.Location,
		Reported: dateOf(n.Page.Dates.Reported), Body: b.body(n), Tags: b.tagsOf(n), Related: b.related(n)}
	v.TOC = long(append(toc(n, body()), relatedTOC(v.Related)...))
	return View{Data: v, Bodies: []*Body{v.Body}}
}

func (b *Builder) commentary(n *xref.Node) View {
	m := n.Page.Meta
	v := &CommentaryPage{Page: b.nodePage(n), Date: dateOf(n.Page.Dates.Date), Analyst: m.Analyst,
		Confidence: m.Confidence.Value, Judgments: b.judgments(n.Judgments), Body: b.body(n), Tags: b.tagsOf(n), Related: b.related(n)}
	v.TOC = long(append(toc(n, sec(len(v.Judgments) > 0, "judgments", "Judgments"), body()), relatedTOC(v.Related)...))
	return View{Data: v, Bodies: []*Body{v.Body}}
}

func (b *Builder) source(n *xref.Node) View {
	m := n.Page.Meta
	r, _ := vocab.ParseReliability(m.Reliability.Value)
	c, _ := vocab.ParseCredibility(m.Credibility.Value)
	v := &SourcePage{Page: b.nodePage(n), Grade: grade(n), Reliability: r, Credibility: c, Publisher: m.Publisher,
		ShortTitle: m.ShortTitle, URL: m.URL, ArchiveURL: m.ArchiveURL, Published: dateOf(n.Page.Dates.Published),
		Accessed: dateOf(n.Page.Dates.Accessed), Chain: b.cardsOf(n.Chain), Body: b.body(n), Tags: b.tagsOf(n),
		CitedBy: groupByKind(b.cardsOf(n.CitedBy), "cited-by-")}
	others := slices.DeleteFunc(slices.Clone(n.ReferencedBy), func(m *xref.Node) bool { return slices.Contains(n.CitedBy, m) })
	v.LinkedFrom = groupByKind(b.cardsOf(others), "linked-from-")
	v.TOC = long(toc(n, body(), sec(len(v.CitedBy) > 0, "cited-by", "Cited by"), sec(len(v.LinkedFrom) > 0, "linked-from", "Also linked from")))
	return View{Data: v, Bodies: []*Body{v.Body}}
}

// tocEntry is a candidate section of a table of contents; the body
// stands for the body's own h2 headings.
type tocEntry struct {
	ok       bool
	id, text string
	isBody   bool
}

func sec(ok bool, id, text string) tocEntry { return tocEntry{ok: ok, id: id, text: text} }
func body() tocEntry                        { return tocEntry{ok: true, isBody: true} }

// toc lists a page's h2 sections in order, when there are more than
// three; otherwise none.
func toc(n *xref.Node, entries ...tocEntry) []Heading {
	var out []Heading
	for _, e := range entries {
		switch {
		case e.isBody:
			for _, h := range n.Doc.Headings {
				if h.Level == 2 {
					out = append(out, Heading{ID: h.ID, Text: h.Text})
				}
			}
		case e.ok:
			out = append(out, Heading{ID: e.id, Text: e.text})
		}
	}
	return out
}

// long keeps a table of contents only for a page of more than three
// sections.
func long(headings []Heading) []Heading {
	if len(headings) <= 3 {
		return nil
	}
	return headings
}

// relatedTOC lists the sections of a Related.
func relatedTOC(r Related) []Heading {
	var out []Heading
	for _, e := range []tocEntry{sec(len(r.Actors) > 0, "actors", "Actors"), sec(len(r.Events) > 0, "events", "Events"),
		sec(len(r.Sources) > 0, "sources", "Sources"), sec(len(r.ReferencedBy) > 0, "referenced-by", "Referenced by")} {
		if e.ok {
			out = append(out, Heading{ID: e.id, Text: e.text})
		}
	}
	return out
}
