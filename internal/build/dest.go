package build

import (
	"crypto/sha256"
	"io"
	"sort"
	"sync"
)

// entry is what a build recorded of one output: the key it was made from
// and its bytes' checksum.
type entry struct {
	Key [sha256.Size]byte
	Sum [sha256.Size]byte
}

// destMode is where a Dest writes.
type destMode int

const (
	nowhere destMode = iota
	siteDir
	preview
)

// Dest is where a build's outputs go; see the package documentation. A
// Dest is used by one build at a time; its methods are safe for the
// build's concurrent workers.
type Dest struct {
	mode destMode
	site *siteWriter    // siteDir
	prev *previewWriter // preview

	begun bool // begin was called, and neither commit nor abort since

	mu      sync.Mutex
	last    map[string]entry // the last build's outputs
	next    map[string]entry // this build's
	changed []string
	written int
	// added counts the paths of next that last has not: with none, and
	// as many paths, no output is gone (see commit).
	added int
	// spare is a preview's map from two builds ago, which nothing reads
	// any more: the next build's next, cleared, rather than a new map of
	// every output on each rebuild.
	spare map[string]entry
}

// Nowhere is the destination of dossier check: every output is made and
// thrown away.
func Nowhere() *Dest { return &Dest{mode: nowhere} }

// begin starts a build; it returns what the last build recorded. A
// second call in the same build returns the same.
func (d *Dest) begin(binary [sha256.Size]byte) (map[string]entry, error) {
	if d.begun {
		return d.last, nil
	}
	if d.spare != nil {
		clear(d.spare)
		d.next, d.spare = d.spare, nil
	} else {
		d.next = make(map[string]entry, len(d.last))
	}
	d.changed, d.written, d.added = nil, 0, 0
	var err error
	switch d.mode {
	case siteDir:
		d.last, err = d.site.begin(binary)
	case preview:
		err = d.prev.begin()
	}
	d.begun = err == nil
	return d.last, err
}

// keep keeps path as the last build made it, when the key is the same
// and the output is still there. It reports whether it did.
func (d *Dest) keep(path string, key [sha256.Size]byte) bool {
	old, ok := d.last[path]
	if !ok || old.Key != key {
		return false
	}
	switch d.mode {
	case siteDir:
		if !d.site.keep(path) {
			return false
		}
	case preview: // a preview keeps through keepable and keepPreview
		return false
	}
	d.mu.Lock()
	d.next[path] = old // the same entry: not a change
	d.mu.Unlock()
	return true
}

// keepable reports whether a preview can keep path as the last build made
// it: the same key, and the last generation has it. Its workers ask, and
// keepPreview keeps all those it could, afterwards.
func (d *Dest) keepable(path string, key [sha256.Size]byte) bool {
	old, ok := d.last[path]
	return d.mode == preview && ok && old.Key == key && d.prev.has(path)
}

// keepPreview keeps paths, each of which was keepable, in a preview. The
// caller is the only goroutine using d.
func (d *Dest) keepPreview(paths []string) {
	if len(paths) == 0 {
		return
	}
	for _, path := range paths {
		d.next[path] = d.last[path] // the same entry: not a change
	}
	d.prev.keepAll(paths)
}

// keepAll keeps every output of the last build, when the site folder's
// manifest says it was made from the same site key (see Builder.siteKey)
// and every one of its files is still as that build left it. It reports
// whether it did; when it does not, nothing is kept yet. Only a site
// folder keeps all: a preview's rebuild always has a change to show.
func (d *Dest) keepAll(site [sha256.Size]byte) bool {
	if d.mode != siteDir {
		return false
	}
	d.site.site = site
	if len(d.last) == 0 || d.site.lastSite != site {
		return false
	}
	for path := range d.last {
		if !d.site.intact(path) {
			return false
		}
	}
	for path, e := range d.last {
		if !d.site.keep(path) {
			return false
		}
		d.record(path, e)
	}
	return true
}

// keepSameInputs keeps every output of the last build, when the site
// folder's manifest says it was made from inputs with this key (see
// Builder.sameInputs) and every one of its files is still as that build
// left it; it returns what that build reported. Only a site folder does.
func (d *Dest) keepSameInputs(inputs [sha256.Size]byte, stamps inputStamps) (*report, bool) {
	if d.mode != siteDir {
		return nil, false
	}
	d.recordInputs(inputs, stamps)
	r := d.site.lastReport
	if r == nil || d.site.lastInputs != inputs || !d.keepAll(d.site.lastSite) {
		return nil, false
	}
	d.site.report = r
	return r, true
}

// recordInputs sets the key and stamps of this build's inputs, which the
// site folder's manifest records.
func (d *Dest) recordInputs(inputs [sha256.Size]byte, stamps inputStamps) {
	d.site.inputs, d.site.stamps = inputs, stamps
}

// lastStamps are the stamps of the inputs of the build that made the
// site folder, from its manifest.
func (d *Dest) lastStamps() inputStamps {
	if d.mode != siteDir {
		return inputStamps{}
	}
	return d.site.lastStamps
}

// setReport keeps what this build reported, for the manifest.
func (d *Dest) setReport(r *report) {
	if d.mode == siteDir {
		d.site.report = r
	}
}

// write writes path's bytes, produced by make.
func (d *Dest) write(path string, key [sha256.Size]byte, make func(io.Writer) error) error {
	var sum [sha256.Size]byte
	var err error
	switch d.mode {
	case siteDir:
		sum, err = d.site.write(path, make)
	case preview:
		sum, err = d.prev.write(path, make, d.last[path])
	default:
		h := sha256.New()
		err = make(h)
		sum = [sha256.Size]byte(h.Sum(nil))
	}
	if err != nil {
		return err
	}
	d.mu.Lock()
	d.written++
	d.mu.Unlock()
	d.record(path, entry{Key: key, Sum: sum})
	return nil
}

// laterGroup records, in a preview, a group of costly outputs that list
// returns, all under prefix, listed only when one of them is first asked
// for, each then made on request like those of later. Their paths are in
// no build's record: they change only with the whole dossier's version,
// key, which changes every build, and a preview reloads on any change.
func (d *Dest) laterGroup(prefix string, key [sha256.Size]byte, list func() []output) {
	d.prev.laterGroup(prefix, key, list)
}

// later records a costly output that a preview produces when asked for.
func (d *Dest) later(path string, key [sha256.Size]byte, make func(io.Writer) error) {
	d.prev.later(path, key, make, d.last[path])
	d.record(path, entry{Key: key})
}

func (d *Dest) record(path string, e entry) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.next[path] = e
	old, ok := d.last[path]
	if !ok {
		d.added++
	}
	if !ok || old.Sum != e.Sum || e.Sum == ([sha256.Size]byte{}) && old.Key != e.Key {
		d.changed = append(d.changed, path)
	}
}

// commit finishes a build: what it wrote becomes the site.
func (d *Dest) commit() (*Generation, error) {
	d.begun = false
	if d.added > 0 || len(d.next) != len(d.last) { // some output may be gone
		for path := range d.last {
			if _, ok := d.next[path]; !ok {
				d.changed = append(d.changed, path)
			}
		}
	}
	sort.Strings(d.changed)
	var gen *Generation
	var err error
	switch d.mode {
	case siteDir:
		err = d.site.commit(d.next)
	case preview:
		gen, err = d.prev.commit(d.next)
	}
	if err == nil {
		if d.mode == preview {
			d.spare = d.last
		}
		d.last = d.next
	}
	return gen, err
}

// abort drops what a failed build wrote.
func (d *Dest) abort() {
	d.begun = false
	switch d.mode {
	case siteDir:
		d.site.abort()
	case preview:
		d.prev.abort()
	}
}
