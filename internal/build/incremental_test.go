package build

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/dossier-project/dossier/internal/diag"
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

// edit rewrites a file of the dossier in dir with replace(old) and
// returns its path from the dossier root.
func edit(t *testing.T, dir, file string, replace func(string) string) string {
	t.Helper()
	p := filepath.Join(dir, file)
	b, err := os.ReadFile(p)
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	next := replace(string(b))
	if next == string(b) {
		t.Fatalf("edit of %s changed nothing", file)
	}
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(next), 0o644); err != nil {
		t.Fatal(err)
	}
	return file
}

// step is one change to a dossier and the paths it changed.
type step struct {
	name  string
	apply func() []string
	// maxWritten bounds the outputs the incremental build may write
	// (0: not checked).
	maxWritten int
}

// sampleSteps are edits of every kind to a copy of the sample at dir:
// body, titles, grades, links, pages added and removed, dates, and
// overridden templates that reach for site-wide data.
func sampleSteps(t *testing.T, dir string) []step {
	write := func(file, text string) []string {
		return []string{edit(t, dir, file, func(string) string { return text })}
	}
	return []step{
		// The page, /print/, and of the search index the manifest, the
		// term shard and the brief's document block.
		{"body text of a brief", func() []string {
			return []string{edit(t, dir, "content/briefs/strategic-context.md", func(s string) string { return s + "\nAn added closing sentence.\n" })}
		}, 5},
		{"nothing changed", func() []string { return []string{} }, -1},
		{"a file saved unchanged", func() []string {
			return []string{edit(t, dir, "content/briefs/strategic-context.md", func(s string) string { return s + "\n" })}
		}, 4},
		{"title of an actor", func() []string {
			return []string{edit(t, dir, "content/actors/japan.md", func(s string) string { return strings.Replace(s, `title: "Japan"`, `title: "Japan (Nippon)"`, 1) })}
		}, 0},
		{"grade of a source", func() []string {
			return []string{edit(t, dir, "content/sources/kcna-reports.md", func(s string) string { return strings.Replace(s, "credibility: 3", "credibility: 4", 1) })}
		}, 0},
		{"a new link in a body", func() []string {
			return []string{edit(t, dir, "content/events/xi-letter.md", func(s string) string { return s + "\nSee also [[Russia]].\n" })}
		}, 0},
		{"a new page", func() []string {
			return write("content/events/test-event.md", "---\ntitle: Test event\ndate: 2025-10\nactors: [japan]\nsources: [article#p15]\n---\nAbout [[Japan]].\n")
		}, 0},
		{"a removed page", func() []string {
			if err := os.Remove(filepath.Join(dir, "content/events/test-event.md")); err != nil {
				t.Fatal(err)
			}
			return []string{"content/events/test-event.md"}
		}, 0},
		{"event date", func() []string {
			return []string{edit(t, dir, "content/events/kim-visit-china.md", func(s string) string { return strings.Replace(s, "date: 2025-09", "date: 2025-09?", 1) })}
		}, 0},
		{"an overridden actor template that shows every tag's count", func() []string {
			return write("templates/actor.html", `{{define "main"}}<h1>{{.Title}}</h1><p class="tag-count">{{len siteTags}} tags</p>{{.Body.HTML}}{{end}}`)
		}, 0},
		{"a tag added to a brief, seen by the overridden actor template", func() []string {
			return []string{edit(t, dir, "content/briefs/strategic-context.md", func(s string) string { return strings.Replace(s, "tags: [", "tags: [brand-new-tag, ", 1) })}
		}, 0},
		{"an overridden partial", func() []string {
			return write("templates/partials/extra.html", `{{define "tags"}}<p class="my-tags">{{range .}}{{.Name}} {{end}}</p>{{end}}`)
		}, 0},
		{"a static file", func() []string { return write("static/extra.css", "body{}") }, 0},
		{"dossier.yaml", func() []string {
			return []string{edit(t, dir, "dossier.yaml", func(s string) string { return s + "author: \"An Analyst\"\n" })}
		}, 0},
	}
}

// TestIncrementalMatchesFullBuild applies the sample steps and checks
// after each that a warm Builder told what changed, writing into the site
// folder it wrote before (keeping what its manifest says is unchanged),
// produces exactly the files a fresh build does; and that a body edit
// writes few files.
func TestIncrementalMatchesFullBuild(t *testing.T) {
	dir := copyDossier(t)
	if !strings.Contains(readString(t, filepath.Join(dir, "content/briefs/strategic-context.md")), "tags: [") {
		t.Fatal("the sample brief has no tags: [ list to edit")
	}
	out := filepath.Join(t.TempDir(), "site")
	warm := NewBuilder(Options{CacheDir: t.TempDir()})
	defer warm.Close()
	if res, diags := buildInto(t, warm, dirFS(t, dir), out, nil); res == nil {
		t.Fatal(diags)
	}
	for _, st := range sampleSteps(t, dir) {
		changed := st.apply()
		got, diags := buildInto(t, warm, dirFS(t, dir), out, changed)
		if got == nil {
			t.Fatalf("%s: warm build failed: %v", st.name, diags)
		}
		want, _ := generate(t, dirFS(t, dir), Options{})
		if want == nil {
			t.Fatalf("%s: full build failed", st.name)
		}
		compareSums(t, st.name, sums(got.Files), sums(want.Files))
		if st.maxWritten > 0 && got.Written > st.maxWritten {
			t.Errorf("%s: wrote %d files, want at most %d", st.name, got.Written, st.maxWritten)
		}
		if st.maxWritten < 0 && got.Written != 0 {
			t.Errorf("%s: wrote %d files, want none", st.name, got.Written)
		}
		t.Logf("%s: wrote %d of %d files", st.name, got.Written, got.Outputs)
	}
}

// TestNewProcessMatchesFullBuild is the same for dossier build run again:
// each step is built by a new Builder that knows only what the cache
// folder holds (the parse pack, the page memos, the highlight cache and
// the site folder's manifest), and must produce exactly the files of a
// fresh build with no cache. A damaged memo pack is ignored.
func TestNewProcessMatchesFullBuild(t *testing.T) {
	dir := copyDossier(t)
	out := filepath.Join(t.TempDir(), "site")
	opts := Options{CacheDir: t.TempDir(), SourceDir: dir}
	var lastHits, lastFresh int
	var lastKeptAll bool
	buildNew := func(name string) *built {
		b := NewBuilder(opts)
		defer b.Close()
		got, diags := buildInto(t, b, dirFS(t, dir), out, nil)
		if got == nil {
			t.Fatalf("%s: build failed: %v", name, diags)
		}
		lastHits, lastFresh, lastKeptAll = int(b.memos.hits.Load()), b.files.fresh, got.KeptAll
		t.Logf("%s: %d memo hits of %d outputs", name, lastHits, got.Outputs)
		return got
	}
	buildNew("first build")
	if p := NewBuilder(opts).cachePath("memos"); p == "" || !fileExists(p) {
		t.Fatalf("no memo pack at %q", p)
	}
	steps := append(sampleSteps(t, dir), step{"damaged packs", func() []string {
		// A change, so that the build reads the packs.
		edit(t, dir, "content/briefs/strategic-context.md", func(s string) string { return s + "\nAfter the packs.\n" })
		for _, kind := range []string{"memos", "parses"} {
			p := NewBuilder(opts).cachePath(kind)
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			data[len(data)/2] ^= 0x01
			if err := os.WriteFile(p, data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return nil
	}, 0}, step{"nothing changed again", func() []string { return nil }, -1},
		// The site folder's key covers what pages do not: the files of
		// the site as they are, and the dates of change.
		step{"a file of the site deleted", func() []string {
			if err := os.Remove(filepath.Join(out, "briefs", "strategic-context", "index.html")); err != nil {
				t.Fatal(err)
			}
			return nil
		}, 0},
		step{"SOURCE_DATE_EPOCH set", func() []string {
			t.Setenv("SOURCE_DATE_EPOCH", "1760400000")
			return nil
		}, 0})
	for _, st := range steps {
		st.apply()
		got := buildNew(st.name)
		want, _ := generate(t, dirFS(t, dir), Options{})
		if want == nil {
			t.Fatalf("%s: full build failed", st.name)
		}
		compareSums(t, st.name, sums(got.Files), sums(want.Files))
		if st.maxWritten < 0 && (got.Written != 0 || lastFresh != 0 || !lastKeptAll) {
			t.Errorf("%s: wrote %d files, parsed %d, kept the whole site: %t; want none, none, true", st.name, got.Written, lastFresh, lastKeptAll)
		}
		if st.maxWritten >= 0 && lastKeptAll {
			t.Errorf("%s: kept the whole site as it was", st.name)
		}
		if st.name == "damaged packs" && (lastHits != 0 || lastFresh < 2) {
			t.Errorf("damaged packs were used: %d memo hits, %d files parsed", lastHits, lastFresh)
		}
	}
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// TestPreviewIncrementalMatchesFull is the same for the preview: after
// each step a warm preview's generation holds exactly the files a fresh
// preview build makes (costly outputs included, made on request).
func TestPreviewIncrementalMatchesFull(t *testing.T) {
	dir := copyDossier(t)
	opts := Options{Preview: true, Drafts: true}
	warm := NewBuilder(opts)
	defer warm.Close()
	dest := previewDest(t)
	if res, diags := warm.Build(dirFS(t, dir), dest, nil); res == nil {
		t.Fatal(diags)
	}
	for _, st := range sampleSteps(t, dir) {
		changed := st.apply()
		got, diags := warm.Build(dirFS(t, dir), dest, changed)
		if got == nil {
			t.Fatalf("%s: warm build failed: %v", st.name, diags)
		}
		fresh := NewBuilder(opts)
		want, diags := fresh.Build(dirFS(t, dir), previewDest(t), nil)
		fresh.Close()
		if want == nil {
			t.Fatalf("%s: full build failed: %v", st.name, diags)
		}
		compareSums(t, st.name, sums(generationFiles(t, got.Generation)), sums(generationFiles(t, want.Generation)))
	}
}

func previewDest(t *testing.T) *Dest {
	t.Helper()
	d, err := Preview(filepath.Join(t.TempDir(), "preview"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	return d
}

// generationFiles reads every file of a generation.
func generationFiles(t *testing.T, g *Generation) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	for _, p := range g.Paths() {
		b, err := fs.ReadFile(g, p)
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		out[p] = b
	}
	return out
}

func readString(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestSavedUnchangedIsNotRebuilt: a content file written back with the
// same bytes after a successful build makes no build at all (the same
// result, nothing written, nothing changed); a real edit, or any save
// after a failed build, builds.
func TestSavedUnchangedIsNotRebuilt(t *testing.T) {
	dir := copyDossier(t)
	out := filepath.Join(t.TempDir(), "site")
	b := NewBuilder(Options{CacheDir: t.TempDir()})
	defer b.Close()
	first, diags := buildInto(t, b, dirFS(t, dir), out, nil)
	if first == nil {
		t.Fatal(diags)
	}
	brief := "content/briefs/strategic-context.md"
	same := edit(t, dir, brief, func(s string) string { return s + " " })
	edit(t, dir, brief, func(s string) string { return strings.TrimSuffix(s, " ") })
	resolvedBefore := b.memos.hits.Load()
	res, again := b.Build(dirFS(t, dir), SiteDir(out, b.opts.CacheDir), []string{same})
	if res == nil || res.Written != 0 || res.Changed != nil || res.Outputs != first.Outputs || len(again) != len(diags) {
		t.Fatalf("unchanged save: %+v, %d diagnostics (want %d)", res, len(again), len(diags))
	}
	if b.memos.hits.Load() != resolvedBefore {
		t.Error("an unchanged save made the build's pages again")
	}
	edit(t, dir, brief, func(s string) string { return s + "\nA new sentence.\n" })
	if res, _ := b.Build(dirFS(t, dir), SiteDir(out, b.opts.CacheDir), []string{brief}); res == nil || res.Written == 0 {
		t.Fatalf("a real edit was not built: %+v", res)
	}
	// A failed build is never taken as the last one.
	bad := edit(t, dir, "content/events/xi-letter.md", func(s string) string { return s + "\n[[no-such-page-anywhere]]\n" })
	if res, _ := b.Build(dirFS(t, dir), SiteDir(out, b.opts.CacheDir), []string{bad}); res != nil {
		t.Fatal("a link to nowhere did not fail the build")
	}
	if res, _ := b.Build(dirFS(t, dir), SiteDir(out, b.opts.CacheDir), []string{}); res != nil {
		t.Fatal("after a failed build, an empty change list reused an old result")
	}
}

// TestPreviewSurvivesFailedBuilds: in a preview, an edit, then a broken
// front matter (a build that fails before it writes), then the file put
// back: the site served afterwards is whole, every file readable and the
// same as a fresh preview's. (A failed build once removed the layer of
// the last good one, and every page it held was a 404 until a restart.)
func TestPreviewSurvivesFailedBuilds(t *testing.T) {
	dir := copyDossier(t)
	opts := Options{Preview: true, Drafts: true}
	b := NewBuilder(opts)
	defer b.Close()
	dest := previewDest(t)
	if res, diags := b.Build(dirFS(t, dir), dest, nil); res == nil {
		t.Fatal(diags)
	}
	brief := "content/briefs/strategic-context.md"
	edit(t, dir, brief, func(s string) string { return s + "\nA new sentence.\n" })
	if res, diags := b.Build(dirFS(t, dir), dest, []string{brief}); res == nil {
		t.Fatal(diags)
	}
	good := readString(t, filepath.Join(dir, brief))
	edit(t, dir, brief, func(s string) string { return strings.Replace(s, "title: \"", "title: \"unclosed ", 1) + "\n" })
	edit(t, dir, brief, func(s string) string { return strings.Replace(s, "\ntitle: \"unclosed ", "\ntitle: ", 1) })
	if res, _ := b.Build(dirFS(t, dir), dest, []string{brief}); res != nil {
		t.Fatal("a broken front matter did not fail the build")
	}
	edit(t, dir, brief, func(string) string { return good })
	got, diags := b.Build(dirFS(t, dir), dest, []string{brief})
	if got == nil {
		t.Fatal(diags)
	}
	fresh := NewBuilder(opts)
	defer fresh.Close()
	want, diags := fresh.Build(dirFS(t, dir), previewDest(t), nil)
	if want == nil {
		t.Fatal(diags)
	}
	compareSums(t, "after a failed build", sums(generationFiles(t, got.Generation)), sums(generationFiles(t, want.Generation)))
}

// TestSameInputsReportsTheSame: a build that reads the files the site
// folder was made from keeps the site without parsing a page, and
// reports what the build that made it reported: its warnings, its
// drafts left out, its number of files.
func TestSameInputsReportsTheSame(t *testing.T) {
	dir := copyDossier(t)
	edit(t, dir, "content/briefs/a-draft.md", func(string) string { return "---\ntitle: A draft\ndraft: true\n---\nText.\n" })
	edit(t, dir, "templates/breif.html", func(string) string { return `{{define "main"}}x{{end}}` })
	out := filepath.Join(t.TempDir(), "site")
	opts := Options{CacheDir: t.TempDir(), SourceDir: dir}
	build := func() (*built, diag.List) {
		b := NewBuilder(opts)
		defer b.Close()
		got, diags := buildInto(t, b, dirFS(t, dir), out, nil)
		if got == nil {
			t.Fatalf("build failed: %v", diags)
		}
		return got, diags
	}
	first, firstDiags := build()
	if len(firstDiags) == 0 || len(first.DraftsLeftOut) == 0 {
		t.Fatalf("the dossier should have a warning and a draft: %v, %v", firstDiags, first.DraftsLeftOut)
	}
	again, againDiags := build()
	if !again.KeptAll || again.Graph != nil || again.Written != 0 {
		t.Errorf("the same files were built again: kept all %t, graph %v, wrote %d", again.KeptAll, again.Graph != nil, again.Written)
	}
	if againDiags.String() != firstDiags.String() || !slices.Equal(again.DraftsLeftOut, first.DraftsLeftOut) || again.Outputs != first.Outputs {
		t.Errorf("reported %v, %v, %d files; the build that made the site reported %v, %v, %d",
			againDiags, again.DraftsLeftOut, again.Outputs, firstDiags, first.DraftsLeftOut, first.Outputs)
	}
	compareSums(t, "same inputs", sums(again.Files), sums(first.Files))
	opts.Drafts = true
	drafts, _ := build()
	if drafts.KeptAll || drafts.Files["briefs/a-draft/index.html"] == nil {
		t.Errorf("a build with drafts kept the site built without them")
	}
}
