package diag

import (
	"errors"
	"testing"
)

func TestFormatAndSort(t *testing.T) {
	var l List
	l.Add(Warnf(Pos{File: "content/b.md", Line: 2, Col: 1}, "orphan"))
	l.Add(Errorf(Pos{File: "content/a.md", Line: 10, Col: 3}, "bad %s", "link"))
	l.Add(Diagnostic{Pos: Pos{File: "content/a.md", Line: 2, Col: 7}, Message: "no page", Suggestion: `did you mean "x"?`})
	l.Add(Errorf(Pos{File: "content/a.md", Line: 10, Col: 3}, "bad %s", "link"))
	got := l.Sort().String()
	want := "content/a.md:2:7: no page (did you mean \"x\"?)\ncontent/a.md:10:3: bad link\ncontent/b.md:2:1: warning: orphan\n"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	var le ListError
	if err := l.Err(); !errors.As(err, &le) || len(le) != 3 {
		t.Errorf("Err() = %v, want a ListError of 3", err)
	}
	if (List{Warnf(Pos{}, "w")}).Err() != nil {
		t.Error("warnings alone are not an error")
	}
}

func TestLines(t *testing.T) {
	src := []byte("ab\ncd\r\nef")
	lines := NewLines(src)
	for _, tt := range []struct{ off, line, col int }{{0, 1, 1}, {2, 1, 3}, {3, 2, 1}, {7, 3, 1}, {99, 3, 3}} {
		if l, c := lines.Pos(tt.off); l != tt.line || c != tt.col {
			t.Errorf("Pos(%d) = %d:%d, want %d:%d", tt.off, l, c, tt.line, tt.col)
		}
		if tt.off < len(src) && lines.Offset(tt.line, tt.col) != tt.off {
			t.Errorf("Offset(%d, %d) = %d, want %d", tt.line, tt.col, lines.Offset(tt.line, tt.col), tt.off)
		}
	}
	if got := lines.Line(2); got != "cd" {
		t.Errorf("Line(2) = %q", got)
	}
	// Columns count characters: "[[" after "China–DPRK ééé " is the 16th.
	text := []byte("x\nChina–DPRK ééé [[a]]")
	off := len("x\nChina–DPRK ééé ")
	if l, c := NewLines(text).Pos(off); l != 2 || c != 16 {
		t.Errorf("Pos after non-ASCII = %d:%d, want 2:16", l, c)
	}
	if got := CharColumn("ééé x", 8); got != 5 {
		t.Errorf("CharColumn = %d, want 5", got)
	}
	if got := SourceLine(src, 2); got != "cd" {
		t.Errorf("SourceLine(2) = %q", got)
	}
	if got := SourceLine(src, 4); got != "" {
		t.Errorf("SourceLine(4) = %q", got)
	}
}

func TestSuggest(t *testing.T) {
	cands := []string{"summary", "slug", "sources", "title"}
	if got := Suggest("sumary", cands); got != `did you mean "summary"?` {
		t.Errorf("got %q", got)
	}
	if got := Suggest("zzzzzz", cands); got != "" {
		t.Errorf("far names get no suggestion, got %q", got)
	}
	for _, tt := range []struct {
		a, b string
		d    int
	}{{"kitten", "sitting", 3}, {"kye", "key", 1}, {"", "abc", 3}, {"Pyöngyang", "Pyongyang", 1}} {
		if d := Distance(tt.a, tt.b); d != tt.d {
			t.Errorf("Distance(%q, %q) = %d, want %d", tt.a, tt.b, d, tt.d)
		}
	}
}
