package markdown

import (
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"
)

// TestHeadingIDs: a taken ID gets the next free suffix, whether it was
// taken by a heading of the same text, by a heading whose own text gives
// the suffixed ID, or reserved; on a numbered page p1, p2 … are taken.
func TestHeadingIDs(t *testing.T) {
	ids := newHeadingIDs([]string{"sources"}, true)
	var got []string
	for _, h := range []string{"A", "A 1", "A", "A", "Sources", "Sources", "P2", "", "!"} {
		got = append(got, string(ids.Generate([]byte(h), ast.KindHeading)))
	}
	want := "a a-1 a-2 a-3 sources-1 sources-2 p2-1 heading heading-1"
	if strings.Join(got, " ") != want {
		t.Errorf("IDs:\n got: %s\nwant: %s", strings.Join(got, " "), want)
	}
}

// TestManyEqualHeadings: after 20,000 headings of one text the next
// suffix to try is remembered (the timing is TestHostileInputsLinear's in
// package build).
func TestManyEqualHeadings(t *testing.T) {
	ids := newHeadingIDs(nil, false)
	for range 20_000 {
		ids.Generate([]byte("Same"), ast.KindHeading)
	}
	if got := string(ids.Generate([]byte("Same"), ast.KindHeading)); got != "same-20000" {
		t.Errorf("the 20,001st ID is %s", got)
	}
	if n := ids.next["same"]; n != 20_000 {
		t.Errorf("next suffix %d", n)
	}
}
