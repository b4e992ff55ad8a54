package view

import (
	"testing"

	"github.com/dossier-project/dossier/internal/config"
	"github.com/dossier-project/dossier/internal/urls"
)

// TestNavFor: every page of a section gets the same navigation value,
// which marks that section, and a page of a section the navigation does
// not list gets one that marks none; all hold the site's Nav.
func TestNavFor(t *testing.T) {
	g := resolveAll(t, map[string]string{"content/briefs/b.md": "---\ntitle: B\n---\nText.\n"}, nil)
	cfg, diags := config.Parse([]byte("title: T\n"))
	if cfg == nil {
		t.Fatal(diags)
	}
	site := New(g, cfg, urls.New("/repo/"), Options{}, &Hasher{}).site
	briefs := site.NavFor("briefs")
	if briefs != site.NavFor("briefs") {
		t.Error("two pages of one section got two navigation values")
	}
	if briefs.Current != "briefs" || len(briefs.Items) != len(site.Nav) || briefs.Items[0].Href != "/repo/briefs/" {
		t.Errorf("briefs: %+v", briefs)
	}
	if search := site.NavFor("search"); search.Current != "search" || search == briefs {
		t.Errorf("search: %+v", search)
	}
	for _, section := range []string{"", "tags", "print"} {
		if nav := site.NavFor(section); nav.Current != "" || len(nav.Items) != len(site.Nav) {
			t.Errorf("%q: %+v, want the navigation with no section marked", section, nav)
		}
	}
	bare := &Site{Nav: site.Nav} // not made by a Builder
	if nav := bare.NavFor("briefs"); nav == nil || len(nav.Items) != len(site.Nav) || nav.Current != "" {
		t.Errorf("a bare Site: %+v", nav)
	}
}

// TestChronoItemKey: a chronology item's content key is the hash of what
// it shows, so two builds of the same page give the same key, and a
// change to what the item shows (here the source it cites) gives another.
func TestChronoItemKey(t *testing.T) {
	files := map[string]string{
		"content/sources/s.md": "---\ntitle: S\nreliability: B\ncredibility: \"2\"\n---\nOne.\n",
		"content/sources/t.md": "---\ntitle: T\nreliability: C\ncredibility: \"3\"\n---\nOne.\n",
		"content/events/e.md":  "---\ntitle: E\ndate: 2025-10-09\nsources: [s]\n---\nText.\n",
	}
	key := func(files map[string]string) [32]byte {
		g := resolveAll(t, files, nil)
		cfg, diags := config.Parse([]byte("title: T\n"))
		if cfg == nil {
			t.Fatal(diags)
		}
		var h Hasher
		b := New(g, cfg, urls.New(""), Options{}, &h)
		it := b.chronoItem(g.Lookup("event", "e"))
		if k := it.ContentKey(); k == [32]byte{} || k != h.Key(*it) {
			t.Fatalf("key %x, want the hash of the item's fields", k)
		}
		return it.ContentKey()
	}
	first := key(files)
	if again := key(files); again != first {
		t.Error("the same item has two keys")
	}
	files["content/events/e.md"] = "---\ntitle: E\ndate: 2025-10-09\nsources: [t]\n---\nText.\n"
	if key(files) == first {
		t.Error("an item that cites another source kept its key")
	}
}
