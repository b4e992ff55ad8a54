package build

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"slices"
	"strings"
	"sync"

	"github.com/dossier-project/dossier/internal/config"
	"github.com/dossier-project/dossier/internal/diag"
	"github.com/dossier-project/dossier/internal/layout"
	"github.com/dossier-project/dossier/internal/view"
)

// output is one file of the site: its path, and how to find its key and
// make its bytes.
type output struct {
	path string
	// costly outputs are made on first request in a preview.
	costly bool
	// whole marks a page that shows the whole dossier or a whole section
	// of it (home, lists, tags, chronology): a preview whose templates
	// are those of its last build makes it on first request too.
	whole bool
	// prepare returns the output's key and the function that writes its
	// bytes; the function is called only when the output is written.
	prepare func() (key [sha256.Size]byte, make func(io.Writer) error, err error)
}

// rendered is what render made: the number of outputs, whether it kept
// the whole site as it was, and the key of its templates.
type rendered struct {
	outputs   int
	keptAll   bool
	templates [sha256.Size]byte
	// searchLater: the search index's files are not in outputs (see
	// Result.SearchOnRequest).
	searchLater bool
}

// templates is the template set of a build and the site inputs its
// functions read.
type templates struct {
	set    *layout.Set
	inputs *siteInputs
	diags  diag.List
}

// loadTemplates parses the templates while the build goes on; the
// function it returns waits for them. Template functions read s only
// when they run, so s's graph may be set meanwhile. The set keeps its
// larger cached outputs (chronology items) in store, beside the bodies;
// checks remembers the sets checked by an earlier build.
func loadTemplates(fsys fs.FS, s *site, h *view.Hasher, store layout.Store, checks *layout.Checks) func() templates {
	done := make(chan templates, 1)
	go func() {
		inputs := newSiteInputs(h, s)
		set, diags := layout.Load(fsys, funcs(s, inputs), inputs.names(), checks)
		if set != nil {
			set.KeepOutputsIn(store)
		}
		done <- templates{set, inputs, diags}
	}()
	return func() templates { return <-done }
}

// render makes every output of the site into dest, keeping those whose
// key is unchanged; the caller commits dest.
func (b *Builder) render(fsys fs.FS, dest *Dest, s *site, t templates, views func() *view.Builder) (rendered, diag.List) {
	if _, err := dest.begin(b.binary(dest)); err != nil {
		return rendered{}, diag.List{diag.Errorf(diag.Pos{File: config.File}, "%v", err)}
	}
	tmpl, inputs, diags := t.set, t.inputs, t.diags
	if tmpl == nil || diags.HasErrors() {
		return rendered{}, diags
	}
	diags.Append(unknownTemplates(tmpl))
	whole := wholeVersion(s, tmpl)
	r := rendered{templates: templatesKey(tmpl)}
	statics, d := staticOutputs(fsys)
	diags.Append(d)
	if dest.keepAll(b.siteKey(s, whole, statics)) {
		r.outputs, r.keptAll = len(dest.next), true
		return r, append(diags, publishDiags(s)...)
	}
	s.views = views()
	deferWhole := dest.mode == preview && r.templates == b.lastTemplates
	outs, d := b.outputs(s, tmpl, inputs, whole, statics, deferWhole)
	diags.Append(d)
	if deferWhole {
		dest.laterGroup(searchDir, whole, b.searchListing(s))
		r.searchLater = true
	}
	r.outputs = len(outs)
	diags.Append(b.produce(dest, outs, whole, deferWhole)) // which lets go of each output made
	return r, diags
}

// templatesKey identifies a template set: every page template's files.
func templatesKey(tmpl *layout.Set) [sha256.Size]byte {
	h := sha256.New()
	for _, name := range tmpl.Names() {
		th := tmpl.Hash(name)
		fmt.Fprintf(h, "%q %x\n", name, th)
	}
	return [sha256.Size]byte(h.Sum(nil))
}

// commit commits dest: what the build made becomes the site.
func (b *Builder) commit(dest *Dest, outputs int, diags diag.List) (*Result, diag.List) {
	gen, err := dest.commit()
	if err != nil {
		return nil, append(diags, diag.Errorf(diag.Pos{File: config.File}, "writing the site: %v", err))
	}
	return &Result{Outputs: outputs, Written: dest.written, Changed: dest.changed, Generation: gen}, diags
}

// siteKey identifies everything a site folder is made from: the whole
// dossier's version (settings, every page, templates), the static files,
// the dates of change feeds and sitemaps use, and the options. Two builds
// with the same key make the same site, so a build whose key is the one
// the site folder's manifest records keeps every file without making a
// page (see Dest.keepAll).
func (b *Builder) siteKey(s *site, whole [sha256.Size]byte, statics []output) [sha256.Size]byte {
	h := sha256.New()
	fmt.Fprintf(h, "dossier site\x00preview=%t drafts=%t\x00", b.opts.Preview, b.opts.Drafts)
	h.Write(whole[:])
	for _, o := range statics {
		key, _, err := o.prepare()
		fmt.Fprintf(h, "%q %x %v\x00", o.path, key, err)
	}
	s.dates.writeTo(h)
	return [sha256.Size]byte(h.Sum(nil))
}

// produce runs every output in parallel, on GOMAXPROCS workers. A
// preview does not even prepare a costly output, nor, with deferWhole, a
// page of the whole dossier: it records it to be made on request, under
// the whole dossier's version. (So an edit in dossier serve makes the
// pages that show the edited page, not every list; deferWhole is false
// when the templates changed, so that a template's error still fails the
// build where the editor sees it.)
func (b *Builder) produce(dest *Dest, outs []output, whole [sha256.Size]byte, deferWhole bool) diag.List {
	var mu sync.Mutex
	var diags diag.List
	fail := func(d diag.Diagnostic) {
		mu.Lock()
		diags.Add(d)
		mu.Unlock()
	}
	if dest.mode != preview { // a preview makes them on request
		outs = costlyFirst(outs)
	}
	outs = recordOnRequest(dest, outs, whole, deferWhole)
	kept := make([]bool, len(outs)) // by a preview: recorded after the workers, by one goroutine
	inParallel(len(outs), func(i int) {
		o := outs[i]
		outs[i].prepare = nil // what it holds is garbage once o is made
		key, make, err := o.prepare()
		switch {
		case err != nil:
			fail(asDiag(o.path, err))
		case dest.keepable(o.path, key):
			kept[i] = true
		case dest.keep(o.path, key):
		default:
			if err := dest.write(o.path, key, make); err != nil {
				fail(asDiag(o.path, err))
			}
		}
	})
	var keep []string
	for i, k := range kept {
		if k {
			keep = append(keep, outs[i].path)
		}
	}
	dest.keepPreview(keep)
	return diags
}

// recordOnRequest records in a preview the outputs it makes on request
// (see produce), by one goroutine, and returns the others.
func recordOnRequest(dest *Dest, outs []output, whole [sha256.Size]byte, deferWhole bool) []output {
	if dest.mode != preview {
		return outs
	}
	var now []output
	for _, o := range outs {
		if o.costly || o.whole && deferWhole {
			dest.later(o.path, whole, o.onRequest())
		} else {
			now = append(now, o)
		}
	}
	return now
}

// onRequest makes o's bytes when a preview is asked for them.
func (o output) onRequest() func(io.Writer) error {
	return func(w io.Writer) error {
		_, make, err := o.prepare()
		if err == nil {
			err = make(w)
		}
		if err != nil {
			return asDiag(o.path, err)
		}
		return nil
	}
}

// costlyFirst puts the costly outputs (/print/, the feeds, the search
// index) first, in place: each holds the whole dossier while it is made,
// and made first it does so while the heap holds least. The search
// index's files come first of all: its index of every page's words is
// dropped once they are written, before /print/ holds every body.
func costlyFirst(outs []output) []output {
	rank := func(o output) int {
		switch {
		case o.costly && strings.HasPrefix(o.path, searchDir):
			return 0
		case o.costly:
			return 1
		}
		return 2
	}
	slices.SortStableFunc(outs, func(a, b output) int { return rank(a) - rank(b) })
	return outs
}

// wholeVersion identifies everything a build's outputs are made from:
// every page's version, the settings and the templates.
func wholeVersion(s *site, tmpl *layout.Set) [sha256.Size]byte {
	h := sha256.New()
	fmt.Fprintf(h, "%+v\n", *s.cfg)
	for _, n := range s.graph.All() {
		h.Write(n.Version[:])
	}
	for _, name := range tmpl.Names() {
		th := tmpl.Hash(name)
		h.Write(th[:])
	}
	return [sha256.Size]byte(h.Sum(nil))
}

// asDiag turns an output's error into a diagnostic: at the template or
// file the error names, or at the output's path.
func asDiag(path string, err error) diag.Diagnostic {
	var d diag.Diagnostic
	if errors.As(err, &d) {
		return d
	}
	return diag.Errorf(diag.Pos{File: path}, "%v", err)
}

// pageOutput is the output of one page: its key is the hash of its view,
// its template set and the site inputs its templates call. A content
// page's memo may give the key without making the view (see pageMemos).
func (b *Builder) pageOutput(j view.Job, tmpl *layout.Set, inputs *siteInputs, pv *pageVersions) output {
	memo := memoable(j)
	return output{path: j.Out, costly: j.Costly, whole: !memo, prepare: func() ([sha256.Size]byte, func(io.Writer) error, error) {
		if !tmpl.Has(j.Template) {
			return [sha256.Size]byte{}, nil, diag.Errorf(diag.Pos{File: layout.Dir + "/" + j.Template + ".html"}, "missing page template for %s", j.Out)
		}
		site := pv.site(j.Template, tmpl, inputs)
		own := pv.whole
		if memo {
			own = j.Node.Version
		}
		if key, ok := b.memos.lookup(j.Out, site, own, pv.nodes, pv.changed); ok {
			return key, func(w io.Writer) error { return b.execute(w, tmpl, j, j.Make()) }, nil
		}
		v := j.Make()
		var viewKey [sha256.Size]byte
		var deps []string
		if memo {
			viewKey, deps = b.hasher.KeyDeps(v.Data)
		} else {
			viewKey = b.hasher.Key(v.Data)
		}
		h := sha256.New()
		h.Write(site[:])
		h.Write(viewKey[:])
		key := [sha256.Size]byte(h.Sum(nil))
		b.memos.remember(j.Out, key, site, own, deps, pv.nodes)
		return key, func(w io.Writer) error { return b.execute(w, tmpl, j, v) }, nil
	}}
}

// pageVersions is what page keys and memos compare in one build: every
// page's version, and the site's part of each template's pages.
type pageVersions struct {
	nodes *depVersions
	// changed marks the entries of nodes that differ from the last pass's
	// (see pageMemos.changedSince); nil when that is not known.
	changed  []bool
	siteView [sha256.Size]byte
	// whole is the version of the whole dossier (every page's version):
	// the memo of a page that shows the whole dossier, or a whole section
	// of it, rests on it.
	whole [sha256.Size]byte
	sites sync.Map // template name -> its site part (see site)
}

// site is the part of a page's key that its own view does not hold: the
// template set's files, the site inputs its templates call, and the site
// view (settings) every page shows.
func (pv *pageVersions) site(template string, tmpl *layout.Set, inputs *siteInputs) [sha256.Size]byte {
	if k, ok := pv.sites.Load(template); ok {
		return k.([sha256.Size]byte)
	}
	k := siteKeyOf(template, tmpl, inputs, pv.siteView)
	pv.sites.Store(template, k)
	return k
}

// siteKeyOf computes pageVersions.site.
func siteKeyOf(template string, tmpl *layout.Set, inputs *siteInputs, siteView [sha256.Size]byte) [sha256.Size]byte {
	h := sha256.New()
	tmplHash := tmpl.Hash(template)
	fmt.Fprintf(h, "page %s\n", template)
	h.Write(tmplHash[:])
	h.Write(siteView[:])
	for _, name := range tmpl.Inputs(template) {
		ik := inputs.key(name)
		fmt.Fprintf(h, "input %s\n", name)
		h.Write(ik[:])
	}
	return [sha256.Size]byte(h.Sum(nil))
}

// execute renders a page: its bodies through the body store, then its
// template.
func (b *Builder) execute(w io.Writer, tmpl *layout.Set, j view.Job, v view.View) error {
	var mu sync.Mutex
	var bodyErr error
	for _, body := range v.Bodies {
		body.SetRenderer(func(body *view.Body) template.HTML {
			html, err := b.renderBody(body)
			if err != nil {
				mu.Lock()
				bodyErr = err
				mu.Unlock()
			}
			return html
		})
	}
	if err := tmpl.Execute(w, j.Template, v.Data); err != nil {
		var d diag.Diagnostic
		if errors.As(err, &d) {
			return d
		}
		return diag.Errorf(diag.Pos{File: layout.Dir + "/" + j.Template + ".html"}, "%v", err)
	}
	if bodyErr != nil {
		file := j.Out
		if j.Node != nil {
			file = j.Node.Page.File
		}
		return diag.Errorf(diag.Pos{File: file}, "rendering Markdown: %v", bodyErr)
	}
	return nil
}
