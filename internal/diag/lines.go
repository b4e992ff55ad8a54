package diag

import (
	"bytes"
	"sort"
	"unicode/utf8"
)

// Lines is a line table of one source file, built once in a single pass,
// that turns byte offsets into 1-based lines and character columns in
// O(log lines) plus the length of the line's prefix (nothing at all on a
// line of ASCII). Columns count characters (Unicode code points), as
// editors and GitHub's annotations do, so a link after "China–DPRK ééé"
// is reported at the column an editor shows. A CR before LF belongs to
// the line it ends. Lines is immutable and safe for concurrent use.
type Lines struct {
	src    []byte
	starts []int  // byte offset where each line starts
	ascii  []bool // whether each line is pure ASCII
}

// NewLines indexes src.
func NewLines(src []byte) *Lines {
	l := &Lines{src: src, starts: []int{0}}
	for i := 0; ; {
		j := bytes.IndexByte(src[i:], '\n')
		end := len(src)
		if j >= 0 {
			end = i + j
		}
		l.ascii = append(l.ascii, isASCII(src[i:end]))
		if j < 0 {
			return l
		}
		i = end + 1
		l.starts = append(l.starts, i)
	}
}

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// Count is the number of lines.
func (l *Lines) Count() int { return len(l.starts) }

// Pos converts a byte offset to a 1-based line and character column.
// Offsets past the end are clamped to the end; an offset inside a
// multi-byte character counts that character.
func (l *Lines) Pos(offset int) (line, col int) {
	offset = min(max(offset, 0), len(l.src))
	i := sort.Search(len(l.starts), func(i int) bool { return l.starts[i] > offset }) - 1
	start := l.starts[i]
	if l.ascii[i] {
		return i + 1, offset - start + 1
	}
	return i + 1, utf8.RuneCount(l.src[start:offset]) + 1
}

// Line returns the text of 1-based line n without its line ending, or ""
// when n is out of range.
func (l *Lines) Line(n int) string {
	if n < 1 || n > len(l.starts) {
		return ""
	}
	start, end := l.starts[n-1], len(l.src)
	if n < len(l.starts) {
		end = l.starts[n] - 1
	}
	return string(bytes.TrimSuffix(l.src[start:end], []byte("\r")))
}

// Offset converts a 1-based line and character column back to a byte
// offset, clamped to the line; it is the inverse of Pos.
func (l *Lines) Offset(line, col int) int {
	if line < 1 || line > len(l.starts) {
		return len(l.src)
	}
	start := l.starts[line-1]
	text := l.Line(line)
	i := 0
	for n := 1; n < col && i < len(text); n++ {
		_, size := utf8.DecodeRuneInString(text[i:])
		i += size
	}
	return start + i
}

// SourceLine returns the text of 1-based line n of src without its line
// ending, or "" when n is out of range. It scans src; build a Lines when
// asking for many lines of one file.
func SourceLine(src []byte, n int) string {
	if n < 1 {
		return ""
	}
	start := 0
	for line := 1; line < n; line++ {
		i := bytes.IndexByte(src[start:], '\n')
		if i < 0 {
			return ""
		}
		start += i + 1
	}
	end := bytes.IndexByte(src[start:], '\n')
	if end < 0 {
		end = len(src) - start
	}
	return string(bytes.TrimSuffix(src[start:start+end], []byte("\r")))
}

// CharColumn converts a 1-based byte column on line to a character
// column: what a parser that counts bytes reports, as an editor shows it.
func CharColumn(line string, byteCol int) int {
	if byteCol <= 1 {
		return byteCol
	}
	n := min(byteCol-1, len(line))
	return utf8.RuneCountInString(line[:n]) + 1 + max(byteCol-1-len(line), 0)
}
