package xref

import (
	"strings"

	"github.com/dossier-project/dossier/internal/content"
	"github.com/dossier-project/dossier/internal/diag"
)

// quotes checks that a quotation followed by a paragraph citation appears
// in that paragraph. Only the home page, briefs and commentary are
// checked: they are where analysts quote sources. A citation "supports"
// the quotation that ends right before it (closing quote, then optional
// punctuation and space; see markdown.Link.Quote).
func (r *resolver) quotes(n *Node) {
	if k := n.Kind(); k != content.Brief && k != content.Commentary && k != content.Home {
		return
	}
	for i, l := range n.Doc.Links {
		t := n.Links[i]
		if l.Quote == "" || t.Paragraph == 0 {
			continue
		}
		if r.fold.r == nil {
			r.fold = newFolder()
		}
		src := n.LinkedPage(t)
		if !strings.Contains(r.paragraph(src, t.Paragraph), r.fold.normalize(l.Quote)) {
			d := diag.Errorf(n.Page.BodyPos(int(l.Offset)+2), "quotation %q is not in %s paragraph %d", shorten(l.Quote), src.Page.Slug, t.Paragraph)
			d.Suggestion = "quote the paragraph exactly, or cite the paragraph that says it"
			r.diags.Add(d)
		}
	}
}

// paragraph returns paragraph i (1-based) of src, normalised, from the
// worker's cache: a source's paragraphs are cited by many pages.
func (r *resolver) paragraph(src *Node, i int) string {
	k := paraKey{src, i}
	p, ok := r.paras[k]
	if !ok {
		if r.paras == nil {
			r.paras = map[paraKey]string{}
		}
		p = r.fold.normalize(src.Doc.Paragraphs[i-1])
		r.paras[k] = p
	}
	return p
}

type paraKey struct {
	src *Node
	i   int
}

// folder folds quote styles, dashes, case and whitespace so that a
// quotation matches its source despite typography.
type folder struct{ r *strings.Replacer }

func newFolder() folder {
	return folder{strings.NewReplacer("“", "\"", "”", "\"", "‘", "'", "’", "'", "–", "-", "—", "-", "…", "...")}
}

func (f folder) normalize(s string) string {
	s = f.r.Replace(strings.ToLower(s))
	s = strings.Trim(s, "\"' .,;:")
	return strings.Join(strings.Fields(s), " ")
}

func shorten(s string) string {
	if r := []rune(s); len(r) > 60 {
		return string(r[:57]) + "..."
	}
	return s
}
