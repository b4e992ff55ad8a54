package xref

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/dossier-project/dossier/internal/contenttest"
	"github.com/dossier-project/dossier/internal/diag"
)

// reuseFiles is the dossier the reuse tests edit: a brief that names an
// actor, links to its heading and quotes a source paragraph, and one that
// only links to another actor.
var reuseFiles = map[string]string{
	"content/actors/kim-jong-un.md": "---\ntitle: Kim Jong-un\nkind: person\n---\n## Early life\n\nText.\n",
	"content/actors/china.md":       "---\ntitle: China\nkind: country\n---\nText.\n",
	"content/sources/article.md":    "---\ntitle: The article\nreliability: C\ncredibility: 3\n---\nXi stressed that “China and North Korea are good neighbors”.\n\nSecond.\n",
	"content/briefs/b.md":           "---\ntitle: B\nactors: [kim-jong-un]\nsources: [article#p1]\n---\nSee [[kim-jong-un#early-life]]: “good neighbors” [[article#p1]].\n",
	"content/briefs/c.md":           "---\ntitle: C\n---\nAbout [[China]].\n",
}

// TestReuseMatchesAFreshResolve edits the dossier in the ways that change
// what a page resolves to without changing its own file, and checks that
// resolving with the last graph gives exactly what resolving afresh gives:
// every node's references, links, backlinks and version, and every
// diagnostic; and that the pages that could not change were reused.
func TestReuseMatchesAFreshResolve(t *testing.T) {
	tests := []struct {
		name, file, src string
		reused          int // of 6 nodes (5 pages and no home)
	}{
		{"a brief's body", "content/briefs/c.md", "---\ntitle: C\n---\nAbout [[China]], again.\n", 4},
		{"a link taken out of a brief", "content/briefs/c.md", "---\ntitle: C\n---\nAbout nothing.\n", 4},
		{"an unlinked mention added to a brief", "content/briefs/c.md", "---\ntitle: C\n---\nAbout [[China]] and Kim Jong-un.\n", 4},
		{"the heading a brief links to, removed", "content/actors/kim-jong-un.md", "---\ntitle: Kim Jong-un\nkind: person\n---\nText.\n", 3},
		{"the paragraph a brief quotes, reworded", "content/sources/article.md", "---\ntitle: The article\nreliability: C\ncredibility: 3\n---\nXi said the two are friends.\n\nSecond.\n", 3},
		{"a title", "content/actors/china.md", "---\ntitle: People's Republic of China\naliases: [China]\nkind: country\n---\nText.\n", 0},
		{"a new page", "content/events/e.md", "---\ntitle: E\ndate: 2025\n---\nText.\n", 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			before := loadInputs(t, reuseFiles, nil)
			last, _ := Resolve(before.list(), Options{Preview: true})
			edited := maps.Clone(reuseFiles)
			edited[tc.file] = tc.src
			after := loadInputs(t, edited, before)
			got, gotDiags := Resolve(after.list(), Options{Preview: true, Last: last})
			want, wantDiags := Resolve(after.list(), Options{Preview: true})
			if g, w := describeGraph(got, gotDiags), describeGraph(want, wantDiags); g != w {
				t.Errorf("with the last graph:\n%s\nafresh:\n%s", g, w)
			}
			if got.reused != tc.reused {
				t.Errorf("%d nodes reused, want %d", got.reused, tc.reused)
			}
			checkOwnNodes(t, got)
		})
	}
}

// checkOwnNodes checks that every node g's nodes point at is g's own, not
// the last graph's: a reused resolution's links are shared by place, its
// other references moved.
func checkOwnNodes(t *testing.T, g *Graph) {
	t.Helper()
	own := func(what string, n *Node) {
		if n != nil && (n.graph != g || g.all[n.at] != n) {
			t.Errorf("%s points at %s/%s of another graph", what, n.Kind(), n.Slug())
		}
	}
	for _, n := range g.all {
		for _, l := range n.Links {
			own(n.Slug()+"'s link", n.LinkedPage(l))
		}
		for _, r := range n.res.refs {
			own(n.Slug()+"'s reference", r)
		}
		for _, c := range n.AllCitations() {
			own(n.Slug()+"'s citation", g.Source(c))
		}
		for _, lists := range [][]*Node{n.Actors, n.Events, n.Chain, n.ReferencedBy, n.NamedIn, n.MentionedIn, n.CitedBy} {
			for _, m := range lists {
				own(n.Slug()+"'s list", m)
			}
		}
	}
}

// parsed is a dossier's inputs by file.
type parsed map[string]Input

func (p parsed) list() []Input {
	var out []Input
	for _, f := range slices.Sorted(maps.Keys(p)) {
		out = append(out, p[f])
	}
	return out
}

// loadInputs parses files; a file whose bytes are those it had in last
// keeps last's parse, as the build's parse cache does.
func loadInputs(t *testing.T, files map[string]string, last parsed) parsed {
	t.Helper()
	set := contenttest.Load(t, files)
	out := parsed{}
	for _, in := range inputs(set) {
		if old, ok := last[in.Page.File]; ok && old.Page.Hash == in.Page.Hash {
			in = old
		}
		out[in.Page.File] = in
	}
	return out
}

// describeGraph writes out everything Resolve found, naming nodes by kind
// and slug: each node's references, links, backlinks and version, and
// the diagnostics.
func describeGraph(g *Graph, diags diag.List) string {
	var b strings.Builder
	cites := func(cs []Citation) string {
		var out []string
		for _, c := range cs {
			out = append(out, fmt.Sprintf("%s#%d/%s", nodeName(g.Source(c)), c.Paragraph, c.Credibility))
		}
		return strings.Join(out, ",")
	}
	for _, n := range g.All() {
		fmt.Fprintf(&b, "%s version %x\n", nodeName(n), n.Version[:6])
		fmt.Fprintf(&b, "  actors %s events %s chain %s country %s sources %s body cites %s\n",
			nodeNames(n.Actors), nodeNames(n.Events), nodeNames(n.Chain), nodeName(n.Country), cites(n.Sources), cites(n.BodyCites))
		for _, e := range append(slices.Clone(n.Relations), n.InRelations...) {
			fmt.Fprintf(&b, "  relation %s -%s-> %s %s\n", nodeName(e.From), e.Type, nodeName(e.To), cites(e.Sources))
		}
		for _, j := range append(slices.Clone(n.KeyJudgments), n.Judgments...) {
			fmt.Fprintf(&b, "  judgment %q %s\n", j.Text.Value, cites(j.Cites))
		}
		for _, l := range n.Links {
			fmt.Fprintf(&b, "  link %s #%s p%d %q %q\n", nodeName(n.LinkedPage(l)), l.Anchor, l.Paragraph, l.Path, l.Missing)
		}
		fmt.Fprintf(&b, "  referenced by %s named in %s mentioned in %s cited by %s\n",
			nodeNames(n.ReferencedBy), nodeNames(n.NamedIn), nodeNames(n.MentionedIn), nodeNames(n.CitedBy))
	}
	for _, d := range diags.Sort() {
		fmt.Fprintf(&b, "%s\n", d)
	}
	return b.String()
}

func nodeName(n *Node) string {
	if n == nil {
		return "-"
	}
	return string(n.Kind()) + "/" + n.Slug()
}

func nodeNames(ns []*Node) string {
	var out []string
	for _, n := range ns {
		out = append(out, nodeName(n))
	}
	return "[" + strings.Join(out, ",") + "]"
}

// TestNamesTellPagesApart: two dossiers whose pages' names would read
// alike if a list's end could be mistaken for an alias ("\x00") have
// different names, so the second, resolved with the first as its last
// graph, takes nothing by place: it is what a fresh resolution gives.
func TestNamesTellPagesApart(t *testing.T) {
	for _, tc := range []struct {
		name      string
		last, now map[string]string
	}{
		{"pages at other places", map[string]string{
			"content/actors/a.md": "---\ntitle: A\naliases: [\"\\0\", \"actor\", \"b\", \"content/actors/b.md\", \"B\"]\n---\nx\n",
			"content/actors/c.md": "---\ntitle: C\n---\nx\n",
		}, map[string]string{
			"content/actors/a.md": "---\ntitle: A\n---\nx\n",
			"content/actors/b.md": "---\ntitle: B\naliases: [\"\\0\", \"actor\", \"c\", \"content/actors/c.md\", \"C\"]\n---\nsee [[A]]\n",
		}},
		{"another number of pages", map[string]string{
			"content/actors/a.md": "---\ntitle: A\naliases: [\"\\0\", \"actor\", \"b\", \"content/actors/b.md\", \"B\"]\n---\nx\n",
		}, map[string]string{
			"content/actors/a.md": "---\ntitle: A\n---\nx\n",
			"content/actors/b.md": "---\ntitle: B\n---\nsee [[A]]\n",
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			last, _ := Resolve(inputs(contenttest.Load(t, tc.last)), Options{})
			in := inputs(contenttest.Load(t, tc.now))
			got, gotDiags := Resolve(in, Options{Last: last})
			want, wantDiags := Resolve(in, Options{})
			if got.Names() == last.Names() {
				t.Error("the two dossiers have the same names")
			}
			if g, w := describeGraph(got, gotDiags), describeGraph(want, wantDiags); g != w {
				t.Errorf("with the last graph:\n%s\nafresh:\n%s", g, w)
			}
			for _, n := range got.All() {
				if n.URL != n.Page.Path() {
					t.Errorf("%s/%s has the URL %q", n.Kind(), n.Slug(), n.URL)
				}
			}
		})
	}
}
