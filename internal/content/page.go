package content

import (
	"github.com/dossier-project/dossier/internal/diag"
	"github.com/dossier-project/dossier/internal/yamlfile"
)

// Kind is a page's kind, given by its folder.
type Kind string

// The page kinds, in the order lists and navigation show them.
const (
	Home       Kind = "home"
	Brief      Kind = "brief"
	Actor      Kind = "actor"
	Event      Kind = "event"
	Commentary Kind = "commentary"
	Source     Kind = "source"
)

// Kinds lists every kind except Home, in display order.
func Kinds() []Kind { return []Kind{Brief, Actor, Event, Commentary, Source} }

// kindCount is len(Kinds()).
const kindCount = 5

// Rank is the kind's place in Kinds (-1 for Home and unknown kinds):
// pages sort by it, then by slug.
func (k Kind) Rank() int {
	switch k {
	case Brief:
		return 0
	case Actor:
		return 1
	case Event:
		return 2
	case Commentary:
		return 3
	case Source:
		return 4
	}
	return -1
}

// Folder is the kind's folder under content/ and its URL section.
func (k Kind) Folder() string {
	switch k {
	case Brief:
		return "briefs"
	case Actor:
		return "actors"
	case Event:
		return "events"
	case Commentary:
		return "commentary"
	case Source:
		return "sources"
	}
	return ""
}

// Plural is the kind's human plural, used in headings.
func (k Kind) Plural() string {
	switch k {
	case Brief:
		return "Briefs"
	case Actor:
		return "Actors"
	case Event:
		return "Events"
	case Commentary:
		return "Commentary"
	case Source:
		return "Sources"
	}
	return "Home"
}

// KindOfFolder returns the kind whose folder is name.
func KindOfFolder(name string) (Kind, bool) {
	for _, k := range Kinds() {
		if k.Folder() == name {
			return k, true
		}
	}
	return "", false
}

// Scalar is a positioned front-matter value.
type Scalar = yamlfile.Scalar

// Page is one content file.
type Page struct {
	Kind Kind
	// File is the slash path from the dossier root: "content/briefs/x.md".
	File string
	Slug string
	Meta Meta
	// Dates are the EDTF dates of Meta, parsed.
	Dates Dates
	// Body is the Markdown after the front matter, which starts on line
	// BodyLine of the file, at byte BodyOffset of the file as parsed
	// (without a byte-order mark). It is a copy: the page does not hold
	// the file's front matter, whose values Meta holds. Body is what the
	// Markdown parser reads; a build, which keeps every page to its end,
	// sets it aside once parsed (nil from then on).
	Body       []byte
	BodyLine   int
	BodyOffset int
	// Lines is the file's line table, for positions.
	Lines *diag.Lines
	// Hash is the SHA-256 of the file as read.
	Hash [32]byte
	// Placeholders are the places where the page still holds the text
	// that dossier new wrote for the author to replace (BLUFPlaceholder,
	// BodyPlaceholder).
	Placeholders []diag.Pos
}

// Pos returns the position of a scalar in this page's file.
func (p *Page) Pos(s Scalar) diag.Pos {
	return diag.Pos{File: p.File, Line: int(s.Line), Col: int(s.Col)}
}

// TopPos is the position of the page's first line, for page-wide messages.
func (p *Page) TopPos() diag.Pos { return diag.Pos{File: p.File, Line: 1, Col: 1} }

// BodyPos converts a byte offset in Body to a position in the file, in
// O(log lines).
func (p *Page) BodyPos(offset int) diag.Pos { return p.SrcPos(p.BodyOffset + offset) }

// SrcPos converts a byte offset in the file to a position in it.
func (p *Page) SrcPos(offset int) diag.Pos {
	line, col := p.Lines.Pos(offset)
	return diag.Pos{File: p.File, Line: line, Col: col}
}

// Path is the page's site-relative URL path: "" for home, "briefs/x/".
func (p *Page) Path() string {
	if p.Kind == Home {
		return ""
	}
	return p.Kind.Folder() + "/" + p.Slug + "/"
}
