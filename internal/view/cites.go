package view

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/dossier-project/dossier/internal/content"
	"github.com/dossier-project/dossier/internal/markdown"
	"github.com/dossier-project/dossier/internal/vocab"
	"github.com/dossier-project/dossier/internal/xref"
)

// citeGroup is the citations of one source with one credibility.
type citeGroup struct {
	src   *xref.Node
	cred  string
	paras []int
}

// groupCites groups citations by source (and by the credibility a
// citation gives its claim), in the order each source is first cited,
// paragraphs sorted. A whole-source citation adds nothing to a group that
// cites paragraphs.
func groupCites(graph *xref.Graph, cs []xref.Citation) []*citeGroup {
	var groups []*citeGroup
	for _, c := range cs {
		src := graph.Source(c)
		i := slices.IndexFunc(groups, func(g *citeGroup) bool { return g.src == src && g.cred == c.Credibility })
		if i < 0 {
			groups = append(groups, &citeGroup{src: src, cred: c.Credibility})
			i = len(groups) - 1
		}
		if c.Paragraph > 0 && !slices.Contains(groups[i].paras, c.Paragraph) {
			groups[i].paras = append(groups[i].paras, c.Paragraph)
		}
	}
	for _, g := range groups {
		slices.Sort(g.paras)
	}
	return groups
}

// cites makes one marker per group of citations.
func (b *Builder) cites(cs []xref.Citation) []*Cite {
	groups := groupCites(b.g, cs)
	out := make([]*Cite, len(groups))
	for i, g := range groups {
		out[i] = b.cite(g.src, g.cred, g.paras)
	}
	return out
}

// citeKey names a marker: its source, the credibility given and the
// paragraphs.
type citeKey struct {
	src   *xref.Node
	cred  string
	paras string
}

// cite is one marker: the paragraphs of src (none: the whole source),
// made once and shared while a view holds it (see weakMemo): most
// citations of a dossier are of paragraphs one page cites, so a memo that
// held every marker would hold them to the end of the build.
func (b *Builder) cite(src *xref.Node, cred string, paras []int) *Cite {
	return b.citeMemo.get(citeKey{src: src, cred: cred, paras: parasKey(paras)}, func() *Cite {
		c := b.newCite(src, cred, paras)
		b.h.sealCite(c)
		return c
	})
}

// parasKey writes paragraph numbers as a string key.
func parasKey(paras []int) string {
	b := make([]byte, 0, 4*len(paras))
	for _, p := range paras {
		b = strconv.AppendInt(b, int64(p), 10)
		b = append(b, ',')
	}
	return string(b)
}

func (b *Builder) newCite(src *xref.Node, cred string, paras []int) *Cite {
	m := src.Page.Meta
	if cred == "" {
		cred = m.Credibility.Value
	}
	c := &Cite{Grade: vocab.Admiralty(m.Reliability.Value, cred), Href: b.base.Path(src.URL), src: depKey(src)}
	what := "the whole source"
	if len(paras) == 0 {
		c.Label = shortLabel(src)
	} else {
		runs := runsOf(paras)
		for i, r := range runs {
			text := r.text()
			if i == 0 {
				text = "¶" + text
			}
			c.Runs = append(c.Runs, Run{Text: text, Href: c.Href + "#" + markdown.ParagraphID(r.from)})
		}
		what = describeRuns(runs)
	}
	c.Title = content.Isolate(src.Title()) + ", " + what
	if c.Grade != "" {
		c.Title += ", graded " + c.Grade + gradeWords(m.Reliability.Value, cred)
	}
	return c
}

// shortLabel names a source briefly: its short_title, else its
// publisher, else its title. Never its slug.
func shortLabel(src *xref.Node) string {
	m := src.Page.Meta
	switch {
	case m.ShortTitle != "":
		return m.ShortTitle
	case m.Publisher != "":
		return m.Publisher
	}
	return src.Title()
}

// gradeWords explains a grade: " (usually reliable; probably true)".
func gradeWords(reliability, credibility string) string {
	r, okR := vocab.ParseReliability(reliability)
	c, okC := vocab.ParseCredibility(credibility)
	if !okR || !okC {
		return ""
	}
	return " (" + r.Meaning + "; " + c.Meaning + ")"
}

// run is consecutive paragraphs from..to.
type run struct{ from, to int }

func (r run) text() string {
	if r.from == r.to {
		return strconv.Itoa(r.from)
	}
	return strconv.Itoa(r.from) + "–" + strconv.Itoa(r.to)
}

// runsOf collapses sorted, distinct paragraph numbers into runs.
func runsOf(paras []int) []run {
	var out []run
	for _, p := range paras {
		if n := len(out); n > 0 && out[n-1].to == p-1 {
			out[n-1].to = p
			continue
		}
		out = append(out, run{p, p})
	}
	return out
}

// describeRuns reads runs in words: "paragraphs 1–4 and 6–8".
func describeRuns(runs []run) string {
	parts := make([]string, len(runs))
	for i, r := range runs {
		parts[i] = r.text()
	}
	word := "paragraphs "
	if len(runs) == 1 && runs[0].from == runs[0].to {
		word = "paragraph "
	}
	if len(parts) == 1 {
		return word + parts[0]
	}
	return word + strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
}

// linkViews decides how each link of n's body shows.
func (b *Builder) linkViews(n *xref.Node) []markdown.LinkView {
	out := make([]markdown.LinkView, len(n.Links))
	for i, t := range n.Links {
		l := n.Doc.Links[i]
		switch {
		case t.Missing != "":
			out[i] = markdown.LinkView{Missing: true, Title: "missing: " + t.Missing}
		case n.LinkedPage(t) == nil:
			out[i] = markdown.LinkView{Href: b.base.Path(t.Path)}
		case t.Paragraph > 0:
			out[i] = b.citationMark(n.LinkedPage(t), t.Paragraph)
		default:
			out[i] = b.pageLink(n.LinkedPage(t), t.Anchor, l)
		}
		if l.Kind == markdown.Wiki {
			out[i].Isolate = content.HasBidi(cmp.Or(out[i].Text, l.Label, l.Target))
		}
	}
	return out
}

// citationMark is an inline citation of one paragraph: "¶4 · F3".
func (b *Builder) citationMark(src *xref.Node, para int) markdown.LinkView {
	c := b.cite(src, "", []int{para})
	text := c.Runs[0].Text
	if c.Grade != "" {
		text += " · " + c.Grade
	}
	return markdown.LinkView{Citation: true, Href: c.Runs[0].Href, Text: text, Class: "cite-mark", Title: c.Title}
}

// pageLink is a link to a page, maybe to an anchor on it.
func (b *Builder) pageLink(to *xref.Node, anchor string, l markdown.Link) markdown.LinkView {
	v := markdown.LinkView{Href: b.base.Path(to.URL)}
	if anchor != "" {
		v.Href += "#" + anchor
	}
	if l.Kind == markdown.Wiki {
		v.Class = "wl wl-" + string(to.Kind())
		v.Title = fmt.Sprintf("%s: %s", to.Kind(), content.Isolate(to.Title()))
		if l.Label == "" {
			v.Text = to.Title()
		}
	}
	return v
}

// judgments shows judgments with their likelihood ranges.
func (b *Builder) judgments(js []xref.Judgment) []Judgment {
	var out []Judgment
	for _, j := range js {
		v := Judgment{Text: j.Text.Value, Likelihood: j.Likelihood.Value, Confidence: j.Confidence.Value, Cites: b.cites(j.Cites)}
		if l, ok := vocab.ParseLikelihood(j.Likelihood.Value); ok {
			v.Range = l.Level.Range()
		}
		out = append(out, v)
	}
	return out
}

func (b *Builder) indicators(is []xref.Indicator) []Indicator {
	var out []Indicator
	for _, i := range is {
		out = append(out, Indicator{Text: i.Text, Status: i.Status.Value, Cites: b.cites(i.Cites)})
	}
	return out
}

// sourceRefs lists every source n cites, with its grade and the parts
// cited, in the order first cited.
func (b *Builder) sourceRefs(n *xref.Node) []SourceRef {
	var out []SourceRef
	index := map[*xref.Node]int{}
	for _, g := range groupCites(b.g, n.AllCitations()) {
		i, ok := index[g.src]
		if !ok {
			m := g.src.Page.Meta
			r, _ := vocab.ParseReliability(m.Reliability.Value)
			cr, _ := vocab.ParseCredibility(m.Credibility.Value)
			i = len(out)
			index[g.src] = i
			out = append(out, SourceRef{Card: b.card(g.src), Reliability: r.Meaning, Credibility: cr.Meaning})
		}
		c := b.cite(g.src, g.cred, g.paras)
		out[i].Cites = append(out[i].Cites, c)
		out[i].Partial = out[i].Partial || len(g.paras) > 0 || g.cred != ""
	}
	return out
}

// depKey names a page as a dependency: "kind/slug".
func depKey(n *xref.Node) string { return string(n.Kind()) + "/" + n.Slug() }

// linkTargets lists the pages n's body links show.
func linkTargets(n *xref.Node) []string {
	var out []string
	for _, t := range n.Links {
		if to := n.LinkedPage(t); to != nil {
			out = append(out, depKey(to))
		}
	}
	return out
}
