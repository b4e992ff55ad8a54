package build

import (
	"strings"
	"sync"
	"testing"

	"github.com/dossier-project/dossier/internal/markdown"
	"github.com/dossier-project/dossier/internal/view"
)

// TestBodyRenderedOnce: pages that ask for the same body at the same time
// (a brief's page and /print/, in a cold build) share one rendering, and
// each gets the whole HTML, the print page's with its prefix.
func TestBodyRenderedOnce(t *testing.T) {
	b := NewBuilder(Options{})
	defer b.Close()
	src := strings.Repeat("## A heading\n\nA paragraph with *emphasis* and `code`.\n\n", 2000)
	doc := b.md.Parse([]byte(src), markdown.Options{})
	start := make(chan struct{})
	const askers = 8
	html := make([]string, askers)
	var wg sync.WaitGroup
	for i := range askers {
		wg.Go(func() {
			body := &view.Body{DocHash: doc.Hash, Doc: doc}
			if i%2 == 1 {
				body.Prefix, body.Shift = "print-", 1
			}
			<-start
			h, err := b.renderBody(body)
			if err != nil {
				t.Error(err)
			}
			html[i] = string(h)
		})
	}
	close(start)
	wg.Wait()
	if n := b.bodies.rendered.Load(); n != 1 {
		t.Errorf("the body was rendered %d times, want once", n)
	}
	for i, h := range html {
		if want := html[i%2]; h != want || !strings.Contains(h, "A paragraph with") {
			t.Errorf("asker %d got %d bytes, unlike asker %d", i, len(h), i%2)
		}
	}
	if !strings.Contains(html[1], `id="print-`) || strings.Contains(html[0], `id="print-`) {
		t.Errorf("the print page's prefix is missing or leaked: %.80q / %.80q", html[0], html[1])
	}
}
