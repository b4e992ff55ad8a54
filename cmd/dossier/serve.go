package main

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/dossier-project/dossier/internal/build"
	"github.com/dossier-project/dossier/internal/config"
	"github.com/dossier-project/dossier/internal/diag"
	"github.com/dossier-project/dossier/internal/dossierfs"
	"github.com/dossier-project/dossier/internal/server"
	"github.com/dossier-project/dossier/internal/urls"
)

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("serve", "[-src DIR] [-bind 127.0.0.1] [-port 8080] [-drafts=true] [-base-url URL] [-cache DIR] [-allow-host NAME]… [-expose]", stderr)
	src := fs.String("src", ".", "the dossier's root `folder`")
	bind := fs.String("bind", "127.0.0.1", "`address` to listen on; anything but loopback needs -expose")
	port := fs.Int("port", 8080, "`port` to listen on; 0 picks a free one")
	drafts := fs.Bool("drafts", true, "show pages marked draft: true, with a DRAFT mark")
	baseURL := fs.String("base-url", "", "override dossier.yaml's base_url (its path is where the preview serves)")
	cache := fs.String("cache", defaultCacheDir(), "`folder` for caches that outlive the preview (highlighted code); empty for none")
	var allow hostList
	fs.Var(&allow, "allow-host", "also answer requests for this host `name` (repeatable), e.g. a name on your LAN")
	expose := fs.Bool("expose", false, "allow -bind to a non-loopback address: drafts and handling-restricted pages become visible to the network")
	if err := parseFlags(fs, args, false); err != nil {
		return helpOK(err)
	}
	allow, err := checkBind(*bind, *expose, allow, stderr)
	if err != nil {
		return err
	}
	d, err := openDossier(*src)
	if err != nil {
		return err
	}
	defer d.Close()
	p, err := newPreview(d, *src, build.Options{Drafts: *drafts, BaseURL: *baseURL, Preview: true, CacheDir: *cache, SourceDir: *src}, stderr)
	if err != nil {
		return err
	}
	defer p.close()
	return p.run(ctx, *bind, *port, allow, stdout)
}

// checkBind refuses a bind address that reaches other machines unless
// expose is set, and then warns and lets requests name that address.
func checkBind(bind string, expose bool, allow []string, stderr io.Writer) ([]string, error) {
	if server.IsLoopback(bind) {
		return allow, nil
	}
	if !expose {
		return nil, usageError{fmt.Sprintf("serve: -bind %s reaches other machines: add -expose to confirm (the preview shows drafts and pages above publish_max_tlp to anyone who can connect)", bind)}
	}
	fmt.Fprintf(stderr, "dossier serve: warning: listening on %s: drafts and handling-restricted pages (TLP above publish_max_tlp) are visible to the network\n", bind)
	return append(allow, strings.Trim(bind, "[]")), nil
}

// hostList is a repeatable flag.
type hostList []string

func (h *hostList) String() string     { return strings.Join(*h, ",") }
func (h *hostList) Set(v string) error { *h = append(*h, v); return nil }

// preview is the serve command's build state.
type preview struct {
	d      *dossierfs.Dossier
	src    string
	b      *build.Builder
	dest   *build.Dest
	srv    *server.Server
	stderr io.Writer
	res    *build.Result
	diags  diag.List
	base   string // the path the server serves under
}

// newPreview checks that src is a dossier and prepares its private
// output folder.
func newPreview(d *dossierfs.Dossier, src string, opts build.Options, stderr io.Writer) (*preview, error) {
	if _, diags := config.Load(d.FS()); diags.HasErrors() {
		for _, dg := range relocate(src, diags) {
			fmt.Fprintln(stderr, dg)
		}
		return nil, contentError{len(diags.Errors())}
	}
	dir, err := os.MkdirTemp("", "dossier-serve-")
	if err != nil {
		return nil, err
	}
	dest, err := build.Preview(dir)
	if err != nil {
		return nil, err
	}
	return &preview{d: d, src: src, b: build.NewBuilder(opts), dest: dest, stderr: stderr}, nil
}

func (p *preview) close() {
	p.b.Close()
	p.dest.Close()
}

// run builds, serves and rebuilds on every change until ctx is done.
func (p *preview) run(ctx context.Context, bind string, port int, allow []string, stdout io.Writer) error {
	ln, err := server.Listen(bind, port)
	if err != nil {
		return err
	}
	p.base = p.basePath()
	p.srv = server.New(server.Options{BasePath: p.base, Port: ln.Addr().(*net.TCPAddr).Port, AllowHosts: allow,
		Logf: func(f string, a ...any) { fmt.Fprintf(p.stderr, f+"\n", a...) }})
	httpSrv := &http.Server{Handler: p.srv, ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = httpSrv.Serve(ln) }()
	// The address is printed once edits are watched and the first build
	// is served: a test (or a user) that edits a file after reading it
	// gets a rebuild.
	ready := func() {
		p.rebuild(nil)
		p.publish()
		fmt.Fprintf(stdout, "serving %s at http://%s%s (Ctrl-C to stop)\n", p.src, ln.Addr(), p.base)
	}
	err = watchChanges(ctx, p.src, p.stderr, ready, func(paths []string) { p.rebuild(paths); p.checkBase(); p.publish() })
	p.srv.Close()
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	_ = httpSrv.Shutdown(shutdownCtx)
	return err
}

// basePath is the path to serve under: from -base-url, else from
// dossier.yaml, read on its own so that a content error in the first
// build does not move the site to "/".
func (p *preview) basePath() string {
	if u := p.bOpts().BaseURL; u != "" {
		return urls.New(u).Prefix()
	}
	if cfg, _ := config.Load(p.d.FS()); cfg != nil {
		return urls.New(cfg.BaseURL.Value).Prefix()
	}
	return "/"
}

func (p *preview) bOpts() build.Options { return p.b.Options() }

// checkBase warns when base_url's path changed while serving: the server
// keeps the path it started with.
func (p *preview) checkBase() {
	if p.res == nil || p.bOpts().BaseURL != "" {
		return
	}
	if now := urls.New(p.res.Config.BaseURL.Value).Prefix(); now != p.base {
		fmt.Fprintf(p.stderr, "dossier serve: base_url's path changed from %s to %s: restart dossier serve to preview under the new path\n", p.base, now)
	}
}

// rebuild builds after the paths changed (nil: all may have).
func (p *preview) rebuild(changed []string) {
	start := time.Now()
	p.res, p.diags = p.b.Build(p.d.FS(), p.dest, changed)
	for _, d := range relocate(p.src, p.diags) {
		fmt.Fprintln(p.stderr, d)
	}
	if p.res != nil {
		later := ""
		if p.res.SearchOnRequest {
			later = ", and the search index when asked for"
		}
		fmt.Fprintf(p.stderr, "built %d files in %v (%d written)%s\n", p.res.Outputs, time.Since(start).Round(time.Microsecond*100), p.res.Written, later)
	}
}

// publish hands the latest build, or its failure, to the server.
func (p *preview) publish() {
	if p.res != nil {
		p.srv.Publish(p.res.Generation, p.res.Changed)
		return
	}
	p.srv.Fail(p.diags, sourcesOf(p.d.FS(), p.diags))
}

// sourcesOf reads the files that diagnostics point into, through the
// dossier's root, so the error page can show the offending lines.
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
