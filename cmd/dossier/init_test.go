package main

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/internal/build"
	"github.com/dossier-project/dossier/internal/buildtest"
)

// initDossier makes a new dossier with dossier init and returns its folder.
func initDossier(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "d")
	if code, _, stderr := runCmd(t, "init", dir); code != 0 {
		t.Fatalf("init: exit %d: %s", code, stderr)
	}
	return dir
}

func TestInitBuildsCleanly(t *testing.T) {
	dir := initDossier(t)
	res, diags := buildtest.Build(t, dir, build.Options{})
	if res == nil || len(diags) > 0 {
		t.Fatalf("the new dossier has diagnostics:\n%s", diags)
	}
	for _, page := range []string{"index.html", "briefs/port-agreement/index.html", "actors/northland/index.html",
		"events/ministers-meeting/index.html", "commentary/analysts-view/index.html", "sources/example-report/index.html",
		"chronology/index.html", "method/index.html"} {
		if _, ok := res.Files[page]; !ok {
			t.Errorf("no %s in the site", page)
		}
	}
	// The publishing workflow installs dossier itself: the new repository
	// has no go.mod and no cmd/.
	wf, err := os.ReadFile(filepath.Join(dir, ".github", "workflows", "pages.yml"))
	if err != nil || !bytes.Contains(wf, []byte("go install github.com/dossier-project/dossier/cmd/dossier@latest")) || bytes.Contains(wf, []byte("go-version-file")) {
		t.Errorf("init's workflow must install dossier and not need a go.mod (err %v)", err)
	}
	// The defaults are copied out, byte for byte, to be edited.
	err = fs.WalkDir(dossier.Defaults, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		want, _ := fs.ReadFile(dossier.Defaults, p)
		got, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(p)))
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("%s not copied out of the binary (%v)", p, err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, ".gitignore")); err != nil {
		t.Error("no .gitignore for site/")
	}
}

func TestInitRefusesNonEmptyFolder(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := runCmd(t, "init", dir)
	if code != 1 || !strings.Contains(stderr, "is not empty") {
		t.Errorf("exit %d, stderr %q; want 1 and a refusal", code, stderr)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("init wrote into a non-empty folder: %v", entries)
	}
	if code, _, _ := runCmd(t, "init"); code != 2 {
		t.Errorf("init without a folder: exit %d, want 2", code)
	}
}

// TestTLPGuardKeepsSite checks that nothing marked AMBER reaches site/:
// the build fails at the page's tlp: line and the site on disk stays as
// the last good build left it.
func TestTLPGuardKeepsSite(t *testing.T) {
	dir := initDossier(t)
	out := filepath.Join(t.TempDir(), "site")
	if code, _, stderr := runCmd(t, "build", "-src", dir, "-out", out); code != 0 {
		t.Fatalf("first build: exit %d: %s", code, stderr)
	}
	before := readTree(t, out)
	secret := "---\ntitle: Secret brief\ntlp: TLP:AMBER\n---\nSee [[port-agreement]].\n"
	if err := os.WriteFile(filepath.Join(dir, "content", "briefs", "secret.md"), []byte(secret), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := runCmd(t, "build", "-src", dir, "-out", out)
	want := filepath.ToSlash(dir) + "/content/briefs/secret.md:3:6: page is TLP:AMBER, above publish_max_tlp TLP:CLEAR: it would be published (mark it draft: true, or raise publish_max_tlp in dossier.yaml)"
	if code != 1 || !strings.Contains(stderr, want) {
		t.Errorf("exit %d, stderr:\n%s\nwant exit 1 and\n%s", code, stderr, want)
	}
	after := readTree(t, out)
	if len(after) != len(before) {
		t.Errorf("site/ changed: %d files, was %d", len(after), len(before))
	}
	for name, data := range after {
		if !bytes.Equal(before[name], data) || bytes.Contains(data, []byte("Secret brief")) {
			t.Errorf("site/%s changed", name)
		}
	}
}

func readTree(t *testing.T, root string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		files[p] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}
