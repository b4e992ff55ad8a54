package build

import (
	"crypto/sha256"
	"io/fs"
	"runtime"

	"github.com/dossier-project/dossier/internal/content"
	"github.com/dossier-project/dossier/internal/diag"
	"github.com/dossier-project/dossier/internal/markdown"
	"golang.org/x/sync/errgroup"
)

// parsed is one content file's page, parsed body and diagnostics.
type parsed struct {
	sum   [sha256.Size]byte
	page  *content.Page
	doc   *markdown.Doc
	diags diag.List
}

// parseCache maps a file path to its last parse, reused while the file's
// bytes are unchanged.
type parseCache struct {
	files map[string]*parsed
}

func newParseCache() *parseCache { return &parseCache{files: map[string]*parsed{}} }

// load reads and parses every content file, reusing cached parses of
// unchanged files, and assembles the page set.
func (b *Builder) load(fsys fs.FS, opts Options) (*loaded, diag.List) {
	files, diags := content.ListFiles(fsys)
	results := make([]*parsed, len(files))
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i, file := range files {
		old := b.cache.files[file]
		g.Go(func() error {
			results[i] = b.parseFile(fsys, file, old)
			return nil
		})
	}
	_ = g.Wait()
	next := make(map[string]*parsed, len(files))
	pages := make([]*content.Page, 0, len(files))
	var unparsed []string
	docs := make(map[*content.Page]*markdown.Doc, len(files))
	for i, file := range files {
		p := results[i]
		next[file] = p
		diags.Append(p.diags)
		if p.page != nil {
			pages = append(pages, p.page)
			docs[p.page] = p.doc
		} else {
			unparsed = append(unparsed, file)
		}
	}
	b.cache.files = next
	set, setDiags := content.NewSet(pages, content.Options{Drafts: opts.Drafts})
	diags.Append(setDiags)
	for _, d := range docs {
		d.ResetLinks()
	}
	return &loaded{set: set, docs: docs, unparsed: unparsed}, diags
}

// loaded is the content of one build: the pages, their parsed bodies and
// the files that failed to load.
type loaded struct {
	set      *content.Set
	docs     map[*content.Page]*markdown.Doc
	unparsed []string
}

// parseFile parses one file, or returns old when its bytes are unchanged.
func (b *Builder) parseFile(fsys fs.FS, file string, old *parsed) *parsed {
	src, err := fs.ReadFile(fsys, file)
	if err != nil {
		return &parsed{diags: diag.List{diag.Errorf(diag.Pos{File: file}, "%v", err)}}
	}
	sum := sha256.Sum256(src)
	if old != nil && old.sum == sum {
		return old
	}
	p := &parsed{sum: sum}
	p.page, p.diags = content.ParseFile(file, src)
	if p.page != nil {
		p.doc = b.md.Parse(p.page.Body, markdown.Options{NumberParagraphs: p.page.Kind == content.Source})
	}
	return p
}
