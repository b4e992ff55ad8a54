package content

import (
	"strings"

	"github.com/dossier-project/dossier/internal/diag"
	"github.com/dossier-project/dossier/internal/vocab"
	"github.com/dossier-project/dossier/internal/yamlfile"
)

// The analytic vocabulary. Front-matter values with a fixed vocabulary
// are checked when a page is parsed, at the exact position of the value,
// with a "did you mean" where one is close. Case does not matter; a valid
// value is rewritten in its canonical spelling ("Likely" -> "likely",
// "tlp:amber" -> "TLP:AMBER"), so templates and later checks see one form.
//
//	tlp                 TLP:CLEAR, TLP:GREEN, TLP:AMBER, TLP:AMBER+STRICT, TLP:RED (FIRST TLP 2.0)
//	likelihood          an ICD 203 term (see vocab.LikelihoodLevels); one dossier uses one row,
//	                    which package build checks across pages
//	confidence          low, moderate, high (judgments and commentary)
//	status              watching, emerging, observed, lapsed (indicators)
//	reliability         A–F (Admiralty code; sources)
//	credibility         1–6 (Admiralty code; sources and citations)
//
// Judgment text is also read for vague words ("could", "may", "possibly",
// "might"), which hide the likelihood the likelihood: key should state, and
// key judgments without sources are flagged: both are warnings.

// validate checks p's front-matter values; src is the file, keys are its
// top-level keys.
func (p *Page) validate(src []byte, keys []yamlfile.Key) diag.List {
	diags := p.parseDates(keys)
	m := &p.Meta
	if !m.TLP.IsZero() {
		diags.Append(CheckTLP(p.File, "tlp", &m.TLP))
	}
	diags.Append(p.checkWord(&m.Confidence, "confidence", vocab.ConfidenceNames()))
	diags.Append(p.checkJudgments(src, m.KeyJudgments, true))
	diags.Append(p.checkJudgments(src, m.Judgments, false))
	for i := range m.Indicators {
		in := &m.Indicators[i]
		diags.Append(p.checkWord(&in.Status, "indicator status", vocab.IndicatorStatuses()))
		diags.Append(p.checkCites(in.Sources))
	}
	diags.Append(p.checkReliability(&m.Reliability))
	diags.Append(p.checkCredibility(&m.Credibility))
	diags.Append(p.checkCites(m.Sources))
	for _, r := range m.Relations {
		diags.Append(p.checkCites(r.Sources))
	}
	diags.Append(p.checkBidi(keys))
	diags.Append(p.checkWebURLs(keys))
	return diags
}

// checkJudgments checks likelihood and confidence, the text's wording and,
// for key judgments, that each has sources.
func (p *Page) checkJudgments(src []byte, js []Judgment, key bool) diag.List {
	what := "judgment"
	if key {
		what = "key judgment"
	}
	var diags diag.List
	for i := range js {
		j := &js[i]
		diags.Append(p.checkLikelihood(&j.Likelihood))
		diags.Append(p.checkWord(&j.Confidence, "confidence", vocab.ConfidenceNames()))
		diags.Append(p.checkCites(j.Sources))
		diags.Append(p.vagueWords(src, what, j.Text))
		if key && len(j.Sources) == 0 {
			pos := p.Pos(j.Text.Scalar)
			if j.Text.IsZero() {
				pos = p.Pos(j.Likelihood)
			}
			d := diag.Warnf(pos, "key judgment has no sources: a reader cannot check it")
			d.Suggestion = "add sources: [source#pN] to the judgment"
			diags.Add(d)
		}
	}
	return diags
}

// vagueWords warns about each vague word in a judgment's text, at the
// word when its column can be confirmed in the file (a one-line value
// without escapes), otherwise at the start of the text. src is the file.
func (p *Page) vagueWords(src []byte, what string, text Prose) diag.List {
	var diags diag.List
	for _, w := range findWords(text.Value, []string{"could", "may", "possibly", "might"}) {
		word := text.Value[w : w+wordLen(text.Value[w:])]
		if word == "May" && monthFollows(text.Value[w+3:]) {
			continue // the month: "in May 2025"
		}
		d := diag.Warnf(p.textPos(src, text.Scalar, w, word), "%s uses the vague word %q", what, word)
		d.Suggestion = "state the judgment plainly and let likelihood: say how likely it is"
		diags.Add(d)
	}
	return diags
}

// textPos is the position of word at byte offset i of s's value: exact
// when the file, src, has word at that column of the scalar's line,
// otherwise the scalar's own position.
func (p *Page) textPos(src []byte, s Scalar, i int, word string) diag.Pos {
	col := s.ColAt(i)
	off := p.Lines.Offset(int(s.Line), col)
	if off+len(word) <= len(src) && string(src[off:off+len(word)]) == word {
		return diag.Pos{File: p.File, Line: int(s.Line), Col: col}
	}
	return p.Pos(s)
}

// findWords returns the byte offsets in text of each whole-word,
// case-insensitive occurrence of any of words (which are lower-case
// ASCII).
func findWords(text string, words []string) []int {
	var out []int
	for i := 0; i < len(text); {
		n := wordLen(text[i:])
		if n == 0 {
			i++
			continue
		}
		for _, w := range words {
			if strings.EqualFold(text[i:i+n], w) {
				out = append(out, i)
			}
		}
		i += n
	}
	return out
}

// wordLen is the length of the run of ASCII letters at the start of s.
// Non-ASCII bytes count as letters so that words such as "mayoral" or
// "Mayß" are never split into a vague word.
func wordLen(s string) int {
	n := 0
	for n < len(s) && (isLetter(s[n]) || s[n] >= 0x80) {
		n++
	}
	return n
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// monthFollows reports whether rest (the text after "May") continues
// with a day or year: " 2025", " 9".
func monthFollows(rest string) bool {
	return len(rest) >= 2 && rest[0] == ' ' && rest[1] >= '0' && rest[1] <= '9'
}
