package build

import (
	"bytes"
	"crypto/sha256"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// TestReproducible builds the sample twice with fresh Builders and checks
// that both builds, in memory and on disk, are byte-identical.
func TestReproducible(t *testing.T) {
	for _, base := range []string{"", "https://example.org/dossier/"} {
		opts := Options{BaseURL: base}
		a, b := buildSample(t, opts), buildSample(t, opts)
		sa, sb := sums(a.Files), sums(b.Files)
		compareSums(t, "in memory, base "+base, sa, sb)

		dirA, dirB := filepath.Join(t.TempDir(), "site"), filepath.Join(t.TempDir(), "site")
		if err := Write(dirA, a.Files); err != nil {
			t.Fatal(err)
		}
		if err := Write(dirB, b.Files); err != nil {
			t.Fatal(err)
		}
		ta, tb := treeSums(t, dirA), treeSums(t, dirB)
		compareSums(t, "on disk, base "+base, ta, tb)
		delete(ta, marker)
		compareSums(t, "disk against memory, base "+base, ta, sa)
	}
}

// TestDeletedContentDisappears builds a dossier, deletes a brief and
// builds again: the brief's folder is gone from the site, with the same
// Builder (watch mode) and with a fresh one.
func TestDeletedContentDisappears(t *testing.T) {
	files := smallDossier("title: T\nbase_url: https://example.org/\n")
	files["content/_index.md"] = mdPage("See [[alpha]].", `title: "Home"`)
	root := writeDossier(t, files)
	out := filepath.Join(t.TempDir(), "site")
	b := NewBuilder()
	build := func(b *Builder) *Result {
		t.Helper()
		res, diags := b.Generate(SourceFS(root), Options{})
		if res == nil {
			t.Fatalf("build failed:\n%v", diags)
		}
		if err := Write(out, res.Files); err != nil {
			t.Fatal(err)
		}
		return res
	}
	build(b)
	if _, err := os.Stat(filepath.Join(out, "briefs", "beta", "index.html")); err != nil {
		t.Fatalf("first build: %v", err)
	}
	if err := os.Remove(filepath.Join(root, "content", "briefs", "beta.md")); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name    string
		builder *Builder
	}{{"same Builder", b}, {"fresh Builder", NewBuilder()}} {
		name, res := tc.name, build(tc.builder)
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

// treeSums hashes every file under dir by slash path.
func treeSums(t *testing.T, dir string) map[string][sha256.Size]byte {
	t.Helper()
	out := map[string][sha256.Size]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = sha256.Sum256(data)
		return nil
	})
	if err != nil {
		t.Fatal(err)
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
