// Package markdown turns a page's Markdown into HTML through one shared
// goldmark dialect: GFM (tables, strikethrough, autolinks, task lists),
// footnotes, the typographer, automatic heading IDs, wikilinks and code
// highlighting with CSS classes through a highlight.Highlighter (and so
// through its caches). Raw HTML in Markdown is not passed through: it
// renders as an HTML comment, and links and images with javascript:,
// vbscript:, file: or data: URLs (but raster data: images) lose them.
//
// # Parse, resolve, render
//
// Parse returns a Doc: what the rest of the build needs to know about a
// page, found in one walk of the syntax tree: its headings (anchor IDs),
// its numbered paragraphs' text (on sources), every link that refers to
// the dossier — wikilinks, relative Markdown links to content files and
// root-relative links — with its byte offset and the quotation it follows,
// and its plain text. A Doc is immutable once Parse returns; it holds no
// syntax tree.
//
// The caller (package xref) resolves each Link into its own table; the
// Doc is never written to. Render then takes the Doc and one LinkView per
// link — the href, text, class and title decided for it at render time —
// and writes HTML. Render parses the source again for each call (the
// parse is a fraction of the render's cost) and so never shares a tree
// between goroutines: a Renderer and every Doc are safe for concurrent
// use, and rendering the same Doc with the same LinkViews always gives
// the same bytes.
//
// Wikilinks are [[target]], [[target|label]], [[kind/slug]] and
// [[target#anchor]] (see wikilink.go). Source pages number their top-level
// paragraphs #p1, #p2, ... (see paragraphs.go).
//
// Every function here is linear in the size of its input: the quotation
// before a link is found by looking back at most quoteLookback bytes.
package markdown

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"sync"

	"github.com/dossier-project/dossier/internal/highlight"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Renderer parses and renders the dossier's Markdown dialect.
type Renderer struct {
	parser parser.Parser
	hl     *highlight.Highlighter
	pool   sync.Pool // of *htmlWriter
}

// New returns a Renderer that highlights code through hl.
func New(hl *highlight.Highlighter) *Renderer {
	r := &Renderer{hl: hl}
	r.parser = newMarkdown(nil).Parser()
	r.pool.New = func() any {
		w := &htmlWriter{}
		w.md = newMarkdown(w)
		return w
	}
	return r
}

// newMarkdown builds the dialect. Its renderer's own node renderers read
// the links of the render in progress from w (nil for a parse-only
// instance).
func newMarkdown(w *htmlWriter) goldmark.Markdown {
	md := goldmark.New(
		goldmark.WithExtensions(extension.GFM, extension.Footnote, extension.Typographer),
		goldmark.WithParserOptions(
			parser.WithAutoHeadingID(),
			parser.WithInlineParsers(util.Prioritized(wikilinkParser{}, 199)),
			parser.WithASTTransformers(
				util.Prioritized(paragraphNumberer{}, 100),
				util.Prioritized(linkNumberer{}, 0),
			),
		),
	)
	if w != nil {
		md.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(nodeRenderers{w}, 100)))
	}
	return md
}

// Options controls parsing of one page.
type Options struct {
	// NumberParagraphs gives top-level paragraphs the IDs p1, p2, ...
	NumberParagraphs bool
	// ReservedIDs are IDs the page uses outside its body (its template's
	// sections): headings get other IDs.
	ReservedIDs []string
}

// Parse parses src into a Doc.
func (r *Renderer) Parse(src []byte, opts Options) *Doc {
	doc := &Doc{src: src, opts: opts, Hash: docHash(src, opts)}
	doc.collect(r.parse(src, opts), src)
	return doc
}

func (r *Renderer) parse(src []byte, opts Options) ast.Node {
	ctx := parser.NewContext(parser.WithIDs(newHeadingIDs(opts.ReservedIDs, opts.NumberParagraphs)))
	ctx.Set(numberKey, opts.NumberParagraphs)
	return r.parser.Parse(text.NewReader(src), parser.WithContext(ctx))
}

// docHash identifies a parse: the source and the options.
func docHash(src []byte, opts Options) [sha256.Size]byte {
	h := sha256.New()
	fmt.Fprintf(h, "%v %q\n", opts.NumberParagraphs, opts.ReservedIDs)
	h.Write(src)
	return [sha256.Size]byte(h.Sum(nil))
}

// Render writes doc as HTML to out. links holds one LinkView per link of
// doc.Links, in order; a link without a view (a short slice) renders as
// missing.
func (r *Renderer) Render(out io.Writer, doc *Doc, links []LinkView) error {
	src, err := doc.source()
	if err != nil {
		return err
	}
	root := r.parse(src, doc.opts)
	w := r.pool.Get().(*htmlWriter)
	defer r.pool.Put(w)
	w.links, w.hl = links, r.hl
	defer func() { w.links = nil }()
	return w.md.Renderer().Render(out, src, root)
}

// Aside is where a Doc set aside gets its Markdown and its plain text
// back: the very bytes it was parsed from, and the text it found.
type Aside interface {
	Markdown() ([]byte, error)
	Text() ([]byte, error)
}

// SetAside returns a copy of doc that holds neither its Markdown nor its
// text: Render, Text and Unlinked get them from aside. A build that keeps
// every page's parse to its end thus need not keep every page's source
// and text in memory. The Markdown is checked against doc's hash when it
// comes back.
func (doc *Doc) SetAside(aside Aside) *Doc {
	d := *doc
	d.src, d.text, d.aside = nil, "", aside
	return &d
}

// source is doc's Markdown.
func (doc *Doc) source() ([]byte, error) {
	if doc.aside == nil {
		return doc.src, nil
	}
	src, err := doc.aside.Markdown()
	if err == nil && docHash(src, doc.opts) != doc.Hash {
		err = errors.New("the Markdown set aside to be rendered came back changed")
	}
	return src, err
}

// htmlWriter is one pooled goldmark instance and the render it serves.
type htmlWriter struct {
	md    goldmark.Markdown
	links []LinkView
	hl    *highlight.Highlighter
}

// link returns the view of link i.
func (w *htmlWriter) link(i int) LinkView {
	if i < 0 || i >= len(w.links) {
		return LinkView{Missing: true, Title: "missing: unresolved link"}
	}
	return w.links[i]
}
