package xref

import (
	"unicode"
	"unicode/utf8"
)

// matcher finds every occurrence of many patterns in one pass over a text
// (Aho–Corasick over bytes). Matches are case-sensitive and must stand as
// whole words: names are proper nouns, and "US" must not match "focus".
// A matcher is immutable after newMatcher and safe for concurrent use.
type matcher struct {
	next []map[byte]int // goto function per state
	fail []int
	out  [][]int // pattern indices that end at each state
	lens []int   // pattern lengths
}

func newMatcher(patterns []string) *matcher {
	m := &matcher{next: []map[byte]int{{}}, fail: []int{0}, out: [][]int{nil}}
	for i, p := range patterns {
		m.lens = append(m.lens, len(p))
		if p == "" {
			continue
		}
		s := 0
		for j := 0; j < len(p); j++ {
			t, ok := m.next[s][p[j]]
			if !ok {
				t = len(m.next)
				m.next = append(m.next, map[byte]int{})
				m.fail = append(m.fail, 0)
				m.out = append(m.out, nil)
				m.next[s][p[j]] = t
			}
			s = t
		}
		m.out[s] = append(m.out[s], i)
	}
	m.link()
	return m
}

// link computes failure links breadth-first.
func (m *matcher) link() {
	queue := make([]int, 0, len(m.next))
	for _, t := range m.next[0] {
		queue = append(queue, t)
	}
	for len(queue) > 0 {
		s := queue[0]
		queue = queue[1:]
		for c, t := range m.next[s] {
			queue = append(queue, t)
			f := m.fail[s]
			for f != 0 && !hasEdge(m.next[f], c) {
				f = m.fail[f]
			}
			if g, ok := m.next[f][c]; ok && g != t {
				m.fail[t] = g
			}
			m.out[t] = append(m.out[t], m.out[m.fail[t]]...)
		}
	}
}

func hasEdge(edges map[byte]int, c byte) bool { _, ok := edges[c]; return ok }

// find calls found with the index and end offset of each occurrence of a
// pattern in text as a whole word (the start is end minus its length).
func (m *matcher) find(text string, found func(pattern, end int)) {
	s := 0
	for i := 0; i < len(text); i++ {
		c := text[i]
		for s != 0 && !hasEdge(m.next[s], c) {
			s = m.fail[s]
		}
		if t, ok := m.next[s][c]; ok {
			s = t
		}
		for _, p := range m.out[s] {
			start := i + 1 - m.lens[p]
			if boundaryBefore(text, start) && boundaryAfter(text, i+1) {
				found(p, i+1)
			}
		}
	}
}

// boundaryBefore reports whether no letter or digit ends right before i.
func boundaryBefore(text string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return i == 0 || !isWordRune(r)
}

// boundaryAfter reports whether no letter or digit starts at i.
func boundaryAfter(text string, i int) bool {
	r, _ := utf8.DecodeRuneInString(text[i:])
	return i >= len(text) || !isWordRune(r)
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' }
