package build

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"maps"
	"path/filepath"
	"slices"

	"github.com/dossier-project/dossier/internal/content"
	"github.com/dossier-project/dossier/internal/diag"
	"github.com/dossier-project/dossier/internal/markdown"
	"github.com/dossier-project/dossier/internal/view"
	"github.com/dossier-project/dossier/internal/xref"
)

// The parse pack keeps, in the cache folder, every file's parse from the
// last build of a dossier, so that the next process parses only the files
// whose bytes changed. It holds no source: an entry is used only when the
// file's bytes, read again, have the SHA-256 it records, and the page and
// body are made again from those bytes and the entry (content.Restore,
// markdown.Restore). The pack is one gob stream, written whole after a
// build that parsed anything, atomically; it is trusted only by the
// binary that wrote it, under the same limits.

// packVersion changes when the pack's layout does.
const packVersion = 1

// packHeader opens a pack. Mentions carries the mentions memo (see
// xref.Memo), which holds for the bodies whose hashes it names.
type packHeader struct {
	Version  int
	Binary   []byte
	Limits   content.Limits
	Reserved []string
	Count    int
	Mentions xref.MemoSnapshot
}

// packEntry is one file's parse.
type packEntry struct {
	Path  string
	Sum   []byte
	Page  *content.Snapshot // nil: the file did not parse
	Doc   *markdown.Snapshot
	Diags diag.List
}

// packPath is where the pack of the dossier at Options.SourceDir lives.
func (b *Builder) packPath() string { return b.cachePath("parses") }

// cachePath names the dossier's file in the cache folder kind: one per
// dossier folder, by the hash of its absolute path ("" with no cache).
func (b *Builder) cachePath(kind string) string {
	if b.opts.CacheDir == "" || b.opts.SourceDir == "" {
		return ""
	}
	abs, err := filepath.Abs(b.opts.SourceDir)
	if err != nil {
		return ""
	}
	sum := sha256.Sum256([]byte(abs))
	return filepath.Join(b.opts.CacheDir, kind, hex.EncodeToString(sum[:16])+".gob")
}

func (b *Builder) packHeader(lim content.Limits) packHeader {
	bin := b.binaryOnce()
	return packHeader{Version: packVersion, Binary: bin[:], Limits: lim, Reserved: view.SectionIDs()}
}

// readPack returns the last build's parses by path, or nothing when there
// is no pack for this binary and these limits; it restores the mentions
// memo.
func (b *Builder) readPack(lim content.Limits) map[string]packEntry {
	dec, ok := readPackFile(b.packPath())
	if !ok {
		return nil
	}
	var h packHeader
	want := b.packHeader(lim)
	if dec.Decode(&h) != nil || h.Version != want.Version || !bytes.Equal(h.Binary, want.Binary) || h.Limits != want.Limits || !slices.Equal(h.Reserved, want.Reserved) {
		return nil
	}
	out := make(map[string]packEntry, h.Count)
	for range h.Count {
		var e packEntry
		if dec.Decode(&e) != nil || len(e.Sum) != sha256.Size && len(e.Sum) != 0 {
			return nil
		}
		if len(e.Sum) != 0 { // one without is a parse the pack could not keep (entryOf)
			out[e.Path] = e
		}
	}
	b.memo.Restore(h.Mentions)
	return out
}

// restore makes a parse of raw (whose hash is sum) from a pack entry.
func (e packEntry) restore(raw []byte, sum [sha256.Size]byte) *parsed {
	p := &parsed{sum: sum, diags: e.Diags}
	if e.Page != nil && e.Doc != nil {
		p.page = content.Restore(*e.Page, raw)
		p.doc = markdown.Restore(*e.Doc, p.page.Body)
	}
	return p
}

// writePack records the parses of this build. Failing to write only costs
// the next process its reuse.
func (b *Builder) writePack(lim content.Limits, files map[string]*parsed) {
	writePackFile(b.packPath(), func(enc *gob.Encoder) error {
		h := b.packHeader(lim)
		h.Count = len(files)
		h.Mentions = b.memo.Snapshot()
		if err := enc.Encode(h); err != nil {
			return err
		}
		for _, path := range slices.Sorted(maps.Keys(files)) {
			if err := enc.Encode(entryOf(path, files[path])); err != nil {
				return err
			}
		}
		return nil
	})
}

// entryOf is p's entry in the pack. A parse whose text cannot be read
// back gets an entry with no sum, which no file matches: the next
// process parses that file again.
func entryOf(path string, p *parsed) packEntry {
	e := packEntry{Path: path, Sum: p.sum[:], Diags: p.diags}
	if p.page != nil {
		ds, err := p.doc.Snapshot()
		if err != nil {
			return packEntry{Path: path}
		}
		ps := p.page.Snapshot()
		e.Page, e.Doc = &ps, &ds
	}
	return e
}
