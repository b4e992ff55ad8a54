package eject

import (
	"fmt"
	"strings"
)

// Unified returns the unified diff (three lines of context) that turns a
// into b, with aName and bName in its header; "" when they are equal.
// Lines are matched by a longest common subsequence after the common
// start and end are set aside; past maxCells pairs of differing lines
// the middle is shown replaced as a whole, to bound time and memory.
func Unified(aName, bName string, a, b []byte) string {
	if string(a) == string(b) {
		return ""
	}
	ops := diffLines(splitLines(string(a)), splitLines(string(b)))
	var out strings.Builder
	fmt.Fprintf(&out, "--- %s\n+++ %s\n", aName, bName)
	for _, h := range group(ops, 3) {
		writeHunk(&out, ops, h)
	}
	return out.String()
}

// maxCells bounds the LCS table (about 64 MB of int32).
const maxCells = 1 << 24

// op is one line of an edit script: ' ' kept, '-' removed, '+' added.
type op struct {
	kind byte
	text string
	a, b int // the line's number in a and in b (1-based), before this op
}

// splitLines splits s after each "\n"; a last line without one is kept.
func splitLines(s string) []string {
	lines := strings.SplitAfter(s, "\n")
	if lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	return lines
}

// diffLines returns the edit script from a to b.
func diffLines(a, b []string) []op {
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	var kinds []byte
	kinds = append(kinds, strings.Repeat(" ", pre)...)
	kinds = append(kinds, middle(a[pre:len(a)-suf], b[pre:len(b)-suf])...)
	kinds = append(kinds, strings.Repeat(" ", suf)...)
	ops := make([]op, 0, len(kinds))
	i, j := 0, 0
	for _, k := range kinds {
		o := op{kind: k, a: i + 1, b: j + 1}
		switch k {
		case ' ':
			o.text = a[i]
			i, j = i+1, j+1
		case '-':
			o.text = a[i]
			i++
		case '+':
			o.text = b[j]
			j++
		}
		ops = append(ops, o)
	}
	return ops
}

// middle is the edit script (kinds only) between a and b by a longest
// common subsequence, or a whole replacement when the table would be too
// large.
func middle(a, b []string) []byte {
	n, m := len(a), len(b)
	if n*m > maxCells {
		return []byte(strings.Repeat("-", n) + strings.Repeat("+", m))
	}
	// lcs[i*(m+1)+j] is the LCS length of a[i:] and b[j:].
	lcs := make([]int32, (n+1)*(m+1))
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if a[i] == b[j] {
				lcs[i*(m+1)+j] = lcs[(i+1)*(m+1)+j+1] + 1
			} else {
				lcs[i*(m+1)+j] = max(lcs[(i+1)*(m+1)+j], lcs[i*(m+1)+j+1])
			}
		}
	}
	kinds := make([]byte, 0, n+m)
	i, j := 0, 0
	for i < n || j < m {
		switch {
		case i < n && j < m && a[i] == b[j]:
			kinds = append(kinds, ' ')
			i, j = i+1, j+1
		case i < n && (j == m || lcs[(i+1)*(m+1)+j] >= lcs[i*(m+1)+j+1]):
			kinds = append(kinds, '-')
			i++
		default:
			kinds = append(kinds, '+')
			j++
		}
	}
	return kinds
}

// hunk is a range [start, end) of ops shown together.
type hunk struct{ start, end int }

// group gathers the changes into hunks with ctx lines of context, joining
// changes whose context would touch.
func group(ops []op, ctx int) []hunk {
	var hunks []hunk
	for i := 0; i < len(ops); i++ {
		if ops[i].kind == ' ' {
			continue
		}
		last := i
		for j := i + 1; j < len(ops) && j <= last+2*ctx+1; j++ {
			if ops[j].kind != ' ' {
				last = j
			}
		}
		h := hunk{max(0, i-ctx), min(len(ops), last+1+ctx)}
		if n := len(hunks); n > 0 && hunks[n-1].end >= h.start {
			hunks[n-1].end = h.end
		} else {
			hunks = append(hunks, h)
		}
		i = last
	}
	return hunks
}

// writeHunk writes one hunk: its header and lines.
func writeHunk(out *strings.Builder, ops []op, h hunk) {
	aCount, bCount := 0, 0
	for _, o := range ops[h.start:h.end] {
		if o.kind != '+' {
			aCount++
		}
		if o.kind != '-' {
			bCount++
		}
	}
	first := ops[h.start]
	fmt.Fprintf(out, "@@ -%s +%s @@\n", hunkRange(first.a, aCount), hunkRange(first.b, bCount))
	for _, o := range ops[h.start:h.end] {
		out.WriteByte(o.kind)
		out.WriteString(o.text)
		if !strings.HasSuffix(o.text, "\n") {
			out.WriteString("\n\\ No newline at end of file\n")
		}
	}
}

// hunkRange is "start,count" as unified diffs write it: "start" alone
// for one line, and the line before for none.
func hunkRange(start, count int) string {
	switch count {
	case 0:
		return fmt.Sprintf("%d,0", start-1)
	case 1:
		return fmt.Sprintf("%d", start)
	}
	return fmt.Sprintf("%d,%d", start, count)
}
