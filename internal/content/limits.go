package content

import (
	"bytes"
	"fmt"
	"unicode/utf8"

	"github.com/dossier-project/dossier/internal/diag"
)

// Limits bound what one content file may cost, so that no file can make a
// build slow or large by accident or on purpose. Every limit is checked
// before the costly step it guards, and reported at path:line:col.
type Limits struct {
	// FileBytes is the largest file read, in bytes, at most MaxFileBytes.
	FileBytes int64
	// Nesting is the deepest list or blockquote nesting in a body,
	// checked before the Markdown parser sees the text (its cost grows
	// with the cube of the depth).
	Nesting int
	// Links is the most wikilinks and Markdown links in one body.
	Links int
}

// DefaultLimits are the limits a dossier has unless dossier.yaml sets
// others: 10 MB files, nesting 100 deep, 100,000 links.
func DefaultLimits() Limits {
	return Limits{FileBytes: 10 << 20, Nesting: 100, Links: 100_000}
}

// TooLarge is the error for a file over limits.FileBytes, of size bytes
// (limits.FileBytes+1 when it was read until it passed the limit).
func TooLarge(file string, size int64, l Limits) diag.Diagnostic {
	d := diag.Errorf(diag.Pos{File: file}, "file is %s, over the limit of %s: not read", byteSize(size), byteSize(l.FileBytes))
	if size <= l.FileBytes+1 {
		d = diag.Errorf(diag.Pos{File: file}, "file holds more than the limit of %s: not read", byteSize(l.FileBytes))
	}
	d.Suggestion = "split it, or raise limits: file_size: in dossier.yaml"
	return d
}

func byteSize(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

// bom is the UTF-8 encoding of U+FEFF, which some editors put at the top
// of a file.
const bom = "\uFEFF"

// Decode returns src without a UTF-8 byte-order mark at its start, and
// an error at the line and column (counted after the mark) of its first
// byte that is not UTF-8: for files read as text other than content
// (dossier.yaml).
func Decode(file string, src []byte) ([]byte, diag.List) {
	src = bytes.TrimPrefix(src, []byte(bom))
	return src, checkUTF8(file, src, diag.NewLines(src))
}

// checkUTF8 reports the first byte of src that is not valid UTF-8, at its
// line and column.
func checkUTF8(file string, src []byte, lines *diag.Lines) diag.List {
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && size <= 1 {
			line, col := lines.Pos(i)
			d := diag.Errorf(diag.Pos{File: file, Line: line, Col: col}, "invalid UTF-8: byte 0x%02x is not part of a character", src[i])
			d.Suggestion = "save the file as UTF-8"
			return diag.List{d}
		}
		i += size
	}
	return nil
}

// checkNesting reports the first line of body whose list or blockquote
// nesting may exceed max. Nesting only deepens on a line that opens a
// container, so the estimate counts, on such a line, the container
// markers ("> ", "- ", "1. ", "[^note]: ") at its start plus half its indentation (a
// nested list needs at least two more columns per level; the one space a
// marker takes after it is not indentation). The estimate never
// undercounts, so the Markdown parser never sees deeper nesting. The
// error is at the marker that passes max, and the body is dropped.
func checkNesting(p *Page, max int) diag.List {
	body := p.Body
	for start := 0; start < len(body); {
		end := start
		for end < len(body) && body[end] != '\n' {
			end++
		}
		if depth, at := lineNesting(body[start:end], max); depth > max {
			d := diag.Errorf(p.BodyPos(start+at), "lists and blockquotes nest more than %d deep here", max)
			d.Suggestion = "flatten the nesting, or raise limits: nesting: in dossier.yaml"
			p.Body = nil // refused: the Markdown parser never sees it
			return diag.List{d}
		}
		start = end + 1
	}
	return nil
}

// lineNesting estimates the container depth a line opens, and the byte
// offset in line of the marker that passes max.
func lineNesting(line []byte, max int) (depth, at int) {
	indent, i := 0, 0
	markers := 0
	for i < len(line) {
		marker := i
		switch c := line[i]; {
		case c == ' ':
			indent++
			i++
			continue
		case c == '\t':
			indent += 4 - indent%4
			i++
			continue
		case c == '>':
			i++
		case (c == '-' || c == '+' || c == '*') && (i+1 == len(line) || line[i+1] == ' ' || line[i+1] == '\t'):
			i++ // an item may be empty: "-" alone on its line
		case c >= '0' && c <= '9':
			j := i
			for j < len(line) && j-i < 10 && line[j] >= '0' && line[j] <= '9' {
				j++
			}
			if j == len(line) || (line[j] != '.' && line[j] != ')') || (j+1 < len(line) && line[j+1] != ' ' && line[j+1] != '\t') {
				return markers + indent/2, i
			}
			i = j + 1
		case c == '[' && bytes.HasPrefix(line[i:], []byte("[^")) && bytes.Contains(line[i:], []byte("]:")):
			i += bytes.Index(line[i:], []byte("]:")) + 2 // a footnote definition holds blocks too
		default:
			return markers + indent/2, i
		}
		markers++
		if i < len(line) && line[i] == ' ' {
			i++ // the marker's own space
		}
		if markers+indent/2 > max {
			return markers + indent/2, marker
		}
	}
	return markers + indent/2, i
}

// HasBidi reports whether s holds a bidirectional formatting character
// (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C), which can
// reverse how the text after it reads.
func HasBidi(s string) bool {
	for _, r := range s {
		if isBidi(r) {
			return true
		}
	}
	return false
}

func isBidi(r rune) bool {
	return r >= 0x202A && r <= 0x202E || r >= 0x2066 && r <= 0x2069 || r == 0x200E || r == 0x200F || r == 0x061C
}

// Isolate wraps s in FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE when
// it holds bidirectional formatting characters, so they end with it: for
// text outside HTML (a feed, JSON, a <title>).
func Isolate(s string) string {
	if !HasBidi(s) {
		return s
	}
	return "\u2068" + s + "\u2069"
}

// MaxFileBytes is the largest file_size a dossier may set: offsets within a
// file are kept in 32 bits (see markdown.Link).
const MaxFileBytes = 1 << 30
