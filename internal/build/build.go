package build

import (
	"crypto/sha256"
	"errors"
	"io/fs"
	"strings"
	"sync"
	"time"

	"github.com/dossier-project/dossier/internal/check"
	"github.com/dossier-project/dossier/internal/config"
	"github.com/dossier-project/dossier/internal/content"
	"github.com/dossier-project/dossier/internal/diag"
	"github.com/dossier-project/dossier/internal/highlight"
	"github.com/dossier-project/dossier/internal/layout"
	"github.com/dossier-project/dossier/internal/markdown"
	"github.com/dossier-project/dossier/internal/urls"
	"github.com/dossier-project/dossier/internal/view"
	"github.com/dossier-project/dossier/internal/xref"
)

// Options controls a Builder's builds.
type Options struct {
	// Drafts includes pages marked draft: true.
	Drafts bool
	// BaseURL, when set, overrides dossier.yaml's base_url.
	BaseURL string
	// Preview is the serve mode: unresolved links render as visible
	// missing links (warnings), drafts are marked, pages above the
	// handling limit are shown with a warning.
	Preview bool
	// CacheDir holds the caches that outlive a process (highlighted
	// code, parses, the manifest of each site folder); "" keeps none.
	CacheDir string
	// SourceDir is the dossier's folder, which names its parse cache;
	// "" keeps no parse cache.
	SourceDir string
}

// Result describes a finished build.
type Result struct {
	Config *config.Config
	Graph  *xref.Graph
	// Outputs counts the site's files; Written those this build produced,
	// the rest were kept from the last build.
	Outputs, Written int
	// SearchOnRequest says that Outputs leaves out the search index's
	// files: a preview's rebuild lists them only when one is first asked
	// for (see Builder.searchListing).
	SearchOnRequest bool
	// Changed lists the paths whose bytes differ from the last build's,
	// or that are gone, sorted.
	Changed []string
	// Generation is what a Preview destination serves now.
	Generation *Generation
	// DraftsLeftOut lists the files of the drafts this build left out
	// (all of them unless Options.Drafts).
	DraftsLeftOut []string
	// KeptAll says that the site folder was made from exactly these
	// inputs already, so every file was kept and no page was made. Graph
	// is nil when the files read were those of the build that made it
	// (see sameinputs.go): then no page was even parsed.
	KeptAll bool
}

// Builder builds a dossier again and again, keeping what a rebuild can
// reuse: parses by file, mentions by body, highlighted code, and (in its
// destination) each output's key. A Builder is not safe for concurrent
// use; its stages run in parallel inside.
type Builder struct {
	opts   Options
	hl     *highlight.Highlighter
	md     *markdown.Renderer
	memo   *xref.Memo
	files  *parseCache
	hasher view.Hasher
	bodies *bodyStore
	// templateChecks are the template sets found sound by a build, for
	// the next (see layout.Checks).
	templateChecks layout.Checks
	// sources holds the Markdown and plain text of every parse the
	// Builder keeps (see setAside).
	sources *sourceSpool
	exe     onceHash
	memos   pageMemos
	// lastTemplates identifies the last good build's templates.
	lastTemplates [32]byte
	// lastGraph is the last build's resolved graph, for reuse.
	lastGraph *xref.Graph
	// searchTexts are a preview's last build's search texts (see
	// searchOutputs).
	searchTexts searchTexts
	// viewCache keeps cards and list orders between builds.
	viewCache *view.Cache
	dates     changeDates
	// last is the last build's result when it succeeded, and its
	// diagnostics (see unchanged).
	last      *Result
	lastDiags diag.List
	// settle is how long a file must have been left alone before a build
	// takes its stamp for its bytes (see sameinputs.go); inputsRead counts
	// the files the last such check read.
	settle     time.Duration
	inputsRead int
}

// NewBuilder returns a Builder with empty in-memory caches.
func NewBuilder(opts Options) *Builder {
	hlDir := ""
	if opts.CacheDir != "" {
		hlDir = opts.CacheDir + "/highlight"
	}
	hl := highlight.New(hlDir)
	return &Builder{opts: opts, hl: hl, md: markdown.New(hl), memo: xref.NewMemo(), files: newParseCache(), bodies: newBodyStore(), sources: newSourceSpool(),
		memos: pageMemos{pages: map[string]pageMemo{}}, viewCache: view.NewCache(), settle: 2 * time.Second}
}

// Close writes what the highlight cache learned and removes the Builder's
// temporary files.
// A preview writes its caches here, once, rather than after every
// rebuild (the parse pack of 10,000 briefs is 46 MB).
func (b *Builder) Close() error {
	if b.files.dirty {
		b.savePack()
	}
	b.hl.Save()
	return errors.Join(b.bodies.spool.Close(), b.sources.Close(), b.hl.Close())
}

// savePack writes the parse pack when the parses changed since it was
// last written.
func (b *Builder) savePack() {
	b.writePack(b.files.limits, b.files.files)
	b.files.dirty = false
}

// Build builds the dossier in fsys into dest. changed lists the paths
// (slash-separated, from the dossier root) that changed since the last
// Build; nil means unknown: every file is read. On errors nothing is
// committed to dest; the diagnostics are sorted.
func (b *Builder) Build(fsys fs.FS, dest *Dest, changed []string) (*Result, diag.List) {
	if b.unchanged(fsys, changed) {
		same := *b.last
		same.Written, same.Changed = 0, nil
		return &same, b.lastDiags
	}
	b.last, b.lastDiags = nil, nil
	res, diags := b.build(fsys, dest, changed)
	diags = diags.Sort()
	if diags.HasErrors() {
		dest.abort()
		return nil, diags
	}
	b.last, b.lastDiags = res, diags
	return res, diags
}

// unchanged reports whether the last build succeeded and every path in
// changed is a content file it parsed whose bytes are the same now (a file
// saved unchanged, touched, or written back by a tool): then this build
// would make exactly the last one again, so it is not made.
func (b *Builder) unchanged(fsys fs.FS, changed []string) bool {
	if b.last == nil || changed == nil {
		return false
	}
	for _, p := range changed {
		old := b.files.files[p]
		if old == nil || old.page == nil || !strings.HasPrefix(p, content.Dir+"/") {
			return false
		}
		src, diags := content.ReadFile(fsys, p, b.files.limits)
		if src == nil || diags != nil || sha256.Sum256(src) != old.sum {
			return false
		}
	}
	return true
}

func (b *Builder) build(fsys fs.FS, dest *Dest, changed []string) (*Result, diag.List) {
	cfg, diags := b.config(fsys)
	if cfg == nil {
		return nil, diags
	}
	if res, diags, ok := b.sameInputs(fsys, dest, cfg); ok {
		return res, diags
	}
	s := &site{cfg: cfg, base: urls.New(cfg.BaseURL.Value), dates: &b.dates}
	templates := loadTemplates(fsys, s, &b.hasher, b.bodies.spool, &b.templateChecks)
	in, loadDiags := b.load(fsys, cfg, changed)
	diags.Append(loadDiags)
	graph, xrefDiags := xref.Resolve(in.pages, xref.Options{Preview: b.opts.Preview, Unparsed: in.unparsed, Memo: b.memo, Last: b.lastGraph})
	b.lastGraph = graph
	b.memo.Sweep()
	if b.files.dirty && !b.opts.Preview {
		var packed sync.WaitGroup
		packed.Go(b.savePack) // reads parses and memo, which only load and resolve write
		defer packed.Wait()
	}
	diags.Append(xrefDiags)
	s.graph = graph
	views := b.makeViews(s)
	defer views()
	diags.Append(check.Run(cfg, graph, check.Options{Preview: b.opts.Preview}))
	if diags.HasErrors() {
		return nil, diags
	}
	b.dates.load(b.opts.SourceDir)
	r, renderDiags := b.render(fsys, dest, s, templates(), views)
	diags.Append(renderDiags)
	defer b.hl.Sweep()
	if diags.HasErrors() {
		return nil, diags
	}
	dest.setReport(&report{Diags: diags.Sort(), Drafts: in.drafts, Outputs: r.outputs})
	b.forgetChangedInputs(fsys, dest)
	res, diags := b.commit(dest, r.outputs, diags)
	if res == nil {
		return nil, diags
	}
	res.Config, res.Graph, res.DraftsLeftOut, res.KeptAll, res.SearchOnRequest = cfg, graph, in.drafts, r.keptAll, r.searchLater
	b.lastTemplates = r.templates
	b.sources.sweep()
	b.writeMemoPack()
	if !b.opts.Preview {
		b.hl.Save()
	}
	return res, diags
}

// makeViews makes s's views while the dossier is checked; the function
// it returns waits for them (every call returns the same). A build waits
// for them before it returns, whether it used them or not.
func (b *Builder) makeViews(s *site) func() *view.Builder {
	done := make(chan *view.Builder, 1)
	go func() {
		done <- view.New(s.graph, s.cfg, s.base, view.Options{Preview: b.opts.Preview, Cache: b.viewCache}, &b.hasher)
	}()
	return sync.OnceValue(func() *view.Builder { return <-done })
}

// config reads dossier.yaml and applies the options.
func (b *Builder) config(fsys fs.FS) (*config.Config, diag.List) {
	cfg, diags := config.Load(fsys)
	if cfg == nil || b.opts.BaseURL == "" {
		return cfg, diags
	}
	c, err := cfg.WithBaseURL(b.opts.BaseURL)
	if err != nil {
		diags.Add(diag.Errorf(diag.Pos{File: config.File}, "%v", err))
		return nil, diags
	}
	return c, diags
}

// limits are the per-file limits dossier.yaml sets.
func limits(cfg *config.Config) content.Limits { return cfg.Limits() }

// site is one build's resolved dossier, as the render stage sees it. Its
// settings are set first, and its graph when resolved: the templates,
// whose functions read it only when they run, are parsed meanwhile.
type site struct {
	cfg   *config.Config
	base  urls.Base
	graph *xref.Graph
	views *view.Builder // made by render, unless the whole site is kept
	dates *changeDates
}

// binaryOnce is the executable's hash, computed once.
func (b *Builder) binaryOnce() [32]byte {
	b.exe.once.Do(func() { b.exe.sum = executableHash() })
	return b.exe.sum
}

// Options returns the options the Builder was made with.
func (b *Builder) Options() Options { return b.opts }
