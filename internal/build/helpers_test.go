package build

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/internal/diag"
	"github.com/dossier-project/dossier/internal/dossierfs"
)

// built is a finished build with its files read back from the site
// folder.
type built struct {
	*Result
	Dir   string
	Files map[string][]byte
}

// generate builds fsys with a fresh Builder (no caches) into a new site
// folder and reads it back; nil on errors.
func generate(t testing.TB, fsys fs.FS, opts Options) (*built, diag.List) {
	t.Helper()
	b := NewBuilder(opts)
	defer b.Close()
	return buildInto(t, b, fsys, filepath.Join(t.TempDir(), "site"), nil)
}

// buildInto builds fsys with b into the site folder out.
func buildInto(t testing.TB, b *Builder, fsys fs.FS, out string, changed []string) (*built, diag.List) {
	t.Helper()
	res, diags := b.Build(fsys, SiteDir(out, b.opts.CacheDir), changed)
	if res == nil {
		return nil, diags
	}
	return &built{Result: res, Dir: out, Files: readFiles(t, out)}, diags
}

// readFiles returns every file under dir but the site marker, by slash
// path.
func readFiles(t testing.TB, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		if rel != marker {
			out[filepath.ToSlash(rel)] = b
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// dirFS opens the dossier at root for the test.
func dirFS(t testing.TB, root string) fs.FS {
	t.Helper()
	d, err := dossierfs.Open(root)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	return d.FS()
}

// memFS is a dossier held in memory, over the default templates.
func memFS(files fstest.MapFS) fs.FS {
	return dossierfs.Overlay{Top: files, Bottom: dossier.Defaults}
}
