package markdown

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// nodeRenderers render the nodes whose HTML depends on the render: links,
// from the LinkViews of the render in progress, and fenced code, through
// the highlighter. They replace goldmark's own renderers for these kinds.
type nodeRenderers struct{ w *htmlWriter }

func (r nodeRenderers) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindWikilink, r.wikilink)
	reg.Register(ast.KindLink, r.link)
	reg.Register(ast.KindImage, r.image)
	reg.Register(ast.KindFencedCodeBlock, r.fencedCode)
}

func (r nodeRenderers) wikilink(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*wikilinkNode)
	v := r.w.link(n.index)
	if v.Citation {
		_, _ = w.WriteString(`<sup class="cite">`)
	}
	openAnchor(w, v)
	text := v.Text
	if text == "" {
		text = n.text()
	}
	if v.Isolate {
		_, _ = w.WriteString("<bdi>")
	}
	_, _ = w.Write(util.EscapeHTML([]byte(text)))
	if v.Isolate {
		_, _ = w.WriteString("</bdi>")
	}
	_, _ = w.WriteString("</a>")
	if v.Citation {
		_, _ = w.WriteString("</sup>")
	}
	return ast.WalkSkipChildren, nil
}

// link renders a Markdown link: through its LinkView when it refers to the
// dossier, as goldmark would otherwise (dangerous URLs dropped).
func (r nodeRenderers) link(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.Link)
	if !entering {
		_, _ = w.WriteString("</a>")
		return ast.WalkContinue, nil
	}
	if i := linkNumber(n); i >= 0 {
		v := r.w.link(i)
		if v.Title == "" && n.Title != nil {
			v.Title = string(n.Title)
		}
		openAnchor(w, v)
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString(`<a href="`)
	writeURL(w, n.Destination)
	_ = w.WriteByte('"')
	if n.Title != nil {
		writeAttr(w, "title", string(n.Title))
	}
	_ = w.WriteByte('>')
	return ast.WalkContinue, nil
}

// image renders an image, putting a root-relative source under the base
// path through its LinkView.
func (r nodeRenderers) image(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.Image)
	_, _ = w.WriteString(`<img src="`)
	if i := linkNumber(n); i >= 0 {
		_, _ = w.Write(util.EscapeHTML([]byte(r.w.link(i).Href)))
	} else {
		writeURL(w, n.Destination)
	}
	_, _ = w.WriteString(`" alt="`)
	_, _ = w.Write(util.EscapeHTML(plainText(n, src)))
	_ = w.WriteByte('"')
	if n.Title != nil {
		writeAttr(w, "title", string(n.Title))
	}
	_ = w.WriteByte('>')
	return ast.WalkSkipChildren, nil
}

// fencedCode renders a fenced code block through the highlighter.
func (r nodeRenderers) fencedCode(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkSkipChildren, nil
	}
	n := node.(*ast.FencedCodeBlock)
	var code []byte
	lines := n.Lines()
	for i := range lines.Len() {
		seg := lines.At(i)
		code = append(code, seg.Value(src)...)
	}
	_, _ = w.WriteString(r.w.hl.Code(string(n.Language(src)), string(code)))
	return ast.WalkSkipChildren, nil
}

// openAnchor writes the opening <a> of a link shown as v.
func openAnchor(w util.BufWriter, v LinkView) {
	_, _ = w.WriteString("<a")
	class := v.Class
	if v.Missing {
		class = "missing"
	} else if v.Href != "" {
		writeAttr(w, "href", v.Href)
	}
	if class != "" {
		writeAttr(w, "class", class)
	}
	if v.Title != "" {
		writeAttr(w, "title", v.Title)
	}
	_ = w.WriteByte('>')
}

// writeURL writes a destination as goldmark does: percent-escaped, and
// dropped when it is a dangerous scheme.
func writeURL(w util.BufWriter, dest []byte) {
	u := util.URLEscape(dest, true)
	if !html.IsDangerousURL(u) {
		_, _ = w.Write(util.EscapeHTML(u))
	}
}

func writeAttr(w util.BufWriter, name, value string) {
	_, _ = w.WriteString(" " + name + `="`)
	_, _ = w.Write(util.EscapeHTML([]byte(value)))
	_ = w.WriteByte('"')
}
