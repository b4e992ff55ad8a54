package markdown

import "crypto/sha256"

// Snapshot is a Doc without its source: what a cache keeps so that a
// later process need not parse the body again (see Restore). It is plain
// data.
type Snapshot struct {
	Numbered    bool
	ReservedIDs []string
	Hash        []byte // sha256.Size bytes (a slice: gob decodes arrays element by element)
	Headings    []Heading
	Paragraphs  []string
	Links       []Link
	Text        string
	Linked      [][2]int
}

// Snapshot returns what Restore needs, besides the source, to make the
// Doc again.
func (d *Doc) Snapshot() (Snapshot, error) {
	text, err := d.Text()
	return Snapshot{Numbered: d.opts.NumberParagraphs, ReservedIDs: d.opts.ReservedIDs, Hash: d.Hash[:],
		Headings: d.Headings, Paragraphs: d.Paragraphs, Links: d.Links, Text: text, Linked: d.Linked}, err
}

// Restore makes the Doc that Parse made of src from its snapshot; src must
// be that source (the caller checks).
func Restore(s Snapshot, src []byte) *Doc {
	var hash [sha256.Size]byte
	copy(hash[:], s.Hash)
	return &Doc{src: src, opts: Options{NumberParagraphs: s.Numbered, ReservedIDs: s.ReservedIDs}, Hash: hash,
		Headings: s.Headings, Paragraphs: s.Paragraphs, Links: s.Links, text: s.Text, Linked: s.Linked}
}
