package xref

import (
	"slices"
	"testing"
)

func TestMatcherWholeWords(t *testing.T) {
	m := newMatcher([]string{"US", "Kim Jong-un", "Kim", "China", "North Korea", "Korea"})
	text := "Focus: Kim Jong-un met China’s envoys; the US and North Korea. Kimchi is not Kim."
	var got []int
	m.find(text, func(p, _ int) { got = append(got, p) })
	slices.Sort(got)
	want := []int{0, 1, 2, 2, 3, 4, 5}
	if !slices.Equal(got, want) {
		t.Errorf("matches = %v, want %v", got, want)
	}
}
