package build

import (
	"bufio"
	"crypto/sha256"
	"encoding/gob"
	"os"
	"path/filepath"
)

// The memo pack keeps the page memos (see pageMemos) in the cache folder,
// so that a new process (the next dossier build) knows the key of every
// page whose inputs have not changed without making and hashing its
// view: a warm build makes the views of the changed pages and of those
// that show them. Like the parse pack, it is trusted only by the binary
// that wrote it, with the same options; and like any memo it only spares
// work: whether an output is kept is still decided by its key against the
// site folder's manifest. Only dossier build uses it: dossier serve keeps
// its memos in memory for the whole session.

// memoPackVersion changes when the layout does.
const memoPackVersion = 1

type memoPackHeader struct {
	Version int
	Binary  [sha256.Size]byte
	Drafts  bool
	Count   int
}

// memoPackEntry is one page's memo.
type memoPackEntry struct {
	Path           string
	Key, Site, Own [sha256.Size]byte
	DepPages       []string
	DepVersions    [][sha256.Size]byte
}

func (b *Builder) memoPackHeader() memoPackHeader {
	return memoPackHeader{Version: memoPackVersion, Binary: b.binaryOnce(), Drafts: b.opts.Drafts}
}

// readMemoPack fills the memos from the pack, once per Builder; a missing,
// foreign or damaged pack leaves them empty.
func (b *Builder) readMemoPack() {
	if b.memos.read {
		return
	}
	b.memos.read = true
	p := b.cachePath("memos")
	if p == "" || b.opts.Preview {
		return
	}
	f, err := os.Open(p)
	if err != nil {
		return
	}
	defer f.Close()
	dec := gob.NewDecoder(bufio.NewReaderSize(f, 1<<20))
	var h memoPackHeader
	if dec.Decode(&h) != nil || h != func() memoPackHeader { w := b.memoPackHeader(); w.Count = h.Count; return w }() {
		return
	}
	pages := make(map[string]pageMemo, h.Count)
	for range h.Count {
		var e memoPackEntry
		if dec.Decode(&e) != nil || len(e.DepPages) != len(e.DepVersions) {
			return
		}
		m := pageMemo{key: e.Key, site: e.Site, own: e.Own, deps: make([]dep, len(e.DepPages))}
		for i := range e.DepPages {
			m.deps[i] = dep{e.DepPages[i], e.DepVersions[i]}
		}
		pages[e.Path] = m
	}
	b.memos.pages = pages
}

// writeMemoPack records the memos when this build changed them. Failing
// to write only costs the next process its memos.
func (b *Builder) writeMemoPack() {
	p := b.cachePath("memos")
	if p == "" || b.opts.Preview || !b.memos.takeDirty() || os.MkdirAll(filepath.Dir(p), 0o755) != nil {
		return
	}
	f, err := os.CreateTemp(filepath.Dir(p), ".memos-*")
	if err != nil {
		return
	}
	defer os.Remove(f.Name())
	w := bufio.NewWriterSize(f, 1<<20)
	enc := gob.NewEncoder(w)
	paths, memos := b.memos.sorted()
	h := b.memoPackHeader()
	h.Count = len(paths)
	err = enc.Encode(h)
	for i, path := range paths {
		if err != nil {
			break
		}
		m := memos[i]
		e := memoPackEntry{Path: path, Key: m.key, Site: m.site, Own: m.own,
			DepPages: make([]string, len(m.deps)), DepVersions: make([][sha256.Size]byte, len(m.deps))}
		for j, d := range m.deps {
			e.DepPages[j], e.DepVersions[j] = d.page, d.version
		}
		err = enc.Encode(e)
	}
	if err == nil {
		err = w.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		_ = os.Rename(f.Name(), p)
	}
}
