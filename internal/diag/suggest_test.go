package diag

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// TestClosestSkipsOnlyWhatCannotBeNear: leaving out the candidates whose
// length alone puts them too far changes no answer: Closest agrees with
// a version that computes every distance.
func TestClosestSkipsOnlyWhatCannotBeNear(t *testing.T) {
	everyDistance := func(name string, cands []string, limit int) []string {
		type scored struct {
			s    string
			dist int
		}
		lname := strings.ToLower(name)
		var near []scored
		for _, c := range slices.Compact(slices.Sorted(slices.Values(cands))) {
			lc := strings.ToLower(c)
			d := Distance(lname, lc)
			if c != "" && (d <= max(1, max(len(lname), len(lc))/3) || (len(lname) >= 3 && strings.Contains(lc, lname))) {
				near = append(near, scored{c, d})
			}
		}
		slices.SortStableFunc(near, func(a, b scored) int { return a.dist - b.dist })
		var out []string
		for _, n := range near[:min(limit, len(near))] {
			if n.dist > near[0].dist {
				break
			}
			out = append(out, n.s)
		}
		return out
	}
	rng := rand.New(rand.NewPCG(1, 2))
	word := func() string {
		const letters = "abcdeé-x "
		r := []rune(letters)
		b := make([]rune, rng.IntN(14))
		for i := range b {
			b[i] = r[rng.IntN(len(r))]
		}
		return string(b)
	}
	for range 3000 {
		cands := make([]string, 30)
		for i := range cands {
			cands[i] = word()
		}
		slices.Sort(cands)
		name := word()
		if got, want := Closest(name, cands, 6), everyDistance(name, cands, 6); !slices.Equal(got, want) {
			t.Fatalf("Closest(%q, %q) = %q, want %q", name, cands, got, want)
		}
	}
}
