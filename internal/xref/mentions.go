package xref

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"maps"
	"runtime"
	"slices"
	"sync"

	"github.com/dossier-project/dossier/internal/content"
	"github.com/dossier-project/dossier/internal/diag"
)

// findMentions fills each actor's MentionedIn: the pages whose unlinked
// text names the actor by title or alias, and which do not already
// reference it. One Aho–Corasick pass per page covers every name; with a
// memo, a page whose body and the dossier's names are unchanged is not
// scanned again.
func findMentions(g *Graph, memo *Memo) diag.List {
	actors := g.ByKind(content.Actor)
	var patterns []string
	var owner []*Node
	for _, a := range actors {
		for _, name := range names(a.Page) {
			patterns = append(patterns, name)
			owner = append(owner, a)
		}
	}
	if len(patterns) == 0 {
		return nil
	}
	memo = memo.forNames(patterns)
	matcher := lazyMatcher{patterns: patterns, m: memo.matcherOf()}
	defer memo.keepMatcher(&matcher)
	// Pages are scanned in parallel (reading each text back from where
	// the build set it aside is most of the work), then taken in the
	// graph's order, so each MentionedIn comes out in it, a page already
	// there is its last, and ReferencedBy (in the same order) is searched
	// by halves.
	found, errs := make([][]int, len(g.all)), make([]error, len(g.all))
	workers := runtime.GOMAXPROCS(0)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := w; i < len(g.all); i += workers {
				found[i], errs[i] = memo.scan(g.all[i], &matcher)
			}
		})
	}
	wg.Wait()
	var diags diag.List
	for i, n := range g.all {
		if errs[i] != nil {
			diags.Add(diag.Errorf(diag.Pos{File: n.Page.File}, "finding the actors it names: %v", errs[i]))
		}
		for _, p := range found[i] {
			a := owner[p]
			if a == n || inOrder(a.ReferencedBy, n) || len(a.MentionedIn) > 0 && a.MentionedIn[len(a.MentionedIn)-1] == n {
				continue
			}
			a.MentionedIn = append(a.MentionedIn, n)
		}
	}
	return diags
}

// inOrder reports whether n is in nodes, which are in the graph's order.
func inOrder(nodes []*Node, n *Node) bool {
	_, found := slices.BinarySearchFunc(nodes, n.at, func(x *Node, at int) int { return cmp.Compare(x.at, at) })
	return found
}

// lazyMatcher builds its automaton on first use: a rebuild whose bodies
// are all in the memo needs none. It is safe for concurrent use.
type lazyMatcher struct {
	patterns []string
	m        *matcher
	once     sync.Once
}

func (l *lazyMatcher) get() *matcher {
	l.once.Do(func() {
		if l.m == nil {
			l.m = newMatcher(l.patterns)
		}
	})
	return l.m
}

// Memo remembers, for each body (by its parse's hash), which names its
// unlinked text mentions, under one list of names. It is owned by one
// caller of Resolve at a time.
type Memo struct {
	mu      sync.Mutex
	names   [sha256.Size]byte
	found   map[[sha256.Size]byte][]int
	used    map[[sha256.Size]byte]bool
	matcher *matcher // of the names, once built
}

// matcherOf returns the matcher of the memo's names, if one was built.
func (m *Memo) matcherOf() *matcher {
	if m == nil {
		return nil
	}
	return m.matcher
}

// keepMatcher keeps the matcher of the memo's names, if one was built.
func (m *Memo) keepMatcher(l *lazyMatcher) {
	if m != nil && l.m != nil {
		m.matcher = l.m
	}
}

// NewMemo returns an empty memo.
func NewMemo() *Memo { return &Memo{} }

// forNames returns the memo ready for this list of names: emptied when
// the names differ from the last call's. A nil memo remembers nothing.
func (m *Memo) forNames(patterns []string) *Memo {
	if m == nil {
		return nil
	}
	h := sha256.New()
	for _, p := range patterns {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	sum := [sha256.Size]byte(h.Sum(nil))
	m.mu.Lock()
	defer m.mu.Unlock()
	if sum != m.names || m.found == nil {
		m.names, m.found, m.matcher = sum, map[[sha256.Size]byte][]int{}, nil
	}
	if m.used == nil {
		m.used = map[[sha256.Size]byte]bool{}
	}
	clear(m.used) // keeps its room: the next build uses as many bodies
	return m
}

// scan returns the pattern indices mentioned in n's unlinked text.
func (m *Memo) scan(n *Node, matcher *lazyMatcher) ([]int, error) {
	if m != nil {
		m.mu.Lock()
		found, ok := m.found[n.Doc.Hash]
		if ok {
			m.used[n.Doc.Hash] = true
		}
		m.mu.Unlock()
		if ok {
			return found, nil
		}
	}
	text, err := n.Doc.Unlinked()
	if err != nil {
		return nil, err
	}
	var found []int
	matcher.get().find(text, func(p, _ int) {
		if !slices.Contains(found, p) {
			found = append(found, p)
		}
	})
	if m != nil {
		m.mu.Lock()
		m.found[n.Doc.Hash] = found
		m.used[n.Doc.Hash] = true
		m.mu.Unlock()
	}
	return found, nil
}

// Sweep forgets the bodies the last Resolve did not see.
func (m *Memo) Sweep() {
	m.mu.Lock()
	defer m.mu.Unlock()
	for k := range m.found {
		if !m.used[k] {
			delete(m.found, k)
		}
	}
}

// MemoSnapshot is a Memo's content as plain data, for a cache: the hash
// of the names, then each body's hash (32 bytes each, in Bodies) and what
// was found in it. Hashes are byte slices, which gob reads whole.
type MemoSnapshot struct {
	Names  []byte
	Bodies []byte
	Found  [][]int
}

// Snapshot returns what the memo holds.
func (m *Memo) Snapshot() MemoSnapshot {
	m.mu.Lock()
	defer m.mu.Unlock()
	s := MemoSnapshot{Names: m.names[:], Bodies: make([]byte, 0, len(m.found)*sha256.Size), Found: make([][]int, 0, len(m.found))}
	for _, k := range slices.SortedFunc(maps.Keys(m.found), func(a, b [sha256.Size]byte) int { return bytes.Compare(a[:], b[:]) }) {
		s.Bodies = append(s.Bodies, k[:]...)
		s.Found = append(s.Found, m.found[k])
	}
	return s
}

// Restore replaces what the memo holds with s (from an earlier process);
// a snapshot of the wrong shape leaves the memo empty.
func (m *Memo) Restore(s MemoSnapshot) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.names, m.found = [sha256.Size]byte{}, map[[sha256.Size]byte][]int{}
	if len(s.Names) != sha256.Size || len(s.Bodies) != len(s.Found)*sha256.Size {
		return
	}
	m.names = [sha256.Size]byte(s.Names)
	for i, found := range s.Found {
		m.found[[sha256.Size]byte(s.Bodies[i*sha256.Size:(i+1)*sha256.Size])] = found
	}
}
