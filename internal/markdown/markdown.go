// Package markdown turns a page's Markdown into HTML through one shared
// goldmark instance.
//
// The instance has GFM (tables, strikethrough, autolinks, task lists),
// footnotes, the typographer, automatic heading IDs and chroma syntax
// highlighting that emits CSS classes (see Stylesheet). Raw HTML in
// Markdown is not passed through: it renders as an HTML comment.
//
// Rendering is split in two so that references can be resolved across the
// whole dossier between the steps:
//
//  1. Parse returns a Doc: the syntax tree plus what the rest of the build
//     needs to know about the page: its headings (anchor IDs), its
//     numbered paragraphs' text, every wikilink and relative Markdown link
//     with its byte offset, and its plain text.
//  2. The caller (package xref) resolves each Link by setting its Dest,
//     Label, Class, Title and Missing fields.
//  3. Render writes the tree as HTML, wikilinks and rewritten links
//     included.
//
// Wikilinks are [[target]], [[target|label]], [[kind/slug]] and
// [[target#anchor]] (see wikilink.go). Source pages number their top-level
// paragraphs #p1, #p2, ... (see paragraphs.go).
//
// A Renderer is safe for concurrent use; a Doc belongs to one goroutine.
package markdown

import (
	"bytes"
	"html/template"

	"github.com/yuin/goldmark"
	highlighting "github.com/yuin/goldmark-highlighting/v2"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
)

// Renderer holds the shared goldmark instance.
type Renderer struct {
	md goldmark.Markdown
}

// New returns a Renderer with the dossier's Markdown dialect.
func New() *Renderer {
	md := goldmark.New(
		goldmark.WithExtensions(
			extension.GFM,
			extension.Footnote,
			extension.Typographer,
			highlighting.NewHighlighting(
				highlighting.WithFormatOptions(chromahtml.WithClasses(true)),
				highlighting.WithGuessLanguage(false),
			),
		),
		goldmark.WithParserOptions(
			parser.WithAutoHeadingID(),
			parser.WithInlineParsers(util.Prioritized(wikilinkParser{}, 199)),
			parser.WithASTTransformers(util.Prioritized(paragraphNumberer{}, 100)),
		),
		goldmark.WithRendererOptions(),
	)
	md.Renderer().AddOptions(rendererOptions()...)
	return &Renderer{md: md}
}

// Options controls parsing of one page.
type Options struct {
	// NumberParagraphs gives top-level paragraphs the IDs p1, p2, ...
	NumberParagraphs bool
}

// Parse parses src into a Doc.
func (r *Renderer) Parse(src []byte, opts Options) *Doc {
	ctx := parser.NewContext()
	ctx.Set(numberKey, opts.NumberParagraphs)
	root := r.md.Parser().Parse(text.NewReader(src), parser.WithContext(ctx))
	doc := &Doc{src: src, root: root}
	doc.collect()
	return doc
}

// Render writes doc as HTML. Call it after the doc's links are resolved.
func (r *Renderer) Render(doc *Doc) (template.HTML, error) {
	doc.applyMarkdownLinks()
	var buf bytes.Buffer
	if err := r.md.Renderer().Render(&buf, doc.src, doc.root); err != nil {
		return "", err
	}
	return template.HTML(buf.String()), nil
}

// Root returns the doc's syntax tree, for inspection in tests.
func (d *Doc) Root() ast.Node { return d.root }
