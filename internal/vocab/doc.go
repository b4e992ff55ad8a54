// Package vocab is the dossier's controlled vocabulary: the words and codes
// that analysts write in front matter and that pages show, each with its
// canonical spelling and its meaning. It is the one place where these
// lists live; every other package asks it and none keeps a copy.
//
//	handling     FIRST Traffic Light Protocol 2.0 labels (TLP:CLEAR … TLP:RED)
//	likelihood   ICD 203 terms in two rows of seven levels, with probability ranges
//	confidence   low, moderate, high
//	status       an indicator's state: watching, emerging, observed, lapsed
//	grades       the Admiralty code: reliability A–F, credibility 1–6
//	actor kinds  person, country, organization, public-body, media
//	relations    how a relation type reads from either end ("leader of" / "led by")
//
// Parse functions ignore case and surrounding space and return the
// canonical spelling. The package has no internal imports and no state:
// everything is a pure function or a constant table, safe for concurrent
// use.
package vocab
