package build

import (
	"io/fs"
	"os"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/internal/config"
	"github.com/dossier-project/dossier/internal/diag"
	"github.com/dossier-project/dossier/internal/layout"
	"github.com/dossier-project/dossier/internal/markdown"
	"github.com/dossier-project/dossier/internal/urls"
	"github.com/dossier-project/dossier/internal/xref"
)

// Options controls a build.
type Options struct {
	// Drafts includes pages marked draft: true.
	Drafts bool
	// BaseURL, when set, overrides dossier.yaml's base_url.
	BaseURL string
	// Preview is the serve mode: unresolved links render as visible
	// missing links (warnings), drafts are marked.
	Preview bool
}

// Result is a generated site.
type Result struct {
	// Files maps slash paths relative to the site root to their bytes.
	Files  map[string][]byte
	Config *config.Config
	Graph  *xref.Graph
	// Rendered counts the content pages rendered by this build; the
	// others were unchanged and reused from the Builder's previous build.
	Rendered int
}

// SourceFS returns the dossier at root with the embedded default
// templates and static files underneath.
func SourceFS(root string) fs.FS {
	return layout.Overlay{Top: os.DirFS(root), Bottom: dossier.Defaults}
}

// Builder generates sites and remembers parsed files between builds.
// A Builder is not safe for concurrent use.
type Builder struct {
	md      *markdown.Renderer
	cache   *parseCache
	renders *renderCache
}

// NewBuilder returns a Builder with an empty cache.
func NewBuilder() *Builder {
	return &Builder{md: markdown.New(), cache: newParseCache(), renders: newRenderCache()}
}

// Generate builds the site from fsys with a fresh Builder.
func Generate(fsys fs.FS, opts Options) (*Result, diag.List) {
	return NewBuilder().Generate(fsys, opts)
}

// Generate builds the site from fsys. On errors the Result is nil; the
// diagnostics are sorted.
func (b *Builder) Generate(fsys fs.FS, opts Options) (*Result, diag.List) {
	res, diags := b.generate(fsys, opts)
	diags = diags.Sort()
	if diags.HasErrors() {
		return nil, diags
	}
	return res, diags
}

func (b *Builder) generate(fsys fs.FS, opts Options) (*Result, diag.List) {
	cfg, diags := config.Load(fsys)
	if cfg == nil {
		return nil, diags
	}
	if opts.BaseURL != "" {
		c, err := cfg.WithBaseURL(opts.BaseURL)
		if err != nil {
			diags.Add(diag.Errorf(diag.Pos{File: config.File}, "%v", err))
			return nil, diags
		}
		cfg = c
	}
	in, loadDiags := b.load(fsys, opts)
	diags.Append(loadDiags)
	base := urls.New(cfg.BaseURL.Value)
	graph, xrefDiags := xref.Resolve(in.set, in.docs, xref.Options{Base: base, Preview: opts.Preview, Unparsed: in.unparsed})
	diags.Append(xrefDiags)
	diags.Append(check(cfg, graph, opts))
	if diags.HasErrors() {
		return nil, diags
	}
	r := &renderer{cfg: cfg, base: base, graph: graph, md: b.md, opts: opts, cache: b.renders}
	files, renderDiags := r.site(fsys)
	diags.Append(renderDiags)
	return &Result{Files: files, Config: cfg, Graph: graph, Rendered: r.rendered}, diags
}
