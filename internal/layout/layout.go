// Package layout loads the html/template set that renders pages.
//
// Templates live in templates/ under the dossier root, with the defaults
// embedded in the binary underneath (files on disk win, file by file):
//
//	templates/base.html        the skeleton; defines nothing it needs from pages
//	                           except the blocks "title" and "main"
//	templates/partials/*.html  shared fragments, available to every page
//	templates/<name>.html      one per page kind and list: home, brief, actor,
//	                           event, commentary, source, list, ...
//
// Each page template is parsed into its own set together with base.html
// and the partials, so every page template can define "main". Templates
// are named by their path ("templates/brief.html"), so parse and
// execution errors name the file and line. A Set is safe for concurrent
// use once loaded.
package layout

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/dossier-project/dossier/internal/diag"
)

// Dir is the templates folder relative to the dossier root.
const Dir = "templates"

// Set is a loaded template set: one template tree per page template.
type Set struct {
	pages map[string]*template.Template
}

// Load parses every template under templates/ in fsys with funcs.
func Load(fsys fs.FS, funcs template.FuncMap) (*Set, diag.List) {
	files, err := fs.Glob(fsys, Dir+"/*.html")
	if err != nil {
		return nil, diag.List{diag.Errorf(diag.Pos{File: Dir}, "%v", err)}
	}
	partials, _ := fs.Glob(fsys, Dir+"/partials/*.html")
	base := path.Join(Dir, "base.html")
	if !slices.Contains(files, base) {
		return nil, diag.List{diag.Errorf(diag.Pos{File: base}, "missing base template")}
	}
	common := template.New("layout").Funcs(funcs)
	var diags diag.List
	for _, f := range append([]string{base}, partials...) {
		diags.Append(parseFile(fsys, common, f))
	}
	if diags.HasErrors() {
		return nil, diags
	}
	s := &Set{pages: map[string]*template.Template{}}
	for _, f := range files {
		if f == base {
			continue
		}
		t, err := common.Clone()
		if err != nil {
			diags.Add(diag.Errorf(diag.Pos{File: f}, "%v", err))
			continue
		}
		if d := parseFile(fsys, t, f); len(d) > 0 {
			diags.Append(d)
			continue
		}
		s.pages[strings.TrimSuffix(path.Base(f), ".html")] = t
	}
	return s, diags
}

func parseFile(fsys fs.FS, t *template.Template, file string) diag.List {
	src, err := fs.ReadFile(fsys, file)
	if err != nil {
		return diag.List{diag.Errorf(diag.Pos{File: file}, "%v", err)}
	}
	if _, err := t.New(file).Parse(string(src)); err != nil {
		return diag.List{diag.Errorf(diag.Pos{File: file}, "%v", err)}
	}
	return nil
}

// Has reports whether a page template named name exists.
func (s *Set) Has(name string) bool { _, ok := s.pages[name]; return ok }

// Render executes page template name (e.g. "brief") through base.html.
func (s *Set) Render(name string, data any) ([]byte, error) {
	t, ok := s.pages[name]
	if !ok {
		return nil, fmt.Errorf("no template %s", path.Join(Dir, name+".html"))
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, path.Join(Dir, "base.html"), data); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// RenderPlain executes page template name on its own, without base.html,
// for outputs that are not HTML pages (feeds, sitemaps).
func (s *Set) RenderPlain(name string, data any) ([]byte, error) {
	t, ok := s.pages[name]
	if !ok {
		return nil, fmt.Errorf("no template %s", path.Join(Dir, name+".html"))
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, path.Join(Dir, name+".html"), data); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
