package build

// Search. The build writes search.json, a small index of every page
// (title, aliases, kind, summary, tags and the start of its text, with its
// URL under the base path), and a /search/ page. static/search.js loads
// the index when the reader first types and filters it in the browser:
// every word of the query must occur (case and accents ignored), and
// matches in titles and aliases rank first. Without JavaScript the page is
// an index of every page by kind, which the browser's find-in-page
// searches. The index is built from the same graph as the pages, in page
// order, so it is byte-identical from build to build.

import (
	"encoding/json"
	"slices"
	"strings"

	"github.com/dossier-project/dossier/internal/content"
)

// excerptBytes bounds each page's text in the index, so that the index of
// a 10,000-page dossier stays a few megabytes.
const excerptBytes = 280

// searchEntry is one page in search.json.
type searchEntry struct {
	Title   string   `json:"title"`
	URL     string   `json:"url"`
	Kind    string   `json:"kind"`
	Summary string   `json:"summary,omitempty"`
	Aliases []string `json:"aliases,omitempty"`
	Tags    []string `json:"tags,omitempty"`
	Text    string   `json:"text,omitempty"`
}

// searchIndexOf makes the search index.
func searchIndexOf(s *site) []searchEntry {
	entries := make([]searchEntry, 0, len(s.graph.All()))
	for _, n := range s.graph.All() {
		entries = append(entries, searchEntry{Title: content.Isolate(n.Title()), URL: s.base.Path(n.URL), Kind: string(n.Kind()),
			Summary: content.Isolate(n.Page.Meta.Summary), Aliases: isolateAll(n.Page.Meta.Aliases), Tags: n.Page.Meta.Tags,
			Text: content.Isolate(excerpt(n.Doc.Text, excerptBytes))})
	}
	return entries
}

func marshalSearch(v any) ([]byte, error) { return json.Marshal(v) }

// isolateAll isolates each string that holds bidirectional controls (see
// content.Isolate), so that search.js shows it as it shows a title.
func isolateAll(ss []string) []string {
	if !slices.ContainsFunc(ss, content.HasBidi) {
		return ss
	}
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = content.Isolate(s)
	}
	return out
}

// excerpt returns the first words of text, at most max bytes, whitespace
// collapsed, cut at a word boundary.
func excerpt(text string, max int) string {
	s := strings.Join(strings.Fields(text), " ")
	if len(s) <= max {
		return s
	}
	cut := strings.LastIndexByte(s[:max], ' ')
	if cut <= 0 {
		cut = max
	}
	return strings.ToValidUTF8(s[:cut], "") + "…"
}
