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
	"github.com/dossier-project/dossier/internal/highlight"
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
	md := markdown.New(highlight.New(""))
	var in []xref.Input
	for _, p := range set.All() {
		in = append(in, xref.Input{Page: p, Doc: md.Parse(p.Body, markdown.Options{NumberParagraphs: p.Kind == content.Source})})
	}
	g, rd := xref.Resolve(in, xref.Options{})
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
		want := Render(network(actors, base))
		if got := Render(network(actors, base)); got != want {
			t.Errorf("%s: two renders differ", name)
		}
		r := rand.New(rand.NewPCG(1, 2))
		for i := range 5 {
			shuffled := slices.Clone(actors)
			r.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
			if got := Render(network(shuffled, base)); got != want {
				t.Errorf("%s: render of shuffle %d differs", name, i)
			}
		}
		for _, a := range actors {
			f := Render(around(a, base))
			if got := Render(around(a, base)); got != f {
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
	outs := map[string]string{"network": string(Render(network(actors, base)))}
	for _, a := range actors {
		outs[a.Page.Slug] = string(Render(around(a, base)))
	}
	for name, svg := range outs {
		if name == "z" {
			if svg != "" {
				t.Errorf("unrelated actor's neighbourhood = %q, want empty", svg)
			}
			continue
		}
		assertXML(t, name, svg)
		for _, want := range []string{`role="group"`, `aria-describedby="`, `<title id="`, `<desc id="`, `viewBox="0 0 `, `width="100%"`, `style="width:`, "prefers-color-scheme", "paint-order:stroke", "currentColor"} {
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
	svg := string(Render(network(actors, urls.New("https://example.org/repo/"))))
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
	svg := string(Render(network(g.ByKind(content.Actor), urls.New("/"))))
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
	svg := string(Render(around(c, urls.New("/"))))
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
func centres(t *testing.T, ag Graph) []vec {
	t.Helper()
	vs, es := selectGraph(ag)
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
	check("network", centres(t, network(g.ByKind(content.Actor), urls.New("/"))))
	for _, a := range g.ByKind(content.Actor) {
		check(a.Page.Slug, centres(t, around(a, urls.New("/"))))
	}
}

// TestLabelsDoNotOverlap checks that no node label covers another node or
// label in the sample network, and that edge labels do not cover nodes.
func TestLabelsDoNotOverlap(t *testing.T) {
	g := sample(t)
	for _, focus := range append([]*xref.Node{nil}, g.ByKind(content.Actor)...) {
		ag := network(g.ByKind(content.Actor), urls.New("/"))
		if focus != nil {
			ag = around(focus, urls.New("/"))
		}
		vs, es := selectGraph(ag)
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
		fsys["content/actors/"+slug(i)+".md"] = &fstest.MapFile{Data: []byte(actor("Actor number "+slug(i), legendKinds()[i%5], rels...))}
	}
	g := resolve(t, fsys)
	svg := string(Render(network(g.ByKind(content.Actor), urls.New("/"))))
	assertXML(t, "large", svg)
	ps := centres(t, network(g.ByKind(content.Actor), urls.New("/")))
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
	write("graph", string(Render(network(g.ByKind(content.Actor), base))))
	var all strings.Builder
	for _, a := range g.ByKind(content.Actor) {
		if svg := Render(around(a, base)); svg != "" {
			write("n-"+a.Page.Slug, string(svg))
			all.WriteString("<div style=\"display:inline-block;vertical-align:top;width:420px;border:1px solid #ccc;margin:4px\">" + string(svg) + "</div>")
		}
	}
	write("neighbourhoods", all.String())
}

// network is the graph of every actor given and their relations.
func network(nodes []*xref.Node, base urls.Base) Graph {
	var g Graph
	for _, n := range nodes {
		g.Actors = append(g.Actors, actorOf(n, base))
		for _, e := range n.Relations {
			g.Relations = append(g.Relations, Relation{From: e.From.URL, To: e.To.URL, Type: e.Type, Since: e.Since, Until: e.Until})
		}
	}
	return g
}

// around is the neighbourhood of a.
func around(a *xref.Node, base urls.Base) Graph {
	g := Graph{Focus: a.URL, ID: "ag-" + a.Page.Slug, Actors: []Actor{actorOf(a, base)}}
	for _, e := range append(append([]xref.Edge{}, a.Relations...), a.InRelations...) {
		g.Actors = append(g.Actors, actorOf(e.From, base), actorOf(e.To, base))
		g.Relations = append(g.Relations, Relation{From: e.From.URL, To: e.To.URL, Type: e.Type, Since: e.Since, Until: e.Until})
	}
	return g
}

func actorOf(n *xref.Node, base urls.Base) Actor {
	return Actor{Key: n.URL, Title: n.Title(), Kind: n.Page.Meta.Kind.Value, Href: base.Path(n.URL)}
}
