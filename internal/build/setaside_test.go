package build

import (
	"bytes"
	"strings"
	"testing"
)

// TestParsesSetTheirMarkdownAside: once a build is done, no page it
// keeps holds its Markdown or its file's bytes (the spool does), and the
// pages still show their bodies.
func TestParsesSetTheirMarkdownAside(t *testing.T) {
	dir := copyDossier(t)
	b := NewBuilder(Options{})
	defer b.Close()
	got, diags := buildInto(t, b, dirFS(t, dir), t.TempDir()+"/site", nil)
	if got == nil {
		t.Fatal(diags)
	}
	for file, p := range b.files.files {
		if p.page == nil {
			continue
		}
		if p.page.Body != nil || p.page.Lines.Count() == 0 {
			t.Errorf("%s: the page holds %d bytes of Markdown", file, len(p.page.Body))
		}
		md, ok, err := b.sources.Get(p.doc.Hash)
		if !ok || err != nil || bytes.Contains(md, []byte("\ntitle:")) {
			t.Errorf("%s: the spool holds %q (%v, %v), want the body", file, md, ok, err)
		}
	}
	brief := string(got.Files["briefs/xi-letter-strategic-partnership/index.html"])
	if !strings.Contains(brief, `What the article reports</h2>`) || !strings.Contains(brief, "sent on Thursday in reply") {
		t.Errorf("the brief's page lost its body:\n%s", brief)
	}
}
