package build

// Handling. Every page carries a Traffic Light Protocol 2.0 label: its own
// tlp:, or the site's default from dossier.yaml. A built site is meant to
// be published, so every build that can publish (dossier build and check,
// with or without -drafts) refuses a page whose label is above
// publish_max_tlp (default TLP:CLEAR): the build fails, Generate returns
// no files and the site on disk is left as it was. The preview (serve,
// Options.Preview) writes nothing to disk and serves on loopback by
// default, so there the same finding is a warning: an analyst can read an
// AMBER draft locally. Drafts left out of a build are not checked. Labels are validated and normalised when pages
// and dossier.yaml are read (content.CheckTLP).

import (
	"fmt"

	"github.com/dossier-project/dossier/internal/config"
	"github.com/dossier-project/dossier/internal/content"
	"github.com/dossier-project/dossier/internal/diag"
	"github.com/dossier-project/dossier/internal/xref"
)

// tlpGuard reports every page that a build would publish above
// publish_max_tlp: at the page's tlp: value, or once at dossier.yaml's
// tlp: when the site default itself is too high for the pages that use it.
func tlpGuard(cfg *config.Config, g *xref.Graph, preview bool) diag.List {
	limit, maxRank, ok := content.ParseTLP(cfg.PublishMaxTLP.Value)
	if !ok {
		return nil // config already reported it
	}
	var diags diag.List
	inherit := 0
	for _, n := range g.All() {
		s := n.Page.Meta.TLP
		if s.Value == "" {
			inherit++
			continue
		}
		if label, rank, ok := content.ParseTLP(s.Value); ok && rank > maxRank {
			d := diag.Errorf(n.Page.Pos(s), "page is %s, above publish_max_tlp %s: it would be published", label, limit)
			d.Suggestion = "mark it draft: true, or raise publish_max_tlp in dossier.yaml"
			if n.Page.Meta.Draft {
				d.Suggestion = "it is a draft: build without -drafts to leave it out"
			}
			if preview {
				d.Severity = diag.Warning
				d.Message = fmt.Sprintf("page is %s, above publish_max_tlp %s: shown in this preview only; a publishing build refuses it", label, limit)
			}
			diags.Add(d)
		}
	}
	if label, rank, ok := content.ParseTLP(cfg.TLP.Value); ok && rank > maxRank && inherit > 0 {
		pos := diag.Pos{File: config.File, Line: cfg.TLP.Line, Col: cfg.TLP.Col}
		d := diag.Errorf(pos, "the site's default tlp is %s, above publish_max_tlp %s: the pages without their own tlp (%d) would be published", label, limit, inherit)
		d.Suggestion = "lower tlp or raise publish_max_tlp in dossier.yaml"
		if preview {
			d.Severity = diag.Warning
		}
		diags.Add(d)
	}
	return diags
}

// tlpLevel is one TLP label as the method page explains it.
type tlpLevel struct {
	Label, Class, Meaning string
	// Published says whether this dossier's builds publish the label.
	Published bool
}

// tlpLevels explains the TLP 2.0 labels (after FIRST's definitions) and
// marks those at or below publish_max_tlp.
func tlpLevels(cfg *config.Config) []tlpLevel {
	meanings := []string{
		"Disclosure is not limited: recipients may share it with the world.",
		"Limited disclosure: recipients may share it within their community, not publicly.",
		"Limited disclosure: recipients may share it on a need-to-know basis within their organization and its clients.",
		"Limited disclosure: recipients may share it on a need-to-know basis within their organization only.",
		"For the eyes and ears of the individual recipients only, no further disclosure.",
	}
	_, maxRank, _ := content.ParseTLP(cfg.PublishMaxTLP.Value)
	var out []tlpLevel
	for i, label := range content.TLPLevels() {
		out = append(out, tlpLevel{Label: label, Class: tlpClass(label), Meaning: meanings[i], Published: i <= maxRank})
	}
	return out
}
