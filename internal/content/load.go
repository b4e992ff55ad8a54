package content

import (
	"bytes"
	"io/fs"
	"path"
	"runtime"
	"slices"
	"strings"

	"github.com/dossier-project/dossier/internal/diag"
	"github.com/dossier-project/dossier/internal/yamlfile"
	"golang.org/x/sync/errgroup"
)

// Dir is the folder, relative to the dossier root, that holds content.
const Dir = "content"

// Options controls loading.
type Options struct {
	// Drafts includes pages marked draft: true.
	Drafts bool
}

// Load reads every Markdown file under content/ in fsys (rooted at the
// dossier) and returns the pages, sorted by kind and slug, with every
// diagnostic found. Files are parsed in parallel.
func Load(fsys fs.FS, opts Options) (*Set, diag.List) {
	files, diags := ListFiles(fsys)
	pages := make([]*Page, len(files))
	perFile := make([]diag.List, len(files))
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i, file := range files {
		g.Go(func() error {
			src, err := fs.ReadFile(fsys, file)
			if err != nil {
				perFile[i] = diag.List{diag.Errorf(diag.Pos{File: file}, "%v", err)}
				return nil
			}
			pages[i], perFile[i] = ParseFile(file, src)
			return nil
		})
	}
	_ = g.Wait()
	for _, d := range perFile {
		diags.Append(d)
	}
	set, setDiags := NewSet(pages, opts)
	diags.Append(setDiags)
	return set, diags
}

// ListFiles returns every .md file under content/ in lexical order.
func ListFiles(fsys fs.FS) ([]string, diag.List) {
	var files []string
	var diags diag.List
	err := fs.WalkDir(fsys, Dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			diags.Add(diag.Errorf(diag.Pos{File: p}, "%v", err))
			return nil
		}
		if d.IsDir() && p != Dir && strings.HasPrefix(d.Name(), ".") {
			return fs.SkipDir
		}
		if d.IsDir() || path.Ext(p) != ".md" || strings.HasPrefix(d.Name(), ".") {
			return nil
		}
		files = append(files, p)
		return nil
	})
	if err != nil {
		diags.Add(diag.Errorf(diag.Pos{File: Dir}, "%v", err))
	}
	return files, diags
}

// KindOfFile returns the kind of the content file at p (a slash path from
// the dossier root), or false when p is not in a kind's folder.
func KindOfFile(p string) (Kind, bool) {
	rel, ok := strings.CutPrefix(p, Dir+"/")
	if !ok || path.Ext(p) != ".md" {
		return "", false
	}
	if rel == "_index.md" {
		return Home, true
	}
	folder, _, nested := strings.Cut(rel, "/")
	if !nested {
		return "", false
	}
	return KindOfFolder(folder)
}

// ParseFile parses one content file. It returns nil with diagnostics when
// the file cannot become a page.
func ParseFile(file string, src []byte) (*Page, diag.List) {
	kind, ok := KindOfFile(file)
	if !ok {
		d := diag.Errorf(diag.Pos{File: file}, "file is not in a content folder")
		d.Suggestion = "move it to content/briefs, actors, events, commentary or sources, or name it content/_index.md"
		return nil, diag.List{d}
	}
	src = normalizeLoneCR(src)
	fm, has, closed := split(src)
	switch {
	case !has:
		return nil, diag.List{missing(file)}
	case !closed:
		return nil, diag.List{unclosed(file)}
	}
	p := &Page{Kind: kind, File: file, Src: src, Body: fm.body, BodyLine: fm.bodyLine}
	doc, diags := yamlfile.Parse(file, fm.yaml, fm.yamlLine)
	if doc == nil {
		return nil, diags
	}
	diags.Append(doc.Decode(&p.Meta))
	if diags.HasErrors() {
		return nil, diags
	}
	diags.Append(checkKindKeys(p, doc.TopKeys()))
	diags.Append(p.fillDefaults(doc.TopKeys()))
	diags.Append(p.validate(doc.TopKeys()))
	return p, diags
}

// fillDefaults sets the slug and checks the keys every page needs.
func (p *Page) fillDefaults(keys []yamlfile.Key) diag.List {
	var diags diag.List
	if strings.TrimSpace(p.Meta.Title) == "" {
		pos := p.TopPos()
		if i := slices.IndexFunc(keys, func(k yamlfile.Key) bool { return k.Name == "title" }); i >= 0 {
			pos = diag.Pos{File: p.File, Line: keys[i].Line, Col: keys[i].Col}
		}
		d := diag.Errorf(pos, "missing title: every page needs a title")
		d.Suggestion = `add title: "..." to the front matter`
		diags.Add(d)
	}
	p.Slug = p.Meta.Slug.Value
	if p.Slug == "" {
		p.Slug = strings.TrimSuffix(path.Base(p.File), ".md")
	}
	if p.Kind == Home {
		p.Slug = ""
	} else if !validSlug(p.Slug) {
		diags.Add(diag.Errorf(p.slugPos(keys), "slug %q must be lowercase letters, digits and hyphens", p.Slug))
	}
	return diags
}

func (p *Page) slugPos(keys []yamlfile.Key) diag.Pos {
	if i := slices.IndexFunc(keys, func(k yamlfile.Key) bool { return k.Name == "slug" }); i >= 0 {
		return diag.Pos{File: p.File, Line: keys[i].Line, Col: keys[i].Col}
	}
	return diag.Pos{File: p.File}
}

func validSlug(s string) bool {
	if s == "" || s[0] == '-' || s[len(s)-1] == '-' {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
			return false
		}
	}
	return true
}

// normalizeLoneCR turns a carriage return that is not followed by a line
// feed into a line feed, so that every part of the build (the YAML parser,
// which treats a lone CR as a line break, and the Markdown positions,
// which count LFs) agrees on line numbers. CRLF is left alone.
func normalizeLoneCR(src []byte) []byte {
	if !bytes.Contains(src, []byte("\r")) {
		return src
	}
	out := bytes.Clone(src)
	for i, c := range out {
		if c == '\r' && (i+1 == len(out) || out[i+1] != '\n') {
			out[i] = '\n'
		}
	}
	return out
}
