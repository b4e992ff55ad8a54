package diag

import (
	"bytes"
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
	if got := lines.Offset(2, 9); got != 5 {
		t.Errorf("Offset(2, 9) = %d, want 5: the end of \"cd\", before its CR", got)
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

// A table that holds only the file's end answers every position as the
// whole file's table does, on lines of ASCII and not, before its end and
// in it, with CRs and without.
func TestLinesTail(t *testing.T) {
	src := []byte("---\ntitle: \"Kim–Xi\"\r\nsummary: plain\n---\nA body é line\r\nascii line\n\nlast ü")
	whole := NewLines(src)
	for from := 0; from <= len(src); from++ {
		if from > 0 && src[from-1] != '\n' {
			continue // a tail starts a line
		}
		compareTail(t, src, whole, from, 16)
	}
	body := bytes.Index(src, []byte("A body"))
	held := NewLines(src).Tail(body, bytes.Clone(src[body:]))
	if len(held.head) != 1 || string(held.head[1]) != "title: \"Kim–Xi\"\r" || len(held.tail) != len(src)-body {
		t.Errorf("a table of the body holds %d lines before it and %d bytes, want the title's line and the body's %d", len(held.head), len(held.tail), len(src)-body)
	}
	if l, c := whole.Pos(len("---\ntitle: \"Kim–Xi")); l != 2 || c != 15 {
		t.Errorf("Pos after the dash = %d:%d, want 2:15", l, c)
	}
}

// FuzzLinesTail: for any file and any line to keep it from, a table that
// holds only the file from that line on answers every position as the
// whole file's table does.
func FuzzLinesTail(f *testing.F) {
	f.Add([]byte("---\ntitle: \"Kim–Xi\"\r\n---\nA body é\r\nascii\n"), uint16(3))
	f.Add([]byte("é\n\r\nü"), uint16(1))
	f.Fuzz(func(t *testing.T, src []byte, line uint16) {
		whole := NewLines(src)
		from := whole.Offset(int(line)%(whole.Count()+1)+1, 1) // a line's start, or the end
		compareTail(t, src, whole, from, 6)
	})
}

// compareTail checks that the table of src kept from byte from answers
// every offset, and every line and column up to cols, as whole does.
func compareTail(t *testing.T, src []byte, whole *Lines, from, cols int) {
	t.Helper()
	tail := NewLines(src).Tail(from, bytes.Clone(src[from:]))
	for off := -1; off <= len(src)+1; off++ {
		wl, wc := whole.Pos(off)
		if l, c := tail.Pos(off); l != wl || c != wc {
			t.Fatalf("from %d: Pos(%d) = %d:%d, want %d:%d", from, off, l, c, wl, wc)
		}
	}
	for line := 0; line <= whole.Count()+1; line++ {
		for col := 0; col <= cols; col++ {
			if got, want := tail.Offset(line, col), whole.Offset(line, col); got != want {
				t.Fatalf("from %d: Offset(%d, %d) = %d, want %d", from, line, col, got, want)
			}
		}
	}
}
