package search

import (
	"slices"
	"strconv"
	"unicode/utf8"
)

// Field ids, as MiniSearch numbers the fields.
const (
	FieldTitle = iota
	FieldAliases
	FieldTags
	FieldSummary
	FieldText
	numFields
)

// FieldNames returns the field names by id.
func FieldNames() []string { return []string{"title", "aliases", "tags", "summary", "text"} }

// Doc is one page to index and show.
type Doc struct {
	URL     string
	Kind    string
	Title   string
	Aliases []string
	Tags    []string
	Summary string
	// Text is the page's text in parts (front-matter prose, then its
	// body), indexed and shown as one text with a newline between parts.
	Text []string
}

// size is the bytes of d's indexed text.
func (d *Doc) size() int {
	n := len(d.Title) + len(d.Summary)
	for _, ss := range [][]string{d.Aliases, d.Tags, d.Text} {
		for _, s := range ss {
			n += len(s) + 1
		}
	}
	return n
}

// Index is the inverted index of some Docs, encoded as MiniSearch
// serializes it. It is immutable once built, and safe for concurrent use.
type Index struct {
	docs    int
	lengths [][numFields]int // unique terms per document and field
	terms   []string         // sorted by UTF-16 code units
	enc     []byte           // the entry of each term, in order, each followed by a comma
	ends    []int            // ends[i] is where terms[i]'s entry ends in enc (at its comma)
}

// posting is one document's use of a term in one field.
type posting struct {
	doc   int32
	field uint8
	freq  int32
}

// Build indexes docs; document i gets short id i.
func Build(docs []Doc) *Index {
	ix := &Index{docs: len(docs), lengths: make([][numFields]int, len(docs))}
	var c counter
	for i := range docs {
		for f := range numFields {
			docs[i].eachPart(f, func(s string) { c.add(s) })
			ix.lengths[i][f] = c.flush(int32(i), uint8(f))
		}
	}
	order := make([]int32, len(c.terms))
	for id := range order {
		order[id] = int32(id)
	}
	slices.SortFunc(order, func(a, b int32) int { return compareUTF16(c.terms[a], c.terms[b]) })
	ix.terms = make([]string, len(order))
	ix.ends = make([]int, len(order))
	ix.enc = make([]byte, 0, c.encodedSize(len(docs)))
	for i, id := range order {
		ix.terms[i] = c.terms[id]
		ix.enc = appendEntry(ix.enc, c.terms[id], c.postings[id])
		ix.ends[i] = len(ix.enc)
		ix.enc = append(ix.enc, ',')
		c.postings[id] = nil // encoded: let it go
	}
	return ix
}

// encodedSize is about the bytes of every entry, so that the encoding
// grows its buffer once or not at all.
func (c *counter) encodedSize(docs int) int {
	n := 0
	for id, ps := range c.postings {
		n += len(c.terms[id]) + 8 + numFields*6 + len(ps)*(digits(docs)+5)
	}
	return n
}

// digits is the number of decimal digits of n.
func digits(n int) int {
	d := 1
	for ; n >= 10; n /= 10 {
		d++
	}
	return d
}

// eachPart calls fn with each part of field f's text.
func (d *Doc) eachPart(f int, fn func(string)) {
	var parts []string
	switch f {
	case FieldTitle:
		fn(d.Title)
	case FieldAliases:
		parts = d.Aliases
	case FieldTags:
		parts = d.Tags
	case FieldSummary:
		fn(d.Summary)
	default:
		parts = d.Text
	}
	for _, s := range parts {
		fn(s)
	}
}

// counter counts the terms of one document's field at a time and keeps
// every term's postings. Terms are numbered as first met.
type counter struct {
	tok      tokenizer
	ids      map[string]int32
	terms    []string
	postings [][]posting
	freq     []int32 // in the field being counted, by term id
	touched  []int32 // the ids counted in that field
}

// add counts the terms of s.
func (c *counter) add(s string) {
	if c.ids == nil {
		c.ids = map[string]int32{}
	}
	c.tok.each(s, func(term []byte) {
		id, ok := c.ids[string(term)]
		if !ok {
			id = int32(len(c.terms))
			c.ids[string(term)] = id
			c.terms = append(c.terms, string(term))
			c.postings = append(c.postings, nil)
			c.freq = append(c.freq, 0)
		}
		if c.freq[id] == 0 {
			c.touched = append(c.touched, id)
		}
		c.freq[id]++
	})
}

// flush records the counted terms as postings of doc's field f and
// returns how many distinct terms there were. Each term gets at most one
// posting per document and field, so postings are in document then
// field order.
func (c *counter) flush(doc int32, f uint8) int {
	n := len(c.touched)
	for _, id := range c.touched {
		c.postings[id] = append(c.postings[id], posting{doc, f, c.freq[id]})
		c.freq[id] = 0
	}
	c.touched = c.touched[:0]
	return n
}

// appendEntry appends a term's entry: ["term",{"field":{"doc":freq}}].
// A term is letters and digits only, so it needs no escaping in JSON.
func appendEntry(b []byte, term string, ps []posting) []byte {
	b = append(b, `["`...)
	b = append(b, term...)
	b = append(b, `",{`...)
	fields := 0
	for f := range uint8(numFields) {
		docs := 0
		for _, p := range ps {
			if p.field != f {
				continue
			}
			if docs == 0 {
				if fields > 0 {
					b = append(b, ',')
				}
				b = append(b, '"')
				b = strconv.AppendInt(b, int64(f), 10)
				b = append(b, `":{`...)
				fields++
			} else {
				b = append(b, ',')
			}
			docs++
			b = append(b, '"')
			b = strconv.AppendInt(b, int64(p.doc), 10)
			b = append(b, `":`...)
			b = strconv.AppendInt(b, int64(p.freq), 10)
		}
		if docs > 0 {
			b = append(b, '}')
		}
	}
	return append(b, "}]"...)
}

// compareUTF16 orders strings as JavaScript does, by UTF-16 code units:
// it differs from byte order only between runes above U+FFFF (surrogate
// pairs, D800–DFFF) and runes from U+E000 to U+FFFF.
func compareUTF16(a, b string) int {
	for a != "" && b != "" {
		ra, na := utf8.DecodeRuneInString(a)
		rb, nb := utf8.DecodeRuneInString(b)
		if ra != rb {
			return int(utf16Key(ra)) - int(utf16Key(rb))
		}
		a, b = a[na:], b[nb:]
	}
	return len(a) - len(b)
}

// utf16Key maps a rune to a number that orders as its UTF-16 code units.
func utf16Key(r rune) int64 {
	if r < 0x10000 {
		return int64(r) << 10
	}
	r -= 0x10000
	return int64(0xD800+r>>10)<<10 | int64(r&0x3FF)
}
