package content

import (
	"bytes"

	"github.com/dossier-project/dossier/internal/diag"
)

// Snapshot is a parsed page without its file's bytes: what a cache keeps
// so that a later process need not parse the file again (see Restore).
// It is plain data.
type Snapshot struct {
	Kind       Kind
	File       string
	Slug       string
	Meta       Meta
	Dates      Dates
	BodyLine   int
	BodyOffset int
	Hash       []byte // 32 bytes (a slice: gob decodes arrays element by element)
	// Placeholders are Page.Placeholders.
	Placeholders []diag.Pos
}

// Snapshot returns what Restore needs, besides the file's bytes, to make
// the page again.
func (p *Page) Snapshot() Snapshot {
	return Snapshot{Kind: p.Kind, File: p.File, Slug: p.Slug, Meta: p.Meta, Dates: p.Dates,
		BodyLine: p.BodyLine, BodyOffset: p.BodyOffset, Hash: p.Hash[:], Placeholders: p.Placeholders}
}

// Restore makes the page that ParseFile made of raw, the file's bytes,
// from its snapshot; raw must be those bytes (the caller checks their
// hash). The result is a new page, equal to the one parsed.
func Restore(s Snapshot, raw []byte) *Page {
	src := normalize(raw)
	var hash [32]byte
	copy(hash[:], s.Hash)
	body := bytes.Clone(src[min(s.BodyOffset, len(src)):])
	return &Page{Kind: s.Kind, File: s.File, Slug: s.Slug, Meta: s.Meta, Dates: s.Dates,
		Body: body, BodyLine: s.BodyLine, BodyOffset: s.BodyOffset,
		Lines: diag.NewLines(src).Sparse(), Hash: hash, Placeholders: s.Placeholders}
}

// normalize is what ParseFile does to a file's bytes before parsing: the
// byte-order mark dropped, lone carriage returns made line feeds.
func normalize(raw []byte) []byte {
	return normalizeLoneCR(bytes.TrimPrefix(raw, []byte(bom)))
}
