package vocab

import "strings"

// TLP is one Traffic Light Protocol 2.0 label.
type TLP struct {
	// Label is the canonical spelling, "TLP:AMBER+STRICT".
	Label string
	// Rank orders the labels, 0 for TLP:CLEAR (least restrictive).
	Rank int
	// Meaning is what the label allows, after FIRST's definitions.
	Meaning string
}

// Class is the label as a CSS class: "tlp-amber-strict".
func (t TLP) Class() string {
	s := strings.ToLower(strings.TrimPrefix(t.Label, "TLP:"))
	return "tlp-" + strings.ReplaceAll(s, "+", "-")
}

// TLPLevels are the TLP 2.0 labels, least restrictive first.
func TLPLevels() []TLP {
	return []TLP{
		{"TLP:CLEAR", 0, "Disclosure is not limited: recipients may share it with the world."},
		{"TLP:GREEN", 1, "Limited disclosure: recipients may share it within their community, not publicly."},
		{"TLP:AMBER", 2, "Limited disclosure: recipients may share it on a need-to-know basis within their organization and its clients."},
		{"TLP:AMBER+STRICT", 3, "Limited disclosure: recipients may share it on a need-to-know basis within their organization only."},
		{"TLP:RED", 4, "For the eyes and ears of the individual recipients only, no further disclosure."},
	}
}

// TLPLabels lists the canonical labels, least restrictive first.
func TLPLabels() []string {
	var out []string
	for _, t := range TLPLevels() {
		out = append(out, t.Label)
	}
	return out
}

// ParseTLP looks up a TLP 2.0 label, ignoring case and surrounding space.
func ParseTLP(s string) (TLP, bool) {
	v := strings.ToUpper(strings.TrimSpace(s))
	for _, t := range TLPLevels() {
		if v == t.Label {
			return t, true
		}
	}
	return TLP{}, false
}

// TLPHint suggests a fix for a value that is not a TLP 2.0 label: the
// TLP 1.0 label TLP:WHITE became TLP:CLEAR; a bare colour lacks "TLP:".
func TLPHint(s string) string {
	v := strings.ToUpper(strings.TrimSpace(s))
	switch {
	case v == "TLP:WHITE" || v == "WHITE":
		return "TLP:WHITE became TLP:CLEAR in TLP 2.0"
	case !strings.HasPrefix(v, "TLP:"):
		if t, ok := ParseTLP("TLP:" + v); ok {
			return "write " + t.Label
		}
	}
	return ""
}
