package markdown

import (
	"strconv"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"
)

// headingIDs gives headings their anchor IDs: the heading's ASCII letters
// and digits in lower case, spaces, hyphens and underscores as hyphens;
// "heading" when nothing is left; "-1", "-2" … after an ID already taken.
// Reserved IDs (the page sections a template adds around the body, and on
// a numbered page the paragraph anchors p1, p2 …) count as taken, so a
// heading never shares an ID with them.
type headingIDs struct {
	taken    map[string]bool
	next     map[string]int // the suffix to try next after each base
	numbered bool
}

func newHeadingIDs(reserved []string, numbered bool) *headingIDs {
	ids := &headingIDs{taken: make(map[string]bool, len(reserved)), next: map[string]int{}, numbered: numbered}
	for _, r := range reserved {
		ids.taken[r] = true
	}
	return ids
}

func (s *headingIDs) isTaken(id string) bool {
	return s.taken[id] || s.numbered && isParagraphAnchor(id)
}

// isParagraphAnchor reports whether id has the form of a numbered
// paragraph's anchor: "p" and digits.
func isParagraphAnchor(id string) bool {
	if len(id) < 2 || id[0] != 'p' {
		return false
	}
	for _, c := range id[1:] {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// Generate implements parser.IDs.
func (s *headingIDs) Generate(value []byte, kind ast.NodeKind) []byte {
	var id []byte
	for _, c := range util.TrimRightSpace(util.TrimLeftSpace(value)) {
		switch {
		case c >= 'A' && c <= 'Z':
			id = append(id, c+'a'-'A')
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
			id = append(id, c)
		case c == ' ' || c == '\t' || c == '-' || c == '_':
			id = append(id, '-')
		}
	}
	if len(id) == 0 {
		id = []byte("heading")
	}
	base := string(id)
	out := base
	// Each suffix of a base is tried once in all, so that n headings of
	// the same text cost n steps, not n²/2.
	for i := s.next[base]; s.isTaken(out); i++ {
		out = base + "-" + strconv.Itoa(i+1)
		s.next[base] = i + 1
	}
	s.taken[out] = true
	return []byte(out)
}

// Put implements parser.IDs: an ID written by hand ({#id}) is taken.
func (s *headingIDs) Put(value []byte) { s.taken[string(value)] = true }
