package build

// The method page (/method/) explains the standards the pages use: the
// ICD 203 likelihood scale, marking the row this dossier writes its
// likelihoods in; the confidence levels; the Admiralty grades of sources;
// and the TLP labels, marking those the dossier publishes. This file also
// holds the helpers that show those standards on pages (likelihood
// ranges, a page's sources with their grades) and the dossier-wide check
// that likelihoods keep to one row.

import (
	"fmt"
	"slices"

	"github.com/dossier-project/dossier/internal/content"
	"github.com/dossier-project/dossier/internal/diag"
	"github.com/dossier-project/dossier/internal/xref"
)

// methodJobs makes the method page.
func (r *renderer) methodJobs() []job {
	v := &pageView{Title: "Method", Path: "method/", Section: "method"}
	return []job{{template: "method", out: "method/index.html", view: v}}
}

// methodView is what the method page shows.
type methodView struct {
	Levels []content.LikelihoodLevel
	// Row is the likelihood row this dossier uses, 0 when it has none.
	Row         int
	Confidence  []labelled
	Reliability []labelled
	Credibility []labelled
	TLP         []tlpLevel
	DefaultTLP  string
	MaxTLP      string
}

// labelled is a code or term with its explanation.
type labelled struct{ Name, Text string }

func (r *renderer) method() methodView {
	v := methodView{Levels: content.LikelihoodLevels(), Row: dossierRow(likelihoods(r.graph)),
		TLP: tlpLevels(r.cfg), DefaultTLP: r.cfg.TLP.Value, MaxTLP: r.cfg.PublishMaxTLP.Value}
	v.Confidence = []labelled{
		{"low", "The information is scant, fragmented, poorly corroborated or from sources of doubtful reliability; the judgment is the best available, not a solid inference."},
		{"moderate", "The information is credibly sourced and plausible, but not corroborated or of a quality that would warrant high confidence."},
		{"high", "The judgment rests on good information from several independent sources, or the matter lends itself to a solid judgment. It is still a judgment, not a fact."},
	}
	for _, c := range "ABCDEF" {
		v.Reliability = append(v.Reliability, labelled{string(c), reliabilityLabel(string(c))})
	}
	for _, c := range "123456" {
		v.Credibility = append(v.Credibility, labelled{string(c), credibilityLabel(string(c))})
	}
	return v
}

// likelihoodRange is the probability range of an ICD 203 term, "55–80%",
// or "" for another word.
func likelihoodRange(term string) string {
	if l, ok := content.ParseLikelihood(term); ok {
		return l.Level.Range()
	}
	return ""
}

// likelihoodUse is one judgment's likelihood and where it was written.
type likelihoodUse struct {
	pos diag.Pos
	l   content.Likelihood
}

// likelihoods lists every valid likelihood of the dossier's judgments and
// key judgments in position order.
func likelihoods(g *xref.Graph) []likelihoodUse {
	var out []likelihoodUse
	for _, n := range g.All() {
		for _, j := range append(slices.Clone(n.Page.Meta.KeyJudgments), n.Page.Meta.Judgments...) {
			if l, ok := content.ParseLikelihood(j.Likelihood.Value); ok {
				out = append(out, likelihoodUse{n.Page.Pos(j.Likelihood), l})
			}
		}
	}
	slices.SortFunc(out, func(a, b likelihoodUse) int { return a.pos.Compare(b.pos) })
	return out
}

// dossierRow is the row most likelihoods use; on a tie, the row written
// first. It is 0 when there are none.
func dossierRow(uses []likelihoodUse) int {
	var count [3]int
	for _, u := range uses {
		count[u.l.Row]++
	}
	switch {
	case len(uses) == 0:
		return 0
	case count[1] > count[2]:
		return 1
	case count[2] > count[1]:
		return 2
	}
	return uses[0].l.Row
}

// likelihoodRows reports a dossier whose likelihoods mix the two rows of
// the ICD 203 scale: one error, at the first likelihood of the row used
// less, naming where the dossier's row is used.
func likelihoodRows(g *xref.Graph) diag.List {
	uses := likelihoods(g)
	row := dossierRow(uses)
	odd := slices.IndexFunc(uses, func(u likelihoodUse) bool { return u.l.Row != row })
	if odd < 0 {
		return nil
	}
	first := uses[slices.IndexFunc(uses, func(u likelihoodUse) bool { return u.l.Row == row })]
	u := uses[odd]
	d := diag.Errorf(u.pos, "likelihood %q is from row %d of the ICD 203 terms, but this dossier uses row %d (%q at %s): one dossier uses one row",
		u.l.Term, u.l.Row, row, first.l.Term, first.pos)
	d.Suggestion = fmt.Sprintf("write %q, the row %d term for %s", u.l.Level.Terms[row-1], row, u.l.Level.Range())
	return diag.List{d}
}

// citedSource is one source a page cites, with the citations it makes of
// it: paragraphs, or the whole source.
type citedSource struct {
	Source *xref.Node
	Cites  []xref.Citation
}

// sourceList groups every citation a page makes, in front matter and
// body, by source, in the order each source is first cited; paragraphs
// are in ascending order.
func sourceList(n *xref.Node) []citedSource {
	var out []citedSource
	for _, c := range n.AllCitations() {
		i := slices.IndexFunc(out, func(s citedSource) bool { return s.Source == c.Source })
		if i < 0 {
			out = append(out, citedSource{Source: c.Source})
			i = len(out) - 1
		}
		out[i].Cites = append(out[i].Cites, c)
	}
	for _, s := range out {
		slices.SortStableFunc(s.Cites, func(a, b xref.Citation) int { return a.Paragraph - b.Paragraph })
	}
	return out
}

// Shown are the citations worth listing: of a paragraph, or with their own
// credibility.
func (s citedSource) Shown() []xref.Citation {
	var out []xref.Citation
	for _, c := range s.Cites {
		if c.Paragraph > 0 || c.Credibility != "" {
			out = append(out, c)
		}
	}
	return out
}
