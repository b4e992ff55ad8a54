package build

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"io/fs"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/dossier-project/dossier/internal/config"
	"github.com/dossier-project/dossier/internal/content"
	"github.com/dossier-project/dossier/internal/diag"
	"github.com/dossier-project/dossier/internal/markdown"
	"github.com/dossier-project/dossier/internal/view"
	"github.com/dossier-project/dossier/internal/xref"
	"golang.org/x/sync/errgroup"
)

// parsed is one content file's parse: its page, its body and what went
// wrong, for the file's bytes with sum.
type parsed struct {
	sum   [sha256.Size]byte
	page  *content.Page
	doc   *markdown.Doc
	diags diag.List
	aside bool // doc's Markdown and text are in the Builder's spool of sources
}

// parseCache keeps the last parse of each file, reused while the file's
// bytes (and the limits it was parsed under) are the same.
type parseCache struct {
	files  map[string]*parsed
	limits content.Limits
	// packed are the parses of the cache folder's pack, read when the
	// Builder first loads, while the files are read (packReady closes
	// when it is there); fresh counts the files parsed by this build.
	packed    map[string]packEntry
	packReady chan struct{}
	// listed is the last listing of content/ and what it reported.
	listed    []string
	listDiags diag.List
	fresh     int
	read      bool
	mu        sync.Mutex
	// dirty says the pack no longer matches the parses.
	dirty bool
}

func newParseCache() *parseCache {
	ready := make(chan struct{})
	close(ready)
	return &parseCache{files: map[string]*parsed{}, packReady: ready}
}

// loaded is the content of one build.
type loaded struct {
	pages    []xref.Input
	unparsed []string
	drafts   []string // drafts left out
}

// load lists content/ and parses every file that is new, changed or not
// yet parsed. changed names the paths known to have changed since the
// last build (nil: all of them may have); any other listed file already
// in the cache is not read again.
func (b *Builder) load(fsys fs.FS, cfg *config.Config, changed []string) (*loaded, diag.List) {
	lim := limits(cfg)
	if lim != b.files.limits || !b.files.read {
		files := &parseCache{files: map[string]*parsed{}, limits: lim, read: true, packReady: make(chan struct{})}
		go func() {
			defer close(files.packReady)
			files.packed = b.readPack(lim)
		}()
		for _, p := range b.files.files { // parsed under other limits: all dropped
			b.sources.drop(p)
		}
		b.files = files
	}
	b.files.fresh = 0
	files, diags := b.listFiles(fsys, changed)
	dirty := dirtySet(changed)
	results := make([]*parsed, len(files))
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i, file := range files {
		old := b.files.files[file]
		if old != nil && dirty != nil && !dirty.covers(file) {
			results[i] = old
			continue
		}
		g.Go(func() error {
			results[i] = b.parseFile(fsys, file, old, lim)
			return nil
		})
	}
	_ = g.Wait()
	<-b.files.packReady // the pack also restores the mentions memo
	return b.assemble(files, results, diags)
}

// listFiles lists content/, or, when every changed path is a file the
// last build listed (an edit, or a removal parseFile will find), gives
// the last listing again: listing walks every folder through the
// dossier's os.Root.
func (b *Builder) listFiles(fsys fs.FS, changed []string) ([]string, diag.List) {
	if b.files.listed != nil && changed != nil {
		known := true
		for _, p := range changed {
			if _, ok := b.files.files[p]; !ok {
				known = false
				break
			}
		}
		if known {
			return b.files.listed, slices.Clone(b.files.listDiags)
		}
	}
	files, diags := content.ListFiles(fsys)
	b.files.listed, b.files.listDiags = files, slices.Clone(diags)
	return files, diags
}

// dropReplaced tells the spool of sources which of the last build's
// parses next no longer keeps (a file edited, removed or renamed), each
// once, and reports whether a file is gone.
func (b *Builder) dropReplaced(next map[string]*parsed) (removed bool) {
	kept := 0
	for file, p := range next {
		if old := b.files.files[file]; old != nil {
			kept++
			if old != p {
				b.sources.drop(old)
			}
		}
	}
	if kept == len(b.files.files) {
		return false
	}
	for file, old := range b.files.files {
		if next[file] == nil {
			b.sources.drop(old)
		}
	}
	return true
}

// assemble keeps this build's parses for the next and makes the page
// set: drafts dropped unless asked for, duplicates reported.
func (b *Builder) assemble(files []string, results []*parsed, diags diag.List) (*loaded, diag.List) {
	next := make(map[string]*parsed, len(files))
	var pages []*content.Page
	docs := make(map[*content.Page]*markdown.Doc, len(files))
	var unparsed []string
	for i, file := range files {
		p := results[i]
		if p == nil { // gone since it was listed: list again next time
			b.files.listed = nil
			continue
		}
		next[file] = p
		diags.Append(p.diags)
		if p.page == nil {
			unparsed = append(unparsed, file)
			continue
		}
		pages = append(pages, p.page)
		docs[p.page] = p.doc
	}
	removed := b.dropReplaced(next)
	b.files.files = next
	b.files.dirty = b.files.dirty || b.files.fresh > 0 || removed || (b.files.packed != nil && len(b.files.packed) != len(next))
	b.files.packed = nil
	set, setDiags := content.NewSet(pages, content.Options{Drafts: b.opts.Drafts})
	diags.Append(setDiags)
	in := &loaded{unparsed: unparsed, drafts: set.LeftOut}
	for _, p := range set.All() {
		in.pages = append(in.pages, xref.Input{Page: p, Doc: docs[p]})
	}
	return in, diags
}

// parseFile reads and parses one file, or returns old when its bytes are
// unchanged. A file that is gone gives nil.
func (b *Builder) parseFile(fsys fs.FS, file string, old *parsed, lim content.Limits) *parsed {
	src, diags := content.ReadFile(fsys, file, lim)
	if src == nil {
		if diags == nil {
			return nil
		}
		return &parsed{diags: diags}
	}
	sum := sha256.Sum256(src)
	if old != nil && old.sum == sum {
		return old
	}
	<-b.files.packReady
	if e, ok := b.files.packed[file]; ok && bytes.Equal(e.Sum, sum[:]) {
		return b.setAside(e.restore(src, sum))
	}
	b.files.countFresh()
	p := &parsed{sum: sum}
	p.page, p.diags = content.ParseFile(file, src, lim)
	if p.page == nil {
		return p
	}
	p.doc = b.md.Parse(p.page.Body, markdown.Options{NumberParagraphs: p.page.Kind == content.Source, ReservedIDs: view.SectionIDs()})
	if lim.Links > 0 && len(p.doc.Links) > lim.Links {
		l := p.doc.Links[lim.Links]
		d := diag.Errorf(p.page.BodyPos(int(l.Offset)), "more than %d links in one file", lim.Links)
		d.Suggestion = fmt.Sprintf("split the page, or raise limits: links: in %s", config.File)
		p.diags.Add(d)
		p.page, p.doc = nil, nil
	}
	return b.setAside(p)
}

// countFresh counts a file parsed by this build; parses run in parallel.
func (c *parseCache) countFresh() {
	c.mu.Lock()
	c.fresh++
	c.mu.Unlock()
}

// dirty is the set of changed paths, and folders under which everything
// may have changed.
type dirty struct {
	paths   map[string]bool
	folders []string
}

// dirtySet makes the set of changed paths; nil for "unknown".
func dirtySet(changed []string) *dirty {
	if changed == nil {
		return nil
	}
	d := &dirty{paths: map[string]bool{}}
	for _, p := range changed {
		d.paths[p] = true
		if !strings.HasSuffix(p, ".md") {
			d.folders = append(d.folders, strings.TrimSuffix(p, "/")+"/")
		}
	}
	return d
}

// covers reports whether file may have changed.
func (d *dirty) covers(file string) bool {
	if d.paths[file] {
		return true
	}
	for _, f := range d.folders {
		if strings.HasPrefix(file, f) {
			return true
		}
	}
	return false
}
