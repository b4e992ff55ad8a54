package diag

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
)

// Suggest returns a "did you mean ..." hint naming the candidates closest to
// name by edit distance (case-insensitive), or "" when none is close enough.
// A candidate is close when its distance is at most a third of the longer
// string's length (at least 1), or when one contains the other.
func Suggest(name string, candidates []string) string {
	best := Closest(name, candidates, 3)
	if len(best) == 0 {
		return ""
	}
	quoted := make([]string, len(best))
	for i, c := range best {
		quoted[i] = fmt.Sprintf("%q", c)
	}
	return "did you mean " + strings.Join(quoted, " or ") + "?"
}

// Closest returns up to limit candidates at the smallest edit distance
// from name, ties broken alphabetically. Candidates that are too far are
// left out.
func Closest(name string, candidates []string, limit int) []string {
	type scored struct {
		s    string
		dist int
	}
	lname := strings.ToLower(name)
	var near []scored
	seen := map[string]bool{}
	for _, c := range candidates {
		if seen[c] || c == "" {
			continue
		}
		seen[c] = true
		lc := strings.ToLower(c)
		within := max(1, max(len(lname), len(lc))/3)
		contains := len(lname) >= 3 && strings.Contains(lc, lname)
		// The distance is at least the difference in length: a
		// candidate that differs by more cannot be near, and its
		// distance is not worth computing.
		if !contains && abs(utf8.RuneCountInString(lname)-utf8.RuneCountInString(lc)) > within {
			continue
		}
		if d := Distance(lname, lc); d <= within || contains {
			near = append(near, scored{c, d})
		}
	}
	slices.SortFunc(near, func(a, b scored) int {
		if a.dist != b.dist {
			return a.dist - b.dist
		}
		return strings.Compare(a.s, b.s)
	})
	var out []string
	for _, n := range near[:min(limit, len(near))] {
		if n.dist > near[0].dist {
			break // only the nearest ties: a worse guess is noise
		}
		out = append(out, n.s)
	}
	return out
}

// Distance is the edit distance between a and b over runes, counting an
// insertion, a deletion, a substitution or a swap of two adjacent runes as
// one edit (optimal string alignment), so "kye" is one edit from "key".
func Distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	rows := make([][]int, len(ra)+1)
	for i := range rows {
		rows[i] = make([]int, len(rb)+1)
		rows[i][0] = i
	}
	for j := range rows[0] {
		rows[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d := min(rows[i-1][j]+1, rows[i][j-1]+1, rows[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d = min(d, rows[i-2][j-2]+1)
			}
			rows[i][j] = d
		}
	}
	return rows[len(ra)][len(rb)]
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
