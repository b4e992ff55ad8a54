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
	g := gather{pending: map[string]bool{}, timer: time.NewTimer(time.Hour)}
	g.timer.Stop()
	defer g.timer.Stop()
	var ready *Batch // due, not yet received
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
			if w.handle(ev, g.pending) {
				g.touch(w.opts)
			}
		case err, ok := <-w.fsw.Errors:
			if !ok {
				return
			}
			if w.handleError(err, g.pending) {
				g.touch(w.opts)
			}
		case <-g.timer.C:
			ready = merge(ready, g.pending)
			clear(g.pending)
			g.first = time.Time{}
		case out <- deref(ready):
			ready = nil
		}
	}
}

// gather is the batch being gathered.
type gather struct {
	pending map[string]bool // changed paths
	first   time.Time       // time of the first change, zero if none
	timer   *time.Timer     // fires when the batch is due
}

// touch records a change now: the batch is due after the quiet period,
// or at the cap if that comes first.
func (g *gather) touch(opts Options) {
	now := time.Now()
	if g.first.IsZero() {
		g.first = now
	}
	due := min(opts.Debounce, g.first.Add(opts.MaxWait).Sub(now))
	g.timer.Reset(max(due, 0))
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

// handleError reports err. After an overflow, when events were lost, it
// marks every tracked path as changed and returns true.
func (w *Watcher) handleError(err error, pending map[string]bool) bool {
	w.report(err)
	if !isOverflow(err) {
		return false
	}
	for _, t := range w.tracked {
		pending[t] = true
	}
	return true
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
