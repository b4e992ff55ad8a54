package build

import (
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/dossier-project/dossier/internal/synthetic"
)

// BenchmarkBuild measures Generate, with the serve command's options, on
// the sample dossier and on a synthetic one of 10,000 briefs (see package
// synthetic):
//
//   - full: a fresh Builder builds everything;
//   - one-change: a warm Builder rebuilds after one brief changed on disk
//     (the write itself is not timed), as in watch mode.
//
// Each dossier is written once per process, into a temporary folder. The
// 10k dossier takes a while per build: run with -benchtime=5x or so.
func BenchmarkBuild(b *testing.B) {
	for _, d := range benchDossiers {
		b.Run(d.name, func(b *testing.B) {
			dir := d.dir(b)
			fsys := SourceFS(dir)
			opts := Options{Drafts: true, Preview: true}
			b.Run("full", func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					res, diags := NewBuilder().Generate(fsys, opts)
					if res == nil {
						b.Fatalf("build failed:\n%s", diags)
					}
				}
			})
			b.Run("one-change", func(b *testing.B) {
				bld := NewBuilder()
				if res, diags := bld.Generate(fsys, opts); res == nil {
					b.Fatalf("build failed:\n%s", diags)
				}
				b.ReportAllocs()
				n, rendered := 0, 0
				for b.Loop() {
					n++
					b.StopTimer()
					if err := synthetic.Revise(filepath.Join(dir, d.edit), benchRevision()); err != nil {
						b.Fatal(err)
					}
					b.StartTimer()
					res, diags := bld.Generate(fsys, opts)
					if res == nil {
						b.Fatalf("rebuild %d failed:\n%s", n, diags)
					}
					rendered += res.Rendered
				}
				b.ReportMetric(float64(rendered)/float64(n), "pages-rendered/op")
			})
		})
	}
}

// benchDossier is a dossier to benchmark, and the file to edit in it.
type benchDossier struct {
	name string
	dir  func(testing.TB) string
	edit string
}

var benchDossiers = []benchDossier{
	{"sample", benchDir("sample", copySampleDossier), "content/briefs/xi-letter-strategic-partnership.md"},
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
