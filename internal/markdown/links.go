package markdown

import (
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// LinkKind is what a Link was written as.
type LinkKind uint8

const (
	// Wiki is [[target]] or [[target|label]].
	Wiki LinkKind = iota
	// Relative is a Markdown link to a content file by a relative path,
	// "[Kim](../actors/kim-jong-un.md#early-life)": rewritten to the
	// page's URL, so the files read the same on GitHub and on the site.
	Relative
	// Rooted is a Markdown link or image by a root-relative path,
	// "/briefs/x/" or "/static/map.png": resolved to a page when it names
	// one, and put under the site's base path either way.
	Rooted
)

// Link is a link found while parsing. Its fields are ordered and sized
// to keep it small: a large dossier holds every page's links for as long
// as it is built (72 bytes a link, not 96).
type Link struct {
	// Target is the wikilink's target or the Markdown link's destination.
	Target string
	// Label is the wikilink's explicit label, or the Markdown link's text.
	Label string
	// Quote is the quotation that the text right before the link ends
	// with ("…” [[article#p4]]), or "": what a citation supports.
	Quote string
	// Offset and End delimit the link in the parsed source, in bytes.
	Offset, End int32
	// TextStart and TextEnd delimit the link's text in Doc.Text (equal
	// when it has none there, as an image).
	TextStart, TextEnd int32
	Kind               LinkKind
	// Image marks a rooted image source.
	Image bool
}

// LinkView is how one link is shown, decided at render time.
type LinkView struct {
	// Href is the link's URL ("" renders no href).
	Href string
	// Text replaces the link's text; "" keeps what was written (the
	// Markdown link's label, the wikilink's label or target).
	Text string
	// Class and Title become the attributes of the same names.
	Class, Title string
	// Citation renders the link as a superscript citation marker.
	Citation bool
	// Missing renders a link that names nothing: no href, class
	// "missing", so a preview shows it.
	Missing bool
	// Isolate shows a wikilink's text inside <bdi>: it holds
	// bidirectional controls, which must not reorder the text after it.
	Isolate bool
}

// linkAttr marks a Markdown link or image node with its link number.
var linkAttr = []byte("data-dossier-link")

// linkNumberer numbers the links that Doc.Links lists, in document order,
// after every other transformer has run: wikilink nodes carry the number
// themselves, Markdown links and images an attribute that the renderers
// read and never write out. Parse and Render run it on the same source,
// so a number always names the same link.
type linkNumberer struct{}

func (linkNumberer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	n := 0
	_ = ast.Walk(doc, func(node ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch node := node.(type) {
		case *wikilinkNode:
			node.index = n
			n++
		case *ast.Link:
			if linkKind(string(node.Destination)) >= 0 {
				node.SetAttribute(linkAttr, n)
				n++
			}
		case *ast.Image:
			if linkKind(string(node.Destination)) == int(Rooted) {
				node.SetAttribute(linkAttr, n)
				n++
			}
		}
		return ast.WalkContinue, nil
	})
}

// linkNumber returns the number linkNumberer gave a Markdown link or
// image, or -1.
func linkNumber(n ast.Node) int {
	v, ok := n.Attribute(linkAttr)
	if !ok {
		return -1
	}
	i, _ := v.(int)
	return i
}

// linkKind classifies a Markdown link's destination: Relative for a
// relative path to a .md file, Rooted for a root-relative path, -1 for
// anything else (external URLs, fragments, mail).
func linkKind(dest string) int {
	switch {
	case dest == "" || strings.HasPrefix(dest, "#") || strings.Contains(dest, ":"):
		return -1
	case strings.HasPrefix(dest, "//"):
		return -1 // protocol-relative: another host
	case strings.HasPrefix(dest, "/"):
		return int(Rooted)
	}
	file, _, _ := strings.Cut(dest, "#")
	file, _, _ = strings.Cut(file, "?")
	if strings.HasSuffix(file, ".md") {
		return int(Relative)
	}
	return -1
}

// ParagraphID is the anchor of numbered paragraph n (1-based): "p4".
func ParagraphID(n int) string { return "p" + strconv.Itoa(n) }
