package build

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// TestSpareFolderIsReused: after a rebuild the old site is kept in the
// cache folder as the site's spare, never beside the site, and the next
// build writes into it. Through edits, a page removed and symbolic links
// planted in the spare, every site is that of a fresh build, with no
// folder left empty by a link removed; a file the build writes anew never
// changes the live site through a hard link; nothing is written out of
// the spare.
func TestSpareFolderIsReused(t *testing.T) {
	dir := copyDossier(t)
	parent := t.TempDir()
	out := filepath.Join(parent, "site")
	opts := Options{CacheDir: t.TempDir(), SourceDir: dir}
	spare := (&siteWriter{abs: out, cacheDir: opts.CacheDir}).spareDir()
	build := func(name string) *built {
		t.Helper()
		b := NewBuilder(opts)
		defer b.Close()
		got, diags := buildInto(t, b, dirFS(t, dir), out, nil)
		if got == nil {
			t.Fatalf("%s: build failed: %v", name, diags)
		}
		want, _ := generate(t, dirFS(t, dir), Options{})
		compareSums(t, name, sums(got.Files), sums(want.Files))
		return got
	}
	brief := "content/briefs/strategic-context.md"
	page := filepath.FromSlash("briefs/strategic-context/index.html")
	temporary := filepath.Join(dir, "content", "briefs", "temporary.md")
	if err := os.WriteFile(temporary, []byte("---\ntitle: Temporary\ndate: 2025-10\nsummary: A page removed later.\n---\nSee [[strategic-context]].\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	build("first build")
	edit(t, dir, "content/briefs/xi-letter-strategic-partnership.md", func(s string) string { return s + "\nFirst edit.\n" })
	build("an edit")
	if fi, err := os.Stat(spare); err != nil || !fi.IsDir() {
		t.Fatalf("no spare folder in the cache: %v", err)
	}
	assertNoLeftovers(t, parent)

	// The spare holds the page as the first build wrote it; the next
	// build writes the page anew there, and must leave the live site's
	// file, which the spare's may be a link to, as it is.
	live := readString(t, filepath.Join(out, page))
	if !sameFile(filepath.Join(out, page), filepath.Join(spare, page)) {
		t.Fatal("the page was not kept by a hard link, as this test needs")
	}
	outside := t.TempDir()
	if err := os.Symlink(outside, filepath.Join(spare, "planted")); err != nil {
		t.Fatal(err)
	}
	kept := filepath.Join(spare, "static", "favicon.svg") // an output kept from the live site
	if err := os.Remove(kept); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, kept); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(spare, "orphan", "deeper"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(spare, "orphan", "deeper", "planted")); err != nil {
		t.Fatal(err)
	}
	if err := os.RemoveAll(filepath.Join(spare, "briefs", "temporary")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(spare, "briefs", "temporary")); err != nil {
		t.Fatal(err)
	}
	edit(t, dir, brief, func(s string) string { return s + "\nSecond edit.\n" })
	build("an edit into the spare")
	if got := readString(t, filepath.Join(spare, page)); got != live {
		t.Errorf("the site that was live changed while the next was written into the spare")
	}
	if entries, _ := os.ReadDir(outside); len(entries) > 0 {
		t.Errorf("the build wrote out of the spare, through a symbolic link: %v", entries)
	}
	assertNoEmptyFolders(t, out)

	// A page removed is gone from the next two sites, spare or not.
	if err := os.Remove(temporary); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"a page removed", "the build after"} {
		got := build(name)
		if _, ok := got.Files["briefs/temporary/index.html"]; ok {
			t.Errorf("%s: the removed page is still in the site", name)
		}
	}
	assertNoLeftovers(t, parent)
}

// TestSpareOutputTurnsFolder: an output that was a file two builds ago
// and is a folder now (or the other way round) is no obstacle in the
// spare: every build succeeds with a fresh build's files.
func TestSpareOutputTurnsFolder(t *testing.T) {
	dir := copyDossier(t)
	out := filepath.Join(t.TempDir(), "site")
	opts := Options{CacheDir: t.TempDir(), SourceDir: dir}
	static := filepath.Join(dir, "static")
	put := func(files map[string]string) {
		t.Helper()
		if err := os.RemoveAll(filepath.Join(static, "x")); err != nil {
			t.Fatal(err)
		}
		writeTree(t, static, files)
	}
	steps := []map[string]string{
		{"x": "a file"}, {"x": "a file", "other.txt": "two"},
		{"x/y": "a folder now"}, {"x/y": "a folder now", "other.txt": "four"},
		{"x": "a file again"}, {"x": "a file again", "other.txt": "six"},
	}
	for i, files := range steps {
		put(files)
		b := NewBuilder(opts)
		got, diags := buildInto(t, b, dirFS(t, dir), out, nil)
		b.Close()
		if got == nil {
			t.Fatalf("build %d: %v", i+1, diags)
		}
		want, _ := generate(t, dirFS(t, dir), Options{})
		compareSums(t, "build "+string(rune('1'+i)), sums(got.Files), sums(want.Files))
	}
}

// assertNoEmptyFolders fails for every empty folder in the site: a build
// writes files, so a folder with none is something it did not make.
func assertNoEmptyFolders(t *testing.T, site string) {
	t.Helper()
	err := filepath.WalkDir(site, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return err
		}
		if entries, err := os.ReadDir(p); err == nil && len(entries) == 0 {
			t.Errorf("the site has an empty folder: %s", p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}
