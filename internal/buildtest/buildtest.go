// Package buildtest builds dossiers for the tests of other packages: into
// a temporary site folder, read back into memory. It is for tests only.
package buildtest

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/dossier-project/dossier/internal/build"
	"github.com/dossier-project/dossier/internal/diag"
	"github.com/dossier-project/dossier/internal/dossierfs"
	"github.com/dossier-project/dossier/internal/synthetic"
)

// Site is a built site read back from disk.
type Site struct {
	*build.Result
	// Dir is the site folder; Files its files by slash path.
	Dir   string
	Files map[string][]byte
}

// Generated writes the synthetic dossier spec describes into a temporary
// folder and builds it as Build does; a failed build fails the test.
func Generated(t testing.TB, spec synthetic.Spec, opts build.Options) *Site {
	t.Helper()
	dir := t.TempDir()
	if err := spec.Write(dir); err != nil {
		t.Fatal(err)
	}
	site, diags := Build(t, dir, opts)
	if site == nil {
		t.Fatalf("building the generated dossier: %v", diags)
	}
	return site
}

// Build builds the dossier at root with a fresh Builder into a temporary
// site folder. It returns nil and the diagnostics when the build fails.
func Build(t testing.TB, root string, opts build.Options) (*Site, diag.List) {
	t.Helper()
	d, err := dossierfs.Open(root)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	b := build.NewBuilder(opts)
	defer b.Close()
	out := filepath.Join(t.TempDir(), "site")
	res, diags := b.Build(d.FS(), build.SiteDir(out, opts.CacheDir), nil)
	if res == nil {
		return nil, diags
	}
	return &Site{Result: res, Dir: out, Files: readTree(t, out)}, diags
}

// readTree returns every file under dir, by slash path.
func readTree(t testing.TB, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}
