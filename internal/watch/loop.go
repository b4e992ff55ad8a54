package watch

import (
	"maps"
	"os"
	"path"
	"slices"
	"time"

	"github.com/fsnotify/fsnotify"
)

// run gathers events into batches until Close.
func (w *Watcher) run() {
	defer close(w.stopped)
	defer close(w.errs)
	defer close(w.batches)
	var (
		pending = map[string]bool{} // gathered, batch not yet due
		first   time.Time           // first event of pending
		ready   *Batch              // due, not yet received
		timer   = time.NewTimer(time.Hour)
	)
	timer.Stop()
	defer timer.Stop()
	for {
		var out chan<- Batch
		if ready != nil {
			out = w.batches
		}
		select {
		case <-w.done:
			return
		case ev, ok := <-w.fsw.Events:
			if !ok {
				return
			}
			if !w.handle(ev, pending) {
				continue
			}
			now := time.Now()
			if first.IsZero() {
				first = now
			}
			due := min(w.opts.Debounce, first.Add(w.opts.MaxWait).Sub(now))
			timer.Reset(max(due, 0))
		case err, ok := <-w.fsw.Errors:
			if !ok {
				return
			}
			w.handleError(err, pending)
			first = time.Now()
			timer.Reset(w.opts.Debounce)
		case <-timer.C:
			ready = merge(ready, pending)
			clear(pending)
			first = time.Time{}
		case out <- deref(ready):
			ready = nil
		}
	}
}

// handle adds the paths that ev changed to pending, and reports whether
// ev was relevant (so that it restarts the quiet period).
func (w *Watcher) handle(ev fsnotify.Event, pending map[string]bool) bool {
	if ev.Op&^fsnotify.Chmod == 0 {
		return false
	}
	rel, ok := w.rel(ev.Name)
	if !ok || ignored(path.Base(rel)) {
		return false
	}
	sc := w.scopeOf(rel)
	if sc == outside {
		return false
	}
	if ev.Has(fsnotify.Remove) || ev.Has(fsnotify.Rename) {
		w.forget(ev.Name)
	}
	if ev.Has(fsnotify.Create) {
		if fi, err := os.Lstat(ev.Name); err == nil && fi.IsDir() {
			n := len(pending)
			w.addTree(ev.Name, pending)
			return len(pending) > n
		}
	}
	if sc != inside || ev.Op == fsnotify.Write && w.dirs[ev.Name] {
		return false // kqueue and Windows write to folders whose entries change
	}
	pending[rel] = true
	return true
}

// handleError reports err; after an overflow, when events were lost, it
// marks every tracked path as changed.
func (w *Watcher) handleError(err error, pending map[string]bool) {
	w.report(err)
	if isOverflow(err) {
		for _, t := range w.tracked {
			pending[t] = true
		}
	}
}

// merge returns a batch of the paths of b and pending.
func merge(b *Batch, pending map[string]bool) *Batch {
	if b == nil && len(pending) == 0 {
		return nil
	}
	all := slices.Collect(maps.Keys(pending))
	if b != nil {
		all = append(all, b.Paths...)
	}
	slices.Sort(all)
	return &Batch{Paths: slices.Compact(all)}
}

// deref returns *b, or the zero Batch when b is nil (never sent then).
func deref(b *Batch) Batch {
	if b == nil {
		return Batch{}
	}
	return *b
}
