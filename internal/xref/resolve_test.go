package xref

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/dossier-project/dossier/internal/content"
	"github.com/dossier-project/dossier/internal/contenttest"
	"github.com/dossier-project/dossier/internal/highlight"
	"github.com/dossier-project/dossier/internal/markdown"
)

// base is a small dossier every diagnostic test extends with one page.
var baseFiles = map[string]string{
	"content/actors/kim-jong-un.md": "---\ntitle: Kim Jong-un\nkind: person\naliases: [Kim Jong Un, Kim]\n---\n## Early life\n\nText.\n",
	"content/actors/kim-yo-jong.md": "---\ntitle: Kim Yo-jong\nkind: person\naliases: [Kim]\n---\nText.\n",
	"content/actors/china.md":       "---\ntitle: China\nkind: country\n---\nText.\n",
	"content/events/china.md":       "---\ntitle: China event\ndate: 2025\n---\nText.\n",
	"content/sources/article.md":    "---\ntitle: The article\nreliability: C\ncredibility: 3\n---\nXi stressed that “China and North Korea are good neighbors”.\n\nSecond.\n",
}

func resolveFiles(t *testing.T, extra map[string]string, opts Options) (*Graph, []string) {
	t.Helper()
	set := contenttest.Load(t, baseFiles, extra)
	g, rd := Resolve(inputs(set), opts)
	var out []string
	for _, d := range rd.Sort() {
		out = append(out, d.String())
	}
	return g, out
}

// TestDiagnostics asserts every reference diagnostic with its exact
// position: the first character of a wikilink's target, or the value in
// front matter.
func TestDiagnostics(t *testing.T) {
	const f = "content/briefs/b.md"
	tests := []struct {
		name, src string
		want      string
	}{
		{"unknown wikilink with suggestion", "---\ntitle: B\n---\nSee [[kim-jong-um]].\n",
			`content/briefs/b.md:4:7: no page named "kim-jong-um" (did you mean "kim-jong-un"?)`},
		{"ambiguous alias lists candidates", "---\ntitle: B\n---\nText\n\nand [[Kim]] here.\n",
			`content/briefs/b.md:6:7: "Kim" is ambiguous: it names actors/kim-jong-un, actors/kim-yo-jong (write one of them in full, e.g. [[actors/kim-jong-un]])`},
		{"ambiguous slug across kinds", "---\ntitle: B\n---\n[[china]]\n",
			`content/briefs/b.md:4:3: "china" is ambiguous: it names actors/china, events/china (write one of them in full, e.g. [[actors/china]])`},
		{"missing heading anchor", "---\ntitle: B\n---\n[[kim-jong-un#early-lfe]]\n",
			`content/briefs/b.md:4:3: content/actors/kim-jong-un.md has no anchor #early-lfe (did you mean "early-life"?)`},
		{"missing paragraph", "---\ntitle: B\n---\nx [[article#p9]]\n",
			`content/briefs/b.md:4:5: source article has no paragraph 9 (it has 2) (paragraphs are numbered article#p1 to article#p2)`},
		{"unknown kind-qualified", "---\ntitle: B\n---\n[[actors/xi]]\n",
			`content/briefs/b.md:4:3: no actor named "actors/xi"`},
		{"kind-qualified, wrong kind", "---\ntitle: B\n---\n[[events/article]]\n",
			`content/briefs/b.md:4:3: no event named "events/article" ("article" is a source, not an event)`},
		{"anchor far from every heading lists them", "---\ntitle: B\n---\n[[kim-jong-un#zzzzzzzz]]\n",
			`content/briefs/b.md:4:3: content/actors/kim-jong-un.md has no anchor #zzzzzzzz (its anchors are #early-life)`},
		{"front-matter actor", "---\ntitle: B\nactors:\n  - kim-jong-un\n  - xi-jinpin\n---\n",
			`content/briefs/b.md:5:5: no actor named "xi-jinpin"`},
		{"front-matter actor by alias is fine; wrong kind is not", "---\ntitle: B\nactors: [Kim Jong Un, article]\n---\n",
			`content/briefs/b.md:3:23: no actor named "article" ("article" is a source, not an actor)`},
		{"front-matter citation paragraph", "---\ntitle: B\nsources: [\"article#p3\"]\n---\n",
			`content/briefs/b.md:3:11: source article has no paragraph 3 (it has 2) (paragraphs are numbered article#p1 to article#p2)`},
		{"judgment citation", "---\ntitle: B\nkey_judgments:\n  - text: x\n    sources: [artcle]\n---\n",
			`content/briefs/b.md:5:15: no source named "artcle" (did you mean "article"?)`},
		{"relative markdown link to a missing file", "---\ntitle: B\n---\nSee [Kim](../actors/kim-jong-uu.md).\n",
			`content/briefs/b.md:4:5: link to content/actors/kim-jong-uu.md: no such content file (did you mean "../actors/kim-jong-un.md"?)`},
		{"quotation not in the cited paragraph", "---\ntitle: B\n---\nXi said they are “bad neighbours” [[article#p1]].\n",
			`content/briefs/b.md:4:37: quotation "bad neighbours" is not in article paragraph 1 (quote the paragraph exactly, or cite the paragraph that says it)`},
		{"quotation before a parenthesised citation", "---\ntitle: B\n---\nXi said they are “bad neighbours” ([[article#p1]]).\n",
			`content/briefs/b.md:4:38: quotation "bad neighbours" is not in article paragraph 1 (quote the paragraph exactly, or cite the paragraph that says it)`},
		{"quotation in the paragraph, other quote style", "---\ntitle: B\n---\nXi: \"China and North  Korea are good neighbors.\" [[article#p1]]\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, got := resolveFiles(t, map[string]string{f: tt.src}, Options{})
			// The orphan check lives in build; here only reference diagnostics.
			if strings.Join(got, "\n") != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestPreviewRendersMissingLinks(t *testing.T) {
	g, got := resolveFiles(t, map[string]string{"content/briefs/b.md": "---\ntitle: B\n---\n[[nobody]]\n"}, Options{Preview: true})
	if len(got) != 1 || !strings.Contains(got[0], "warning: no page named") {
		t.Fatalf("diagnostics = %q, want one warning", got)
	}
	b := g.Lookup(content.Brief, "b")
	l := b.Links[0]
	if l.Missing == "" || b.LinkedPage(l) != nil {
		t.Errorf("link = %+v, want missing without a target", l)
	}
}

func TestBacklinksRelationsMentions(t *testing.T) {
	g, diags := resolveFiles(t, map[string]string{
		"content/briefs/b.md":  "---\ntitle: B\nactors: [kim-jong-un]\n---\nAbout [[Kim Jong Un]] and China, unlinked [[article#p2]].\n",
		"content/actors/nk.md": "---\ntitle: North Korea\nkind: country\nrelations:\n  - {to: actors/china, type: ally of}\n---\n",
	}, Options{})
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	kim := g.Lookup(content.Actor, "kim-jong-un")
	china := g.Lookup(content.Actor, "china")
	brief := g.Lookup(content.Brief, "b")
	if len(kim.ReferencedBy) != 1 || kim.ReferencedBy[0] != brief || len(kim.NamedIn) != 1 {
		t.Errorf("kim: referenced by %v, named in %v", kim.ReferencedBy, kim.NamedIn)
	}
	if len(china.InRelations) != 1 || china.InRelations[0].Type != "ally of" {
		t.Errorf("china in-relations = %+v", china.InRelations)
	}
	src := g.Lookup(content.Source, "article")
	if len(china.MentionedIn) != 2 || china.MentionedIn[0] != brief || china.MentionedIn[1] != src {
		t.Errorf("china mentioned in = %v, want the brief and the article", china.MentionedIn)
	}
	if l := brief.Links[0]; brief.LinkedPage(l) != kim || l.Anchor != "" || l.Paragraph != 0 {
		t.Errorf("wikilink = %+v", l)
	}
	if l := brief.Links[1]; brief.LinkedPage(l) != src || l.Paragraph != 2 || l.Anchor != "p2" {
		t.Errorf("citation = %+v", l)
	}
	if len(src.CitedBy) != 1 || src.CitedBy[0] != brief {
		t.Errorf("article cited by %v", src.CitedBy)
	}
}

// inputs parses every page of set.
func inputs(set *content.Set) []Input {
	md := markdown.New(highlight.New(""))
	var out []Input
	for _, p := range set.All() {
		out = append(out, Input{Page: p, Doc: md.Parse(p.Body, markdown.Options{NumberParagraphs: p.Kind == content.Source})})
	}
	return out
}

// TestRootedLinks: root-relative links to pages resolve like wikilinks
// (and count as references); other root-relative paths are kept.
func TestRootedLinks(t *testing.T) {
	g, diags := resolveFiles(t, map[string]string{
		"content/briefs/b.md": "---\ntitle: B\n---\n[Kim](/actors/kim-jong-un/#early-life) [x](/briefs/nope/) ![map](/static/m.png) [all](/briefs/)\n",
	}, Options{})
	if len(diags) != 1 || !strings.Contains(diags[0], `b.md:4:40: link to /briefs/nope/: no brief at that address`) {
		t.Errorf("diagnostics = %q", diags)
	}
	b := g.Lookup(content.Brief, "b")
	kim := g.Lookup(content.Actor, "kim-jong-un")
	if l := b.Links[0]; b.LinkedPage(l) != kim || l.Anchor != "early-life" {
		t.Errorf("rooted page link = %+v", l)
	}
	if l := b.Links[2]; b.LinkedPage(l) != nil || l.Path != "static/m.png" || l.Missing != "" {
		t.Errorf("rooted image = %+v", l)
	}
	if l := b.Links[3]; b.LinkedPage(l) != nil || l.Path != "briefs/" {
		t.Errorf("rooted list link = %+v", l)
	}
	if len(kim.ReferencedBy) != 1 || kim.ReferencedBy[0] != b {
		t.Errorf("kim referenced by %v", kim.ReferencedBy)
	}
}

// TestResolveDoesNotModifyInputs resolves the same parsed pages twice, in
// two graphs, and checks the pages and docs are unchanged and the graphs
// distinct.
func TestResolveDoesNotModifyInputs(t *testing.T) {
	set := contenttest.Load(t, baseFiles, map[string]string{"content/briefs/b.md": "---\ntitle: B\nactors: [kim]\n---\n[[Kim Jong Un]] [[article#p2]] [[nobody]]\n"})
	in := inputs(set)
	before := fmt.Sprintf("%+v", in)
	var docs []string
	for _, i := range in {
		docs = append(docs, fmt.Sprintf("%+v %+v", *i.Page, *i.Doc))
	}
	g1, _ := Resolve(in, Options{Preview: true})
	g2, _ := Resolve(in, Options{})
	if g1.Lookup(content.Brief, "b") == g2.Lookup(content.Brief, "b") {
		t.Error("two resolutions share a node")
	}
	if fmt.Sprintf("%+v", in) != before {
		t.Error("inputs changed")
	}
	for i, x := range in {
		if got := fmt.Sprintf("%+v %+v", *x.Page, *x.Doc); got != docs[i] {
			t.Errorf("%s changed by resolution", x.Page.File)
		}
	}
}

// TestMemoSkipsUnchangedBodies resolves twice with a memo: the second
// resolution finds the same mentions without scanning, and a change of
// names empties the memo.
func TestMemoSkipsUnchangedBodies(t *testing.T) {
	in := inputs(contenttest.Load(t, baseFiles))
	memo := NewMemo()
	g1, _ := Resolve(in, Options{Memo: memo})
	n := len(memo.found)
	g2, _ := Resolve(in, Options{Memo: memo})
	if len(memo.found) != n || n == 0 {
		t.Errorf("memo grew from %d to %d", n, len(memo.found))
	}
	m1 := g1.Lookup(content.Actor, "china").MentionedIn
	m2 := g2.Lookup(content.Actor, "china").MentionedIn
	if len(m1) != len(m2) || len(m1) == 0 {
		t.Errorf("mentions %d then %d", len(m1), len(m2))
	}
}

// TestMentionsOfATextSetAside: a page whose text was set aside is
// scanned for the actors it names from the text read back; when it
// cannot be read back, Resolve says so at the page's file rather than
// find nothing in silence.
func TestMentionsOfATextSetAside(t *testing.T) {
	set := contenttest.Load(t, baseFiles, map[string]string{
		"content/briefs/b.md": "---\ntitle: B\n---\nChina, unlinked.\n",
	})
	for _, lost := range []bool{false, true} {
		in := inputs(set)
		for i := range in {
			if in[i].Page.File == "content/briefs/b.md" {
				text, _ := in[i].Doc.Text()
				in[i].Doc = in[i].Doc.SetAside(textAside{text: text, lost: lost})
			}
		}
		g, diags := Resolve(in, Options{})
		china, brief := g.Lookup(content.Actor, "china"), g.Lookup(content.Brief, "b")
		mentioned := slices.Contains(china.MentionedIn, brief)
		failed := len(diags) == 1 && diags[0].String() == "content/briefs/b.md: finding the actors it names: text gone" && diags.HasErrors()
		if mentioned == lost || failed != lost {
			t.Errorf("lost %v: China mentioned in %v; diagnostics %v", lost, china.MentionedIn, diags)
		}
	}
}

// textAside gives back a page's text, or fails.
type textAside struct {
	text string
	lost bool
}

func (a textAside) Text() ([]byte, error) {
	if a.lost {
		return nil, fmt.Errorf("text gone")
	}
	return []byte(a.text), nil
}

func (a textAside) Markdown() ([]byte, error) { return nil, fmt.Errorf("not asked for") }
