package build

import (
	"fmt"
	"html/template"
	"io/fs"
	"runtime"
	"sync"

	"github.com/dossier-project/dossier/internal/actorgraph"
	"github.com/dossier-project/dossier/internal/config"
	"github.com/dossier-project/dossier/internal/content"
	"github.com/dossier-project/dossier/internal/diag"
	"github.com/dossier-project/dossier/internal/layout"
	"github.com/dossier-project/dossier/internal/markdown"
	"github.com/dossier-project/dossier/internal/urls"
	"github.com/dossier-project/dossier/internal/xref"
	"golang.org/x/sync/errgroup"
)

// renderer renders one build's pages.
type renderer struct {
	cfg   *config.Config
	base  urls.Base
	graph *xref.Graph
	md    *markdown.Renderer
	opts  Options
	tmpl  *layout.Set
	view  *siteView

	// cache holds the previous build's page outputs; next collects this
	// build's. rendered counts the pages actually rendered.
	cache    *renderCache
	next     map[string]cachedPage
	rendered int

	mu    sync.Mutex
	files map[string][]byte
	diags diag.List
}

// job is one output page: a template name and its data.
type job struct {
	template string
	out      string
	view     *pageView
}

// site renders every output file.
func (r *renderer) site(fsys fs.FS) (map[string][]byte, diag.List) {
	tmpl, diags := layout.Load(fsys, r.funcs())
	if tmpl == nil || diags.HasErrors() {
		return nil, diags
	}
	r.tmpl = tmpl
	r.files = map[string][]byte{}
	r.view = r.siteView()
	r.startCache(fsys)
	jobs := append(r.contentJobs(), r.listJobs()...)
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for _, j := range jobs {
		g.Go(func() error { r.run(j); return nil })
	}
	_ = g.Wait()
	r.cache.pages = r.next
	// The preview skips /print/: it re-renders every body, which a large
	// dossier cannot afford on each save.
	if !r.opts.Preview {
		jobs = r.addPrintJob(jobs, &diags)
	}
	diags.Append(r.diags)
	diags.Append(r.publish(jobs))
	if index, err := r.searchIndex(); err == nil {
		r.files["search.json"] = index
	} else {
		diags.Add(diag.Errorf(diag.Pos{File: "search.json"}, "%v", err))
	}
	diags.Append(r.chronologyFile())
	diags.Append(r.assets(fsys))
	return r.files, diags
}

func (r *renderer) run(j job) {
	if j.view.Node == nil {
		r.render(j)
		return
	}
	sum := pageFingerprint(j.view.Node)
	if out, ok := r.cache.lookup(j.out, sum); ok {
		r.put(j.out, out)
		r.remember(j.out, sum, out)
		return
	}
	if out := r.render(j); out != nil {
		r.remember(j.out, sum, out)
		r.mu.Lock()
		r.rendered++
		r.mu.Unlock()
	}
}

// render renders one job and returns its output, or nil on failure.
func (r *renderer) render(j job) []byte {
	if j.view.Node != nil && j.view.Node.Doc != nil {
		html, err := r.md.Render(j.view.Node.Doc)
		if err != nil {
			r.fail(diag.Errorf(diag.Pos{File: j.view.Node.Page.File}, "rendering Markdown: %v", err))
			return nil
		}
		j.view.Content = html
	}
	j.view.Site = r.view
	if j.view.TLP == "" {
		j.view.TLP = r.cfg.TLP.Value
	}
	out, err := r.tmpl.Render(j.template, j.view)
	if err != nil {
		file := layout.Dir + "/" + j.template + ".html"
		r.fail(diag.Errorf(diag.Pos{File: file}, "%v", err))
		return nil
	}
	r.put(j.out, out)
	return out
}

// startCache drops the previous outputs when a site-wide input changed.
func (r *renderer) startCache(fsys fs.FS) {
	r.next = map[string]cachedPage{}
	if g := r.globalFingerprint(fsys); g != r.cache.global {
		r.cache.global = g
		r.cache.pages = map[string]cachedPage{}
	}
}

// remember records a content page's output for the next build.
func (r *renderer) remember(out string, sum [32]byte, data []byte) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.next[out] = cachedPage{sum: sum, out: data}
}

func (r *renderer) put(name string, data []byte) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.files[name] = data
}

func (r *renderer) fail(d diag.Diagnostic) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.diags.Add(d)
}

// contentJobs makes one job per content page.
func (r *renderer) contentJobs() []job {
	var jobs []job
	for _, n := range r.graph.All() {
		v := &pageView{Node: n, Title: n.Title(), Summary: n.Page.Meta.Summary, Path: n.URL,
			TLP: n.Page.Meta.TLP.Value, Section: n.Kind().Folder()}
		jobs = append(jobs, job{template: string(n.Kind()), out: n.URL + "index.html", view: v})
	}
	return jobs
}

func (r *renderer) siteView() *siteView {
	s := &siteView{Title: r.cfg.Title, Description: r.cfg.Description, Language: r.cfg.Language,
		Author: r.cfg.Author, TLP: r.cfg.TLP.Value, Preview: r.opts.Preview, Graph: r.graph}
	for _, k := range content.Kinds() {
		s.Nav = append(s.Nav, navItem{Title: k.Plural(), Path: k.Folder() + "/", Section: k.Folder()})
		if k == content.Event {
			s.Nav = append(s.Nav, navItem{Title: "Chronology", Path: "chronology/", Section: "chronology"})
		}
	}
	s.Nav = append(s.Nav, navItem{Title: "Search", Path: "search/", Section: "search"})
	s.Tags = tags(r.graph)
	return s
}

// assets copies static/ and adds the generated highlighting stylesheet.
func (r *renderer) assets(fsys fs.FS) diag.List {
	var diags diag.List
	err := fs.WalkDir(fsys, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		r.files[p] = data
		return nil
	})
	if err != nil {
		diags.Add(diag.Errorf(diag.Pos{File: "static"}, "copying static files: %v", err))
	}
	if _, ok := r.files["static/chroma.css"]; !ok {
		css, err := markdown.Stylesheet()
		if err != nil {
			diags.Add(diag.Errorf(diag.Pos{File: "static/chroma.css"}, "%v", err))
		}
		r.files["static/chroma.css"] = css
	}
	return diags
}

// funcs are the template functions; they close over the build's base URL.
func (r *renderer) funcs() template.FuncMap {
	return template.FuncMap{
		"url":     r.base.Path,
		"absURL":  r.absURL,
		"nodeURL": func(n *xref.Node) string { return r.base.Path(n.URL) },
		// actorGraph draws the network of every actor, once per build;
		// neighbourhood draws an actor's own relations ("" for none).
		"actorGraph": sync.OnceValue(func() template.HTML {
			return actorgraph.Render(r.graph.ByKind(content.Actor), r.base, actorgraph.Options{})
		}),
		"neighbourhood": func(n *xref.Node) template.HTML {
			if n == nil || n.Kind() != content.Actor {
				return ""
			}
			return actorgraph.Render(nil, r.base, actorgraph.Options{Focus: n})
		},
		"citeURL": func(c xref.Citation) string {
			u := r.base.Path(c.Source.URL)
			if a := c.Anchor(); a != "" {
				u += "#" + a
			}
			return u
		},
		"grade":         nodeGrade,
		"tagURL":        func(tag string) string { return r.base.Path("tags/" + tagSlug(tag) + "/") },
		"citeGrade":     citeGrade,
		"byKind":        xref.GroupByKind,
		"kindPlural":    func(k content.Kind) string { return k.Plural() },
		"relation":      relationLabel,
		"inverse":       inverseLabel,
		"tlpClass":      tlpClass,
		"actorKind":     actorKindLabel,
		"actorKindName": actorKindName,
		"reliability":   reliabilityLabel,
		"credibility":   credibilityLabel,

		// dates, chronology and the method's scales
		"chronology":      r.chronology,
		"actorChronology": actorChronology,
		"dateTime":        dateTime,
		"displayDate":     displayDate,
		"likelihoodRange": likelihoodRange,
		"sourceList":      sourceList,
		"method":          r.method,
		"plural": func(n int, one, many string) string {
			if n == 1 {
				return fmt.Sprintf("%d %s", n, one)
			}
			return fmt.Sprintf("%d %s", n, many)
		},
	}
}

// addPrintJob renders the print page after the others (see print.go) and
// returns jobs with it, so the sitemap lists it.
func (r *renderer) addPrintJob(jobs []job, diags *diag.List) []job {
	pj, d := r.printJob()
	if len(d) > 0 {
		diags.Append(d)
		return jobs
	}
	r.render(pj)
	return append(jobs, pj)
}
