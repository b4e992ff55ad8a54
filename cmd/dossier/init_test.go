package main

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

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
		"chronology/index.html", "method/index.html", "static/style.css"} {
		if _, ok := res.Files[page]; !ok {
			t.Errorf("no %s in the site", page)
		}
	}
	// Content, settings, a README, .gitignore and the workflow; the
	// built-in templates and static files stay in the binary, so the
	// dossier receives their fixes.
	var files []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			files = append(files, filepath.ToSlash(rel))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	want := ".github/workflows/pages.yml .gitignore README.md content/_index.md content/actors/northland.md content/briefs/port-agreement.md " +
		"content/commentary/analysts-view.md content/events/ministers-meeting.md content/sources/example-report.md dossier.yaml"
	if got := strings.Join(files, " "); got != want {
		t.Errorf("init wrote\n%s\nwant\n%s", got, want)
	}
	if code, stdout, _ := runCmd(t, "check", "-src", dir, "-format", "text"); code != 0 || stdout != "" {
		t.Errorf("check of a new dossier: exit %d\n%s", code, stdout)
	}
}

// TestInitWorkflow checks the Pages workflow that init writes: it
// installs the very version that ran init, with the current major
// versions of the actions, checks before it builds, and publishes from
// the repository's default branch only.
func TestInitWorkflow(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "d")
	var out, errOut strings.Builder
	if err := run(withBuild(fakeBuild("v1.2.3")), []string{"init", dir}, &out, &errOut); err != nil {
		t.Fatal(err, errOut.String())
	}
	if !strings.Contains(out.String(), "installs dossier@v1.2.3") {
		t.Errorf("init's output:\n%s", out.String())
	}
	data, err := os.ReadFile(filepath.Join(dir, ".github", "workflows", "pages.yml"))
	if err != nil {
		t.Fatal(err)
	}
	wf := string(data)
	for _, want := range []string{
		"  # The version of dossier that wrote this workflow (dossier init, v1.2.3).\n  DOSSIER_VERSION: v1.2.3\n",
		`go install "github.com/dossier-project/dossier/cmd/dossier@${DOSSIER_VERSION}"`,
		"uses: actions/checkout@v7\n", "fetch-depth: 0\n", "uses: actions/setup-go@v7\n", "cache: true\n", "cache-dependency-path: .github/workflows/pages.yml\n",
		"uses: actions/configure-pages@v6\n", "uses: actions/upload-pages-artifact@v5\n", "uses: actions/deploy-pages@v5\n",
		"github.ref_name == github.event.repository.default_branch",
	} {
		if !strings.Contains(wf, want) {
			t.Errorf("workflow lacks %q", want)
		}
	}
	for _, bad := range []string{"@latest", "dossier-version-note", "go-version-file", "branches:"} {
		if strings.Contains(wf, bad) {
			t.Errorf("workflow has %q", bad)
		}
	}
	check, build := strings.Index(wf, "run: dossier check\n"), strings.Index(wf, "run: dossier build")
	if check < 0 || build < check {
		t.Errorf("dossier check must run before dossier build (at %d and %d)", check, build)
	}
}

// TestSkeletonWorkflowMatchesRepository keeps the two Pages workflows on
// the same actions: the one init writes and this repository's own.
func TestSkeletonWorkflowMatchesRepository(t *testing.T) {
	own, err := os.ReadFile(filepath.Join("..", "..", ".github", "workflows", "pages.yml"))
	if err != nil {
		t.Fatal(err)
	}
	skel, err := fs.ReadFile(skeleton, "skeleton/.github/workflows/pages.yml")
	if err != nil {
		t.Fatal(err)
	}
	uses := func(wf []byte) []string {
		var out []string
		for _, line := range strings.Split(string(wf), "\n") {
			if _, action, ok := strings.Cut(line, "uses: "); ok {
				out = append(out, action)
			}
		}
		return out
	}
	if a, b := strings.Join(uses(own), " "), strings.Join(uses(skel), " "); a != b {
		t.Errorf("actions differ:\n  repository: %s\n  init:       %s", a, b)
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
	want := filepath.ToSlash(dir) + "/content/briefs/secret.md:3:6: page is TLP:AMBER, above publish_max_tlp TLP:CLEAR: it would be published (keep it out of this site with draft: true; raise publish_max_tlp in dossier.yaml only if the site is not public)"
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
