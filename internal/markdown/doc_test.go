package markdown

import (
	"testing"
	"unsafe"

	"github.com/dossier-project/dossier/internal/highlight"
)

// TestLinkStaysSmall: a large dossier holds every page's links while it
// is built (about 50 a brief in the generated ones); the Link's field
// order and sizes keep it at 72 bytes, and the parse keeps no spare room.
func TestLinkStaysSmall(t *testing.T) {
	if size := unsafe.Sizeof(Link{}); size > 72 {
		t.Errorf("a Link takes %d bytes, want at most 72", size)
	}
	r := New(highlight.New(""))
	d := r.Parse([]byte("[[a]] [[b]] [[c]] [d](/briefs/d/) [[e]]\n"), Options{})
	if len(d.Links) != 5 || cap(d.Links) != 5 || cap(d.Linked) != len(d.Linked) {
		t.Errorf("links %d of room %d, linked %d of room %d: want no spare room", len(d.Links), cap(d.Links), len(d.Linked), cap(d.Linked))
	}
}
