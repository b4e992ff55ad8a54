package main

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"time"

	"github.com/dossier-project/dossier/internal/build"
	"github.com/dossier-project/dossier/internal/config"
	"github.com/dossier-project/dossier/internal/diag"
	"github.com/dossier-project/dossier/internal/server"
	"github.com/dossier-project/dossier/internal/urls"
)

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("serve", "[-src DIR] [-bind 127.0.0.1] [-port 8080] [-drafts=true]", stderr)
	src := fs.String("src", ".", "the dossier's root `folder`")
	bind := fs.String("bind", "127.0.0.1", "`address` to listen on; anything but loopback exposes the preview to the network")
	port := fs.Int("port", 8080, "`port` to listen on; 0 picks a free one")
	drafts := fs.Bool("drafts", true, "show pages marked draft: true, with a DRAFT mark")
	baseURL := fs.String("base-url", "", "override dossier.yaml's base_url (its path is where the preview serves)")
	if err := parseFlags(fs, args, false); err != nil {
		return helpOK(err)
	}
	if !server.IsLoopback(*bind) {
		fmt.Fprintf(stderr, "dossier serve: warning: listening on %s makes the preview reachable from other machines\n", *bind)
	}
	ln, err := server.Listen(*bind, *port)
	if err != nil {
		return err
	}
	p := &preview{src: *src, opts: build.Options{Drafts: *drafts, BaseURL: *baseURL, Preview: true}, b: build.NewBuilder(), stderr: stderr}
	basePath := p.firstBuild()
	srv := server.New(server.Options{BasePath: basePath, Logf: func(f string, a ...any) { fmt.Fprintf(stderr, f+"\n", a...) }})
	p.srv = srv
	p.publish()
	httpSrv := &http.Server{Handler: srv, ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = httpSrv.Serve(ln) }()
	// The address is printed once edits are watched: a test (or a user)
	// that edits a file after reading it gets a rebuild.
	ready := func() { fmt.Fprintf(stdout, "serving %s at http://%s%s (Ctrl-C to stop)\n", *src, ln.Addr(), basePath) }
	err = watchChanges(ctx, *src, stderr, ready, func() { p.rebuild(); p.checkBase(); p.publish() })
	srv.Close()
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	_ = httpSrv.Shutdown(shutdownCtx)
	return err
}

// preview is the serve command's build state.
type preview struct {
	src    string
	opts   build.Options
	b      *build.Builder
	srv    *server.Server
	stderr io.Writer
	res    *build.Result
	diags  diag.List
	base   string // the path the server serves under
}

// firstBuild builds once and returns the base path to serve under: from
// -base-url, else from dossier.yaml, which is read on its own so that a
// content error in the first build does not move the site to "/".
func (p *preview) firstBuild() string {
	p.rebuild()
	p.base = "/"
	switch {
	case p.opts.BaseURL != "":
		p.base = urls.New(p.opts.BaseURL).Prefix()
	case p.res != nil:
		p.base = urls.New(p.res.Config.BaseURL.Value).Prefix()
	default:
		if cfg, _ := config.Load(build.SourceFS(p.src)); cfg != nil {
			p.base = urls.New(cfg.BaseURL.Value).Prefix()
		}
	}
	return p.base
}

// checkBase warns when base_url's path changed while serving: the server
// keeps the path it started with.
func (p *preview) checkBase() {
	if p.res == nil || p.opts.BaseURL != "" {
		return
	}
	if now := urls.New(p.res.Config.BaseURL.Value).Prefix(); now != p.base {
		fmt.Fprintf(p.stderr, "dossier serve: base_url's path changed from %s to %s: restart dossier serve to preview under the new path\n", p.base, now)
	}
}

func (p *preview) rebuild() {
	start := time.Now()
	p.res, p.diags = p.b.Generate(build.SourceFS(p.src), p.opts)
	for _, d := range p.diags {
		fmt.Fprintln(p.stderr, d)
	}
	if p.res != nil {
		fmt.Fprintf(p.stderr, "built %d files in %v\n", len(p.res.Files), time.Since(start).Round(time.Millisecond))
	}
}

// publish hands the latest build, or its failure, to the server.
func (p *preview) publish() {
	if p.res != nil {
		p.srv.Publish(p.res.Files)
		return
	}
	p.srv.Fail(p.diags, sourcesOf(build.SourceFS(p.src), p.diags))
}

// sourcesOf reads the files that diagnostics point into, so the error
// page can show the offending lines.
func sourcesOf(fsys fs.FS, diags diag.List) map[string][]byte {
	out := map[string][]byte{}
	for _, d := range diags {
		if _, ok := out[d.Pos.File]; ok || d.Pos.File == "" {
			continue
		}
		if b, err := fs.ReadFile(fsys, d.Pos.File); err == nil {
			out[d.Pos.File] = b
		}
	}
	return out
}
