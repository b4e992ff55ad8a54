package build

import (
	"github.com/dossier-project/dossier/internal/config"
	"github.com/dossier-project/dossier/internal/content"
	"github.com/dossier-project/dossier/internal/diag"
	"github.com/dossier-project/dossier/internal/xref"
)

// check runs the dossier-wide checks that need the resolved graph.
func check(cfg *config.Config, g *xref.Graph, opts Options) diag.List {
	var diags diag.List
	if g.Home == nil {
		d := diag.Errorf(diag.Pos{File: content.Dir + "/_index.md"}, "missing home page")
		d.Suggestion = "create content/_index.md with a title and a bluf"
		diags.Add(d)
	}
	diags.Append(orphans(g))
	diags.Append(likelihoodRows(g))
	diags.Append(tlpGuard(cfg, g, opts.Preview))
	return diags
}

// orphans warns about pages that nothing references: a reader can reach
// them only through the lists.
func orphans(g *xref.Graph) diag.List {
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
