package build

import (
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/dossier-project/dossier/internal/check"
	"github.com/dossier-project/dossier/internal/synthetic"
	"github.com/dossier-project/dossier/internal/urls"
	"github.com/dossier-project/dossier/internal/view"
	"github.com/dossier-project/dossier/internal/xref"
)

// BenchmarkBuild measures Build on the sample dossier and on synthetic
// ones of 1,000 and 10,000 briefs (see package synthetic), each written
// once per process into a temporary folder:
//
//   - cold: a fresh Builder with empty caches builds into a new folder;
//   - warm: a fresh Builder (a new process, as dossier build is) with the
//     caches and the site folder of an earlier build of the same files;
//   - one-change: a warm Builder rebuilds after one brief changed on disk
//     (the write itself is not timed), told which file changed, as
//     dossier build -watch and serve are.
//
// The 10,000-brief dossier takes a while: run with -benchtime=5x.
func BenchmarkBuild(b *testing.B) {
	for _, d := range benchDossiers {
		b.Run(d.name, func(b *testing.B) {
			dir := d.dir(b)
			b.Run("cold", func(b *testing.B) {
				for b.Loop() {
					b.StopTimer()
					out, cache := filepath.Join(b.TempDir(), "site"), b.TempDir()
					b.StartTimer()
					benchBuild(b, NewBuilder(Options{CacheDir: cache}), dir, out, nil)
				}
			})
			b.Run("warm", func(b *testing.B) {
				out, cache := filepath.Join(b.TempDir(), "site"), b.TempDir()
				benchBuild(b, NewBuilder(Options{CacheDir: cache}), dir, out, nil)
				for b.Loop() {
					benchBuild(b, NewBuilder(Options{CacheDir: cache}), dir, out, nil)
				}
			})
			b.Run("one-change", func(b *testing.B) {
				out, cache := filepath.Join(b.TempDir(), "site"), b.TempDir()
				bld := NewBuilder(Options{CacheDir: cache})
				benchBuild(b, bld, dir, out, nil)
				written := 0
				for b.Loop() {
					b.StopTimer()
					if err := synthetic.Revise(filepath.Join(dir, d.edit), benchRevision()); err != nil {
						b.Fatal(err)
					}
					b.StartTimer()
					written += benchBuild(b, bld, dir, out, []string{d.edit}).Written
				}
				b.ReportMetric(float64(written)/float64(b.N), "files-written/op")
			})
			b.Run("preview-one-change", func(b *testing.B) {
				bld := NewBuilder(Options{Preview: true, Drafts: true})
				defer bld.Close()
				dest, err := Preview(filepath.Join(b.TempDir(), "preview"))
				if err != nil {
					b.Fatal(err)
				}
				defer dest.Close()
				fsys := dirFS(b, dir)
				if res, diags := bld.Build(fsys, dest, nil); res == nil {
					b.Fatal(diags)
				}
				for b.Loop() {
					b.StopTimer()
					if err := synthetic.Revise(filepath.Join(dir, d.edit), benchRevision()); err != nil {
						b.Fatal(err)
					}
					b.StartTimer()
					if res, diags := bld.Build(fsys, dest, []string{d.edit}); res == nil {
						b.Fatal(diags)
					}
				}
			})
		})
	}
}

func benchBuild(b *testing.B, bld *Builder, dir, out string, changed []string) *Result {
	b.Helper()
	res, diags := bld.Build(dirFS(b, dir), SiteDir(out, bld.opts.CacheDir), changed)
	if res == nil {
		b.Fatalf("build failed:\n%s", diags)
	}
	return res
}

// BenchmarkStages measures each stage of a cold build of 1,000 briefs on
// its own: load (read and parse every file), resolve, check, views (every
// page's view and its key), render (every page's body and template, into
// memory).
func BenchmarkStages(b *testing.B) {
	dir := benchDossiers[1].dir(b)
	fsys := dirFS(b, dir)
	bld := NewBuilder(Options{})
	cfg, _ := bld.config(fsys)
	load := func() *loaded {
		bld.files = newParseCache()
		in, _ := bld.load(fsys, cfg, nil)
		return in
	}
	in := load()
	b.Run("load", func(b *testing.B) {
		for b.Loop() {
			load()
		}
	})
	resolve := func() *xref.Graph { g, _ := xref.Resolve(in.pages, xref.Options{}); return g }
	b.Run("resolve", func(b *testing.B) {
		for b.Loop() {
			resolve()
		}
	})
	g := resolve()
	b.Run("check", func(b *testing.B) {
		for b.Loop() {
			check.Run(cfg, g, check.Options{})
		}
	})
	views := view.New(g, cfg, urls.New(cfg.BaseURL.Value), view.Options{}, &bld.hasher)
	b.Run("views", func(b *testing.B) {
		for b.Loop() {
			for _, j := range views.Jobs() {
				if !j.Costly {
					bld.hasher.Key(j.Make().Data)
				}
			}
		}
	})
	b.Run("render", func(b *testing.B) {
		for b.Loop() {
			bld.bodies = newBodyStore()
			if res, diags := bld.Build(fsys, Nowhere(), nil); res == nil {
				b.Fatal(diags)
			}
		}
	})
}

// benchDossier is a dossier to benchmark, and the file to edit in it.
type benchDossier struct {
	name string
	dir  func(testing.TB) string
	edit string
}

var benchDossiers = []benchDossier{
	{"sample", benchDir("sample", copySampleDossier), "content/briefs/xi-letter-strategic-partnership.md"},
	{"1k-briefs", benchDir("1k", synthetic.Default(1000).Write), synthetic.BriefFile(500)},
	{"10k-briefs", benchDir("10k", synthetic.Default(10000).Write), synthetic.BriefFile(5000)},
}

// benchDir returns a function that writes a dossier with write once per
// process, into a temporary folder removed by TestMain, and returns it.
func benchDir(name string, write func(dir string) error) func(testing.TB) string {
	var once sync.Once
	var dir string
	var err error
	return func(tb testing.TB) string {
		once.Do(func() {
			dir, err = os.MkdirTemp("", "dossier-bench-"+name+"-")
			if err == nil {
				benchTemp.add(dir)
				err = write(dir)
			}
		})
		if err != nil {
			tb.Fatal(err)
		}
		return dir
	}
}

// copySampleDossier copies the sample dossier (dossier.yaml and content/
// at the repository's root) into dir.
func copySampleDossier(dir string) error {
	if err := os.CopyFS(filepath.Join(dir, "content"), os.DirFS("../../content")); err != nil {
		return err
	}
	data, err := os.ReadFile("../../dossier.yaml")
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "dossier.yaml"), data, 0o644)
}

// benchRevision returns a new revision number for each edit of the
// process, so that every edit changes the page.
func benchRevision() int {
	benchTemp.mu.Lock()
	defer benchTemp.mu.Unlock()
	benchTemp.rev++
	return benchTemp.rev
}

// benchTemp holds the benchmark folders of this process.
var benchTemp benchTemps

type benchTemps struct {
	mu   sync.Mutex
	dirs []string
	rev  int
}

func (t *benchTemps) add(dir string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.dirs = append(t.dirs, dir)
}

// TestMain removes the benchmarks' dossiers.
func TestMain(m *testing.M) {
	code := m.Run()
	for _, dir := range benchTemp.dirs {
		os.RemoveAll(dir)
	}
	os.Exit(code)
}
