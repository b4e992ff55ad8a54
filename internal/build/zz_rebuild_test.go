package build

import (
	"os"
	"path/filepath"
	"runtime/pprof"
	"testing"
	"time"

	"github.com/dossier-project/dossier/internal/synthetic"
)

func TestZZRebuild(t *testing.T) {
	dir := os.Getenv("PROF_DIR")
	if dir == "" {
		t.Skip()
	}
	bld := NewBuilder(Options{Preview: true, Drafts: true})
	dest, _ := Preview(filepath.Join(t.TempDir(), "p"))
	fsys := dirFS(t, dir)
	bld.Build(fsys, dest, nil)
	f, _ := os.Create(os.Getenv("PROF_OUT"))
	pprof.StartCPUProfile(f)
	edit := synthetic.BriefFile(500)
	start := time.Now()
	for i := 0; i < 10; i++ {
		synthetic.Revise(filepath.Join(dir, edit), 2000+i)
		bld.Build(fsys, dest, []string{edit})
	}
	pprof.StopCPUProfile()
	t.Logf("%v per rebuild", time.Since(start)/10)
}
