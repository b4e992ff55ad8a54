package build

import (
	"strings"

	"github.com/dossier-project/dossier/internal/xref"
)

// nodeGrade is a source node's Admiralty grade ("B2"), or "".
func nodeGrade(n *xref.Node) string {
	return xref.Grade(n.Page.Meta.Reliability.Value, n.Page.Meta.Credibility.Value)
}

// citeGrade is a citation's grade: the source's reliability with the
// citation's own credibility when it has one.
func citeGrade(c xref.Citation) string {
	cred := c.Source.Page.Meta.Credibility.Value
	if c.Credibility != "" {
		cred = c.Credibility
	}
	return xref.Grade(c.Source.Page.Meta.Reliability.Value, cred)
}

// reliabilityLabel names an Admiralty reliability letter.
func reliabilityLabel(s string) string {
	switch strings.ToUpper(s) {
	case "A":
		return "completely reliable"
	case "B":
		return "usually reliable"
	case "C":
		return "fairly reliable"
	case "D":
		return "not usually reliable"
	case "E":
		return "unreliable"
	case "F":
		return "reliability cannot be judged"
	}
	return ""
}

// credibilityLabel names an Admiralty credibility digit.
func credibilityLabel(s string) string {
	switch s {
	case "1":
		return "confirmed by other sources"
	case "2":
		return "probably true"
	case "3":
		return "possibly true"
	case "4":
		return "doubtful"
	case "5":
		return "improbable"
	case "6":
		return "truth cannot be judged"
	}
	return ""
}

// relationLabel shows a relation type as written, hyphens as spaces.
func relationLabel(t string) string { return strings.ReplaceAll(t, "-", " ") }

// inverseLabel reads a relation from its target's side: "leader of" seen
// from the country is "led by". Symmetric relations read the same; others
// fall back to "← type".
func inverseLabel(t string) string {
	t = relationLabel(t)
	inverses := map[string]string{
		"leader of":            "led by",
		"head of state of":     "head of state:",
		"state media of":       "state media:",
		"ruling party of":      "ruled by",
		"foreign minister of":  "foreign minister:",
		"member of":            "has member",
		"part of":              "includes",
		"president of":         "president:",
		"general secretary of": "general secretary:",
	}
	if inv, ok := inverses[t]; ok {
		return inv
	}
	for _, sym := range []string{"ally of", "partner of", "strategic partner of", "with", "rival of", "neighbour of", "neighbor of"} {
		if t == sym || strings.HasSuffix(t, " with") {
			return t
		}
	}
	return "← " + t
}

// tlpClass makes a CSS class of a TLP label: "TLP:AMBER+STRICT" ->
// "tlp-amber-strict".
func tlpClass(label string) string {
	s := strings.ToLower(strings.TrimPrefix(strings.ToUpper(label), "TLP:"))
	return "tlp-" + strings.ReplaceAll(s, "+", "-")
}

// actorKindLabel is the plural heading of an actor kind.
func actorKindLabel(kind string) string {
	switch kind {
	case "person":
		return "People"
	case "country":
		return "Countries"
	case "organization":
		return "Organizations"
	case "public-body":
		return "Public bodies"
	case "media":
		return "Media"
	}
	return kind
}

// actorKindName is the singular name of an actor kind: "public body".
func actorKindName(kind string) string { return strings.ReplaceAll(kind, "-", " ") }
