package markdown

import (
	"html"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// Doc is a parsed page: the syntax tree and what was found in it.
type Doc struct {
	src  []byte
	root ast.Node

	// Headings are the page's headings with their anchor IDs.
	Headings []Heading
	// Paragraphs holds the plain text of each numbered paragraph; index 0
	// is #p1. Empty unless Options.NumberParagraphs.
	Paragraphs []string
	// Links are every wikilink and Markdown link, in source order.
	Links []*Link
	// Text is the page's plain text outside code; Unlinked the part of it
	// that is not inside a link.
	Text, Unlinked string
}

// Heading is a heading and its anchor ID.
type Heading struct {
	Level int
	ID    string
	Text  string
}

// collect walks the tree once and fills the Doc's findings.
func (d *Doc) collect() {
	var text, unlinked strings.Builder
	var block strings.Builder
	linkDepth := 0
	_ = ast.Walk(d.root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if n.Type() == ast.TypeBlock && entering {
			block.Reset()
			if text.Len() > 0 {
				text.WriteByte('\n')
				unlinked.WriteByte('\n')
			}
		}
		switch n := n.(type) {
		case *ast.Heading:
			if entering {
				d.addHeading(n)
			}
		case *ast.Paragraph:
			if !entering && d.numbered(n) {
				d.Paragraphs = append(d.Paragraphs, block.String())
			}
		case *ast.FencedCodeBlock, *ast.CodeBlock, *ast.CodeSpan, *ast.RawHTML, *ast.HTMLBlock:
			return ast.WalkSkipChildren, nil
		case *wikilinkNode:
			if !entering {
				return ast.WalkContinue, nil
			}
			n.link.Before = block.String()
			d.Links = append(d.Links, n.link)
			t := n.link.Text()
			text.WriteString(t)
			block.WriteString(t)
			return ast.WalkSkipChildren, nil
		case *ast.Link:
			if entering {
				d.addMarkdownLink(n, block.String())
				linkDepth++
			} else {
				linkDepth--
			}
		case *ast.AutoLink:
			return ast.WalkSkipChildren, nil
		case *east.FootnoteLink, *east.FootnoteBacklink:
			return ast.WalkSkipChildren, nil
		case *ast.Text, *ast.String:
			if entering {
				s := inlineText(n, d.src)
				text.WriteString(s)
				block.WriteString(s)
				if linkDepth == 0 {
					unlinked.WriteString(s)
				}
			}
		}
		return ast.WalkContinue, nil
	})
	d.Text, d.Unlinked = text.String(), unlinked.String()
}

func (d *Doc) numbered(p *ast.Paragraph) bool {
	_, ok := p.AttributeString("data-p")
	return ok
}

func (d *Doc) addHeading(h *ast.Heading) {
	id, _ := h.AttributeString("id")
	idStr, _ := id.([]byte)
	d.Headings = append(d.Headings, Heading{Level: h.Level, ID: string(idStr), Text: plain(h, d.src)})
}

func (d *Doc) addMarkdownLink(n *ast.Link, before string) {
	dest := string(n.Destination)
	if !isRelativeContentLink(dest) {
		return
	}
	offset := 0
	if t, ok := n.FirstChild().(*ast.Text); ok && t.Segment.Start > 0 {
		offset = t.Segment.Start - 1
	}
	d.Links = append(d.Links, &Link{Target: dest, Label: plain(n, d.src), Offset: offset, End: offset, Before: before, mdNode: n})
}

// isRelativeContentLink reports whether dest points at a Markdown file by
// a relative path ("../actors/x.md#y"), the links that get rewritten.
func isRelativeContentLink(dest string) bool {
	if dest == "" || strings.Contains(dest, "://") || strings.HasPrefix(dest, "/") ||
		strings.HasPrefix(dest, "#") || strings.HasPrefix(dest, "mailto:") {
		return false
	}
	file, _, _ := strings.Cut(dest, "#")
	return strings.HasSuffix(file, ".md")
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

// plain returns the plain text of n's inline children.
func plain(n ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if w, ok := c.(*wikilinkNode); ok {
			b.WriteString(w.link.Text())
			return ast.WalkSkipChildren, nil
		}
		b.WriteString(inlineText(c, src))
		return ast.WalkContinue, nil
	})
	return strings.TrimSpace(b.String())
}
