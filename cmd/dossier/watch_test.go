package main

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"runtime/metrics"
	"testing"
	"time"
)

// forcedCollections is how many garbage collections runtime.GC started
// in this process so far.
func forcedCollections() uint64 {
	s := []metrics.Sample{{Name: "/gc/cycles/forced:gc-cycles"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}

// TestWatchCollectsAfterEachBuild checks that the garbage of the first
// build and of a rebuild is collected once the watch is quiet, not left to
// the next build (see collectAfter).
func TestWatchCollectsAfterEachBuild(t *testing.T) {
	src := t.TempDir()
	if err := os.MkdirAll(filepath.Join(src, "content"), 0o755); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ready, changed := make(chan uint64, 1), make(chan uint64, 1)
	done := make(chan error, 1)
	go func() {
		done <- watchChanges(ctx, src, io.Discard,
			func() { ready <- forcedCollections() },
			func([]string) {
				select {
				case changed <- forcedCollections():
				default:
				}
			})
	}()
	waitCollected := func(what string, before uint64) {
		t.Helper()
		deadline := time.Now().Add(10 * time.Second)
		for forcedCollections() == before {
			if time.Now().After(deadline) {
				t.Fatalf("no garbage collection within 10 s after %s", what)
			}
			time.Sleep(5 * time.Millisecond)
		}
	}
	waitCollected("the first build", <-ready)
	if err := os.WriteFile(filepath.Join(src, "content", "a.md"), []byte("---\ntitle: A\n---\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	select {
	case before := <-changed:
		waitCollected("a rebuild", before)
	case <-time.After(10 * time.Second):
		t.Fatal("the change was not reported within 10 s")
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}
