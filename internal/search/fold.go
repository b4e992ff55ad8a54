package search

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Fold returns s folded as the index and the browser fold it: NFKD,
// combining marks removed, lower case, final sigma as sigma.
func Fold(s string) string {
	var b strings.Builder
	for _, r := range norm.NFKD.String(s) {
		if r, ok := foldRune(r); ok {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// foldRune folds one rune of decomposed text; false drops it (a mark).
func foldRune(r rune) (rune, bool) {
	if unicode.Is(unicode.M, r) {
		return 0, false
	}
	r = unicode.ToLower(r)
	if r == 'ς' {
		r = 'σ'
	}
	return r, true
}

// Terms returns the terms of s in order, repeats included.
func Terms(s string) []string {
	var out []string
	var t tokenizer
	t.each(s, func(term []byte) { out = append(out, string(term)) })
	return out
}

// tokenizer splits text into terms, reusing its buffer.
type tokenizer struct{ term []byte }

// each calls fn with each term of s; term is valid only during the call.
func (t *tokenizer) each(s string, fn func(term []byte)) {
	if !isASCII(s) {
		s = norm.NFKD.String(s)
	}
	t.term = t.term[:0]
	for i := 0; i < len(s); {
		r, n := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(s[i:])
		}
		i += n
		r, keep := foldRune(r)
		switch {
		case !keep:
		case unicode.IsLetter(r) || unicode.IsNumber(r):
			t.term = utf8.AppendRune(t.term, r)
		case len(t.term) > 0:
			fn(t.term)
			t.term = t.term[:0]
		}
	}
	if len(t.term) > 0 {
		fn(t.term)
	}
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
