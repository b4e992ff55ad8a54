package eject

import (
	"fmt"
	"strconv"
	"strings"
	"testing"
)

func TestUnified(t *testing.T) {
	a := "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n"
	b := "1\n2\nthree\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n15\nsixteen"
	want := `--- a
+++ b
@@ -1,6 +1,6 @@
 1
 2
-3
+three
 4
 5
 6
@@ -11,5 +11,5 @@
 11
 12
 13
-14
 15
+sixteen
\ No newline at end of file
`
	if got := Unified("a", "b", []byte(a), []byte(b)); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if got := Unified("a", "b", []byte(a), []byte(a)); got != "" {
		t.Errorf("equal files: %q", got)
	}
	if got := Unified("a", "b", nil, []byte("x\n")); got != "--- a\n+++ b\n@@ -0,0 +1 @@\n+x\n" {
		t.Errorf("from nothing: %q", got)
	}
}

// FuzzUnified checks that applying the diff to a gives b.
func FuzzUnified(f *testing.F) {
	f.Add("a\nb\nc\n", "a\nc\nd")
	f.Add("", "x")
	f.Add("1\n2\n3\n4\n5\n6\n7\n8\n9\n", "1\n2\n3\n4\n5\n6\n7\n8\n9\n0\n")
	f.Fuzz(func(t *testing.T, a, b string) {
		d := Unified("a", "b", []byte(a), []byte(b))
		if a == b {
			if d != "" {
				t.Fatalf("diff of equal texts: %q", d)
			}
			return
		}
		got, err := apply(a, d)
		if err != nil || got != b {
			t.Fatalf("apply(%q, diff) = %q, %v; want %q\ndiff:\n%s", a, got, err, b, d)
		}
	})
}

// apply applies a unified diff made by Unified to a.
func apply(a, diff string) (string, error) {
	src := splitLines(a)
	lines := strings.SplitAfter(diff, "\n")[2:]
	var out []string
	next := 0 // next line of src to copy
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		switch {
		case l == "":
			continue
		case strings.HasPrefix(l, "@@ -"):
			start, err := hunkStart(l)
			if err != nil {
				return "", err
			}
			for ; next < start; next++ {
				out = append(out, src[next])
			}
		case l == "\\ No newline at end of file\n":
			if lines[i-1][0] != '-' {
				out[len(out)-1] = strings.TrimSuffix(out[len(out)-1], "\n")
			}
		case l[0] == ' ' || l[0] == '-':
			if next >= len(src) || strings.TrimSuffix(src[next], "\n") != strings.TrimSuffix(l[1:], "\n") {
				return "", fmt.Errorf("line %d does not match %q", next+1, l)
			}
			if l[0] == ' ' {
				out = append(out, src[next])
			}
			next++
		case l[0] == '+':
			out = append(out, l[1:])
		default:
			return "", fmt.Errorf("bad line %q", l)
		}
	}
	out = append(out, src[next:]...)
	return strings.Join(out, ""), nil
}

// hunkStart is the 0-based index in a of a hunk's first line.
func hunkStart(header string) (int, error) {
	r := strings.Fields(header)[1][1:]
	start, count, ok := strings.Cut(r, ",")
	n, err := strconv.Atoi(start)
	if ok && count == "0" {
		return n, err
	}
	return n - 1, err
}
