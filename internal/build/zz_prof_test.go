package build

import (
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"testing"
	"time"

	"github.com/dossier-project/dossier/internal/synthetic"
)

func TestZZProfilePreviewEdit(t *testing.T) {
	out := os.Getenv("ZZPROF")
	if out == "" {
		t.Skip()
	}
	d := benchDossiers[2]
	if os.Getenv("ZZ1K") != "" {
		d = benchDossiers[1]
	}
	dir := d.dir(t)
	bld := NewBuilder(Options{Preview: true, Drafts: true})
	defer bld.Close()
	dest, _ := Preview(filepath.Join(t.TempDir(), "preview"))
	defer dest.Close()
	fsys := dirFS(t, dir)
	bld.Build(fsys, dest, nil)
	if m := os.Getenv("ZZMEM"); m != "" {
		f, _ := os.Create(m + ".base")
		pprof.Lookup("allocs").WriteTo(f, 0)
		f.Close()
	}
	f, _ := os.Create(out)
	if os.Getenv("ZZNOPROF") == "" {
		pprof.StartCPUProfile(f)
	}
	var total time.Duration
	for i := 0; i < zzN(); i++ {
		synthetic.Revise(filepath.Join(dir, d.edit), benchRevision())
		start := time.Now()
		res, diags := bld.Build(fsys, dest, []string{d.edit})
		if res == nil {
			t.Fatal(diags)
		}
		total += time.Since(start)
		if i == zzN()-1 {
			t.Logf("written %d, hits %d, changed %v", res.Written, bld.memos.hits, res.Changed[:min(len(res.Changed), 30)])
		}
	}
	pprof.StopCPUProfile()
	t.Logf("mean %v", total/time.Duration(zzN()))
	if m := os.Getenv("ZZMEM"); m != "" {
		f, _ := os.Create(m)
		pprof.Lookup("allocs").WriteTo(f, 0)
		f.Close()
	}
}

func TestZZHeapPeak(t *testing.T) {
	out := os.Getenv("ZZHEAP")
	if out == "" {
		t.Skip()
	}
	dir := benchDossiers[2].dir(t)
	if os.Getenv("ZZ1K") != "" {
		dir = benchDossiers[1].dir(t)
	}
	done := make(chan bool)
	go func() {
		best := uint64(0)
		var ms runtime.MemStats
		for {
			select {
			case <-done:
				done <- true
				return
			case <-time.After(20 * time.Millisecond):
			}
			runtime.ReadMemStats(&ms)
			if ms.HeapAlloc > best {
				best = ms.HeapAlloc
				f, _ := os.Create(out)
				pprof.Lookup("heap").WriteTo(f, 0)
				f.Close()
				t.Logf("heap %d MB at %v", best>>20, time.Now())
			}
		}
	}()
	bld := NewBuilder(Options{CacheDir: t.TempDir()})
	bld.Build(dirFS(t, dir), SiteDir(filepath.Join(t.TempDir(), "site"), bld.opts.CacheDir), nil)
	done <- true
	<-done
}

func zzN() int {
	if os.Getenv("ZZ1K") != "" {
		return 150
	}
	return 20
}
