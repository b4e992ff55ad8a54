package actorgraph

import (
	"math"
	"strings"
	"unicode"
)

// Text sizes in user units (px at the natural size).
const (
	nodeFont  = 13.0
	edgeFont  = 12.0
	lineH     = 1.2 // line height, in em
	nodeWrap  = 120.0
	edgeWrap  = 112.0
	haloWidth = 3.5
)

// textWidth estimates the width of s in a sans-serif face at size px; the
// widths are Arial's, rounded, which errs on the wide side for most
// system faces.
func textWidth(s string, size float64) float64 {
	em := 0.0
	for _, r := range s {
		em += runeWidth(r)
	}
	return em * size
}

func runeWidth(r rune) float64 {
	switch {
	case strings.ContainsRune("il.,:;'|!’‘", r):
		return 0.25
	case strings.ContainsRune("fjtrI()[]-", r):
		return 0.34
	case r == ' ':
		return 0.28
	case strings.ContainsRune("mwMW", r):
		return 0.86
	case r >= 'A' && r <= 'Z':
		return 0.69
	case r >= '0' && r <= '9':
		return 0.56
	case r < 0x80:
		return 0.54
	case r >= 0x2E80 || unicode.Is(unicode.Han, r):
		return 1.0
	}
	return 0.6
}

// wrap breaks s at spaces into lines of about max px at size, balancing
// their lengths. A single word longer than max stays whole.
func wrap(s string, size, max float64) []string {
	words := strings.Fields(s)
	if len(words) == 0 {
		return nil
	}
	total := textWidth(s, size)
	if total <= max || len(words) == 1 {
		return []string{strings.Join(words, " ")}
	}
	n := int(math.Ceil(total / max))
	// The narrowest greedy fill that still fits in n lines.
	for target := total / float64(n); ; target += 2 {
		if lines := fill(words, size, target); len(lines) <= n {
			return lines
		}
	}
}

// fill breaks words greedily into lines no wider than target, except for
// lines of one long word.
func fill(words []string, size, target float64) []string {
	var lines []string
	line := words[0]
	for _, w := range words[1:] {
		if textWidth(line+" "+w, size) <= target {
			line += " " + w
			continue
		}
		lines = append(lines, line)
		line = w
	}
	return append(lines, line)
}

// blockSize is the box a wrapped label needs, halo included.
func blockSize(lines []string, size float64) (w, h float64) {
	for _, l := range lines {
		w = math.Max(w, textWidth(l, size))
	}
	return w + haloWidth, float64(len(lines))*size*lineH + 1
}
