package build

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"testing"
	"time"
)

func TestZZHeap(t *testing.T) {
	dir := os.Getenv("PROF_DIR")
	if dir == "" {
		t.Skip()
	}
	done := make(chan bool)
	var best []byte
	var bestHeap uint64
	go func() {
		for {
			select {
			case <-done:
				return
			case <-time.After(500 * time.Millisecond):
			}
			var ms runtime.MemStats
			runtime.ReadMemStats(&ms)
			if ms.HeapAlloc > bestHeap {
				var buf bytes.Buffer
				pprof.Lookup("heap").WriteTo(&buf, 0)
				best, bestHeap = buf.Bytes(), ms.HeapAlloc
			}
		}
	}()
	runtime.MemProfileRate = 64 * 1024
	bld := NewBuilder(Options{})
	bld.Build(dirFS(t, dir), SiteDir(filepath.Join(t.TempDir(), "site"), ""), nil)
	close(done)
	os.WriteFile(os.Getenv("PROF_OUT"), best, 0o644)
	t.Logf("peak heap alloc seen %d MB", bestHeap>>20)
}
