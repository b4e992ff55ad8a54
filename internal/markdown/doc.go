package markdown

import (
	"bytes"
	"crypto/sha256"
	"html"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// Doc is what a parse found in a page. It is immutable: nothing writes to
// a Doc after Parse returns.
type Doc struct {
	// src and text are the Markdown and its plain text, or nil and ""
	// when they were set aside, and aside gets them back (see SetAside).
	src   []byte
	text  string
	aside Aside
	opts  Options
	// Hash identifies the parse: the source and the options.
	Hash [sha256.Size]byte

	// Headings are the page's headings with their anchor IDs.
	Headings []Heading
	// Paragraphs holds the plain text of each numbered paragraph; index 0
	// is #p1. Empty unless Options.NumberParagraphs.
	Paragraphs []string
	// Links are every link that refers to the dossier, in document order.
	Links []Link
	// Linked holds the byte ranges of the text (see Text) that are the
	// text of links
	// (for finding names that are mentioned but not linked).
	Linked [][2]int
}

// Heading is a heading and its anchor ID.
type Heading struct {
	Level int
	ID    string
	Text  string
}

// collector gathers a Doc's findings in one walk.
type collector struct {
	doc   *Doc
	src   []byte
	text  strings.Builder
	block []byte // the current block's text, for paragraphs and quotations
	depth int    // nesting of Markdown links being walked
	start int    // offset in text where the outermost link began
	open  int    // index in Links of the outermost link, or -1
}

// collect walks root once and fills the Doc's findings.
func (d *Doc) collect(root ast.Node, src []byte) {
	c := &collector{doc: d, src: src}
	// Room for every link the source can hold, so that a body of many
	// links does not grow its list again and again.
	if n := bytes.Count(src, []byte("[[")) + bytes.Count(src, []byte("](")); n > 0 {
		d.Links = make([]Link, 0, n)
	}
	_ = ast.Walk(root, c.visit)
	// A Doc is kept for as long as its file is unchanged: keep only the
	// room its findings take, not what appending grew.
	d.text = strings.Clone(c.text.String())
	d.Links = exactly(d.Links)
	d.Linked = exactly(d.Linked)
}

// exactly returns s in an array of its own length.
func exactly[T any](s []T) []T {
	if len(s) == cap(s) {
		return s
	}
	return append(make([]T, 0, len(s)), s...)
}

func (c *collector) visit(n ast.Node, entering bool) (ast.WalkStatus, error) {
	if n.Type() == ast.TypeBlock && entering {
		c.block = c.block[:0]
		if c.text.Len() > 0 {
			c.text.WriteByte('\n')
		}
	}
	switch n := n.(type) {
	case *ast.Heading:
		if entering {
			c.heading(n)
		}
	case *ast.Paragraph:
		if _, ok := n.AttributeString("data-p"); ok && !entering {
			c.doc.Paragraphs = append(c.doc.Paragraphs, string(c.block))
		}
	case *ast.FencedCodeBlock, *ast.CodeBlock, *ast.CodeSpan, *ast.RawHTML, *ast.HTMLBlock,
		*ast.AutoLink, *east.FootnoteLink, *east.FootnoteBacklink:
		return ast.WalkSkipChildren, nil
	case *wikilinkNode:
		if entering {
			c.wikilink(n)
		}
		return ast.WalkSkipChildren, nil
	case *ast.Link:
		c.markdownLink(n, entering)
	case *ast.Image:
		if entering && linkKind(string(n.Destination)) == int(Rooted) {
			c.add(Link{Kind: Rooted, Image: true, Target: string(n.Destination), Label: string(plainText(n, c.src)), Offset: int32(imageOffset(n))})
		}
	case *ast.Text, *ast.String:
		if entering {
			c.write(inlineText(n, c.src))
		}
	}
	return ast.WalkContinue, nil
}

func (c *collector) heading(h *ast.Heading) {
	id, _ := h.AttributeString("id")
	idStr, _ := id.([]byte)
	c.doc.Headings = append(c.doc.Headings, Heading{Level: h.Level, ID: string(idStr), Text: string(plainText(h, c.src))})
}

func (c *collector) wikilink(n *wikilinkNode) {
	i := len(c.doc.Links)
	c.add(Link{Kind: Wiki, Target: n.target, Label: n.label, Offset: int32(n.offset), End: int32(n.end), Quote: trailingQuote(c.tail())})
	start := c.text.Len()
	c.write(n.text())
	c.doc.Links[i].TextStart, c.doc.Links[i].TextEnd = int32(start), int32(c.text.Len())
	if c.depth == 0 {
		c.doc.Linked = append(c.doc.Linked, [2]int{start, c.text.Len()})
	}
}

func (c *collector) markdownLink(n *ast.Link, entering bool) {
	if !entering {
		if c.depth--; c.depth == 0 {
			c.doc.Linked = append(c.doc.Linked, [2]int{c.start, c.text.Len()})
			if c.open >= 0 {
				c.doc.Links[c.open].TextStart, c.doc.Links[c.open].TextEnd = int32(c.start), int32(c.text.Len())
			}
		}
		return
	}
	if c.depth == 0 {
		c.start, c.open = c.text.Len(), -1
	}
	c.depth++
	if k := linkKind(string(n.Destination)); k >= 0 {
		off := linkOffset(n)
		if c.depth == 1 {
			c.open = len(c.doc.Links)
		}
		c.add(Link{Kind: LinkKind(k), Target: string(n.Destination), Label: string(plainText(n, c.src)), Offset: int32(off), End: int32(off)})
	}
}

// add records a link; its number is its place in Links, as linkNumberer
// counts.
func (c *collector) add(l Link) { c.doc.Links = append(c.doc.Links, l) }

func (c *collector) write(s string) {
	c.text.WriteString(s)
	c.block = append(c.block, s...)
}

// tail is the end of the current block's text, as far back as a
// quotation is looked for: copying only that keeps a block of many links
// linear.
func (c *collector) tail() string {
	tail := c.block[max(0, len(c.block)-quoteLookback-4):]
	// Only a block that ends in a closing quote (and what may follow it)
	// can hold a quotation: spare the copy otherwise.
	t := bytes.TrimRight(tail, " \t\n.,;:(")
	if !bytes.HasSuffix(t, []byte("”")) && !bytes.HasSuffix(t, []byte("\"")) {
		return ""
	}
	return string(tail)
}

// linkOffset is where a Markdown link's text starts in the source (the
// byte after "["), or 0 when the link has no text node.
func linkOffset(n ast.Node) int {
	if t, ok := n.FirstChild().(*ast.Text); ok && t.Segment.Start > 0 {
		return t.Segment.Start - 1
	}
	return 0
}

func imageOffset(n *ast.Image) int {
	if t, ok := n.FirstChild().(*ast.Text); ok && t.Segment.Start > 1 {
		return t.Segment.Start - 2
	}
	return 0
}

func inlineText(n ast.Node, src []byte) string {
	switch n := n.(type) {
	case *ast.Text:
		s := string(n.Segment.Value(src))
		if n.SoftLineBreak() || n.HardLineBreak() {
			s += " "
		}
		return s
	case *ast.String:
		return html.UnescapeString(string(n.Value))
	}
	return ""
}

// plainText returns the plain text of n's inline children.
func plainText(n ast.Node, src []byte) []byte {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if w, ok := c.(*wikilinkNode); ok {
			b.WriteString(w.text())
			return ast.WalkSkipChildren, nil
		}
		b.WriteString(inlineText(c, src))
		return ast.WalkContinue, nil
	})
	return []byte(strings.TrimSpace(b.String()))
}

// Text returns the page's plain text outside code, a line per block.
func (d *Doc) Text() (string, error) {
	if d.aside == nil {
		return d.text, nil
	}
	b, err := d.aside.Text()
	return string(b), err
}

// Unlinked returns the text with the text of links blanked out (replaced
// by spaces of the same length, so offsets hold).
func (d *Doc) Unlinked() (string, error) {
	text, err := d.Text()
	if err != nil || len(d.Linked) == 0 {
		return text, err
	}
	b := []byte(text)
	for _, span := range d.Linked {
		for i := span[0]; i < min(span[1], len(b)); i++ {
			b[i] = ' '
		}
	}
	return string(b), nil
}
