package markdown

import "github.com/yuin/goldmark/ast"

// Link is a wikilink or a relative Markdown link found while parsing. The
// parser fills the first group of fields; the resolver fills the second;
// the renderer reads both.
type Link struct {
	// Wiki is true for [[...]], false for a Markdown [text](dest) link.
	Wiki bool
	// Target is the wikilink's target or the Markdown link's destination.
	Target string
	// Label is the wikilink's explicit label, or the Markdown link's text.
	Label string
	// Offset and End delimit the link in the parsed source, in bytes.
	Offset, End int
	// Before is the plain text of the enclosing block up to the link, used
	// to check the quotation a citation supports.
	Before string

	// Dest is the resolved URL. Missing marks a reference that names
	// nothing (rendered visibly as missing, without href).
	Dest    string
	Missing bool
	// Resolved is the label to show when the wikilink has none (the
	// target page's title, or a citation marker).
	Resolved string
	Class    string
	Title    string
	// Citation renders the link as a superscript citation marker.
	Citation bool

	mdNode *ast.Link
}

// Text is the label the link shows.
func (l *Link) Text() string {
	switch {
	case l.Citation && l.Resolved != "":
		return l.Resolved
	case l.Label != "":
		return l.Label
	case l.Resolved != "":
		return l.Resolved
	}
	return l.Target
}

// reset clears what a previous resolution filled in, so a cached Doc can
// be resolved again from scratch.
func (l *Link) reset() {
	l.Dest, l.Missing, l.Resolved, l.Class, l.Title, l.Citation = "", false, "", "", "", false
}
