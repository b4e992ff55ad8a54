package build

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
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
const memoPackVersion = 2

type memoPackHeader struct {
	Version int
	Binary  []byte
	Drafts  bool
	Count   int
}

// memoPackEntry is one page's memo. Hashes holds its key, site and own
// version, then the version of each page in DepPages, 32 bytes each.
type memoPackEntry struct {
	Path     string
	Hashes   []byte
	DepPages []string
}

func (b *Builder) memoPackHeader() memoPackHeader {
	bin := b.binaryOnce()
	return memoPackHeader{Version: memoPackVersion, Binary: bin[:], Drafts: b.opts.Drafts}
}

// readMemoPack fills the memos from the pack, once per Builder; a missing,
// foreign or damaged pack leaves them empty.
func (b *Builder) readMemoPack() {
	if b.memos.read || b.opts.Preview {
		return
	}
	b.memos.read = true
	dec, ok := readPackFile(b.cachePath("memos"))
	if !ok {
		return
	}
	var h memoPackHeader
	want := b.memoPackHeader()
	if dec.Decode(&h) != nil || h.Version != want.Version || !bytes.Equal(h.Binary, want.Binary) || h.Drafts != want.Drafts {
		return
	}
	pages := make(map[string]pageMemo, h.Count)
	for range h.Count {
		var e memoPackEntry
		if dec.Decode(&e) != nil {
			return
		}
		m, ok := e.memo(&b.memos.deps)
		if !ok {
			return
		}
		pages[e.Path] = m
	}
	b.memos.pages = pages
}

// memo is the entry's memo, its dependencies numbered by names.
func (e memoPackEntry) memo(names *depNames) (pageMemo, bool) {
	const n = sha256.Size
	if len(e.Hashes) != n*(3+len(e.DepPages)) {
		return pageMemo{}, false
	}
	at := func(i int) [n]byte { return [n]byte(e.Hashes[i*n : (i+1)*n]) }
	m := pageMemo{key: at(0), site: at(1), own: at(2), deps: make([]dep, len(e.DepPages))}
	for i, page := range e.DepPages {
		m.deps[i] = dep{names.id(page), at(3 + i)}
	}
	return m, true
}

// entryOfMemo is the pack's entry of a memo whose dependencies are
// numbered in names.
func entryOfMemo(path string, m pageMemo, names []string) memoPackEntry {
	e := memoPackEntry{Path: path, Hashes: make([]byte, 0, sha256.Size*(3+len(m.deps))), DepPages: make([]string, len(m.deps))}
	e.Hashes = append(append(append(e.Hashes, m.key[:]...), m.site[:]...), m.own[:]...)
	for i, d := range m.deps {
		e.DepPages[i] = names[d.id]
		e.Hashes = append(e.Hashes, d.version[:]...)
	}
	return e
}

// writeMemoPack records the memos when this build changed them.
func (b *Builder) writeMemoPack() {
	if b.opts.Preview || !b.memos.takeDirty() {
		return
	}
	writePackFile(b.cachePath("memos"), func(enc *gob.Encoder) error {
		paths, memos, names := b.memos.sorted()
		h := b.memoPackHeader()
		h.Count = len(paths)
		if err := enc.Encode(h); err != nil {
			return err
		}
		for i, path := range paths {
			if err := enc.Encode(entryOfMemo(path, memos[i], names)); err != nil {
				return err
			}
		}
		return nil
	})
}
