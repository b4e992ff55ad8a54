package markdown

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// KindWikilink is the node kind of a wikilink.
var KindWikilink = ast.NewNodeKind("Wikilink")

// wikilinkNode is an inline [[target|label]] whose Link is filled in by the
// resolver before rendering.
type wikilinkNode struct {
	ast.BaseInline
	link *Link
}

func (n *wikilinkNode) Kind() ast.NodeKind { return KindWikilink }

func (n *wikilinkNode) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"Target": n.link.Target, "Label": n.link.Label}, nil)
}

// wikilinkParser parses [[target]], [[target|label]], [[kind/slug#anchor]].
// The target and label end at the first "]]" on the same line; a target
// that is empty or contains "[" is not a wikilink and is left as text.
type wikilinkParser struct{}

func (wikilinkParser) Trigger() []byte { return []byte{'['} }

func (wikilinkParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, seg := block.PeekLine()
	target, label, n, ok := ParseWikilink(line)
	if !ok {
		return nil
	}
	link := &Link{Wiki: true, Target: target, Label: label, Offset: seg.Start, End: seg.Start + n}
	block.Advance(n)
	return &wikilinkNode{link: link}
}

// ParseWikilink parses a wikilink at the start of b. It returns the target
// and label (both trimmed), the number of bytes consumed and whether b
// starts with a well-formed wikilink.
func ParseWikilink(b []byte) (target, label string, n int, ok bool) {
	if !bytes.HasPrefix(b, []byte("[[")) {
		return "", "", 0, false
	}
	end := bytes.Index(b[2:], []byte("]]"))
	if end < 0 {
		return "", "", 0, false
	}
	inner := b[2 : 2+end]
	if bytes.ContainsAny(inner, "[\n\r") {
		return "", "", 0, false
	}
	t, l, _ := bytes.Cut(inner, []byte("|"))
	target = string(bytes.TrimSpace(t))
	label = string(bytes.TrimSpace(l))
	if target == "" {
		return "", "", 0, false
	}
	return target, label, end + 4, true
}

// wikilinkRenderer renders resolved wikilinks.
type wikilinkRenderer struct{}

func (wikilinkRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindWikilink, renderWikilink)
}

func renderWikilink(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	l := node.(*wikilinkNode).link
	if l.Citation {
		_, _ = w.WriteString(`<sup class="cite">`)
	}
	_, _ = w.WriteString("<a")
	if l.Dest != "" && !l.Missing {
		writeAttr(w, "href", l.Dest)
	}
	class := l.Class
	if l.Missing {
		class = "missing"
	}
	if class != "" {
		writeAttr(w, "class", class)
	}
	if l.Title != "" {
		writeAttr(w, "title", l.Title)
	}
	_, _ = w.WriteString(">")
	_, _ = w.Write(util.EscapeHTML([]byte(l.Text())))
	_, _ = w.WriteString("</a>")
	if l.Citation {
		_, _ = w.WriteString("</sup>")
	}
	return ast.WalkSkipChildren, nil
}

func writeAttr(w util.BufWriter, name, value string) {
	_, _ = w.WriteString(" " + name + `="`)
	_, _ = w.Write(util.EscapeHTML([]byte(value)))
	_, _ = w.WriteString(`"`)
}

func rendererOptions() []renderer.Option {
	return []renderer.Option{renderer.WithNodeRenderers(util.Prioritized(wikilinkRenderer{}, 100))}
}
