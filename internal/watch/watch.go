package watch

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Options configures a Watcher.
type Options struct {
	// Root is the dossier's folder.
	Root string
	// Paths are the folders and files to watch, slash-separated and
	// relative to Root, such as "content" or "dossier.yaml". Missing ones
	// are fine. Empty means all of Root.
	Paths []string
	// Debounce is the quiet time that ends a batch; default 100ms.
	Debounce time.Duration
	// MaxWait caps how long a batch gathers events during a continuous
	// stream of changes; default 1s, and never less than Debounce.
	MaxWait time.Duration
	// Logf, when set, receives errors from the system.
	Logf func(format string, args ...any)
}

// Batch is one debounced set of changes.
type Batch struct {
	// Paths are sorted, unique, slash-separated and relative to Root.
	Paths []string
}

// Watcher watches a dossier's folders; see the package documentation.
type Watcher struct {
	opts    Options
	root    string   // cleaned Root
	tracked []string // cleaned Paths; "." for all of Root
	fsw     *fsnotify.Watcher
	batches chan Batch
	errs    chan error
	done    chan struct{}
	stopped chan struct{}
	once    sync.Once
	err     error

	dirs map[string]bool // watched folders (OS paths); owned by run
}

// New starts watching. It fails when Root cannot be watched or a path in
// Paths is not a local relative path.
func New(opts Options) (*Watcher, error) {
	tracked, err := cleanPaths(opts.Paths)
	if err != nil {
		return nil, err
	}
	if opts.Debounce <= 0 {
		opts.Debounce = 100 * time.Millisecond
	}
	if opts.MaxWait <= 0 {
		opts.MaxWait = time.Second
	}
	opts.MaxWait = max(opts.MaxWait, opts.Debounce)
	root := filepath.Clean(opts.Root)
	if fi, err := os.Stat(root); err != nil {
		return nil, fmt.Errorf("watch: %w", err)
	} else if !fi.IsDir() {
		return nil, fmt.Errorf("watch: %s is not a folder", root)
	}
	fsw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, fmt.Errorf("watch: %w", err)
	}
	w := &Watcher{
		opts: opts, root: root, tracked: tracked, fsw: fsw,
		batches: make(chan Batch),
		errs:    make(chan error, 16),
		done:    make(chan struct{}),
		stopped: make(chan struct{}),
		dirs:    map[string]bool{},
	}
	if err := fsw.Add(root); err != nil {
		fsw.Close()
		return nil, fmt.Errorf("watch: %s: %w", root, err)
	}
	w.dirs[root] = true
	w.addTree(root, nil)
	go w.run()
	return w, nil
}

// cleanPaths validates Paths and returns them cleaned; no paths means ".".
func cleanPaths(paths []string) ([]string, error) {
	var out []string
	for _, p := range paths {
		c := path.Clean(filepath.ToSlash(p))
		if !fs.ValidPath(c) {
			return nil, fmt.Errorf("watch: path %q is not relative to the root", p)
		}
		out = append(out, c)
	}
	if len(out) == 0 {
		out = []string{"."}
	}
	return out, nil
}

// Batches delivers the debounced batches. It is closed by Close.
func (w *Watcher) Batches() <-chan Batch { return w.batches }

// Errors delivers errors from the system, without blocking the watcher:
// errors nobody receives are dropped. It is closed by Close.
func (w *Watcher) Errors() <-chan error { return w.errs }

// Close stops watching and closes Batches and Errors. Pending changes that
// were not delivered are dropped.
func (w *Watcher) Close() error {
	w.once.Do(func() {
		close(w.done)
		w.err = w.fsw.Close()
		<-w.stopped
	})
	return w.err
}

// report passes err to Logf and, without blocking, to Errors.
func (w *Watcher) report(err error) {
	if w.opts.Logf != nil {
		w.opts.Logf("watch: %v", err)
	}
	select {
	case w.errs <- err:
	default:
	}
}

// rel returns the slash path of name relative to Root.
func (w *Watcher) rel(name string) (string, bool) {
	r, err := filepath.Rel(w.root, name)
	if err != nil {
		return "", false
	}
	r = filepath.ToSlash(r)
	if r == ".." || strings.HasPrefix(r, "../") {
		return "", false
	}
	return r, true
}

// isOverflow reports whether err says that events were lost.
func isOverflow(err error) bool { return errors.Is(err, fsnotify.ErrEventOverflow) }
