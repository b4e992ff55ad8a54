package build

import (
	"crypto/sha256"
	"maps"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/dossier-project/dossier/internal/content"
	"github.com/dossier-project/dossier/internal/view"
	"github.com/dossier-project/dossier/internal/xref"
)

// pageMemos remember, for each content page's output, the key of the last
// view made and what that view depended on: the version (xref.Node's
// Version) of its own page, the key of every card it showed and the
// version of every page whose cites and link targets it showed
// (view.Hasher.KeyDeps), and the site's part (settings, template set,
// site inputs). When none of these changed, the view would be the same,
// so its key is known without making it: a rebuild after one edit makes
// the views of the pages that show the edited page, not all of them, and
// an edit that leaves a page's card as it was (its body, say) does not
// make the pages that show only that card.
//
// A memo only spares making a view. Whether an output is kept is still
// decided by comparing its key with the one its last committed output
// was made from (Dest.keep), so a memo from a failed build can cost a
// needless write, never a stale page.
type pageMemos struct {
	mu    sync.RWMutex // lookups read pages under its read lock
	pages map[string]pageMemo
	// read says the memo pack was read; dirty that the memos changed
	// since it was last written.
	read, dirty bool
	// hits counts the views a memo spared (for tests).
	hits atomic.Int64
	// lastNow is the versions of the last pass that looked the memos up
	// (see changedSince).
	lastNow *depVersions
	// deps numbers the names of dependencies (see depNames).
	deps depNames
	// placeIDs are the numbers of each page and its card, by the page's
	// place in a graph with these names (xref.Graph.Names).
	placeIDs struct {
		names        [sha256.Size]byte
		pages, cards []int32
	}
}

type pageMemo struct {
	key  [sha256.Size]byte
	site [sha256.Size]byte
	own  [sha256.Size]byte
	deps []dep
}

// dep is a page (or card) a view showed, by its number in depNames, and
// its version then.
type dep struct {
	id      int32
	version [sha256.Size]byte
}

// memoable reports whether a page's memo rests on the pages its view
// showed: content pages, not home (it counts every section) nor costly
// pages. The memo of any other page (home, lists, tags, chronology,
// print) rests on the version of the whole dossier, so it spares the view
// only when no page changed at all.
func memoable(j view.Job) bool {
	return j.Node != nil && j.Node.Kind() != content.Home && !j.Costly
}

// versions gives every page ("kind/slug") its version, and its card
// (view.CardDep) its card's key.
func (m *pageMemos) versions(g *xref.Graph, views *view.Builder) *depVersions {
	all := g.All()
	cards := make([][sha256.Size]byte, len(all))
	for i, n := range all {
		cards[i] = views.CardKey(n)
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	ids := &m.placeIDs
	if ids.names != g.Names() || len(ids.pages) != len(all) {
		ids.names, ids.pages, ids.cards = g.Names(), make([]int32, len(all)), make([]int32, len(all))
		for i, n := range all {
			page := string(n.Kind()) + "/" + n.Slug()
			ids.pages[i], ids.cards[i] = m.deps.id(page), m.deps.id(view.CardDep(page))
		}
	}
	now := newDepVersions(len(m.deps.names))
	for i, n := range all {
		now.set(ids.pages[i], n.Version)
		now.set(ids.cards[i], cards[i])
	}
	return now
}

// lookup returns the key of path's view when its memo still holds.
//
// changed, when not nil, holds every entry of now that differs from the
// last pass's: a memo's dependencies were those of the last pass (it was
// made or found valid in it), so only those in changed need comparing.
func (m *pageMemos) lookup(path string, site, own [sha256.Size]byte, now *depVersions, changed []bool) ([sha256.Size]byte, bool) {
	m.mu.RLock()
	p, ok := m.pages[path]
	m.mu.RUnlock()
	if !ok || p.site != site || p.own != own {
		return [sha256.Size]byte{}, false
	}
	for _, d := range p.deps {
		if changed != nil {
			if int(d.id) >= len(changed) || changed[d.id] {
				return [sha256.Size]byte{}, false
			}
			continue
		}
		if cur, ok := now.get(d.id); !ok || cur != d.version {
			return [sha256.Size]byte{}, false
		}
	}
	m.hits.Add(1)
	return p.key, true
}

// changedSince returns, by dependency number, whether an entry of now
// differs from that of the last pass that looked the memos up (or is
// gone), and makes now the last. Every memo left after a pass was made or
// found valid in it (the memos of pages not in the build are dropped:
// keepOnly), so its dependencies had the last pass's versions. nil when
// there was no last pass in this process (the memos may come from the
// memo pack).
func (m *pageMemos) changedSince(now *depVersions) []bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	last := m.lastNow
	m.lastNow = now
	if last == nil {
		return nil
	}
	changed := make([]bool, max(len(now.known), len(last.known)))
	for i := range changed {
		v, ok := now.get(int32(i))
		old, was := last.get(int32(i))
		changed[i] = ok != was || v != old
	}
	return changed
}

// remember records a view's key and dependencies.
func (m *pageMemos) remember(path string, key, site, own [sha256.Size]byte, deps []string, now *depVersions) {
	p := pageMemo{key: key, site: site, own: own, deps: make([]dep, len(deps))}
	m.mu.Lock()
	for i, d := range deps {
		id := m.deps.id(d)
		v, _ := now.get(id)
		p.deps[i] = dep{id, v}
	}
	m.pages[path] = p
	m.dirty = true
	m.mu.Unlock()
}

// takeDirty reports whether the memos changed since the last call.
func (m *pageMemos) takeDirty() bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	d := m.dirty
	m.dirty = false
	return d
}

// sorted returns the memos in the order of their paths, and the names of
// their dependencies' numbers.
func (m *pageMemos) sorted() ([]string, []pageMemo, []string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	paths := slices.Sorted(maps.Keys(m.pages))
	memos := make([]pageMemo, len(paths))
	for i, p := range paths {
		memos[i] = m.pages[p]
	}
	return paths, memos, m.deps.names
}

// keep drops the memos of pages that are gone.
func (m *pageMemos) keepOnly(paths map[string]bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	for p := range m.pages {
		if !paths[p] {
			delete(m.pages, p)
			m.dirty = true
		}
	}
}
