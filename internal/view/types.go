package view

import (
	"html/template"

	"github.com/dossier-project/dossier/internal/actorgraph"
	"github.com/dossier-project/dossier/internal/markdown"
)

// Site is the site-wide part of every page: small, and part of every
// page's key.
type Site struct {
	Title       string
	Description string
	Language    string
	Author      string
	// Base is the base path every URL starts with: "/" or "/repo/".
	Base string
	Nav  []NavItem
	// Preview is set in dossier serve.
	Preview bool
	// TLP is the dossier's default handling label.
	TLP TLP

	navs map[string]*SiteNav // see NavFor
}

// SiteNav is the site's navigation as the pages of one section show it.
type SiteNav struct {
	Items []NavItem
	// Current is the section of the page when the navigation lists it
	// (its item is marked aria-current), else "".
	Current string
}

// NavFor returns the navigation as a page of section shows it: the same
// value for every page of a section, so that a template can execute it
// once a build (layout.CachedFunc).
func (s *Site) NavFor(section string) *SiteNav {
	if nav, ok := s.navs[section]; ok {
		return nav
	}
	if nav := s.navs[""]; nav != nil {
		return nav
	}
	return &SiteNav{Items: s.Nav} // a Site not made by a Builder
}

// NavItem is one entry of the site's navigation.
type NavItem struct {
	Title   string
	Href    string
	Section string
}

// TLP is a handling label as pages show it.
type TLP struct {
	Label string // "TLP:AMBER"
	Class string // "tlp-amber"
}

// Page is what every page template receives, embedded in the page's own
// view, and what base.html reads.
type Page struct {
	Site *Site
	// Template names the page template ("brief").
	Template string
	Title    string
	Summary  string
	// Path is the page's site-relative path ("briefs/x/"); Canonical its
	// absolute URL (root-relative without an origin in base_url).
	Path      string
	Canonical string
	// Section is the navigation section the page belongs to ("briefs").
	Section string
	// Kind is the page's kind, or "list" for the other pages.
	Kind string
	TLP  TLP
	// Draft marks a draft shown by a preview or -drafts.
	Draft bool
	// Article says whether the page is one piece (og:type article).
	Article bool
	// NoIndex keeps the page out of search engines (404.html).
	NoIndex bool
	// TOC lists the page's sections when it has more than three.
	TOC []Heading
}

// Heading is an entry of a table of contents.
type Heading struct {
	ID, Text string
}

// Card is what other pages show of a page: in lists, backlinks,
// chronologies and citations.
type Card struct {
	Kind      string // "brief"
	KindLabel string // "Brief"
	Slug      string
	Title     string
	Href      string
	Summary   string
	Date      Date
	// Grade is a source's Admiralty grade ("B2").
	Grade string
	Draft bool

	// key is the hash of the fields above, made with the card: views
	// hold many copies of each card, and a view's key takes the card's
	// (see Hasher).
	key [32]byte
}

// ContentKey is the hash of what the card shows: templates that cache a
// card's output (layout.CachedFunc) remember it by this key.
func (c *Card) ContentKey() [32]byte { return c.key }

// Date is an EDTF date as pages show it.
type Date struct {
	// Text is the date in words at its precision: "September 2025".
	Text string
	// Machine is the value of a <time datetime>, "" when HTML cannot
	// express the date (an interval, a qualified or partly unknown one).
	Machine string
	// Note says what the date leaves out: "day not known".
	Note string
}

// Tag is a tag and its page.
type Tag struct {
	Name, Href string
	Count      int
}

// Group is a titled list of cards.
type Group struct {
	Title string
	ID    string
	Cards []*Card
}

// Cite is the citations of one source, as one marker: paragraphs in
// runs ("¶1–4, 6–8"), the grade, and a label when the whole source is
// cited.
type Cite struct {
	// Label names the source (a short title, else the publisher) when the
	// whole source is cited; "" when paragraphs are.
	Label string
	Href  string // the source page (whole-source citations)
	Runs  []Run
	Grade string
	// Title describes the citation in words, for the tooltip.
	Title string

	key [32]byte // the hash of the fields above (see Card)
	src string   // the source's kind and slug, a dependency (see Deps)
}

// Run is a run of consecutive cited paragraphs.
type Run struct {
	Text string // "¶1–4" for the first run, "6–8" after it
	Href string // the run's first paragraph
}

// Judgment is an estimative judgment.
type Judgment struct {
	Text       string
	Likelihood string
	Range      string // "55–80%"
	Confidence string
	Cites      []*Cite
}

// Indicator is something to watch.
type Indicator struct {
	Text   string
	Status string
	Cites  []*Cite
}

// SourceRef is one source a page cites, with how it is graded and which
// parts are cited: one Cite per credibility the page gives the source's
// claims (usually one).
type SourceRef struct {
	Card        *Card
	Reliability string // "usually reliable"
	Credibility string // "probably true"
	Cites       []*Cite
	// Partial is set when the page cites paragraphs, or gives a claim its
	// own credibility: then Cites say which.
	Partial bool
}

// Body is a page's Markdown body: its parse (by hash) and how each link
// shows. Its HTML is rendered from them only when the page is rendered,
// after the page's key is known, by the renderer the build gives it (see
// View.Bodies): a pure function of the hashed fields.
type Body struct {
	DocHash [32]byte
	Links   []markdown.LinkView
	// Prefix goes before every ID the body's HTML uses, and Shift is added
	// to its heading levels (up to h6): how the print page keeps IDs
	// unique and headings under their document's title.
	Prefix string
	Shift  int
	Doc    *markdown.Doc `hash:"-"`

	render  func(*Body) template.HTML
	targets []string // the kinds and slugs of the pages its links show

	// lazy, when set, makes Links and targets each time they are asked
	// for, so that a view holding thousands of bodies (/print/) does not
	// keep their link views while it renders; Links and targets are
	// then nil. The hasher hashes a lazy body as the body with both set.
	lazy func() ([]markdown.LinkView, []string)
}

// LinkViews are how the body's links show: Links, or those of a lazy
// body, made now.
func (b *Body) LinkViews() []markdown.LinkView {
	if b.lazy != nil {
		links, _ := b.lazy()
		return links
	}
	return b.Links
}

// filled returns b with Links and targets set: b itself, or a copy of a
// lazy body.
func (b Body) filled() Body {
	if b.lazy != nil {
		b.Links, b.targets = b.lazy()
		b.lazy = nil
	}
	return b
}

// HTML is the body rendered.
func (b *Body) HTML() template.HTML {
	if b.render == nil {
		return ""
	}
	return b.render(b)
}

// SetRenderer gives the body the function that renders it.
func (b *Body) SetRenderer(render func(*Body) template.HTML) { b.render = render }

// Graph is an actor graph: what is drawn. The SVG is drawn from it only
// when the page is rendered.
type Graph struct {
	Input actorgraph.Graph
}
