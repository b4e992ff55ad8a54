package build

import (
	"regexp"
	"testing"
)

// The regular expressions tidyCitations replaces, as the reference.
var (
	refEmptyBrackets = regexp.MustCompile(` ?\((?:[\s,;]|and)*\)`)
	refSpaceBefore   = regexp.MustCompile(`[ \t]+([,.;:!?])`)
)

func refTidy(s string) string {
	return refSpaceBefore.ReplaceAllString(refEmptyBrackets.ReplaceAllString(s, ""), "$1")
}

var tidyCases = []struct{ in, want string }{
	{"China signed ( ) the treaty.", "China signed the treaty."},
	{"as KCNA said (, ; and ).", "as KCNA said."},
	{"two sources ( and ) agree , mostly .", "two sources agree, mostly."},
	{"(a, b) stays", "(a, b) stays"},
	{"((, ))", "()"},
	{"nothing to do", "nothing to do"},
	{"trailing space \t", "trailing space \t"},
	{"( andand )x", "x"},
	{"(anb)", "(anb)"},
	{"unclosed ( ,", "unclosed (,"},
}

func TestTidyCitations(t *testing.T) {
	for _, c := range tidyCases {
		if got := tidyCitations(c.in); got != c.want {
			t.Errorf("tidyCitations(%q) = %q, want %q", c.in, got, c.want)
		}
		if ref := refTidy(c.in); ref != c.want {
			t.Errorf("the reference gives %q for %q: the case is wrong", ref, c.in)
		}
	}
}

func FuzzTidyCitations(f *testing.F) {
	for _, c := range tidyCases {
		f.Add(c.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := tidyCitations(s), refTidy(s); got != want {
			t.Fatalf("tidyCitations(%q) = %q, the regular expressions give %q", s, got, want)
		}
	})
}
