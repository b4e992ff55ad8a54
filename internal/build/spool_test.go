package build

import (
	"bytes"
	"crypto/sha256"
	"os"
	"runtime"
	"strings"
	"testing"
)

// TestSpool: what is put comes back, as a copy, under its key and no
// other. Where the system allows it, the file has no name in the
// temporary folder, so a killed build leaves nothing, and what was put
// stays readable after close, for a preview's pages made on request.
func TestSpool(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	s := newSpool()
	one, two := sha256.Sum256([]byte("one")), sha256.Sum256([]byte("two"))
	if !s.put(one, []byte("first body")) || !s.put(two, []byte("second")) || !s.put(one, []byte("ignored")) {
		t.Fatal("put refused")
	}
	got, ok, err := s.get(one)
	if string(got) != "first body" || !ok || err != nil {
		t.Fatalf("get(one) = %q, %v, %v", got, ok, err)
	}
	got[0] = 'X'
	if again, _, _ := s.get(one); string(again) != "first body" {
		t.Errorf("get shares its bytes: %q", again)
	}
	if _, ok, _ := s.get(sha256.Sum256([]byte("three"))); ok {
		t.Error("get found a key never put")
	}
	named, _ := os.ReadDir(tmp)
	if err := s.close(); err != nil {
		t.Fatal(err)
	}
	left, _ := os.ReadDir(tmp)
	if len(left) != 0 {
		t.Errorf("the temporary folder still holds %v after close", left)
	}
	if runtime.GOOS == "windows" {
		return
	}
	if len(named) != 0 {
		t.Errorf("the spool has a name in the temporary folder: %v", named)
	}
	if got, ok, err := s.get(two); string(got) != "second" || !ok || err != nil {
		t.Errorf("after close, get(two) = %q, %v, %v", got, ok, err)
	}
}

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
		md, ok, err := b.sources.get(p.doc.Hash)
		if !ok || err != nil || bytes.Contains(md, []byte("\ntitle:")) {
			t.Errorf("%s: the spool holds %q (%v, %v), want the body", file, md, ok, err)
		}
	}
	brief := string(got.Files["briefs/xi-letter-strategic-partnership/index.html"])
	if !strings.Contains(brief, `What the article reports</h2>`) || !strings.Contains(brief, "sent on Thursday in reply") {
		t.Errorf("the brief's page lost its body:\n%s", brief)
	}
}
