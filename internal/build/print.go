package build

// The print page (/print/) is the whole dossier as one document, for
// reading on paper or saving as PDF from the browser: the home page's
// bottom line, key judgments and indicators, the chronology, then every
// brief, commentary, event, actor and source in full, each under its own
// heading, with the handling label at the top and bottom as on every page.
// Its bodies are rendered after the other pages, one at a time, because a
// parsed Markdown document must not be rendered by two goroutines at once.

import (
	"html/template"

	"github.com/dossier-project/dossier/internal/content"
	"github.com/dossier-project/dossier/internal/diag"
	"github.com/dossier-project/dossier/internal/xref"
)

// printSection is one kind's pages on the print page.
type printSection struct {
	Kind  content.Kind
	Title string
	Items []printItem
}

// printItem is one page and its rendered body.
type printItem struct {
	Node    *xref.Node
	Content template.HTML
}

// printView is what the print page shows besides the usual page data.
type printView struct {
	Home     *xref.Node
	Sections []printSection
}

// printJob renders every page's body and returns the print page's job.
func (r *renderer) printJob() (job, diag.List) {
	v := &pageView{Title: "The whole dossier", Path: "print/", Section: "print", Print: &printView{Home: r.graph.Home}}
	for _, k := range []content.Kind{content.Brief, content.Commentary, content.Event, content.Actor, content.Source} {
		s := printSection{Kind: k, Title: k.Plural()}
		for _, n := range r.graph.ByKind(k) {
			html, err := r.renderBody(n)
			if err != nil {
				return job{}, diag.List{diag.Errorf(diag.Pos{File: n.Page.File}, "rendering Markdown: %v", err)}
			}
			s.Items = append(s.Items, printItem{Node: n, Content: html})
		}
		if len(s.Items) > 0 {
			v.Print.Sections = append(v.Print.Sections, s)
		}
	}
	return job{template: "print", out: "print/index.html", view: v}, nil
}

func (r *renderer) renderBody(n *xref.Node) (template.HTML, error) {
	if n.Doc == nil {
		return "", nil
	}
	return r.md.Render(n.Doc)
}
