package search

import (
	"slices"
	"testing"

	"github.com/dossier-project/dossier/internal/synthetic"
)

// BenchmarkBuild indexes the files of a synthetic dossier of 10,000
// briefs, each file's bytes as one document's text.
func BenchmarkBuild(b *testing.B) {
	files := synthetic.Default(10000).Files()
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	slices.Sort(names)
	docs := make([]Doc, len(names))
	for i, name := range names {
		docs[i] = Doc{Title: name, Text: []string{string(files[name])}}
	}
	b.ReportAllocs()
	for b.Loop() {
		Build(docs)
	}
}
