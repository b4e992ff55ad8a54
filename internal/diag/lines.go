package diag

import "bytes"

// LineCol converts a byte offset in src to a 1-based line and column.
// Offsets past the end are clamped to the end of src.
func LineCol(src []byte, offset int) (line, col int) {
	offset = min(max(offset, 0), len(src))
	line, lineStart := 1, 0
	for i := 0; i < offset; i++ {
		if src[i] == '\n' {
			line++
			lineStart = i + 1
		}
	}
	return line, offset - lineStart + 1
}

// SourceLine returns the text of 1-based line n of src without its line
// ending, or "" when n is out of range.
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
	text := src[start : start+end]
	if len(text) > 0 && text[len(text)-1] == '\r' {
		text = text[:len(text)-1]
	}
	return string(text)
}
