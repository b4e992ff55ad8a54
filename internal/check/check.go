// Package check runs the dossier-wide checks, those that need every page
// resolved, in one step over the resolved graph:
//
//   - the home page exists;
//   - handling: no page is labelled above publish_max_tlp (its own tlp:,
//     or the site's default for pages without one). A publishing build
//     refuses such a page; a preview shows it with a warning. The guard
//     decides from each page's parsed label (content rejects a tlp: key
//     written in another case), and drafts left out of a build are not
//     pages of it.
//   - placeholders: text that dossier new wrote for the author to replace
//     (a brief's BLUF, a page's body) is an error in a page that a build
//     would publish, since it must not reach readers unnoticed; in a draft
//     (which only a build with -drafts includes) and in a preview it is a
//     warning, since the page is still being written;
//   - likelihoods keep to one row of the ICD 203 terms;
//   - every page but home is linked from some other page (a warning: an
//     orphan is reachable only through the lists).
//
// Checks are pure functions of the graph and the settings and return
// their diagnostics; they never change either.
package check

import (
	"fmt"

	"github.com/dossier-project/dossier/internal/config"
	"github.com/dossier-project/dossier/internal/content"
	"github.com/dossier-project/dossier/internal/diag"
	"github.com/dossier-project/dossier/internal/vocab"
	"github.com/dossier-project/dossier/internal/xref"
)

// Options says what kind of build is checked.
type Options struct {
	// Preview is dossier serve: nothing is published, so pages above the
	// handling limit are warnings.
	Preview bool
}

// Run runs every check.
func Run(cfg *config.Config, g *xref.Graph, opts Options) diag.List {
	var diags diag.List
	if g.Home == nil {
		d := diag.Errorf(diag.Pos{File: content.Dir + "/_index.md"}, "missing home page")
		d.Suggestion = "create content/_index.md with a title and a bluf"
		diags.Add(d)
	}
	diags.Append(Handling(cfg, g, opts.Preview))
	diags.Append(Placeholders(g, opts.Preview))
	diags.Append(LikelihoodRows(g))
	diags.Append(Orphans(g))
	return diags
}

// Orphans warns about pages that nothing references.
func Orphans(g *xref.Graph) diag.List {
	var diags diag.List
	for _, n := range g.Nodes {
		if len(n.ReferencedBy) == 0 {
			d := diag.Warnf(n.Page.TopPos(), "orphan page: no other page links to %s %q", n.Kind(), n.Page.Slug)
			d.Suggestion = "link it with [[" + n.Page.Slug + "]] where it is relevant"
			diags.Add(d)
		}
	}
	return diags
}

// Placeholders reports the text that dossier new wrote for the author to
// replace and that is still there: an error in a page that would be
// published, a warning in a draft or a preview.
func Placeholders(g *xref.Graph, preview bool) diag.List {
	var diags diag.List
	for _, n := range g.All() {
		for _, pos := range n.Page.Placeholders {
			d := diag.Errorf(pos, "placeholder text from dossier new is still here: the page would be published with it")
			d.Suggestion = "replace it with your own words"
			if n.Page.Meta.Draft || preview {
				d.Severity = diag.Warning
				d.Message = "placeholder text from dossier new is still here"
				d.Suggestion = "replace it with your own words before the page is published"
			}
			diags.Add(d)
		}
	}
	return diags
}

// LikelihoodRows reports a dossier whose likelihoods mix the two rows of
// the ICD 203 scale: one error, at the first likelihood of the row used
// less, naming where the dossier's row is used.
//
// The row used more is the dossier's; on a tie, the row of the first
// likelihood (vocab.DominantRow).
func LikelihoodRows(g *xref.Graph) diag.List {
	rows := g.LikelihoodRows()
	if rows[1].Count == 0 || rows[2].Count == 0 {
		return nil
	}
	row, other := 1, 2
	if rows[2].Count > rows[1].Count || rows[2].Count == rows[1].Count && rows[2].First.Pos.Compare(rows[1].First.Pos) < 0 {
		row, other = 2, 1
	}
	u, first := rows[other].First, rows[row].First
	d := diag.Errorf(u.Pos, "likelihood %q is from row %d of the ICD 203 terms, but this dossier uses row %d (%q at %s): one dossier uses one row",
		u.Term, u.Row, row, first.Term, first.Pos)
	d.Suggestion = fmt.Sprintf("write %q, the row %d term for %s", u.Level.Terms[row-1], row, u.Level.Range())
	return diag.List{d}
}

// Handling reports every page that a build would publish above
// publish_max_tlp: at the page's tlp: value, or once at dossier.yaml's
// tlp: when the site default itself is too high for the pages that use
// it. In a preview these are warnings.
func Handling(cfg *config.Config, g *xref.Graph, preview bool) diag.List {
	limit, ok := vocab.ParseTLP(cfg.PublishMaxTLP.Value)
	if !ok {
		return nil // config already reported it
	}
	var diags diag.List
	inherit := 0
	for _, n := range g.All() {
		s := n.Page.Meta.TLP
		t, ok := vocab.ParseTLP(s.Value)
		if !ok {
			inherit++
			continue
		}
		if t.Rank > limit.Rank {
			diags.Add(aboveLimit(n, t, limit, preview))
		}
	}
	if t, ok := vocab.ParseTLP(cfg.TLP.Value); ok && t.Rank > limit.Rank && inherit > 0 {
		d := diag.Errorf(diag.Pos{File: config.File, Line: int(cfg.TLP.Line), Col: int(cfg.TLP.Col)},
			"the site's default tlp is %s, above publish_max_tlp %s: the pages without their own tlp (%d) would be published", t.Label, limit.Label, inherit)
		d.Suggestion = "lower tlp in dossier.yaml if it was set too high; raise publish_max_tlp only if this site is not public"
		if preview {
			d.Severity = diag.Warning
		}
		diags.Add(d)
	}
	return diags
}

func aboveLimit(n *xref.Node, t, limit vocab.TLP, preview bool) diag.Diagnostic {
	d := diag.Errorf(n.Page.Pos(n.Page.Meta.TLP), "page is %s, above publish_max_tlp %s: it would be published", t.Label, limit.Label)
	d.Suggestion = "keep it out of this site with draft: true; raise publish_max_tlp in dossier.yaml only if the site is not public"
	if n.Page.Meta.Draft {
		d.Suggestion = "it is a draft: build without -drafts to leave it out"
	}
	if preview {
		d.Severity = diag.Warning
		d.Message = fmt.Sprintf("page is %s, above publish_max_tlp %s: shown in this preview only; a publishing build refuses it", t.Label, limit.Label)
	}
	return d
}
