package view

import (
	"runtime"
	"testing"
	"time"

	"github.com/dossier-project/dossier/internal/config"
	"github.com/dossier-project/dossier/internal/content"
	"github.com/dossier-project/dossier/internal/urls"
)

// TestCiteMemoHoldsMarkersWeakly: two views that show the same citation
// share its marker, and once no view holds it the memo lets it go, and
// forgets it: a build does not keep every page's citations to its end.
func TestCiteMemoHoldsMarkersWeakly(t *testing.T) {
	g := resolveAll(t, map[string]string{
		"content/sources/s.md": "---\ntitle: S\nreliability: B\ncredibility: \"2\"\n---\nOne.\n\nTwo.\n",
		"content/briefs/b.md":  "---\ntitle: B\nsources: [s#p2]\n---\nText.\n",
	}, nil)
	cfg, diags := config.Parse([]byte("title: T\n"))
	if cfg == nil {
		t.Fatal(diags)
	}
	b := New(g, cfg, urls.New(""), Options{}, &Hasher{})
	src := g.Lookup(content.Source, "s")
	first := b.cite(src, "", []int{2})
	if again := b.cite(src, "", []int{2}); again != first {
		t.Fatal("a marker in use is made again")
	}
	if first.Label != "" || len(first.Runs) != 1 || first.Runs[0].Text != "¶2" {
		t.Fatalf("marker = %+v, want one run, ¶2", first)
	}
	first = nil
	for range 50 {
		runtime.GC()
		if b.citeMemo.len() == 0 {
			return
		}
		time.Sleep(time.Millisecond) // cleanups run on their own goroutine
	}
	t.Error("the memo still holds a marker no view holds")
}
