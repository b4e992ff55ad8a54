package content

import (
	"fmt"
	"strings"

	"github.com/dossier-project/dossier/internal/diag"
)

// LikelihoodLevel is one of the seven levels of the ICD 203 likelihood
// scale: its term in each of the two rows and its probability range in
// percent.
type LikelihoodLevel struct {
	Terms     [2]string // row 1, row 2
	Low, High int
}

// Range formats the level's probability range: "55–80%".
func (l LikelihoodLevel) Range() string { return fmt.Sprintf("%02d–%02d%%", l.Low, l.High) }

// LikelihoodLevels returns the ICD 203 likelihood scale, least likely
// first. A dossier writes its likelihoods with the terms of one row.
func LikelihoodLevels() []LikelihoodLevel {
	return []LikelihoodLevel{
		{[2]string{"almost no chance", "remote"}, 1, 5},
		{[2]string{"very unlikely", "highly improbable"}, 5, 20},
		{[2]string{"unlikely", "improbable"}, 20, 45},
		{[2]string{"roughly even chance", "roughly even odds"}, 45, 55},
		{[2]string{"likely", "probable"}, 55, 80},
		{[2]string{"very likely", "highly probable"}, 80, 95},
		{[2]string{"almost certain", "nearly certain"}, 95, 99},
	}
}

// Likelihood is an ICD 203 term with its row (1 or 2) and level.
type Likelihood struct {
	Term  string
	Row   int
	Level LikelihoodLevel
}

// ParseLikelihood looks up an ICD 203 term, ignoring case and extra
// spaces.
func ParseLikelihood(s string) (Likelihood, bool) {
	v := strings.Join(strings.Fields(strings.ToLower(s)), " ")
	for _, l := range LikelihoodLevels() {
		for row, term := range l.Terms {
			if v == term {
				return Likelihood{Term: term, Row: row + 1, Level: l}, true
			}
		}
	}
	return Likelihood{}, false
}

// likelihoodTerms lists row 1's terms, then row 2's.
func likelihoodTerms() []string {
	var out []string
	for row := range 2 {
		for _, l := range LikelihoodLevels() {
			out = append(out, l.Terms[row])
		}
	}
	return out
}

// ConfidenceLevels are the analytic confidence levels, lowest first.
func ConfidenceLevels() []string { return []string{"low", "moderate", "high"} }

// IndicatorStatuses are the states of an indicator, in the order an
// indicator usually passes through them.
func IndicatorStatuses() []string { return []string{"watching", "emerging", "observed", "lapsed"} }

// TLPLevels are the FIRST Traffic Light Protocol 2.0 labels, least
// restrictive first.
func TLPLevels() []string {
	return []string{"TLP:CLEAR", "TLP:GREEN", "TLP:AMBER", "TLP:AMBER+STRICT", "TLP:RED"}
}

// ParseTLP returns the canonical spelling of a TLP 2.0 label (ignoring
// case and surrounding space) and its rank in TLPLevels.
func ParseTLP(s string) (label string, rank int, ok bool) {
	v := strings.ToUpper(strings.TrimSpace(s))
	for i, l := range TLPLevels() {
		if v == l {
			return l, i, true
		}
	}
	return "", 0, false
}

// CheckTLP checks the TLP label s, the value of key in file, and rewrites
// it in its canonical spelling. It returns an error at the value when s is
// not a TLP 2.0 label.
func CheckTLP(file, key string, s *Scalar) diag.List {
	if label, _, ok := ParseTLP(s.Value); ok {
		s.Value = label
		return nil
	}
	pos := diag.Pos{File: file, Line: s.Line, Col: s.Col}
	d := diag.Errorf(pos, "%s %q is not a TLP 2.0 label: use %s", key, s.Value, orList(TLPLevels()))
	v := strings.ToUpper(strings.TrimSpace(s.Value))
	switch {
	case v == "TLP:WHITE" || v == "WHITE":
		d.Suggestion = "TLP:WHITE became TLP:CLEAR in TLP 2.0"
	case !strings.HasPrefix(v, "TLP:"):
		d.Suggestion = diag.Suggest("TLP:"+v, TLPLevels())
	default:
		d.Suggestion = diag.Suggest(v, TLPLevels())
	}
	return diag.List{d}
}
