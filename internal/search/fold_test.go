package search

import (
	"slices"
	"testing"
)

func TestTerms(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"Kim Jong-un's 80th", []string{"kim", "jong", "un", "s", "80th"}},
		{"Pyöngyang, PYONGYANG; pyongyang", []string{"pyongyang", "pyongyang", "pyongyang"}},
		{"Sugiono — Choe Son Hui", []string{"sugiono", "choe", "son", "hui"}},
		{"ﬁle Ｋｉｍ x²", []string{"file", "kim", "x2"}},
		{"ΟΔΟΣ İstanbul Ærø", []string{"οδοσ", "istanbul", "ærø"}},
		{"朝鲜 劳动党", []string{"朝鲜", "劳动党"}},
		{"  ...  ", nil},
		{"café\u0301", []string{"cafe"}},
	} {
		if got := Terms(tc.in); !slices.Equal(got, tc.want) {
			t.Errorf("Terms(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestFold(t *testing.T) {
	if got := Fold("Pyöngyang ΣΟΦΟΣ"); got != "pyongyang σοφοσ" {
		t.Errorf("Fold = %q", got)
	}
}

func TestCompareUTF16(t *testing.T) {
	// JavaScript: "\uE000" > "\u{1F600}" (its first unit is D83D), while
	// UTF-8 bytes order them the other way.
	if compareUTF16("\uE000", "\U0001F600") <= 0 {
		t.Error("U+E000 must sort after U+1F600, as in JavaScript")
	}
	if compareUTF16("\U0001F600", "\U0001F601") >= 0 || compareUTF16("a", "ab") >= 0 || compareUTF16("b", "ab") <= 0 || compareUTF16("x", "x") != 0 {
		t.Error("compareUTF16 must order code points and prefixes as JavaScript does")
	}
}
