package build

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// copyDossier copies the sample dossier (dossier.yaml and content/) into a
// temporary folder and returns it.
func copyDossier(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	root := filepath.Join("..", "..")
	err := filepath.WalkDir(filepath.Join(root, "content"), func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		return copyFile(p, filepath.Join(dir, rel))
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := copyFile(filepath.Join(root, "dossier.yaml"), filepath.Join(dir, "dossier.yaml")); err != nil {
		t.Fatal(err)
	}
	return dir
}

func copyFile(from, to string) error {
	b, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		return err
	}
	return os.WriteFile(to, b, 0o644)
}

// edit rewrites a file of the dossier in dir with replace(old) .
func edit(t *testing.T, dir, file string, replace func(string) string) {
	t.Helper()
	p := filepath.Join(dir, file)
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	next := replace(string(b))
	if next == string(b) {
		t.Fatalf("edit of %s changed nothing", file)
	}
	if err := os.WriteFile(p, []byte(next), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestIncrementalMatchesFullBuild applies a series of edits to a copy of
// the sample and checks after each that a warm Builder (re-parsing only
// changed files, re-rendering only affected pages) produces exactly the
// files a fresh build does, and that a body edit re-renders few pages.
func TestIncrementalMatchesFullBuild(t *testing.T) {
	dir := copyDossier(t)
	warm := NewBuilder()
	if res, diags := warm.Generate(SourceFS(dir), Options{}); res == nil {
		t.Fatal(diags)
	}
	steps := []struct {
		name        string
		apply       func()
		maxRendered int // 0: no limit checked
	}{
		{"body text of a brief", func() {
			edit(t, dir, "content/briefs/strategic-context.md", func(s string) string { return s + "\nAn added closing sentence.\n" })
		}, 3},
		{"nothing changed", func() {}, 0},
		{"title of an actor", func() {
			edit(t, dir, "content/actors/japan.md", func(s string) string { return strings.Replace(s, `title: "Japan"`, `title: "Japan (Nippon)"`, 1) })
		}, 0},
		{"grade of a source", func() {
			edit(t, dir, "content/sources/kcna-reports.md", func(s string) string { return strings.Replace(s, "credibility: 3", "credibility: 4", 1) })
		}, 0},
		{"a new link in a body", func() {
			edit(t, dir, "content/events/xi-letter.md", func(s string) string { return s + "\nSee also [[Russia]].\n" })
		}, 0},
		{"a new page", func() {
			page := "---\ntitle: Test event\ndate: 2025-10\nactors: [japan]\nsources: [article#p15]\n---\nAbout [[Japan]].\n"
			if err := os.WriteFile(filepath.Join(dir, "content/events/test-event.md"), []byte(page), 0o644); err != nil {
				t.Fatal(err)
			}
		}, 0},
		{"a removed page", func() {
			if err := os.Remove(filepath.Join(dir, "content/events/test-event.md")); err != nil {
				t.Fatal(err)
			}
		}, 0},
		{"event date", func() {
			edit(t, dir, "content/events/kim-visit-china.md", func(s string) string { return strings.Replace(s, "date: 2025-09", "date: 2025-09?", 1) })
		}, 0},
	}
	for _, step := range steps {
		step.apply()
		got, diags := warm.Generate(SourceFS(dir), Options{})
		if got == nil {
			t.Fatalf("%s: warm build failed: %v", step.name, diags)
		}
		want, _ := Generate(SourceFS(dir), Options{})
		if want == nil {
			t.Fatalf("%s: full build failed", step.name)
		}
		for name, data := range want.Files {
			if !bytes.Equal(got.Files[name], data) {
				t.Errorf("%s: %s differs between incremental and full build", step.name, name)
			}
		}
		if len(got.Files) != len(want.Files) {
			t.Errorf("%s: %d files incremental, %d full", step.name, len(got.Files), len(want.Files))
		}
		if step.maxRendered > 0 && got.Rendered > step.maxRendered {
			t.Errorf("%s: rendered %d pages, want at most %d", step.name, got.Rendered, step.maxRendered)
		}
		if step.name == "nothing changed" && got.Rendered != 0 {
			t.Errorf("no change re-rendered %d pages", got.Rendered)
		}
		t.Logf("%s: rendered %d of %d content pages", step.name, got.Rendered, len(want.Graph.All()))
	}
}
