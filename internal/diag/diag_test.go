package diag

import (
	"bytes"
	"errors"
	"slices"
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

// A sparse table answers every position as the whole file's table does,
// on lines of ASCII and not, with CRs and without, and holds copies of
// the lines that are not ASCII only.
func TestLinesSparse(t *testing.T) {
	src := []byte("---\ntitle: \"Kim–Xi\"\r\nsummary: plain\n---\nA body é line\r\nascii line\n\nlast ü")
	whole := NewLines(src)
	sparse := compareSparse(t, src, whole, 16)
	var held []string
	for _, i := range sparse.keptLine {
		held = append(held, string(sparse.raw(int(i))))
	}
	if want := []string{"title: \"Kim–Xi\"\r", "A body é line\r", "last ü"}; sparse.src != nil || !slices.Equal(held, want) {
		t.Errorf("a sparse table holds %d bytes of the file and the lines %q, want none and %q", len(sparse.src), held, want)
	}
	if l, c := whole.Pos(len("---\ntitle: \"Kim–Xi")); l != 2 || c != 15 {
		t.Errorf("Pos after the dash = %d:%d, want 2:15", l, c)
	}
}

// FuzzLinesSparse: for any file, a table that holds only its lines that
// are not ASCII answers every position as the whole file's table does.
func FuzzLinesSparse(f *testing.F) {
	f.Add([]byte("---\ntitle: \"Kim–Xi\"\r\n---\nA body é\r\nascii\n"))
	f.Add([]byte("é\n\r\nü"))
	f.Fuzz(func(t *testing.T, src []byte) {
		compareSparse(t, src, NewLines(src), 6)
	})
}

// compareSparse checks that the sparse table of src answers every
// offset, and every line and column up to cols, as whole does, and
// returns it. It makes the table from a copy of src that it then spoils,
// so that a table that still read the file would answer wrongly.
func compareSparse(t *testing.T, src []byte, whole *Lines, cols int) *Lines {
	t.Helper()
	scratch := bytes.Clone(src)
	sparse := NewLines(scratch).Sparse()
	for i := range scratch {
		scratch[i] = 'x'
	}
	for off := -1; off <= len(src)+1; off++ {
		wl, wc := whole.Pos(off)
		if l, c := sparse.Pos(off); l != wl || c != wc {
			t.Fatalf("Pos(%d) = %d:%d, want %d:%d", off, l, c, wl, wc)
		}
	}
	for line := 0; line <= whole.Count()+1; line++ {
		for col := 0; col <= cols; col++ {
			if got, want := sparse.Offset(line, col), whole.Offset(line, col); got != want {
				t.Fatalf("Offset(%d, %d) = %d, want %d", line, col, got, want)
			}
		}
	}
	return sparse
}
