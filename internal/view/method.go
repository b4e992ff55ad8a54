package view

import (
	"github.com/dossier-project/dossier/internal/vocab"
)

// MethodPage is /method/: the standards the dossier's pages use — the
// ICD 203 likelihood scale, marking the row this dossier writes its
// likelihoods in; the confidence levels; the Admiralty grades; and the
// TLP labels, marking those the dossier publishes.
type MethodPage struct {
	Page
	Levels []vocab.LikelihoodLevel
	// Row is the likelihood row this dossier uses, 0 when it has none.
	Row         int
	Confidence  []vocab.Confidence
	Reliability []vocab.Grade
	Credibility []vocab.Grade
	Handling    []TLPLevel
	DefaultTLP  TLP
	MaxTLP      TLP
}

// TLPLevel is one TLP label as the method page explains it.
type TLPLevel struct {
	Label, Class, Meaning string
	// Published says whether this dossier's builds publish the label.
	Published bool
}

func (b *Builder) method() View {
	v := &MethodPage{Page: b.page("method", "Method", "method/", "method"), Levels: vocab.LikelihoodLevels(),
		Row: vocab.DominantRow(b.g.Likelihoods()), Confidence: vocab.ConfidenceLevels(), Reliability: vocab.Reliabilities(),
		Credibility: vocab.Credibilities(), DefaultTLP: tlpOf(b.cfg.TLP.Value), MaxTLP: tlpOf(b.cfg.PublishMaxTLP.Value)}
	limit, _ := vocab.ParseTLP(b.cfg.PublishMaxTLP.Value)
	for _, t := range vocab.TLPLevels() {
		v.Handling = append(v.Handling, TLPLevel{Label: t.Label, Class: t.Class(), Meaning: t.Meaning, Published: t.Rank <= limit.Rank})
	}
	// The sections of method.html.
	v.TOC = []Heading{{ID: "likelihood", Text: "Likelihood"}, {ID: "confidence", Text: "Confidence"},
		{ID: "grades", Text: "Source grades"}, {ID: "handling", Text: "Handling"}}
	return View{Data: v}
}
