package build

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
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
	p := b.files.files["content/briefs/xi-letter-strategic-partnership.md"]
	aside := sourceAside{b.sources.Spool, p.doc.Hash, 40, 0, p.page.File}
	if _, err := aside.Text(); err == nil || !strings.Contains(err.Error(), "came back changed") {
		t.Errorf("a text whose checksum fails reads back with %v", err)
	}
	brief := string(got.Files["briefs/xi-letter-strategic-partnership/index.html"])
	if !strings.Contains(brief, `What the article reports</h2>`) || !strings.Contains(brief, "sent on Thursday in reply") {
		t.Errorf("the brief's page lost its body:\n%s", brief)
	}
}

// TestSourceSpoolForgetsReplacedParses: in a preview, what an edit
// replaces is forgotten one build later, so the spool holds what the
// dossier's parses use and no more; an entry two files share (the same
// body) stays while one of them uses it.
func TestSourceSpoolForgetsReplacedParses(t *testing.T) {
	dir := t.TempDir()
	write := func(file, text string) {
		t.Helper()
		p := filepath.Join(dir, filepath.FromSlash(file))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("dossier.yaml", "title: T\nbase_url: https://example.org/\n")
	write("content/_index.md", "---\ntitle: Home\nbluf: B.\n---\n[[x]] and [[b]].\n")
	write("content/actors/a.md", "---\ntitle: A\nkind: person\n---\nThe same words.\n")
	write("content/actors/b.md", "---\ntitle: B\nkind: person\n---\nThe same words.\n")
	write("content/briefs/x.md", "---\ntitle: X\n---\nAbout [[a]].\n")
	b := NewBuilder(Options{Preview: true})
	defer b.Close()
	dest := previewDest(t)
	build := func(changed ...string) {
		t.Helper()
		if res, diags := b.Build(dirFS(t, dir), dest, changed); res == nil {
			t.Fatal(diags)
		}
	}
	build()
	want := len(b.sources.Keys()) // every body but the shared one once
	for i := range 5 {
		write("content/briefs/x.md", fmt.Sprintf("---\ntitle: X\n---\nAbout [[a]], edit %d.\n", i))
		build("content/briefs/x.md")
		if n := len(b.sources.Keys()); n > want+1 {
			t.Fatalf("after edit %d the spool holds %d entries, want at most %d", i, n, want+1)
		}
	}
	write("content/actors/a.md", "---\ntitle: A\nkind: person\n---\nOther words.\n")
	build("content/actors/a.md")
	build("content/briefs/x.md")
	checkB := func(when string) {
		t.Helper()
		text, err := b.files.files["content/actors/b.md"].doc.Text()
		if err != nil || text != "The same words." {
			t.Errorf("%s: b's text, whose entry a shared = %q, %v", when, text, err)
		}
	}
	checkB("a edited")
	if n := len(b.sources.Keys()); n != want+1 {
		t.Errorf("the spool holds %d entries, want %d (a's new body)", n, want+1)
	}
	// a file removed, then one renamed: each parse is let go of once.
	write("content/actors/c.md", "---\ntitle: C\nkind: person\n---\nThe same words.\n")
	build("content/actors/c.md")
	if err := os.Remove(filepath.Join(dir, "content/actors/c.md")); err != nil {
		t.Fatal(err)
	}
	build("content/actors/c.md")
	if err := os.Rename(filepath.Join(dir, "content/briefs/x.md"), filepath.Join(dir, "content/briefs/y.md")); err != nil {
		t.Fatal(err)
	}
	write("content/_index.md", "---\ntitle: Home\nbluf: B.\n---\n[[y]] and [[b]].\n")
	build("content/briefs/x.md", "content/briefs/y.md", "content/_index.md")
	for i := range 3 {
		write("content/briefs/y.md", fmt.Sprintf("---\ntitle: Y\n---\nAbout [[a]], once more %d.\n", i))
		build("content/briefs/y.md")
		checkB(fmt.Sprintf("edit %d after the removal and the rename", i))
	}
	if n := len(b.sources.Keys()); n > want+2 {
		t.Errorf("after the removal and the rename the spool holds %d entries, want at most %d", n, want+2)
	}
}
