package diag

import (
	"bytes"
	"math"
	"slices"
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
//
// Only a line that is not ASCII needs its bytes for that, so a table
// need not hold the whole file: Sparse makes one that holds copies of
// those lines only. (A build keeps every page's table to its end, and
// not every page's file.)
type Lines struct {
	size   int     // the file's length in bytes
	starts []int32 // byte offset where each line starts
	flags  []uint8 // of each line: notASCII, endsCR
	// The bytes held: the whole file, or, in a sparse table (src nil),
	// copies of the lines that are not ASCII, one after the other in
	// kept: line keptLine[j] at keptAt[j] (keptLine ascending).
	src      []byte
	kept     []byte
	keptLine []int32
	keptAt   []int32
}

// The flags of a line.
const (
	notASCII uint8 = 1 << iota // the line holds a byte that is not ASCII
	endsCR                     // the line ends with a CR (before its LF)
)

// NewLines indexes src, and holds it. Offsets are kept in 32 bits: a
// file is indexed up to its first 2 GiB (content files are at most 1 GiB,
// see content.MaxFileBytes).
func NewLines(src []byte) *Lines {
	src = src[:min(len(src), math.MaxInt32)]
	l := &Lines{size: len(src), starts: []int32{0}, src: src}
	for i := 0; ; {
		j := bytes.IndexByte(src[i:], '\n')
		end := len(src)
		if j >= 0 {
			end = i + j
		}
		var f uint8
		if !isASCII(src[i:end]) {
			f |= notASCII
		}
		if end > i && src[end-1] == '\r' {
			f |= endsCR
		}
		l.flags = append(l.flags, f)
		if j < 0 {
			return l
		}
		i = end + 1
		l.starts = append(l.starts, int32(i))
	}
}

// Sparse returns the same table holding, of the file, only copies of
// the lines that are not ASCII, so that the file may be collected, and
// its index in arrays of their exact length; it answers as l does.
func (l *Lines) Sparse() *Lines {
	t := Lines{size: l.size, starts: slices.Clone(l.starts), flags: slices.Clone(l.flags)}
	n, size := 0, 0
	for i, f := range l.flags {
		if f&notASCII != 0 {
			n, size = n+1, size+len(l.raw(i))
		}
	}
	if n == 0 {
		return &t
	}
	t.kept, t.keptLine, t.keptAt = make([]byte, 0, size), make([]int32, 0, n), make([]int32, 0, n)
	for i, f := range l.flags {
		if f&notASCII != 0 {
			t.keptLine, t.keptAt = append(t.keptLine, int32(i)), append(t.keptAt, int32(len(t.kept)))
			t.kept = append(t.kept, l.raw(i)...)
		}
	}
	return &t
}

// raw is line i's bytes without its LF (with a CR before it), when the
// table holds them: always for a line that is not ASCII.
func (l *Lines) raw(i int) []byte {
	if l.src != nil {
		return l.src[l.starts[i]:l.end(i)]
	}
	j, ok := slices.BinarySearch(l.keptLine, int32(i))
	if !ok {
		return nil
	}
	at := int(l.keptAt[j])
	return l.kept[at : at+l.end(i)-int(l.starts[i])]
}

// end is where line i ends: at its LF, or at the end of the file.
func (l *Lines) end(i int) int {
	if i+1 < len(l.starts) {
		return int(l.starts[i+1]) - 1
	}
	return l.size
}

// textLen is the length of line i without its line ending.
func (l *Lines) textLen(i int) int {
	n := l.end(i) - int(l.starts[i])
	if l.flags[i]&endsCR != 0 {
		n--
	}
	return n
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
	offset = min(max(offset, 0), l.size)
	i := sort.Search(len(l.starts), func(i int) bool { return int(l.starts[i]) > offset }) - 1
	start := int(l.starts[i])
	if l.flags[i]&notASCII == 0 {
		return i + 1, offset - start + 1
	}
	return i + 1, utf8.RuneCount(l.raw(i)[:offset-start]) + 1
}

// Offset converts a 1-based line and character column back to a byte
// offset, clamped to the line; it is the inverse of Pos.
func (l *Lines) Offset(line, col int) int {
	if line < 1 || line > len(l.starts) {
		return l.size
	}
	i := line - 1
	start, n := int(l.starts[i]), l.textLen(i)
	if l.flags[i]&notASCII == 0 {
		return start + min(max(col-1, 0), n)
	}
	text := l.raw(i)[:n]
	k := 0
	for c := 1; c < col && k < len(text); c++ {
		_, size := utf8.DecodeRune(text[k:])
		k += size
	}
	return start + k
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
