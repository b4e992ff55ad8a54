package build

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestSearchIndex(t *testing.T) {
	res, diags := generateFiles(t, map[string]string{
		"dossier.yaml":          "title: T\nbase_url: https://example.org/repo/\n",
		"content/_index.md":     "---\ntitle: Home\n---\n[[kim]]\n",
		"content/actors/kim.md": "---\ntitle: Kim Jong-un\nkind: person\naliases: [Kim Jong Un]\ntags: [dprk]\n---\n" + strings.Repeat("word ", 100) + "\n",
	}, Options{})
	if res == nil {
		t.Fatal(diags)
	}
	var entries []searchEntry
	if err := json.Unmarshal(res.Files["search.json"], &entries); err != nil {
		t.Fatal(err)
	}
	if len(entries) != 2 {
		t.Fatalf("entries = %+v", entries)
	}
	kim := entries[1]
	if kim.Title != "Kim Jong-un" || kim.URL != "/repo/actors/kim/" || kim.Kind != "actor" || kim.Aliases[0] != "Kim Jong Un" || kim.Tags[0] != "dprk" {
		t.Errorf("entry = %+v", kim)
	}
	if len(kim.Text) > excerptBytes+len("…") || !strings.HasSuffix(kim.Text, "word…") {
		t.Errorf("text excerpt = %q (%d bytes)", kim.Text, len(kim.Text))
	}
	if !strings.Contains(string(res.Files["search/index.html"]), `data-index="/repo/search.json"`) {
		t.Error("the search page must load the index under the base path")
	}
}
