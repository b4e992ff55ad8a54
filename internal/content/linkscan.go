package content

import (
	"bytes"

	"github.com/dossier-project/dossier/internal/diag"
)

// The Markdown parser reads a link's destination, after "](", up to a
// space, an unmatched ")" or the end of the line (after "](<", up to ">"
// or the end of the line), and does so again for every "](" of the line:
// a long line of "[a](" that never close costs the square of its length
// (20,000 of them on one line: 1.6 s; a 10 MB file of them: hours).
// checkLinkScan bounds that cost before the parser runs: on each line,
// the bytes the parser reads after every "](" (counted as it reads them)
// may be no more than scanFactor times the line's length plus
// scanAllowance. Text with links is far below: a destination ends at the
// space or ")" after it.

const (
	scanFactor    = 16
	scanAllowance = 64 << 10
)

// checkLinkCost refuses p's body, when limits.Links is set, if a line of
// its links or a paragraph of its link labels would cost the Markdown
// parser the square of its length (see checkLinkScan and
// checkBracketBlocks): the error is at the line or paragraph, and the
// body is dropped, so the parser never sees it.
func checkLinkCost(p *Page, limits Limits) diag.List {
	if limits.Links <= 0 {
		return nil
	}
	refused := checkLinkScan(p)
	if refused == nil {
		refused = checkBracketBlocks(p)
	}
	if refused != nil {
		p.Body = nil
	}
	return refused
}

// checkLinkScan reports the first line of p's body whose link
// destinations would cost the parser more than the bound.
func checkLinkScan(p *Page) diag.List {
	body := p.Body
	for start := 0; start < len(body); {
		end := start
		for end < len(body) && body[end] != '\n' {
			end++
		}
		line := body[start:end]
		budget := scanFactor*len(line) + scanAllowance
		if first, over := linkScanOver(line, budget); over {
			d := diag.Errorf(p.BodyPos(start+first), "this line's %d-byte run of unclosed links would take the Markdown parser too long", len(line)-first)
			d.Suggestion = "close each link as [text](url), or break the line"
			return diag.List{d}
		}
		start = end + 1
	}
	return nil
}

// linkScanOver reports whether reading the destinations of line's links
// as the parser does costs more than budget bytes, and where the first
// "](" is. It stops reading once over, so it costs at most the line's
// length plus budget.
func linkScanOver(line []byte, budget int) (first int, over bool) {
	first = bytes.Index(line, []byte("]("))
	if first < 0 {
		return 0, false
	}
	cost := 0
	for i := first; i+1 < len(line) && cost <= budget; i++ {
		if line[i] == ']' && line[i+1] == '(' {
			cost += destinationScan(line[i+2:])
		}
	}
	return first, cost > budget
}

// destinationScan returns how many bytes of rest the parser reads for a
// link destination at its start (goldmark's parseLinkDestination).
func destinationScan(rest []byte) int {
	i := 0
	for i < len(rest) && isSpace(rest[i]) {
		i++
	}
	if i < len(rest) && rest[i] == '<' {
		for i++; i < len(rest) && rest[i] != '>'; i++ {
			if rest[i] == '\\' && i+1 < len(rest) && isPunct(rest[i+1]) {
				i++
			}
		}
		return i
	}
	for opened := 0; i < len(rest) && !isSpace(rest[i]); i++ {
		switch c := rest[i]; {
		case c == '\\' && i+1 < len(rest) && isPunct(rest[i+1]):
			i++
		case c == '(':
			opened++
		case c == ')':
			if opened--; opened < 0 {
				return i
			}
		}
	}
	return i
}

// isSpace and isPunct are the parser's ideas of a space and of ASCII
// punctuation.
func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r'
}

func isPunct(c byte) bool {
	return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~'
}

// The Markdown parser also reads, for each link label ("[text]"), the
// lines of its paragraph from the paragraph's last line back to the
// label's (goldmark's blockReader.Value): a paragraph of n lines with k
// closing brackets costs up to k×n (5,000 lines of "[a]" a hundred times: 1.5 s;
// a 10 MB paragraph of them: minutes). checkBracketBlocks refuses a
// paragraph (a run of lines that are not blank, outside fenced code)
// where k×n passes bracketFactor times its length in bytes: a table of
// 2,000 rows with five links each is far below.
const bracketFactor = 256

// checkBracketBlocks reports the first paragraph of p's body whose
// brackets would cost the parser more than the bound.
func checkBracketBlocks(p *Page) diag.List {
	body := p.Body
	var b bracketBlock
	var fence []byte
	for start := 0; start <= len(body); {
		end := start
		for end < len(body) && body[end] != '\n' {
			end++
		}
		line := body[start:end]
		switch {
		case fence != nil:
			if bytes.HasPrefix(bytes.TrimLeft(line, " "), fence) {
				fence = nil
			}
		case isFence(line):
			fence = bytes.TrimLeft(line, " ")[:3]
			b = bracketBlock{}
		case len(bytes.TrimSpace(line)) == 0:
			b = bracketBlock{}
		default:
			if b.lines == 0 {
				b.start = start
			}
			b.lines++
			b.brackets += labelClosers(line)
			if b.brackets*b.lines > bracketFactor*(end-b.start+1) && b.lines > 1 {
				d := diag.Errorf(p.BodyPos(b.start), "this paragraph's %d lines and %d closing brackets would take the Markdown parser too long", b.lines, b.brackets)
				d.Suggestion = "break it into paragraphs with blank lines"
				return diag.List{d}
			}
		}
		start = end + 1
	}
	return nil
}

// labelClosers counts the "]" of line that may close a link label: all
// but those of wikilinks, which the wikilink parser takes whole.
func labelClosers(line []byte) int {
	n := 0
	for i := 0; i < len(line); i++ {
		switch line[i] {
		case '[':
			if end := wikilinkEnd(line[i:]); end > 0 {
				i += end - 1
			}
		case ']':
			n++
		}
	}
	return n
}

// wikilinkEnd is the length of the wikilink at the start of b ("[[", a
// target without "[", "]]"), or 0 (see markdown.ParseWikilink).
func wikilinkEnd(b []byte) int {
	if !bytes.HasPrefix(b, []byte("[[")) {
		return 0
	}
	rest := b[2:]
	if stop := bytes.IndexByte(rest, '['); stop >= 0 {
		rest = rest[:stop]
	}
	end := bytes.Index(rest, []byte("]]"))
	if end < 0 || len(bytes.TrimSpace(rest[:end])) == 0 {
		return 0
	}
	return end + 4
}

// bracketBlock counts the paragraph being read.
type bracketBlock struct{ start, lines, brackets int }

// isFence reports whether line opens fenced code: ``` or ~~~ after at
// most three spaces.
func isFence(line []byte) bool {
	t := bytes.TrimLeft(line, " ")
	return len(line)-len(t) <= 3 && (bytes.HasPrefix(t, []byte("```")) || bytes.HasPrefix(t, []byte("~~~")))
}
