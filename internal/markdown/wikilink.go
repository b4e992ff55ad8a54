package markdown

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// KindWikilink is the node kind of a wikilink.
var KindWikilink = ast.NewNodeKind("Wikilink")

// wikilinkNode is an inline [[target|label]]. Its number, given by
// linkNumberer, names its LinkView at render time.
type wikilinkNode struct {
	ast.BaseInline
	target, label string
	offset, end   int
	index         int
}

func (n *wikilinkNode) Kind() ast.NodeKind { return KindWikilink }

func (n *wikilinkNode) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"Target": n.target, "Label": n.label}, nil)
}

// text is what the wikilink shows when nothing replaces it.
func (n *wikilinkNode) text() string {
	if n.label != "" {
		return n.label
	}
	return n.target
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
	block.Advance(n)
	return &wikilinkNode{target: target, label: label, offset: seg.Start, end: seg.Start + n}
}

// ParseWikilink parses a wikilink at the start of b. It returns the target
// and label (both trimmed), the number of bytes consumed and whether b
// starts with a well-formed wikilink.
func ParseWikilink(b []byte) (target, label string, n int, ok bool) {
	if !bytes.HasPrefix(b, []byte("[[")) {
		return "", "", 0, false
	}
	// The inner text holds no '[' and no line break, so the search for
	// "]]" stops at the first of them: "[[[[…" costs one step per '['.
	rest := b[2:]
	if stop := bytes.IndexAny(rest, "[\n\r"); stop >= 0 {
		rest = rest[:stop]
	}
	end := bytes.Index(rest, []byte("]]"))
	if end < 0 {
		return "", "", 0, false
	}
	inner := b[2 : 2+end]
	t, l, _ := bytes.Cut(inner, []byte("|"))
	target = string(bytes.TrimSpace(t))
	label = string(bytes.TrimSpace(l))
	if target == "" {
		return "", "", 0, false
	}
	return target, label, end + 4, true
}
