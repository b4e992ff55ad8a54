package content

import "testing"

func TestKindRankFollowsKinds(t *testing.T) {
	for i, k := range Kinds() {
		if k.Rank() != i {
			t.Errorf("%s.Rank() = %d, want %d (its place in Kinds)", k, k.Rank(), i)
		}
	}
	if len(Kinds()) != kindCount {
		t.Errorf("kindCount = %d, want %d", kindCount, len(Kinds()))
	}
	if Home.Rank() != -1 || Kind("nope").Rank() != -1 {
		t.Errorf("home ranks %d, an unknown kind %d; want -1 for both", Home.Rank(), Kind("nope").Rank())
	}
}
