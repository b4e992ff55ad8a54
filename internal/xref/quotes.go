package xref

import (
	"strings"
	"unicode"

	"github.com/dossier-project/dossier/internal/content"
	"github.com/dossier-project/dossier/internal/diag"
)

// quotes checks that a quotation followed by a paragraph citation appears
// in that paragraph. Only briefs and commentary are checked: they are
// where analysts quote sources. A citation "supports" the quotation that
// ends right before it (closing quote, then optional punctuation and
// space).
func (r *resolver) quotes(g *Graph) {
	for _, n := range g.All() {
		if n.Doc == nil || (n.Kind() != content.Brief && n.Kind() != content.Commentary && n.Kind() != content.Home) {
			continue
		}
		for _, l := range n.Doc.Links {
			if !l.Citation || l.Missing {
				continue
			}
			quote, ok := trailingQuote(l.Before)
			if !ok {
				continue
			}
			c := n.bodyCiteFor(l.Dest)
			if c == nil || c.Source.Doc == nil {
				continue
			}
			para := c.Source.Doc.Paragraphs[c.Paragraph-1]
			if !strings.Contains(normalize(para), normalize(quote)) {
				d := diag.Errorf(n.Page.BodyPos(l.Offset+2), "quotation %q is not in %s paragraph %d", shorten(quote), c.Source.Page.Slug, c.Paragraph)
				d.Suggestion = "quote the paragraph exactly, or cite the paragraph that says it"
				r.diags.Add(d)
			}
		}
	}
}

func (n *Node) bodyCiteFor(dest string) *Citation {
	for i, c := range n.bodyCites {
		if c.Paragraph > 0 && strings.HasSuffix(dest, c.Source.URL+"#"+c.Anchor()) {
			return &n.bodyCites[i]
		}
	}
	return nil
}

// trailingQuote returns the quotation that text ends with, if any.
func trailingQuote(text string) (string, bool) {
	t := strings.TrimRightFunc(text, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(".,;:(", r)
	})
	if !strings.HasSuffix(t, "”") && !strings.HasSuffix(t, "\"") {
		return "", false
	}
	closeQ := "”"
	if strings.HasSuffix(t, "\"") {
		closeQ = "\""
	}
	body := strings.TrimSuffix(t, closeQ)
	open := max(strings.LastIndex(body, "“"), strings.LastIndex(body, "\""))
	if open < 0 {
		return "", false
	}
	_, size := firstRune(body[open:])
	return body[open+size:], true
}

func firstRune(s string) (rune, int) {
	for _, r := range s {
		return r, len(string(r))
	}
	return 0, 0
}

// normalize folds quote styles, dashes, case and whitespace so that a
// quotation matches its source despite typography.
func normalize(s string) string {
	r := strings.NewReplacer("“", "\"", "”", "\"", "‘", "'", "’", "'", "–", "-", "—", "-", "…", "...")
	s = r.Replace(strings.ToLower(s))
	s = strings.Trim(s, "\"' .,;:")
	return strings.Join(strings.Fields(s), " ")
}

func shorten(s string) string {
	if r := []rune(s); len(r) > 60 {
		return string(r[:57]) + "..."
	}
	return s
}
