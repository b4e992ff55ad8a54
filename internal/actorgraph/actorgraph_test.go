package actorgraph

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/dossier-project/dossier/internal/content"
	"github.com/dossier-project/dossier/internal/markdown"
	"github.com/dossier-project/dossier/internal/urls"
	"github.com/dossier-project/dossier/internal/xref"
)

// resolve loads and resolves a dossier from fsys.
func resolve(t *testing.T, fsys fstest.MapFS) *xref.Graph {
	t.Helper()
	set, diags := content.Load(fsys, content.Options{})
	if diags.HasErrors() {
		t.Fatalf("load: %v", diags)
	}
	md := markdown.New()
	docs := map[*content.Page]*markdown.Doc{}
	for _, p := range set.All() {
		docs[p] = md.Parse(p.Body, markdown.Options{NumberParagraphs: p.Kind == content.Source})
	}
	g, rd := xref.Resolve(set, docs, xref.Options{})
	if rd.HasErrors() {
		t.Fatalf("resolve: %v", rd)
	}
	return g
}

// actor is the source of an actor page.
func actor(title, kind string, rels ...string) string {
	s := "---\ntitle: " + title + "\nkind: " + kind + "\n"
	if len(rels) > 0 {
		s += "relations:\n"
		for i := 0; i < len(rels); i += 2 {
			s += "  - to: " + rels[i] + "\n    type: " + rels[i+1] + "\n"
		}
	}
	return s + "---\nText.\n"
}

// small is a dossier with parallel and opposite relations, an escaped
// title and an unrelated actor.
func small(t *testing.T) *xref.Graph {
	return resolve(t, fstest.MapFS{
		"content/actors/a.md":     {Data: []byte(actor(`"A & <B>"`, "person", "c", "leader of", "c", "member of"))},
		"content/actors/c.md":     {Data: []byte(actor("Country C", "country", "a", "protects", "d", "ally-of"))},
		"content/actors/d.md":     {Data: []byte(actor("Country D", "country"))},
		"content/actors/m.md":     {Data: []byte(actor("State media of C", "media", "c", "state media of"))},
		"content/actors/o.md":     {Data: []byte(actor("Organization", "organization", "c", "part of"))},
		"content/actors/p.md":     {Data: []byte(actor("Public body", "public-body", "d", "ministry of"))},
		"content/actors/z.md":     {Data: []byte(actor("Unrelated", "person"))},
		"content/briefs/b.md":     {Data: []byte("---\ntitle: B\n---\nText.\n")},
		"content/sources/s.md":    {Data: []byte("---\ntitle: S\n---\nText.\n")},
		"content/events/e.md":     {Data: []byte("---\ntitle: E\ndate: 2025\n---\nText.\n")},
		"content/commentary/x.md": {Data: []byte("---\ntitle: X\n---\nText.\n")},
	})
}

// sample resolves the repository's sample dossier.
func sample(t *testing.T) *xref.Graph {
	t.Helper()
	fsys := fstest.MapFS{}
	root := "../../content"
	for _, dir := range []string{"", "actors", "briefs", "events", "commentary", "sources"} {
		entries, err := os.ReadDir(root + "/" + dir)
		if err != nil {
			t.Skipf("no sample dossier: %v", err)
		}
		for _, e := range entries {
			if e.IsDir() || !strings.HasSuffix(e.Name(), ".md") {
				continue
			}
			name := strings.TrimPrefix(dir+"/"+e.Name(), "/")
			data, err := os.ReadFile(root + "/" + name)
			if err != nil {
				t.Fatal(err)
			}
			fsys["content/"+name] = &fstest.MapFile{Data: data}
		}
	}
	return resolve(t, fsys)
}

func TestDeterministic(t *testing.T) {
	for name, g := range map[string]*xref.Graph{"small": small(t), "sample": sample(t)} {
		actors := g.ByKind(content.Actor)
		base := urls.New("https://example.org/repo/")
		want := Render(actors, base, Options{})
		if got := Render(actors, base, Options{}); got != want {
			t.Errorf("%s: two renders differ", name)
		}
		r := rand.New(rand.NewPCG(1, 2))
		for i := range 5 {
			shuffled := slices.Clone(actors)
			r.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
			if got := Render(shuffled, base, Options{}); got != want {
				t.Errorf("%s: render of shuffle %d differs", name, i)
			}
		}
		for _, a := range actors {
			f := Render(nil, base, Options{Focus: a})
			if got := Render(nil, base, Options{Focus: a}); got != f {
				t.Errorf("%s: two renders of %s's neighbourhood differ", name, a.Page.Slug)
			}
		}
	}
}

var numRE = regexp.MustCompile(`-?\d+\.\d{2,}`)

func TestWellFormed(t *testing.T) {
	g := small(t)
	base := urls.New("https://example.org/repo/")
	actors := g.ByKind(content.Actor)
	outs := map[string]string{"network": string(Render(actors, base, Options{}))}
	for _, a := range actors {
		outs[a.Page.Slug] = string(Render(nil, base, Options{Focus: a}))
	}
	for name, svg := range outs {
		if name == "z" {
			if svg != "" {
				t.Errorf("unrelated actor's neighbourhood = %q, want empty", svg)
			}
			continue
		}
		assertXML(t, name, svg)
		for _, want := range []string{`role="img"`, `<title id="`, `<desc id="`, `viewBox="0 0 `, `width="100%"`, "max-width:", "prefers-color-scheme", "paint-order:stroke", "currentColor"} {
			if !strings.Contains(svg, want) {
				t.Errorf("%s: no %s in SVG", name, want)
			}
		}
		if m := numRE.FindString(svg); m != "" {
			t.Errorf("%s: number %s has more than one decimal", name, m)
		}
		if strings.Contains(svg, "A & <B>") || strings.Contains(svg, "<B>") {
			t.Errorf("%s: title not escaped", name)
		}
	}
	if !strings.Contains(outs["network"], "A &amp; &lt;B&gt;") {
		t.Errorf("escaped title missing from network")
	}
}

// assertXML checks that svg parses as XML to the end.
func assertXML(t *testing.T, name, svg string) {
	t.Helper()
	d := xml.NewDecoder(strings.NewReader(svg))
	for {
		_, err := d.Token()
		if errors.Is(err, io.EOF) {
			return
		}
		if err != nil {
			t.Fatalf("%s: not XML: %v\n%s", name, err, svg)
		}
	}
}

var hrefRE = regexp.MustCompile(`<a [^>]*href="([^"]*)"`)

func TestLinks(t *testing.T) {
	g := small(t)
	actors := g.ByKind(content.Actor)
	svg := string(Render(actors, urls.New("https://example.org/repo/"), Options{}))
	var hrefs []string
	for _, m := range hrefRE.FindAllStringSubmatch(svg, -1) {
		hrefs = append(hrefs, m[1])
	}
	var want []string
	for _, a := range actors {
		want = append(want, "/repo/actors/"+a.Page.Slug+"/")
	}
	if !slices.Equal(hrefs, want) {
		t.Errorf("hrefs = %q, want %q", hrefs, want)
	}
	if n := strings.Count(svg, "<title>"); n < len(actors) {
		t.Errorf("%d <title>s for %d actors", n, len(actors))
	}
}

func TestNonActorsIgnoredAndRelationsDrawn(t *testing.T) {
	g := small(t)
	svg := string(Render(g.ByKind(content.Actor), urls.New("/"), Options{}))
	for _, label := range []string{"leader of", "member of", "protects", "ally of", "state media of", "part of", "ministry of"} {
		if !strings.Contains(svg, ">"+label+"</tspan>") {
			t.Errorf("no edge label %q", label)
		}
	}
	if n := strings.Count(svg, `class="ag-edge"><title>`); n != 7 {
		t.Errorf("%d edges, want 7", n)
	}
	// a→c twice and c→a once share one pair: one straight, two curved
	// apart.
	if n := strings.Count(svg, "Q"); n != 2 {
		t.Errorf("%d curved edges, want 2", n)
	}
}

func TestNeighbourhood(t *testing.T) {
	g := small(t)
	c := g.Lookup(content.Actor, "c")
	svg := string(Render(g.ByKind(content.Actor), urls.New("/"), Options{Focus: c}))
	var hrefs []string
	for _, m := range hrefRE.FindAllStringSubmatch(svg, -1) {
		hrefs = append(hrefs, m[1])
	}
	want := []string{"/actors/a/", "/actors/c/", "/actors/d/", "/actors/m/", "/actors/o/"}
	if !slices.Equal(hrefs, want) {
		t.Errorf("neighbourhood of c links %q, want %q", hrefs, want)
	}
	if !strings.Contains(svg, `class="ag-node ag-focus" href="/actors/c/"`) {
		t.Errorf("focus not marked")
	}
	if strings.Contains(svg, "ministry of") {
		t.Errorf("neighbourhood of c draws p's relation to d")
	}
	if !strings.Contains(svg, "<title id=\"ag-c-title\">Relations of Country C</title>") {
		t.Errorf("no focus title")
	}
}

// centres returns the node centres written in svg.
func centres(t *testing.T, g *xref.Graph, opts Options) []vec {
	t.Helper()
	vs, es := selectGraph(g.ByKind(content.Actor), opts.Focus)
	layout(vs, es)
	var ps []vec
	for _, v := range vs {
		ps = append(ps, v.pos())
	}
	return ps
}

func TestSpacing(t *testing.T) {
	const minDist = 40
	g := sample(t)
	check := func(name string, ps []vec) {
		for i := range ps {
			for j := range i {
				if d := ps[i].sub(ps[j]).len(); d < minDist {
					t.Errorf("%s: nodes %d and %d are %.1f apart", name, i, j, d)
				}
			}
		}
	}
	check("network", centres(t, g, Options{}))
	for _, a := range g.ByKind(content.Actor) {
		check(a.Page.Slug, centres(t, g, Options{Focus: a}))
	}
}

// TestLabelsDoNotOverlap checks that no node label covers another node or
// label in the sample network, and that edge labels do not cover nodes.
func TestLabelsDoNotOverlap(t *testing.T) {
	g := sample(t)
	for _, focus := range append([]*xref.Node{nil}, g.ByKind(content.Actor)...) {
		vs, es := selectGraph(g.ByKind(content.Actor), focus)
		layout(vs, es)
		for i, a := range vs {
			for _, b := range vs[:i] {
				if overlapArea(a.box(), b.box()) > 0 {
					t.Errorf("focus %v: %s and %s overlap", focus != nil, a.key, b.key)
				}
			}
			for _, e := range es {
				if area := overlapArea(a.box(), boxAt(vec{e.lx, e.ly}, e.lw, e.lh)); area > 0 {
					t.Errorf("focus %v: %s and the label %q overlap by %.0f", focus != nil, a.key, e.label, area)
				}
			}
		}
	}
}

func TestLarge(t *testing.T) {
	fsys := fstest.MapFS{}
	const n = 200
	r := rand.New(rand.NewPCG(3, 4))
	for i := range n {
		var rels []string
		for range 1 + r.IntN(2) {
			j := r.IntN(n)
			if j != i {
				rels = append(rels, slug(j), "related to")
			}
		}
		fsys["content/actors/"+slug(i)+".md"] = &fstest.MapFile{Data: []byte(actor("Actor number "+slug(i), kinds[i%5].kind, rels...))}
	}
	g := resolve(t, fsys)
	svg := string(Render(g.ByKind(content.Actor), urls.New("/"), Options{}))
	assertXML(t, "large", svg)
	ps := centres(t, g, Options{})
	for i := range ps {
		for j := range i {
			if d := ps[i].sub(ps[j]).len(); d < 2*nodeR {
				t.Fatalf("nodes %d and %d are %.1f apart", i, j, d)
			}
		}
	}
	m := regexp.MustCompile(`viewBox="0 0 ([\d.]+) ([\d.]+)"`).FindStringSubmatch(svg)
	if m == nil {
		t.Fatal("no viewBox")
	}
	t.Logf("200 actors: viewBox %s x %s, %d bytes", m[1], m[2], len(svg))
	if dir := os.Getenv("ACTORGRAPH_OUT"); dir != "" {
		if err := os.WriteFile(dir+"/large.svg", []byte(svg), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func slug(i int) string { return fmt.Sprintf("a%03d", i) }

func TestNum(t *testing.T) {
	for v, want := range map[float64]string{0: "0", -0.04: "0", 1.25: "1.3", 12.349: "12.3", -3.96: "-4", 100: "100"} {
		if got := num(v); got != want {
			t.Errorf("num(%v) = %q, want %q", v, got, want)
		}
	}
}

// TestWriteSample writes the sample's graphs for a visual check when
// ACTORGRAPH_OUT names a directory.
func TestWriteSample(t *testing.T) {
	dir := os.Getenv("ACTORGRAPH_OUT")
	if dir == "" {
		t.Skip("ACTORGRAPH_OUT not set")
	}
	g := sample(t)
	base := urls.New("/")
	write := func(name string, svg string) {
		page := "<!doctype html><meta charset=utf-8><style>body{margin:20px;font-family:system-ui;--bg:#fbfaf7;--muted:#5b6270;background:var(--bg);color:#1d1f23;max-width:1300px}@media (prefers-color-scheme:dark){body{--bg:#15171b;--muted:#a0a6b2;color:#e6e4df}}</style>" + svg
		if err := os.WriteFile(dir+"/"+name+".svg", []byte(svg), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(dir+"/"+name+".html", []byte(page), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("graph", string(Render(g.ByKind(content.Actor), base, Options{})))
	var all strings.Builder
	for _, a := range g.ByKind(content.Actor) {
		if svg := Render(nil, base, Options{Focus: a}); svg != "" {
			write("n-"+a.Page.Slug, string(svg))
			all.WriteString("<div style=\"display:inline-block;vertical-align:top;width:420px;border:1px solid #ccc;margin:4px\">" + string(svg) + "</div>")
		}
	}
	write("neighbourhoods", all.String())
}
