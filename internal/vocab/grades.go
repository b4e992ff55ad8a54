package vocab

import "strings"

// Grade is one code of the Admiralty (NATO) source grading system with
// what it means.
type Grade struct {
	Code, Meaning string
}

// Reliabilities are the grades of a source's reliability, A to F.
func Reliabilities() []Grade {
	return []Grade{
		{"A", "completely reliable"},
		{"B", "usually reliable"},
		{"C", "fairly reliable"},
		{"D", "not usually reliable"},
		{"E", "unreliable"},
		{"F", "reliability cannot be judged"},
	}
}

// Credibilities are the grades of a piece of information's credibility,
// 1 to 6.
func Credibilities() []Grade {
	return []Grade{
		{"1", "confirmed by other sources"},
		{"2", "probably true"},
		{"3", "possibly true"},
		{"4", "doubtful"},
		{"5", "improbable"},
		{"6", "truth cannot be judged"},
	}
}

// ParseReliability returns the canonical reliability letter of s ("b" ->
// "B").
func ParseReliability(s string) (Grade, bool) {
	return lookupGrade(Reliabilities(), strings.ToUpper(strings.TrimSpace(s)))
}

// ParseCredibility returns the credibility grade s ("3").
func ParseCredibility(s string) (Grade, bool) {
	return lookupGrade(Credibilities(), strings.TrimSpace(s))
}

func lookupGrade(grades []Grade, code string) (Grade, bool) {
	for _, g := range grades {
		if g.Code == code {
			return g, true
		}
	}
	return Grade{}, false
}

// Admiralty formats a grade as reliability and credibility together,
// "C3", or "" when either is unset.
func Admiralty(reliability, credibility string) string {
	if reliability == "" || credibility == "" {
		return ""
	}
	return reliability + credibility
}
