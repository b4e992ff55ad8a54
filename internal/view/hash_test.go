package view

import (
	"reflect"
	"testing"

	"github.com/dossier-project/dossier/internal/markdown"
)

// TestLinkViewsFastPath: the hasher's fast path for a body's link views
// gives the key the reflective walk gives, with every field set, so a
// field added to markdown.LinkView cannot be missed by it unnoticed.
func TestLinkViewsFastPath(t *testing.T) {
	var l markdown.LinkView
	v := reflect.ValueOf(&l).Elem()
	for i := range v.NumField() {
		switch f := v.Field(i); f.Kind() {
		case reflect.String:
			f.SetString("x" + v.Type().Field(i).Name)
		case reflect.Bool:
			f.SetBool(true)
		default:
			t.Fatalf("LinkView.%s is a %s: teach hasher.linkViews about it", v.Type().Field(i).Name, f.Kind())
		}
	}
	if n := v.NumField(); n != 7 {
		t.Fatalf("LinkView has %d fields; hasher.linkViews hashes 7", n)
	}
	var hs Hasher
	fast := hs.Key([]markdown.LinkView{l, {}})
	slow := func() [32]byte {
		h := hasher{Hash: sha256New(), plans: &hs.plans}
		h.sequence(reflect.ValueOf([]markdown.LinkView{l, {}}))
		return h.sum()
	}()
	if fast != slow {
		t.Error("fast and reflective keys of link views differ")
	}
	l.Title = "other"
	if hs.Key([]markdown.LinkView{l, {}}) == fast {
		t.Error("a changed field left the key alone")
	}
}

// TestSealedKeys: sealed cards with the same fields give a view the same
// key, and a view's key changes when any field of a card it holds does.
func TestSealedKeys(t *testing.T) {
	var hs Hasher
	c := Card{Kind: "brief", Title: "A", Href: "/a/", Date: Date{Text: "2025"}}
	same := c
	hs.sealCard(&c)
	hs.sealCard(&same)
	if hs.Key([]Card{c}) != hs.Key([]Card{same}) {
		t.Error("equal sealed cards hash differently")
	}
	page := struct{ Items []Card }{[]Card{c}}
	before := hs.Key(page)
	c2 := c
	c2.Summary = "changed"
	hs.sealCard(&c2)
	if hs.Key(struct{ Items []Card }{[]Card{c2}}) == before {
		t.Error("a view's key ignored a card's change")
	}
}

// TestHashRefusesWhatItCannotSee: a func in a view is a programming error.
func TestHashRefusesWhatItCannotSee(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("hashing a func did not panic")
		}
	}()
	var hs Hasher
	hs.Key(struct{ F func() }{func() {}})
}

// TestViewsHideNothing: every type a page view holds has only exported
// fields besides the ones that are derived or sealed, so templates (which
// see exported fields and methods) can reach nothing the key misses.
func TestViewsHideNothing(t *testing.T) {
	allowed := map[string]bool{"Card.key": true, "Cite.key": true, "Cite.src": true, "Body.render": true, "Body.targets": true,
		"Body.lazy":      true, // hashed as the Links and targets it makes: TestLazyBodyHashesAsFilled
		"Site.navs":      true, // made from Nav: TestNavFor
		"ChronoItem.key": true} // the hash of the other fields: TestChronoItemKey
	seen := map[reflect.Type]bool{}
	var walk func(t reflect.Type)
	walk = func(typ reflect.Type) {
		for typ.Kind() == reflect.Pointer || typ.Kind() == reflect.Slice || typ.Kind() == reflect.Array || typ.Kind() == reflect.Map {
			typ = typ.Elem()
		}
		if typ.Kind() != reflect.Struct || seen[typ] {
			return
		}
		seen[typ] = true
		for i := range typ.NumField() {
			f := typ.Field(i)
			if f.Tag.Get("hash") == "-" {
				continue // a handle to immutable input its key names (Body.Doc by DocHash)
			}
			if !f.IsExported() && !allowed[typ.Name()+"."+f.Name] {
				t.Errorf("%s.%s is unexported: a template method could read it unhashed", typ, f.Name)
			}
			walk(f.Type)
		}
	}
	for _, v := range []any{HomePage{}, BriefPage{}, EventPage{}, CommentaryPage{}, SourcePage{}, ActorPage{}, ListPage{},
		TagsPage{}, SearchPage{}, NotFoundPage{}, MethodPage{}, ChronologyPage{}, PrintPage{}} {
		walk(reflect.TypeOf(v))
	}
}

// TestKeyDepsNamesCardsApart: a view that shows a page only as a card
// depends on that card ("card:kind/slug"), a cite on its source's page.
func TestKeyDepsNamesCardsApart(t *testing.T) {
	var hs Hasher
	card := Card{Kind: "brief", Slug: "b", Title: "B"}
	hs.sealCard(&card)
	cite := Cite{src: "source/article"}
	hs.sealCite(&cite)
	_, deps := hs.KeyDeps(struct {
		Cards []Card
		Cite  Cite
	}{[]Card{card}, cite})
	want := []string{"card:brief/b", "source/article"}
	if !reflect.DeepEqual(deps, want) {
		t.Errorf("deps = %q, want %q", deps, want)
	}
}

// TestLazyBodyHashesAsFilled: a body that makes its link views when asked
// (the print page's) has the key and dependencies of the same body with
// them set, and its key follows what it makes.
func TestLazyBodyHashesAsFilled(t *testing.T) {
	var hs Hasher
	links := []markdown.LinkView{{Href: "/actors/kim/", Text: "Kim"}}
	filled := &Body{DocHash: [32]byte{1}, Links: links, Prefix: "p--", Shift: 2, targets: []string{"actor/kim"}}
	lazy := &Body{DocHash: [32]byte{1}, Prefix: "p--", Shift: 2, lazy: func() ([]markdown.LinkView, []string) {
		return links, []string{"actor/kim"}
	}}
	type page struct{ Items []*Body }
	wantKey, wantDeps := hs.KeyDeps(page{[]*Body{filled}})
	gotKey, gotDeps := hs.KeyDeps(page{[]*Body{lazy}})
	if gotKey != wantKey || !reflect.DeepEqual(gotDeps, wantDeps) {
		t.Errorf("lazy body: key %x deps %q, want %x %q", gotKey[:4], gotDeps, wantKey[:4], wantDeps)
	}
	if lazy.Links != nil || !reflect.DeepEqual(lazy.LinkViews(), links) {
		t.Error("a lazy body kept its links, or does not make them")
	}
	links = []markdown.LinkView{{Href: "/actors/kim/", Text: "Kim Jong Un"}}
	if k, _ := hs.KeyDeps(page{[]*Body{lazy}}); k == gotKey {
		t.Error("a lazy body's key ignored a change of its link views")
	}
}
