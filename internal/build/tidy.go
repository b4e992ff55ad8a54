package build

import "strings"

// tidyCitations cleans up what taking citation markers out of a text
// leaves: brackets holding nothing but spaces, commas, semicolons and
// "and" ("( )", "(, )", "( and )") go, with one space before them, and
// spaces or tabs before punctuation go. It reads the text once: the
// search index runs it over every page's body on every build, where two
// regular expressions cost a 10,000-brief dossier half a second. The
// fuzz test holds it to the regular expressions it replaces.
func tidyCitations(s string) string {
	if strings.IndexByte(s, '(') < 0 && !spaceThenPunct(s) {
		return s
	}
	return dropSpaceBeforePunct(dropEmptyBrackets(s))
}

// dropEmptyBrackets removes ` ?\((?:[\s,;]|and)*\)`.
func dropEmptyBrackets(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	at := 0 // s[at:] is not yet copied
	for i := 0; i < len(s); i++ {
		if s[i] != '(' {
			continue
		}
		end, ok := emptyBracketEnd(s, i+1)
		if !ok {
			continue
		}
		start := i
		if start > at && s[start-1] == ' ' {
			start--
		}
		b.WriteString(s[at:start])
		at, i = end, end-1
	}
	if at == 0 {
		return s
	}
	b.WriteString(s[at:])
	return b.String()
}

// emptyBracketEnd reads from just after a "(": it returns the index just
// after the ")" when only spaces, commas, semicolons and "and" come
// before it.
func emptyBracketEnd(s string, j int) (int, bool) {
	for j < len(s) {
		switch c := s[j]; {
		case c == ')':
			return j + 1, true
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == ',' || c == ';':
			j++
		case strings.HasPrefix(s[j:], "and"):
			j += 3
		default:
			return 0, false
		}
	}
	return 0, false
}

// dropSpaceBeforePunct removes the spaces and tabs before , . ; : ! ?
// It copies the text between such runs whole.
func dropSpaceBeforePunct(s string) string {
	if !spaceThenPunct(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	at := 0 // s[at:] is not yet copied
	for i := 1; i < len(s); i++ {
		if !isPunct(s[i]) || s[i-1] != ' ' && s[i-1] != '\t' {
			continue
		}
		run := i - 1
		for run > at && (s[run-1] == ' ' || s[run-1] == '\t') {
			run--
		}
		b.WriteString(s[at:run])
		at = i
	}
	b.WriteString(s[at:])
	return b.String()
}

// spaceThenPunct reports whether a space or tab comes right before
// punctuation anywhere in s.
func spaceThenPunct(s string) bool {
	for i := 1; i < len(s); i++ {
		if isPunct(s[i]) && (s[i-1] == ' ' || s[i-1] == '\t') {
			return true
		}
	}
	return false
}

func isPunct(c byte) bool {
	return c == ',' || c == '.' || c == ';' || c == ':' || c == '!' || c == '?'
}
