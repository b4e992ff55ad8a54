package content

import (
	"slices"
	"strings"

	"github.com/dossier-project/dossier/internal/diag"
	"github.com/dossier-project/dossier/internal/yamlfile"
)

var commonKeys = []string{"title", "slug", "summary", "tags", "draft", "tlp", "updated"}

// ownKeys returns the keys a kind accepts besides the common ones.
func ownKeys(k Kind) []string {
	switch k {
	case Home:
		return []string{"bluf", "key_question", "key_judgments", "indicators"}
	case Brief:
		return []string{"date", "bluf", "actors", "events", "sources", "key_judgments", "indicators"}
	case Actor:
		return []string{"kind", "aliases", "wikidata", "country", "role", "relations"}
	case Event:
		return []string{"date", "date_text", "reported", "actors", "location", "sources"}
	case Commentary:
		return []string{"analyst", "date", "confidence", "judgments", "actors", "sources"}
	case Source:
		return []string{"short_title", "publisher", "url", "archive_url", "published", "accessed", "reliability", "credibility", "chain"}
	}
	return nil
}

// checkKindKeys warns about top-level keys that exist in Meta but belong to
// another kind. Keys unknown to every kind were already flagged by
// yamlfile.Decode; this keeps those from being reported twice.
func checkKindKeys(p *Page, keys []yamlfile.Key) diag.List {
	allowed := append(slices.Clone(commonKeys), ownKeys(p.Kind)...)
	var diags diag.List
	for _, k := range keys {
		if slices.Contains(allowed, k.Name) || !isMetaKey(k.Name) {
			continue
		}
		d := diag.Warnf(diag.Pos{File: p.File, Line: k.Line, Col: k.Col},
			"front-matter key %q does not apply to %s page", k.Name, article(string(p.Kind)))
		d.Suggestion = diag.Suggest(k.Name, allowed)
		diags.Add(d)
	}
	return diags
}

func isMetaKey(name string) bool {
	if slices.Contains(commonKeys, name) {
		return true
	}
	for _, k := range append(Kinds(), Home) {
		if slices.Contains(ownKeys(k), name) {
			return true
		}
	}
	return false
}

// article puts "a" or "an" before a kind of page: "an event", "a brief".
func article(kind string) string {
	if kind != "" && strings.ContainsRune("aeiou", rune(kind[0])) {
		return "an " + kind
	}
	return "a " + kind
}
