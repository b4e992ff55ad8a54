// Package layout loads the html/template set that renders pages.
//
// Templates live in templates/ under the dossier root, with the defaults
// embedded in the binary underneath (files on disk win, file by file):
//
//	templates/base.html        the skeleton; defines nothing it needs from pages
//	                           except the blocks "title", "head" and "main"
//	templates/partials/*.html  shared fragments, available to every page
//	templates/<name>.html      one per page template: home, brief, actor,
//	                           event, commentary, source, list, actors, ...
//
// Each page template is parsed into its own set together with base.html
// and the partials, so every page template can define "main". Templates
// are named by their path ("templates/brief.html"), so parse and
// execution errors name the file and line.
//
// # What a page's output depends on
//
// A page template sees only the data it is given (the page's view) and
// the template functions. Most functions are pure functions of their
// arguments. Site inputs are the exception: functions without arguments
// that return site-wide data (every tag, every page), named when the set
// is loaded. Load finds, in the parse trees of each page's set, which site
// inputs it calls: Inputs reports them, so the build can make a page's
// key cover the data of every site input its templates reach, and
// nothing else. Hash is the SHA-256 of every file of the page's set. A
// Set is safe for concurrent use once loaded.
//
// Because an output depends on nothing else, a template may be executed
// once a build for a value and its output written again wherever the
// value is shown: the cached function (CachedFunc, cached.go) does that
// for cards, chronology items, the navigation and the footer.
package layout

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"maps"
	"path"
	"slices"
	"strings"
	"text/template/parse"
	"unicode/utf8"

	"github.com/dossier-project/dossier/internal/diag"
)

// Dir is the templates folder relative to the dossier root.
const Dir = "templates"

// Set is a loaded template set: one template tree per page template.
type Set struct {
	pages map[string]*page
	// sources are the template files by path, for the columns of
	// execution errors.
	sources map[string][]byte
	// memo holds the outputs of the cached function (see CachedFunc).
	memo *memo
}

// page is one page template's set.
type page struct {
	t      *template.Template
	hash   [sha256.Size]byte
	inputs []string
}

// Load parses every template under templates/ in fsys with funcs. The
// functions named in siteInputs are site inputs (see the package
// documentation). checks, when not nil, remembers the sets whose cached
// calls were found in place, for the next Load.
func Load(fsys fs.FS, funcs template.FuncMap, siteInputs []string, checks *Checks) (*Set, diag.List) {
	files, err := fs.Glob(fsys, Dir+"/*.html")
	if err != nil {
		return nil, diag.List{diag.Errorf(diag.Pos{File: Dir}, "%v", err)}
	}
	partials, _ := fs.Glob(fsys, Dir+"/partials/*.html")
	base := path.Join(Dir, "base.html")
	if !slices.Contains(files, base) {
		return nil, diag.List{diag.Errorf(diag.Pos{File: base}, "missing base template")}
	}
	sources := map[string][]byte{}
	// Partials may call the cached function: it is declared here, and
	// each page's set gets its own once parsed.
	common := template.New("layout").Funcs(funcs).Funcs(template.FuncMap{CachedFunc: notYetCached})
	var diags diag.List
	for _, f := range append([]string{base}, partials...) {
		diags.Append(parseFile(fsys, common, f, sources))
	}
	if diags.HasErrors() {
		return nil, diags
	}
	s := &Set{pages: map[string]*page{}, sources: sources, memo: &memo{budget: memoBudget}}
	funcNames := append(slices.Collect(maps.Keys(funcs)), CachedFunc)
	reported := map[diag.Pos]bool{} // a partial's problem, once, not once a page
	for _, f := range files {
		if f == base {
			continue
		}
		set := append([]string{base, f}, partials...)
		p, d := s.loadPage(fsys, common, f, funcNames, checks, set)
		for _, d := range d {
			if !reported[d.Pos] {
				reported[d.Pos] = true
				diags.Add(d)
			}
		}
		if p != nil {
			p.inputs = calledInputs(p.t, siteInputs)
			s.pages[strings.TrimSuffix(path.Base(f), ".html")] = p
		}
	}
	return s, diags
}

// notYetCached stands for the cached function until a page's set has its
// own.
func notYetCached(string, any) (template.HTML, error) {
	return "", fmt.Errorf("the cached function is not ready before its page is loaded")
}

// loadPage parses the page template file into a copy of common, and
// gives it its cached function, once its cached calls are checked. files
// are the set's files, base and partials included.
func (s *Set) loadPage(fsys fs.FS, common *template.Template, file string, funcNames []string, checks *Checks, files []string) (*page, diag.List) {
	t, err := common.Clone()
	if err != nil {
		return nil, diag.List{diag.Errorf(diag.Pos{File: file}, "%v", err)}
	}
	if d := parseFile(fsys, t, file, s.sources); len(d) > 0 {
		return nil, d
	}
	g := newCallGraph(t)
	closures := g.closureKeys(file)
	hash := hashFiles(files, s.sources)
	if diags := s.checkCached(t, g, closures, checkKey(hash, funcNames), funcNames, checks); diags.HasErrors() {
		return nil, diags
	}
	t.Funcs(template.FuncMap{CachedFunc: s.memo.cachedFunc(t, closures)})
	return &page{t: t, hash: hash}, nil
}

// checkCached reports the cached calls of a page's set t that cannot
// work (see callGraph.check and misplacedCached); the second check is
// skipped when checks remembers that the set passed it.
func (s *Set) checkCached(t *template.Template, g *callGraph, closures map[string][sha256.Size]byte, key [sha256.Size]byte, funcNames []string, checks *Checks) diag.List {
	root := path.Join(Dir, "base.html")
	var diags diag.List
	g.check(root, func(tree *parse.Tree, at *parse.StringNode, problem string) {
		d := diag.Errorf(s.posOf(tree, at), "cached %s: %s", at.Quoted, problem)
		if _, defined := g.defs[at.Text]; !defined {
			d.Suggestion = diag.Suggest(at.Text, g.partialNames())
		}
		diags.Add(d)
	})
	if diags.HasErrors() || checks.hasPassed(key) {
		return diags
	}
	err := misplacedCached(t, g, root, slices.Collect(maps.Keys(closures)), funcNames, func(tree *parse.Tree, at parse.Node) {
		diags.Add(diag.Errorf(s.posOf(tree, at), "a cached call must be an action of its own in HTML text, not in an attribute, <script>, <style>, <title> or <textarea>, nor part of a pipeline: use {{template}} there"))
	})
	if err != nil {
		diags.Add(diag.Errorf(diag.Pos{File: root}, "%v", err))
	}
	if !diags.HasErrors() {
		checks.pass(key)
	}
	return diags
}

// posOf is where node n of tree is written, in characters.
func (s *Set) posOf(tree *parse.Tree, n parse.Node) diag.Pos {
	src := s.sources[tree.ParseName]
	off := min(int(n.Position()), len(src))
	line := 1 + bytes.Count(src[:off], []byte("\n"))
	lineStart := bytes.LastIndexByte(src[:off], '\n') + 1
	return diag.Pos{File: tree.ParseName, Line: line, Col: utf8.RuneCount(src[lineStart:off]) + 1}
}

// partialNames are the names of the templates a set defines, files aside.
func (g *callGraph) partialNames() []string {
	var names []string
	for name := range g.defs {
		if !strings.HasSuffix(name, ".html") {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	return names
}

func parseFile(fsys fs.FS, t *template.Template, file string, sources map[string][]byte) diag.List {
	src, err := fs.ReadFile(fsys, file)
	if pe, ok := err.(*fs.PathError); ok {
		err = pe.Err // the diagnostic names the file
	}
	if err != nil {
		return diag.List{diag.Errorf(diag.Pos{File: file}, "%v", err)}
	}
	sources[file] = src
	if _, err := t.New(file).Parse(string(src)); err != nil {
		return diag.List{diag.Errorf(diag.Pos{File: file}, "%v", err)}
	}
	return nil
}

// hashFiles hashes the named files' names and contents, in name order.
func hashFiles(names []string, sources map[string][]byte) [sha256.Size]byte {
	names = slices.Sorted(slices.Values(names))
	h := sha256.New()
	for _, n := range names {
		fmt.Fprintf(h, "%s %d\n", n, len(sources[n]))
		h.Write(sources[n])
	}
	return [sha256.Size]byte(h.Sum(nil))
}

// Names lists the page templates, sorted.
func (s *Set) Names() []string {
	out := make([]string, 0, len(s.pages))
	for name := range s.pages {
		out = append(out, name)
	}
	slices.Sort(out)
	return out
}

// Has reports whether a page template named name exists.
func (s *Set) Has(name string) bool { _, ok := s.pages[name]; return ok }

// Hash is the SHA-256 of every file the page template name is made of.
func (s *Set) Hash(name string) [sha256.Size]byte { return s.pages[name].hash }

// Inputs are the site inputs the page template name calls, sorted.
func (s *Set) Inputs(name string) []string { return s.pages[name].inputs }

// Render executes page template name (e.g. "brief") through base.html.
func (s *Set) Render(name string, data any) ([]byte, error) {
	var buf bytes.Buffer
	if err := s.Execute(&buf, name, data); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Execute is Render into w.
func (s *Set) Execute(w io.Writer, name string, data any) error {
	p, ok := s.pages[name]
	if !ok {
		return fmt.Errorf("no template %s", path.Join(Dir, name+".html"))
	}
	return execError(p.t.ExecuteTemplate(w, path.Join(Dir, "base.html"), data), data, s.sources)
}
