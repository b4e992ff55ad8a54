package build

import (
	"encoding/json"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
)

// searchManifest is what the tests read of search/index.json.
type searchManifest struct {
	Head struct {
		DocumentCount int `json:"documentCount"`
	} `json:"head"`
	Version string   `json:"version"`
	Shards  []string `json:"shards"`
	Docs    []int    `json:"docs"`
}

// searchDoc is a document of a block.
type searchDoc struct {
	Title, URL, Kind, Summary, Text string
	Aliases, Tags                   []string
}

func TestSearchIndex(t *testing.T) {
	long := strings.Repeat("word ", 200)
	res, diags := generateFiles(t, map[string]string{
		"dossier.yaml":          "title: T\nbase_url: https://example.org/repo/\n",
		"content/_index.md":     "---\ntitle: Home\n---\n[[kim]]\n",
		"content/actors/kim.md": "---\ntitle: Kim Jong-un\nkind: person\naliases: [Kim Jong Un]\ntags: [dprk]\nrole: Supreme Léader\n---\n" + long + "\n\nThe roadmap is at the end.\n",
	}, Options{})
	if res == nil {
		t.Fatal(diags)
	}
	var m searchManifest
	if err := json.Unmarshal(res.Files["search/index.json"], &m); err != nil {
		t.Fatal(err)
	}
	if m.Head.DocumentCount != 2 || len(m.Shards) != 1 || len(m.Docs) != 1 || len(m.Version) != 12 {
		t.Fatalf("manifest = %+v", m)
	}
	var docs []searchDoc
	if err := json.Unmarshal(res.Files["search/docs-0000.json"], &docs); err != nil {
		t.Fatal(err)
	}
	kim := docs[1]
	if kim.Title != "Kim Jong-un" || kim.URL != "/repo/actors/kim/" || kim.Kind != "actor" || kim.Aliases[0] != "Kim Jong Un" || kim.Tags[0] != "dprk" {
		t.Errorf("Kim = %+v", kim)
	}
	if !strings.HasPrefix(kim.Text, "Supreme Léader\n") || !strings.HasSuffix(kim.Text, "The roadmap is at the end.") {
		t.Errorf("Kim's text must be the role, then the whole body; got %q…%q", kim.Text[:30], kim.Text[len(kim.Text)-30:])
	}
	terms := string(res.Files["search/terms-000.json"])
	for _, want := range []string{`["roadmap",{"4":{"1":1}}]`, `["leader",{"4":{"1":1}}]`, `["kim",{"0":{"1":1},"1":{"1":1},"4":{"0":1}}]`} {
		if !strings.Contains(terms, want) {
			t.Errorf("terms lack %s", want)
		}
	}
	if !strings.Contains(string(res.Files["search/index.html"]), `data-index="/repo/search/index.json"`) {
		t.Error("the search page must load the index under the base path")
	}
}

// TestSearchIndexOnRequest: a preview lists the index's files but makes
// them only when asked for.
func TestSearchIndexOnRequest(t *testing.T) {
	b := NewBuilder(Options{Preview: true})
	defer b.Close()
	dir := filepath.Join(t.TempDir(), "preview")
	dest, err := Preview(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer dest.Close()
	res, diags := b.Build(dirFS(t, "../.."), dest, nil)
	if res == nil {
		t.Fatal(diags)
	}
	made := func() (n int) {
		_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err == nil && strings.Contains(filepath.ToSlash(p), "/search/terms-") {
				n++
			}
			return nil
		})
		return n
	}
	if !res.Generation.Has("search/index.json") || !res.Generation.Has("search/terms-000.json") {
		t.Fatalf("the preview does not list the index: %v", res.Generation.Paths())
	}
	if n := made(); n != 0 {
		t.Fatalf("%d term shards made before any request", n)
	}
	data, err := fs.ReadFile(res.Generation, "search/terms-000.json")
	if err != nil || !strings.Contains(string(data), `["roadmap",`) {
		t.Fatalf("terms-000.json = %.80q, %v", data, err)
	}
	if n := made(); n != 1 {
		t.Errorf("%d term shards on disk after one request, want 1", n)
	}
}

// TestSearchTextsKeptForAPreview: a preview keeps every page's search
// text for its next build, which then makes only the edited pages' texts
// (see searchDocs); a build does not, since it makes the index again from
// every page anyway (a build -watch lists every file again), and would
// hold the texts, most of a dossier's words, as long as the Builder.
func TestSearchTextsKeptForAPreview(t *testing.T) {
	site := NewBuilder(Options{})
	defer site.Close()
	if res, diags := buildInto(t, site, dirFS(t, "../.."), filepath.Join(t.TempDir(), "site"), nil); res == nil {
		t.Fatal(diags)
	}
	if n := len(site.searchTexts.texts); n != 0 {
		t.Errorf("a build kept %d search texts after it", n)
	}
	preview := NewBuilder(Options{Preview: true})
	defer preview.Close()
	res, diags := preview.Build(dirFS(t, "../.."), previewDest(t), nil)
	if res == nil {
		t.Fatal(diags)
	}
	if got, want := len(preview.searchTexts.texts), len(res.Graph.All()); got != want {
		t.Errorf("a preview kept %d search texts, want one per page, %d", got, want)
	}
}

func TestSearchIndexOfSample(t *testing.T) {
	res, diags := generate(t, dirFS(t, "../.."), Options{})
	if res == nil {
		t.Fatal(diags)
	}
	terms := string(res.Files["search/terms-000.json"])
	for _, word := range []string{"roadmap", "sugiono", "choe", "pyongyang"} {
		if !strings.Contains(terms, `["`+word+`",`) {
			t.Errorf("the sample's index has no %q", word)
		}
	}
	// Without JavaScript, the page links every page the index has.
	var m searchManifest
	if err := json.Unmarshal(res.Files["search/index.json"], &m); err != nil {
		t.Fatal(err)
	}
	page := string(res.Files["search/index.html"])
	all := page[strings.Index(page, `class="search-all"`):]
	all = all[:strings.Index(all, "</section>")]
	if n := strings.Count(all, "<a href="); n != m.Head.DocumentCount || n < 30 {
		t.Errorf("the no-script list links %d pages, the index has %d", n, m.Head.DocumentCount)
	}
}

// TestSearchTextReadsAsThePage: a document's text is the body as its page
// reads: a link to a page written as its slug reads as the page's title,
// a label stays, and citation markers are left out with the brackets and
// commas they leave empty.
func TestSearchTextReadsAsThePage(t *testing.T) {
	res, diags := generateFiles(t, map[string]string{
		"content/_index.md":      "---\ntitle: Home\n---\n[[kim]] [[b]] [[src]]\n",
		"content/actors/kim.md":  "---\ntitle: Kim Jong-un\nkind: person\n---\nKim.\n",
		"content/sources/src.md": "---\ntitle: The article\n---\nOne.\n\nTwo.\n",
		"content/briefs/b.md":    "---\ntitle: B\ndate: 2025-10\n---\nXi wrote to [[kim]] ([[src#p1]], [[src#p2]]), said [[kim|the leader]] [[src]].\n",
	}, Options{})
	if res == nil {
		t.Fatal(diags)
	}
	var docs []searchDoc
	if err := json.Unmarshal(res.Files["search/docs-0000.json"], &docs); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, d := range docs {
		if d.Title == "B" {
			found = true
			if d.Text != "Xi wrote to Kim Jong-un, said the leader." {
				t.Errorf("B's text = %q", d.Text)
			}
		}
	}
	if !found {
		t.Error("no document for B")
	}
}
