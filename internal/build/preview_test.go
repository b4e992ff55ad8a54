package build

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestPreviewFolderHoldsWhatItServes: through edits, a page added and a
// page removed, a preview's folder holds exactly the files its last
// generation serves and those retired in the last two commits (kept for
// requests still reading them), and each layer's count of live files is
// what the index serves from it and what is retired from it but not yet
// removed. A commit that looks only at the outputs
// a build placed must find the same as one that looks at all of them.
func TestPreviewFolderHoldsWhatItServes(t *testing.T) {
	dir := copyDossier(t)
	b := NewBuilder(Options{Preview: true})
	defer b.Close()
	dest := previewDest(t)
	build := func(name string, changed []string) {
		t.Helper()
		if res, diags := b.Build(dirFS(t, dir), dest, changed); res == nil {
			t.Fatalf("%s: %v", name, diags)
		}
		checkPreviewFolder(t, name, dest.prev)
	}
	build("first build", nil)
	brief := "content/briefs/strategic-context.md"
	for i, text := range []string{"One more sentence.", "Another sentence.", "A third."} {
		edit(t, dir, brief, func(s string) string { return s + "\n" + text + "\n" })
		build("edit "+string(rune('1'+i)), []string{brief})
	}
	added := "content/briefs/added-later.md"
	if err := os.WriteFile(filepath.Join(dir, added), []byte("---\ntitle: Added later\ndate: 2025-10\nsummary: A page added.\n---\nIt links [[strategic-context]].\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	build("a page added", []string{added})
	build("nothing changed", []string{})
	if err := os.Remove(filepath.Join(dir, added)); err != nil {
		t.Fatal(err)
	}
	build("a page removed", []string{added})
	edit(t, dir, brief, func(s string) string { return s + "\nLast.\n" })
	build("edit after the removal", []string{brief})
}

func checkPreviewFolder(t *testing.T, name string, w *previewWriter) {
	t.Helper()
	want := map[string]bool{}
	live := map[string]int{}
	for path, loc := range w.index {
		if loc.lazy == nil {
			want[loc.layer+"/"+path] = true
			live[loc.layer]++
		}
	}
	for _, files := range w.retired { // still counted live until removed
		for _, f := range files {
			want[f.layer+"/"+f.path] = true
			live[f.layer]++
		}
	}
	got := map[string]bool{}
	err := filepath.WalkDir(w.dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(w.dir, p)
		if rel = filepath.ToSlash(rel); !strings.HasPrefix(rel, "lazy/") {
			got[rel] = true
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for f := range want {
		if !got[f] {
			t.Errorf("%s: %s is served or retired, and missing from the folder", name, f)
		}
	}
	for f := range got {
		if !want[f] {
			t.Errorf("%s: %s is in the folder, neither served nor retired", name, f)
		}
	}
	for layer, n := range w.live {
		if live[layer] != n {
			t.Errorf("%s: layer %s counts %d live files, has %d", name, layer, n, live[layer])
		}
	}
	for layer, n := range live {
		if w.live[layer] != n {
			t.Errorf("%s: layer %s has %d live files, counts %d", name, layer, n, w.live[layer])
		}
	}
}
