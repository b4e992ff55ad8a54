package content

import (
	"reflect"
	"testing"
)

// TestSnapshotRestores: a page restored from its snapshot and the file's
// bytes is the page ParseFile made, field for field, so a field added to
// Page and left out of Snapshot fails here (a restored page once lost its
// placeholders, and their warnings with them).
func TestSnapshotRestores(t *testing.T) {
	src := []byte("\ufeff---\ntitle: \"A brief\"\ndate: 2025-10~\nbluf: \"" + BLUFPlaceholder + "\"\ntags: [a, b]\n---\r\n" + BodyPlaceholder(Brief) + "\r\n\nMore text.\n")
	p, diags := ParseFile("content/briefs/a.md", src, DefaultLimits())
	if p == nil || diags.HasErrors() {
		t.Fatalf("parse: %v", diags)
	}
	if len(p.Placeholders) != 2 {
		t.Fatalf("placeholders %v, want 2: the test proves nothing without them", p.Placeholders)
	}
	back := Restore(p.Snapshot(), src)
	if !reflect.DeepEqual(p, back) {
		t.Errorf("restored page differs:\n%+v\n%+v", p, back)
	}
}
