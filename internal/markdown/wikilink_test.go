package markdown

import (
	"strconv"
	"strings"
	"testing"

	"github.com/dossier-project/dossier/internal/highlight"
)

func TestParseWikilink(t *testing.T) {
	tests := []struct {
		in            string
		target, label string
		n             int
		ok            bool
	}{
		{"[[kim-jong-un]] rest", "kim-jong-un", "", 15, true},
		{"[[kim-jong-un|the leader]]", "kim-jong-un", "the leader", 26, true},
		{"[[events/xi-letter#p2]]", "events/xi-letter#p2", "", 23, true},
		{"[[ Kim Jong Un ]]", "Kim Jong Un", "", 17, true},
		{"[[]]", "", "", 0, false},
		{"[[|label]]", "", "", 0, false},
		{"[[unclosed", "", "", 0, false},
		{"[[a\nb]]", "", "", 0, false},
		{"[[a[b]]", "", "", 0, false},
		{"[single]", "", "", 0, false},
	}
	for _, tt := range tests {
		target, label, n, ok := ParseWikilink([]byte(tt.in))
		if target != tt.target || label != tt.label || n != tt.n || ok != tt.ok {
			t.Errorf("ParseWikilink(%q) = %q, %q, %d, %v; want %q, %q, %d, %v", tt.in, target, label, n, ok, tt.target, tt.label, tt.n, tt.ok)
		}
	}
}

func TestWikilinkOffsetsAndRendering(t *testing.T) {
	r := New(highlight.New(""))
	src := "# T\n\nSee `[[not a link]]` and [[kim|Kim]] then [[gone]].\n"
	d := r.Parse([]byte(src), Options{})
	if len(d.Links) != 2 {
		t.Fatalf("links = %d, want 2 (code spans hold no links)", len(d.Links))
	}
	if got := src[d.Links[0].Offset:d.Links[0].End]; got != "[[kim|Kim]]" {
		t.Errorf("first link spans %q", got)
	}
	views := []LinkView{{Href: "/actors/kim/", Class: "wl"}, {Missing: true, Title: "missing: gone"}}
	html := render(t, r, d, views)
	for _, want := range []string{`<a href="/actors/kim/" class="wl">Kim</a>`, `<a class="missing" title="missing: gone">gone</a>`, "<code>[[not a link]]</code>"} {
		if !strings.Contains(html, want) {
			t.Errorf("rendered HTML lacks %s:\n%s", want, html)
		}
	}
}

func render(t testing.TB, r *Renderer, d *Doc, views []LinkView) string {
	t.Helper()
	var b strings.Builder
	if err := r.Render(&b, d, views); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// FuzzWikilink checks the wikilink parser on arbitrary input: no panic, a
// consumed length inside the input, and a parse of the whole document that
// records links whose offsets delimit "[[...]]" text.
func FuzzWikilink(f *testing.F) {
	for _, s := range []string{"[[a]]", "[[a|b]]", "x [[a#p1]] y", "[[[[a]]]]", "[[a]", "`[[a]]`", "[[é|ü]]", "[x]([[a]])", "[^1]: [[a]]\n\n[^1]", "![[[a]]](/x.png)", "[a](../b.md) [c](/d/)"} {
		f.Add(s)
	}
	r := New(highlight.New(""))
	f.Fuzz(func(t *testing.T, s string) {
		target, _, n, ok := ParseWikilink([]byte(s))
		if ok && (n < 4 || n > len(s) || target == "") {
			t.Fatalf("ParseWikilink(%q): n=%d target=%q", s, n, target)
		}
		d := r.Parse([]byte(s), Options{NumberParagraphs: true})
		views := make([]LinkView, len(d.Links))
		for i, l := range d.Links {
			views[i] = LinkView{Href: "/x/", Text: "L" + strconv.Itoa(i)}
			if l.Kind != Wiki {
				continue
			}
			if l.Offset < 0 || int(l.End) > len(s) || !strings.HasPrefix(s[l.Offset:], "[[") || !strings.HasSuffix(s[:l.End], "]]") {
				t.Fatalf("link %+v does not delimit [[...]] in %q", l, s)
			}
		}
		var b strings.Builder
		if err := r.Render(&b, d, views); err != nil {
			t.Fatal(err)
		}
	})
}
