package main

import (
	"context"
	"fmt"
	"io"
	"runtime"
	"time"

	"github.com/dossier-project/dossier/internal/build"
	"github.com/dossier-project/dossier/internal/dossierfs"
	"github.com/dossier-project/dossier/internal/watch"
)

// watchedPaths are the parts of a dossier that a rebuild depends on.
var watchedPaths = []string{"content", "templates", "static", "dossier.yaml"}

// watchChanges calls ready once changes under src are being watched, then
// onChange with the changed paths of each debounced batch of them, until
// ctx is done. Once the watch has been quiet for collectAfter after a
// call, it collects the garbage (see collectAfter).
func watchChanges(ctx context.Context, src string, stderr io.Writer, ready func(), onChange func(paths []string)) error {
	w, err := watch.New(watch.Options{Root: src, Paths: watchedPaths, Debounce: 5 * time.Millisecond,
		Logf: func(f string, a ...any) { fmt.Fprintf(stderr, f+"\n", a...) }})
	if err != nil {
		return err
	}
	defer w.Close()
	ready()
	collect := time.AfterFunc(collectAfter, runtime.GC)
	defer collect.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case batch, ok := <-w.Batches():
			if !ok {
				return nil
			}
			collect.Stop()
			fmt.Fprintf(stderr, "changed: %v\n", batch.Paths)
			onChange(batch.Paths)
			collect.Reset(collectAfter)
		}
	}
}

// collectAfter is how long the watch must stay quiet after a build before
// the garbage that build left is collected: while the user reads the page
// it reloaded rather than during the next build, which then reuses the
// memory freed instead of growing the heap into memory the system has yet
// to map. On a preview of 10,000 briefs, edits a second apart took 75–190
// ms to build without it and 51–76 ms with it. Saves less than
// collectAfter apart (a tool writing files one after another) start no
// collection between them: one running when the next build starts slows
// that build down, as it did when each build was followed by one at once.
// A save that comes just after the wait still meets a collection already
// started. Giving the memory back to the system as well
// (debug.FreeOSMemory) made builds slower: they took it back.
const collectAfter = 250 * time.Millisecond

// watchBuild rebuilds and writes the site on every change (build -watch).
func watchBuild(ctx context.Context, b *build.Builder, d *dossierfs.Dossier, src, out, cache string, stdout, stderr io.Writer) error {
	ready := func() {
		if err := buildOnce(b, d, src, out, cache, nil, stdout, stderr); err != nil {
			fmt.Fprintln(stderr, "dossier:", err)
		}
		fmt.Fprintf(stdout, "watching %s for changes (Ctrl-C to stop)\n", src)
	}
	return watchChanges(ctx, src, stderr, ready, func(paths []string) {
		if err := buildOnce(b, d, src, out, cache, paths, stdout, stderr); err != nil {
			fmt.Fprintln(stderr, "dossier:", err)
		}
	})
}
