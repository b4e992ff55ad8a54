package yamlfile

import (
	"bytes"
	"regexp"
	"unicode/utf8"

	"github.com/dossier-project/dossier/internal/diag"
)

// A quoted value may run over several lines in YAML, so a closing quote
// left out makes go-yaml read the following keys as part of the text and
// stop, lines later, at whatever no longer fits ("key is not lined up",
// "unexpected value"). Front matter keeps its values on one line, so when
// go-yaml fails after a line whose quoted value does not close on that
// line, that quote is the mistake, and the error is reported there.

// quotedValue finds a value that opens with a quote: after "key: " or a
// list item's "- ".
var quotedValue = regexp.MustCompile(`^\s*(?:-\s+|[^\s#"'][^:#]*:\s+)(["'])`)

// unclosedQuote returns the error for the first line before errLine whose
// quoted value does not close on that line. Lines are numbered from
// firstLine, as in the file.
func unclosedQuote(file string, src []byte, firstLine, errLine int) (diag.Diagnostic, bool) {
	for i, line := range bytes.Split(src, []byte("\n")) {
		n := firstLine + i
		if errLine > 0 && n >= errLine {
			break
		}
		m := quotedValue.FindSubmatchIndex(line)
		if m == nil || closes(line[m[3]:], line[m[2]]) {
			continue
		}
		col := utf8.RuneCount(line[:m[2]]) + 1
		pos := diag.Pos{File: file, Line: n, Col: col}
		if line[m[2]] == '"' {
			d := diag.Errorf(pos, `%sunclosed double quote: the value that starts here has no closing " on its line`, label(file))
			d.Suggestion = `add " where the value ends`
			return d, true
		}
		d := diag.Errorf(pos, "%sunclosed single quote: the value that starts here has no closing ' on its line", label(file))
		d.Suggestion = "add ' where the value ends"
		return d, true
	}
	return diag.Diagnostic{}, false
}

// closes reports whether rest (what follows an opening quote) holds the
// closing one: in double quotes a backslash escapes the next character;
// in single quotes a doubled quote is a quote inside the text.
func closes(rest []byte, quote byte) bool {
	for i := 0; i < len(rest); i++ {
		switch {
		case quote == '"' && rest[i] == '\\':
			i++
		case rest[i] == quote && quote == '\'' && i+1 < len(rest) && rest[i+1] == '\'':
			i++
		case rest[i] == quote:
			return true
		}
	}
	return false
}
