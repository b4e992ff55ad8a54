package build

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"sort"
	"strings"
	"sync"
)

// Preview is the destination of dossier serve: a private folder dir,
// which it creates and owns (Close removes it). Each build writes the
// outputs that changed into a layer folder of its own and returns a
// Generation, the site as of that build.
func Preview(dir string) (*Dest, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, err
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	return &Dest{mode: preview, prev: &previewWriter{dir: dir, root: root, index: map[string]*location{}, live: map[string]int{}}}, nil
}

// Close removes a Preview's folder; other destinations have none.
func (d *Dest) Close() error {
	if d.mode != preview {
		return nil
	}
	d.prev.root.Close()
	return os.RemoveAll(d.prev.dir)
}

// location is where a generation finds one output: a file in a layer, or
// a costly output made on first request.
type location struct {
	layer string
	lazy  *lazyOutput
}

// previewWriter writes layers and keeps the index of the site.
type previewWriter struct {
	dir  string
	root *os.Root
	n    int // builds committed

	bufs writeBuffers

	mu    sync.Mutex
	layer string // the layer this build writes
	// index is the last committed site. Only commit replaces it (never
	// writes into it: a Generation serves it), so between begin and
	// commit it is read without the lock.
	index   map[string]*location
	next    map[string]*location // under mu
	live    map[string]int       // files each layer still serves
	retired [][]retiredFile      // per commit, files no longer served
	// placed lists the paths that write and later gave a location in
	// this build (under mu), and added counts those the index did not
	// have: with none added and as many paths as the index, no path is
	// gone, and commit looks only at the placed ones.
	placed []string
	added  int
	groups []*lazyGroup // this build's (under mu)
}

type retiredFile struct{ layer, path string }

func (w *previewWriter) begin() error {
	w.layer = fmt.Sprintf("g%06d", w.n+1)
	w.next = make(map[string]*location, len(w.index))
	w.placed, w.added, w.groups = nil, 0, nil
	return w.root.Mkdir(w.layer, 0o700)
}

// has reports whether the last generation has path. The index is read
// without the lock: only commit replaces it.
func (w *previewWriter) has(path string) bool {
	_, ok := w.index[path]
	return ok
}

// keepAll serves paths, every one of which has has, from where the last
// generation found them. It is called by one goroutine, after the
// build's workers: thousands of kept outputs are then recorded without a
// lock each.
func (w *previewWriter) keepAll(paths []string) {
	for _, path := range paths {
		w.next[path] = w.index[path]
	}
}

// place gives path its location in this build. The caller holds mu.
func (w *previewWriter) place(path string, loc *location) {
	w.next[path] = loc
	w.placed = append(w.placed, path)
	if _, ok := w.index[path]; !ok {
		w.added++
	}
}

// write writes path into this build's layer; when its bytes are those the
// last build wrote, the old file is served and the new one dropped.
func (w *previewWriter) write(path string, make func(io.Writer) error, last entry) ([sha256.Size]byte, error) {
	name := w.layer + "/" + path
	if err := w.root.MkdirAll(w.layer+"/"+dirOf(path), 0o700); err != nil {
		return [sha256.Size]byte{}, err
	}
	f, err := w.root.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return [sha256.Size]byte{}, err
	}
	sum, err := w.bufs.writeHashed(f, make)
	if err != nil {
		return sum, err
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	if old, ok := w.index[path]; ok && old.lazy == nil && sum == last.Sum {
		w.place(path, old)
		_ = w.root.Remove(name)
		return sum, nil
	}
	w.place(path, &location{layer: w.layer})
	return sum, nil
}

// later records a costly output that is made when first asked for; one
// with the key the last build had keeps its lazy output (made or not).
func (w *previewWriter) later(path string, key [sha256.Size]byte, make func(io.Writer) error, last entry) {
	loc := w.index[path]
	if loc == nil || loc.lazy == nil || last.Key != key {
		loc = &location{lazy: &lazyOutput{root: w.root, name: lazyName(key, path), make: make}}
	}
	w.mu.Lock()
	w.place(path, loc)
	w.mu.Unlock()
}

// lazyName is where a costly output made on request is written: under
// its key, so that two generations never share a file of different bytes.
func lazyName(key [sha256.Size]byte, path string) string {
	return "lazy/" + hex.EncodeToString(key[:8]) + "/" + path
}

// laterGroup records a group of outputs listed on request (see
// Dest.laterGroup).
func (w *previewWriter) laterGroup(prefix string, key [sha256.Size]byte, list func() []output) {
	w.mu.Lock()
	w.groups = append(w.groups, &lazyGroup{root: w.root, prefix: prefix, key: key, list: list})
	w.mu.Unlock()
}

func dirOf(p string) string {
	if d := path.Dir(p); d != "." {
		return d
	}
	return ""
}

// commit makes the new index the site and retires what it replaced.
func (w *previewWriter) commit(next map[string]entry) (*Generation, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	changed := w.placed // the paths whose location may have changed
	if w.added > 0 || len(w.next) != len(w.index) {
		changed = nil // some are new or gone: look at them all
		for path := range w.index {
			changed = append(changed, path)
		}
		for path := range w.next {
			if _, ok := w.index[path]; !ok {
				changed = append(changed, path)
			}
		}
	}
	var retired []retiredFile
	for _, path := range changed {
		old, loc := w.index[path], w.next[path]
		if loc == old {
			continue
		}
		if old != nil && old.lazy == nil {
			retired = append(retired, retiredFile{old.layer, path})
		}
		if loc != nil && loc.lazy == nil {
			w.live[loc.layer]++
		}
	}
	w.index, w.next, w.placed = w.next, nil, nil
	w.layer = "" // committed: no abort may remove it now
	w.n++
	w.retired = append(w.retired, retired)
	w.collect()
	gen := &Generation{root: w.root, files: w.index, groups: w.groups, ID: w.n}
	w.groups = nil
	return gen, nil
}

// collect removes the files retired two commits ago: a request of an
// older generation has had a whole build's time to open its file.
func (w *previewWriter) collect() {
	if len(w.retired) < 3 {
		return
	}
	for _, f := range w.retired[0] {
		_ = w.root.Remove(f.layer + "/" + f.path)
		if w.live[f.layer]--; w.live[f.layer] <= 0 {
			delete(w.live, f.layer)
			_ = w.root.RemoveAll(f.layer)
		}
	}
	w.retired = w.retired[1:]
}

// abort drops the layer of a build that failed. A build that failed
// before it began writing has no layer of its own: the last committed one
// is served and must stay.
func (w *previewWriter) abort() {
	if w.layer != "" {
		_ = w.root.RemoveAll(w.layer)
	}
	w.next, w.groups = nil, nil
}

// Generation is the site as one preview build left it: an fs.FS of its
// files, safe for concurrent use. It never changes; the next build makes
// a new one.
type Generation struct {
	root  *os.Root
	files map[string]*location
	// groups hold the outputs listed only when one is asked for; none
	// has a path of files.
	groups []*lazyGroup
	// ID counts the builds of the preview.
	ID int
}

// Open opens a file of the site.
func (g *Generation) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	loc, ok := g.files[name]
	if !ok {
		if lazy := g.inGroup(name); lazy != nil {
			return lazy.open()
		}
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	if loc.lazy != nil {
		return loc.lazy.open()
	}
	return g.root.Open(loc.layer + "/" + name)
}

// Has reports whether the site has a file at name, without making a
// costly output (a group's outputs may be listed).
func (g *Generation) Has(name string) bool {
	_, ok := g.files[name]
	return ok || g.inGroup(name) != nil
}

// inGroup returns the output of a group at name, or nil.
func (g *Generation) inGroup(name string) *lazyOutput {
	for _, grp := range g.groups {
		if lazy := grp.output(name); lazy != nil {
			return lazy
		}
	}
	return nil
}

// lazyGroup is a group of costly outputs, all under prefix, that are
// listed, by list, only when one of them is first asked for; each is then
// made on its own first request. It is safe for concurrent use.
type lazyGroup struct {
	root   *os.Root
	prefix string
	key    [sha256.Size]byte
	list   func() []output
	once   sync.Once
	files  map[string]*lazyOutput
}

// output returns the group's output at name, or nil; the first call for a
// name under the prefix lists them all.
func (grp *lazyGroup) output(name string) *lazyOutput {
	if !strings.HasPrefix(name, grp.prefix) {
		return nil
	}
	return grp.outputs()[name]
}

// outputs lists the group's outputs by path, on the first call.
func (grp *lazyGroup) outputs() map[string]*lazyOutput {
	grp.once.Do(func() {
		outs := grp.list()
		grp.files = make(map[string]*lazyOutput, len(outs))
		for _, o := range outs {
			grp.files[o.path] = &lazyOutput{root: grp.root, name: lazyName(grp.key, o.path), make: o.onRequest()}
		}
	})
	return grp.files
}

// lazyOutput is a costly output, made once, when first opened.
type lazyOutput struct {
	root *os.Root
	name string
	make func(io.Writer) error
	once sync.Once
	err  error
}

func (l *lazyOutput) open() (fs.File, error) {
	l.once.Do(func() { l.err = l.produce() })
	if l.err != nil {
		return nil, l.err
	}
	return l.root.Open(l.name)
}

func (l *lazyOutput) produce() error {
	if err := l.root.MkdirAll(path.Dir(l.name), 0o700); err != nil {
		return err
	}
	tmp := l.name + ".tmp"
	f, err := l.root.Create(tmp)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(f, 64<<10)
	err = l.make(bw)
	if err == nil {
		err = bw.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		_ = l.root.Remove(tmp)
		return errors.Join(errors.New("making "+path.Base(l.name)), err)
	}
	return l.root.Rename(tmp, l.name)
}

// Paths lists the site's files, sorted.
func (g *Generation) Paths() []string {
	out := make([]string, 0, len(g.files))
	for p := range g.files {
		out = append(out, p)
	}
	for _, grp := range g.groups {
		for p := range grp.outputs() {
			out = append(out, p)
		}
	}
	sort.Strings(out)
	return out
}
