package layout

import (
	"bytes"
	"html/template"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"testing/fstest"
)

type cardData struct{ Href, Title string }

// TestCachedWritesWhatTemplateWrites: {{cached "card" .}} writes the
// bytes {{template "card" .}} writes, escaped the same, and executes
// "card" once per value across every page set that shares its
// definition.
func TestCachedWritesWhatTemplateWrites(t *testing.T) {
	var runs atomic.Int32
	funcs := template.FuncMap{"count": func() string { runs.Add(1); return "" }}
	card := `{{define "card"}}{{count}}<a href="{{.Href}}">{{.Title}}</a>{{end}}`
	fsys := fstest.MapFS{
		"templates/base.html":       {Data: []byte(`{{block "main" .}}{{end}}`)},
		"templates/partials/c.html": {Data: []byte(card)},
		"templates/brief.html":      {Data: []byte(`{{define "main"}}{{range .}}[{{cached "card" .}}]{{end}}{{end}}`)},
		"templates/event.html":      {Data: []byte(`{{define "main"}}{{range .}}[{{template "card" .}}]{{end}}{{end}}`)},
		"templates/actor.html":      {Data: []byte(`{{define "main"}}{{range .}}({{cached "card" .}}){{end}}{{end}}`)},
	}
	set, diags := Load(fsys, funcs, nil, nil)
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	cards := []*cardData{{"/a/?x=1&y=2", "<A>"}, {"/b/", "B & C"}}
	cached, err := set.Render("brief", cards)
	if err != nil {
		t.Fatal(err)
	}
	plain, err := set.Render("event", cards)
	if err != nil {
		t.Fatal(err)
	}
	if string(cached) != string(plain) {
		t.Errorf("cached:\n%s\ntemplate:\n%s", cached, plain)
	}
	want := `[<a href="/a/?x=1&amp;y=2">&lt;A&gt;</a>][<a href="/b/">B &amp; C</a>]`
	if string(cached) != want {
		t.Errorf("brief = %s\nwant %s", cached, want)
	}
	runs.Store(0)
	for range 3 {
		if _, err := set.Render("brief", cards); err != nil {
			t.Fatal(err)
		}
		if _, err := set.Render("actor", cards); err != nil {
			t.Fatal(err)
		}
	}
	if n := runs.Load(); n != 0 {
		t.Errorf("card executed %d times more, want none: brief and actor share its definition", n)
	}
	other := []*cardData{{"/c/", "C"}}
	if _, err := set.Render("actor", other); err != nil || runs.Load() != 1 {
		t.Errorf("a new card: executed %d times, want 1 (%v)", runs.Load(), err)
	}
}

// TestCachedFollowsARedefinedPartial: a page template that redefines a
// template the cached one calls gets its own output, never another
// page's.
func TestCachedFollowsARedefinedPartial(t *testing.T) {
	fsys := fstest.MapFS{
		"templates/base.html":       {Data: []byte(`{{block "main" .}}{{end}}`)},
		"templates/partials/c.html": {Data: []byte(`{{define "card"}}<a href="{{.Href}}">{{template "title" .}}</a>{{end}}{{define "title"}}{{.Title}}{{end}}`)},
		"templates/brief.html":      {Data: []byte(`{{define "main"}}{{range .}}{{cached "card" .}}{{end}}{{end}}`)},
		"templates/event.html":      {Data: []byte(`{{define "main"}}{{range .}}{{cached "card" .}}{{end}}{{end}}{{define "title"}}EVENT {{.Title}}{{end}}`)},
		// a name that is not a constant: keyed by the page's set
		"templates/actor.html":  {Data: []byte(`{{define "main"}}{{range .}}{{cached (print "ca" "rd") .}}{{end}}{{end}}{{define "title"}}ACTOR {{.Title}}{{end}}`)},
		"templates/source.html": {Data: []byte(`{{define "main"}}{{range .}}{{cached (print "ca" "rd") .}}{{end}}{{end}}`)},
	}
	set, diags := Load(fsys, nil, nil, nil)
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	cards := []*cardData{{"/a/", "A"}}
	for _, c := range []struct{ page, want string }{
		{"brief", `<a href="/a/">A</a>`},
		{"event", `<a href="/a/">EVENT A</a>`},
		{"actor", `<a href="/a/">ACTOR A</a>`},
		{"source", `<a href="/a/">A</a>`},
		{"brief", `<a href="/a/">A</a>`},
		{"event", `<a href="/a/">EVENT A</a>`},
	} {
		out, err := set.Render(c.page, cards)
		if err != nil || string(out) != c.want {
			t.Errorf("%s = %s, %v; want %s", c.page, out, err, c.want)
		}
	}
}

// TestCachedRemembersPointersOnly: a value that is not a pointer is
// executed every time, and the memo forgets everything rather than hold
// more than its budget, without changing what it writes.
func TestCachedRemembersPointersOnly(t *testing.T) {
	set, runs := countingSet(t, `{{define "main"}}{{range .}}{{cached "card" .}}{{end}}{{end}}{{define "card"}}{{count}}{{.Title}};{{end}}`)
	values := []cardData{{"/a/", "A"}, {"/a/", "A"}}
	out, err := set.Render("brief", values)
	if err != nil || string(out) != "A;A;" || runs.Load() != 2 {
		t.Errorf("values: %q, %v, executed %d times; want A;A; twice", out, err, runs.Load())
	}
	set.memo.budget = entryCost + 2 // one output

	runs.Store(0)
	a, b := &cardData{Title: "A"}, &cardData{Title: "B"}
	out, err = set.Render("brief", []*cardData{a, b, a, a})
	if err != nil || string(out) != "A;B;A;A;" || runs.Load() != 3 {
		t.Errorf("over budget: %q, %v, executed %d times; want A;B;A;A; and 3 (A, B, A again)", out, err, runs.Load())
	}
}

// TestCachedErrorsAtTheAction: an error inside a cached template is
// reported at its own action, with a suggestion.
func TestCachedErrorsAtTheAction(t *testing.T) {
	fsys := fstest.MapFS{
		"templates/base.html":       {Data: []byte(`{{block "main" .}}{{end}}`)},
		"templates/partials/c.html": {Data: []byte("{{define \"card\"}}\n  <a href=\"{{.Hreff}}\">{{end}}")},
		"templates/brief.html":      {Data: []byte(`{{define "main"}}{{range .Cards}}{{cached "card" .}}{{end}}{{end}}`)},
	}
	set, diags := Load(fsys, nil, nil, nil)
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	type page struct{ Cards []*cardData }
	_, err := set.Render("brief", page{[]*cardData{{"/a/", "A"}}})
	want := `templates/partials/c.html:2:14: .Hreff: *layout.cardData has no field or method Hreff (did you mean "Href"?)`
	if err == nil || err.Error() != want {
		t.Errorf("error = %v\nwant %s", err, want)
	}
}

type keyedCard struct {
	Title string
	key   [32]byte
}

func (c *keyedCard) ContentKey() [32]byte { return c.key }

// TestCachedByContentKey: values that name their content share an output
// by that name, whatever their address; a zero key falls back on the
// address.
func TestCachedByContentKey(t *testing.T) {
	set, runs := countingSet(t, `{{define "main"}}{{range .}}{{cached "card" .}}{{end}}{{end}}{{define "card"}}{{count}}{{.Title}};{{end}}`)
	a1, a2 := &keyedCard{"A", [32]byte{1}}, &keyedCard{"A", [32]byte{1}}
	z1, z2 := &keyedCard{Title: "Z"}, &keyedCard{Title: "Z"}
	out, err := set.Render("brief", []*keyedCard{a1, a2, z1, z2, z1})
	if err != nil || string(out) != "A;A;Z;Z;Z;" || runs.Load() != 3 {
		t.Errorf("%q, %v, executed %d times; want A;A;Z;Z;Z; and 3 (A once, each Z once)", out, err, runs.Load())
	}
}

// mapStore is a Store in a map; bad corrupts what Get returns, and full
// refuses every Put.
type mapStore struct {
	mu        sync.Mutex
	kept      map[[32]byte][]byte
	bad, full bool
	gets      int
}

func (s *mapStore) Put(key [32]byte, parts ...[]byte) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.full {
		return false
	}
	s.kept[key] = bytes.Join(parts, nil)
	return true
}

func (s *mapStore) Get(key [32]byte) ([]byte, bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.gets++
	b, ok := s.kept[key]
	if ok && s.bad {
		b = append(bytes.Clone(b[:len(b)-1]), '!')
	}
	return b, ok, nil
}

// TestCachedKeepsLargeOutputsInTheStore: an output of storeFrom bytes or
// more is kept in the store and read back from it; one read back not as
// it was written is executed again, never shown, and kept in memory from
// then on; a store that refuses leaves the output in memory.
func TestCachedKeepsLargeOutputsInTheStore(t *testing.T) {
	long := strings.Repeat("x", storeFrom)
	for _, c := range []struct {
		name      string
		bad, full bool
		runs      int32
		gets      int
	}{
		{"store", false, false, 1, 2},
		{"corrupt", true, false, 2, 1}, // executed again once, then kept in memory
		{"full", false, true, 1, 0},
	} {
		set, runs := countingSet(t, `{{define "main"}}{{range .}}{{cached "card" .}}|{{end}}{{end}}{{define "card"}}{{count}}{{.Title}}{{end}}`)
		store := &mapStore{kept: map[[32]byte][]byte{}, bad: c.bad, full: c.full}
		set.KeepOutputsIn(store)
		card := &cardData{Title: long}
		out, err := set.Render("brief", []*cardData{card, card, card})
		if want := strings.Repeat(long+"|", 3); err != nil || string(out) != want {
			t.Errorf("%s: %.20q…, %v", c.name, out, err)
		}
		if runs.Load() != c.runs || store.gets != c.gets {
			t.Errorf("%s: executed %d times, read %d times; want %d and %d", c.name, runs.Load(), store.gets, c.runs, c.gets)
		}
	}
}

// TestCachedUndefined: a cached call of a template the set does not
// define is an error when the templates are loaded, at the name, with a
// suggestion, not only on a page that makes the call.
func TestCachedUndefined(t *testing.T) {
	fsys := fstest.MapFS{
		"templates/base.html":       {Data: []byte(`{{block "main" .}}{{end}}`)},
		"templates/partials/c.html": {Data: []byte(`{{define "card"}}{{.}}{{end}}`)},
		"templates/brief.html":      {Data: []byte("{{define \"main\"}}\n{{if .}}é {{cached \"crad\" .}}{{end}}{{end}}")},
	}
	_, diags := Load(fsys, nil, nil, nil)
	want := `templates/brief.html:2:20: cached "crad": no template of that name is defined (did you mean "card"?)`
	if len(diags) != 1 || diags[0].String() != want {
		t.Errorf("diagnostics = %v\nwant %s", diags, want)
	}
}

// countingSet loads a base and a page brief.html whose templates may call
// count, and returns the set and the number of count's calls.
func countingSet(t *testing.T, brief string) (*Set, *atomic.Int32) {
	t.Helper()
	runs := new(atomic.Int32)
	funcs := template.FuncMap{"count": func() string { runs.Add(1); return "" }}
	fsys := fstest.MapFS{
		"templates/base.html":  {Data: []byte(`{{block "main" .}}{{end}}`)},
		"templates/brief.html": {Data: []byte(brief)},
	}
	set, diags := Load(fsys, funcs, nil, nil)
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	return set, runs
}

// TestCachedOnlyInHTMLText: a cached call anywhere but an action of its
// own in HTML text (where its output would be escaped as a value, not as
// the template) is refused when the templates load, at the call.
func TestCachedOnlyInHTMLText(t *testing.T) {
	for _, c := range []struct{ name, main, at string }{
		{"attribute", `<a title="{{cached "t" .}}">x</a>`, "1:30"},
		{"script", `<script>var s = {{cached "t" .}};</script>`, "1:36"},
		{"title", `<title>{{cached "t" .}}</title>`, "1:27"},
		{"pipeline", `{{cached "t" . | printf "%s"}}`, "1:20"},
		{"declaration", `{{$x := cached "t" .}}{{$x}}`, "1:26"},
	} {
		fsys := fstest.MapFS{
			"templates/base.html":       {Data: []byte(`{{block "main" .}}{{end}}`)},
			"templates/partials/t.html": {Data: []byte(`{{define "t"}}<b>{{.}}</b>{{end}}`)},
			"templates/brief.html":      {Data: []byte(`{{define "main"}}` + c.main + `{{end}}`)},
			"templates/event.html":      {Data: []byte(`{{define "main"}}<p>{{cached "t" .}}</p>{{end}}`)},
		}
		set, diags := Load(fsys, nil, nil, nil)
		want := "templates/brief.html:" + c.at + ": a cached call must be an action of its own in HTML text"
		if len(diags) != 1 || !strings.HasPrefix(diags[0].String(), want) {
			t.Errorf("%s: diagnostics = %v\nwant %s…", c.name, diags, want)
		}
		if out, err := set.Render("event", "x"); err != nil || string(out) != "<p><b>x</b></p>" {
			t.Errorf("%s: event = %q, %v", c.name, out, err)
		}
	}
}

// TestCachedRecursionRefused: a cached call of a template that can call
// the caller back is refused when the templates load (each cached call
// is an execution of its own, so the depth limit would never stop it),
// while recursion through {{template}} stays allowed.
func TestCachedRecursionRefused(t *testing.T) {
	fsys := fstest.MapFS{
		"templates/base.html":       {Data: []byte(`{{block "main" .}}{{end}}`)},
		"templates/partials/a.html": {Data: []byte("{{define \"a\"}}x{{template \"b\" .}}{{end}}\n{{define \"b\"}}{{if .}}{{cached \"a\" .}}{{end}}{{end}}")},
		"templates/partials/r.html": {Data: []byte(`{{define "r"}}{{if .}}{{template "r" false}}{{end}}r{{end}}`)},
		"templates/brief.html":      {Data: []byte(`{{define "main"}}{{cached "a" .}}{{end}}`)},
		"templates/event.html":      {Data: []byte(`{{define "main"}}{{template "r" true}}{{end}}`)},
	}
	set, diags := Load(fsys, nil, nil, nil)
	want := `templates/partials/a.html:2:32: cached "a": the template can call b back, which would never end: use {{template}} to recurse`
	if len(diags) != 1 || diags[0].String() != want {
		t.Errorf("diagnostics = %v\nwant %s", diags, want)
	}
	if out, err := set.Render("event", nil); err != nil || string(out) != "rr" {
		t.Errorf("event = %q, %v", out, err)
	}
}

// TestCachedCheckedWherePagesReach: a partial's cached call is checked
// for the pages that reach it, so a partial only brief.html uses may name
// a template only brief.html defines.
func TestCachedCheckedWherePagesReach(t *testing.T) {
	fsys := fstest.MapFS{
		"templates/base.html":       {Data: []byte(`{{block "main" .}}{{end}}`)},
		"templates/partials/p.html": {Data: []byte(`{{define "p"}}{{cached "only-brief" .}}{{end}}`)},
		"templates/brief.html":      {Data: []byte(`{{define "main"}}{{template "p" .}}{{end}}{{define "only-brief"}}B{{.}}{{end}}`)},
		"templates/event.html":      {Data: []byte(`{{define "main"}}E{{.}}{{end}}`)},
	}
	set, diags := Load(fsys, nil, nil, nil)
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	for page, want := range map[string]string{"brief": "B1", "event": "E1"} {
		if out, err := set.Render(page, new(int)); err != nil || !strings.HasPrefix(string(out), want[:1]) {
			t.Errorf("%s = %q, %v", page, out, err)
		}
	}
}

// TestCachedNilKeyed: a nil pointer of a Keyed type is executed like any
// value, not asked for its key.
func TestCachedNilKeyed(t *testing.T) {
	set, _ := countingSet(t, `{{define "main"}}{{cached "card" .}}{{end}}{{define "card"}}{{with .}}{{.Title}}{{else}}none{{end}}{{end}}`)
	if out, err := set.Render("brief", (*keyedCard)(nil)); err != nil || string(out) != "none" {
		t.Errorf("nil = %q, %v", out, err)
	}
}

// TestChecksRemembersOnlyWhatPassed: with one Checks across loads, a set
// that passed is not checked again, a changed set is, and a set that
// failed reports its error at every load.
func TestChecksRemembersOnlyWhatPassed(t *testing.T) {
	fsys := fstest.MapFS{
		"templates/base.html":       {Data: []byte(`{{block "main" .}}{{end}}`)},
		"templates/partials/t.html": {Data: []byte(`{{define "t"}}<b>{{.}}</b>{{end}}`)},
		"templates/brief.html":      {Data: []byte(`{{define "main"}}<p>{{cached "t" .}}</p>{{end}}`)},
	}
	var checks Checks
	for range 2 {
		if _, diags := Load(fsys, nil, nil, &checks); len(diags) > 0 {
			t.Fatal(diags)
		}
	}
	if len(checks.passed) != 1 {
		t.Errorf("%d sets remembered, want 1", len(checks.passed))
	}
	fsys["templates/brief.html"] = &fstest.MapFile{Data: []byte(`{{define "main"}}<p title="{{cached "t" .}}"></p>{{end}}`)}
	for i := range 2 {
		if _, diags := Load(fsys, nil, nil, &checks); len(diags) != 1 {
			t.Errorf("load %d of the changed set: diagnostics %v, want the misplaced call", i+1, diags)
		}
	}
}
