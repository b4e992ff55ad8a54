package build

import (
	"crypto/sha256"
	"maps"
	"slices"
	"sync"

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
	mu    sync.Mutex
	pages map[string]pageMemo
	// read says the memo pack was read; dirty that the memos changed
	// since it was last written.
	read, dirty bool
	// hits counts the views a memo spared (for tests).
	hits int
	// lastNow is the versions of the last pass that looked the memos up
	// (see changedSince).
	lastNow map[string][sha256.Size]byte
}

type pageMemo struct {
	key  [sha256.Size]byte
	site [sha256.Size]byte
	own  [sha256.Size]byte
	deps []dep
}

// dep is a page a view showed and its version then.
type dep struct {
	page    string
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

// versions maps every page ("kind/slug") to its version, and its card
// (view.CardDep) to its card's key.
func versions(g *xref.Graph, views *view.Builder) map[string][sha256.Size]byte {
	out := make(map[string][sha256.Size]byte, 2*len(g.All()))
	for _, n := range g.All() {
		page := string(n.Kind()) + "/" + n.Slug()
		out[page] = n.Version
		out[view.CardDep(page)] = views.CardKey(n)
	}
	return out
}

// lookup returns the key of path's view when its memo still holds.
//
// changed, when not nil, holds every entry of now that differs from the
// last pass's: a memo's dependencies were those of the last pass (it was
// made or found valid in it), so only those in changed need comparing.
func (m *pageMemos) lookup(path string, site, own [sha256.Size]byte, now map[string][sha256.Size]byte, changed map[string]bool) ([sha256.Size]byte, bool) {
	m.mu.Lock()
	p, ok := m.pages[path]
	m.mu.Unlock()
	if !ok || p.site != site || p.own != own {
		return [sha256.Size]byte{}, false
	}
	for _, d := range p.deps {
		if changed != nil {
			if changed[d.page] {
				return [sha256.Size]byte{}, false
			}
			continue
		}
		if cur, ok := now[d.page]; !ok || cur != d.version {
			return [sha256.Size]byte{}, false
		}
	}
	m.mu.Lock()
	m.hits++
	m.mu.Unlock()
	return p.key, true
}

// changedSince returns the entries of now that differ from those of the
// last pass that looked the memos up (or are gone), and makes now the
// last. Every memo left after a pass was made or found valid in it (the
// memos of pages not in the build are dropped: keepOnly), so its
// dependencies had the last pass's versions. nil when there was no last
// pass in this process (the memos may come from the memo pack).
func (m *pageMemos) changedSince(now map[string][sha256.Size]byte) map[string]bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	last := m.lastNow
	m.lastNow = now
	if last == nil {
		return nil
	}
	changed := map[string]bool{}
	for k, v := range now {
		if old, ok := last[k]; !ok || old != v {
			changed[k] = true
		}
	}
	for k := range last {
		if _, ok := now[k]; !ok {
			changed[k] = true
		}
	}
	return changed
}

// remember records a view's key and dependencies.
func (m *pageMemos) remember(path string, key, site, own [sha256.Size]byte, deps []string, now map[string][sha256.Size]byte) {
	p := pageMemo{key: key, site: site, own: own, deps: make([]dep, len(deps))}
	for i, d := range deps {
		p.deps[i] = dep{d, now[d]}
	}
	m.mu.Lock()
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

// sorted returns the memos in the order of their paths.
func (m *pageMemos) sorted() ([]string, []pageMemo) {
	m.mu.Lock()
	defer m.mu.Unlock()
	paths := slices.Sorted(maps.Keys(m.pages))
	memos := make([]pageMemo, len(paths))
	for i, p := range paths {
		memos[i] = m.pages[p]
	}
	return paths, memos
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
