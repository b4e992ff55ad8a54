package vocab

import (
	"fmt"
	"strings"
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

// LikelihoodTerms lists row 1's terms, then row 2's.
func LikelihoodTerms() []string {
	var out []string
	for row := range 2 {
		for _, l := range LikelihoodLevels() {
			out = append(out, l.Terms[row])
		}
	}
	return out
}

// Confidence is an analytic confidence level with what it means.
type Confidence struct {
	Name, Meaning string
}

// ConfidenceLevels are the analytic confidence levels, lowest first.
func ConfidenceLevels() []Confidence {
	return []Confidence{
		{"low", "The information is scant, fragmented, poorly corroborated or from sources of doubtful reliability; the judgment is the best available, not a solid inference."},
		{"moderate", "The information is credibly sourced and plausible, but not corroborated or of a quality that would warrant high confidence."},
		{"high", "The judgment rests on good information from several independent sources, or the matter lends itself to a solid judgment. It is still a judgment, not a fact."},
	}
}

// ConfidenceNames lists the confidence levels' names, lowest first.
func ConfidenceNames() []string {
	var out []string
	for _, c := range ConfidenceLevels() {
		out = append(out, c.Name)
	}
	return out
}

// IndicatorStatuses are the states of an indicator, in the order an
// indicator usually passes through them.
func IndicatorStatuses() []string { return []string{"watching", "emerging", "observed", "lapsed"} }

// DominantRow is the row most of the likelihoods use; on a tie, the row
// of the first. It is 0 when there are none.
func DominantRow(ls []Likelihood) int {
	var count [3]int
	for _, l := range ls {
		count[l.Row]++
	}
	switch {
	case len(ls) == 0:
		return 0
	case count[1] > count[2]:
		return 1
	case count[2] > count[1]:
		return 2
	}
	return ls[0].Row
}
