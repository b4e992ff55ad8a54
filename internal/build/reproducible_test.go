package build

import (
	"bytes"
	"crypto/sha256"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// TestReproducible builds the sample twice with fresh Builders into two
// folders and checks that the sites are byte-identical.
func TestReproducible(t *testing.T) {
	for _, base := range []string{"", "https://example.org/dossier/"} {
		opts := Options{BaseURL: base}
		a, b := buildSample(t, opts), buildSample(t, opts)
		compareSums(t, "base "+base, sums(a.Files), sums(b.Files))
	}
}

// TestDeletedContentDisappears builds a dossier, deletes a brief and
// builds again: the brief's folder is gone from the site, with the same
// Builder (watch mode, told what changed) and with a fresh one.
func TestDeletedContentDisappears(t *testing.T) {
	files := smallDossier("title: T\nbase_url: https://example.org/\n")
	files["content/_index.md"] = mdPage("See [[alpha]].", `title: "Home"`)
	root := writeDossier(t, files)
	out := filepath.Join(t.TempDir(), "site")
	cache := t.TempDir()
	b := NewBuilder(Options{CacheDir: cache})
	defer b.Close()
	build := func(b *Builder, changed []string) *built {
		t.Helper()
		res, diags := buildInto(t, b, dirFS(t, root), out, changed)
		if res == nil {
			t.Fatalf("build failed:\n%v", diags)
		}
		return res
	}
	build(b, nil)
	if _, err := os.Stat(filepath.Join(out, "briefs", "beta", "index.html")); err != nil {
		t.Fatalf("first build: %v", err)
	}
	if err := os.Remove(filepath.Join(root, "content", "briefs", "beta.md")); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name    string
		builder *Builder
		changed []string
	}{{"same Builder", b, []string{"content/briefs/beta.md"}}, {"fresh Builder", NewBuilder(Options{CacheDir: cache}), nil}} {
		name, res := tc.name, build(tc.builder, tc.changed)
		if _, err := os.Stat(filepath.Join(out, "briefs", "beta")); !os.IsNotExist(err) {
			t.Errorf("%s: briefs/beta/ still in the site after its file was deleted (stat: %v)", name, err)
		}
		if _, err := os.Stat(filepath.Join(out, "briefs", "alpha", "index.html")); err != nil {
			t.Errorf("%s: %v", name, err)
		}
		for _, f := range []string{"feed.xml", "sitemap.xml", "briefs/index.html"} {
			if bytes.Contains(res.Files[f], []byte("briefs/beta/")) {
				t.Errorf("%s: %s still lists the deleted brief", name, f)
			}
		}
	}
}

func sums(files map[string][]byte) map[string][sha256.Size]byte {
	out := make(map[string][sha256.Size]byte, len(files))
	for name, data := range files {
		out[name] = sha256.Sum256(data)
	}
	return out
}

// compareSums reports every file that is in only one set or differs.
func compareSums(t *testing.T, what string, a, b map[string][sha256.Size]byte) {
	t.Helper()
	names := map[string]bool{}
	for n := range a {
		names[n] = true
	}
	for n := range b {
		names[n] = true
	}
	sorted := make([]string, 0, len(names))
	for n := range names {
		sorted = append(sorted, n)
	}
	slices.Sort(sorted)
	for _, n := range sorted {
		sa, inA := a[n]
		sb, inB := b[n]
		switch {
		case !inA || !inB:
			t.Errorf("%s: %s is in only one build", what, n)
		case sa != sb:
			t.Errorf("%s: %s differs between builds", what, n)
		}
	}
}
