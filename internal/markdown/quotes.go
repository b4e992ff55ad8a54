package markdown

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// quoteLookback bounds how far back from a link the quotation it follows
// is looked for, so that finding quotations stays linear in a block of
// many links.
const quoteLookback = 2048

// trailingQuote returns the quotation that text ends with, if any: a
// closing quote, then optional punctuation and space, with its opening
// quote at most quoteLookback bytes back. The result is a copy: it keeps
// none of text alive.
func trailingQuote(text string) string {
	return strings.Clone(findTrailingQuote(text))
}

func findTrailingQuote(text string) string {
	if len(text) > quoteLookback {
		text = text[len(text)-quoteLookback:]
		for len(text) > 0 && !utf8.RuneStart(text[0]) {
			text = text[1:]
		}
	}
	t := strings.TrimRightFunc(text, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(".,;:(", r)
	})
	closeQ := ""
	switch {
	case strings.HasSuffix(t, "”"):
		closeQ = "”"
	case strings.HasSuffix(t, "\""):
		closeQ = "\""
	default:
		return ""
	}
	body := strings.TrimSuffix(t, closeQ)
	open := max(strings.LastIndex(body, "“"), strings.LastIndex(body, "\""))
	if open < 0 {
		return ""
	}
	_, size := utf8.DecodeRuneInString(body[open:])
	return body[open+size:]
}
