package xref

import (
	"fmt"
	"slices"
	"testing"
)

func TestFindMentions(t *testing.T) {
	names := []string{"Kim", "Kim Jong-un", "US", "North Korea"}
	text := "Kim Jong-un met the US envoy; focus on North Korea. Kim left. Kimchi."
	var got []string
	for _, m := range FindMentions(text, names) {
		got = append(got, fmt.Sprintf("%s@%d", names[m.Name], m.Start))
	}
	want := []string{"Kim Jong-un@0", "Kim@0", "US@20", "North Korea@39", "Kim@52"}
	if !slices.Equal(got, want) {
		t.Errorf("mentions = %q, want %q", got, want)
	}
	if FindMentions(text, nil) != nil {
		t.Error("no names should find nothing")
	}
}
