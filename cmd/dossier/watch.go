package main

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/dossier-project/dossier/internal/build"
	"github.com/dossier-project/dossier/internal/dossierfs"
	"github.com/dossier-project/dossier/internal/watch"
)

// watchedPaths are the parts of a dossier that a rebuild depends on.
var watchedPaths = []string{"content", "templates", "static", "dossier.yaml"}

// watchChanges calls ready once changes under src are being watched, then
// onChange with the changed paths of each debounced batch of them, until
// ctx is done.
func watchChanges(ctx context.Context, src string, stderr io.Writer, ready func(), onChange func(paths []string)) error {
	w, err := watch.New(watch.Options{Root: src, Paths: watchedPaths, Debounce: 5 * time.Millisecond,
		Logf: func(f string, a ...any) { fmt.Fprintf(stderr, f+"\n", a...) }})
	if err != nil {
		return err
	}
	defer w.Close()
	ready()
	for {
		select {
		case <-ctx.Done():
			return nil
		case batch, ok := <-w.Batches():
			if !ok {
				return nil
			}
			fmt.Fprintf(stderr, "changed: %v\n", batch.Paths)
			onChange(batch.Paths)
		}
	}
}

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
