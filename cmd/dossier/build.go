package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strings"

	"github.com/dossier-project/dossier/internal/build"
	"github.com/dossier-project/dossier/internal/dossierfs"
)

func runBuild(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("build", "[-src DIR] [-out DIR] [-drafts] [-base-url URL] [-cache DIR] [-watch] [-cpuprofile FILE] [-memprofile FILE]", stderr)
	src := fs.String("src", ".", "the dossier's root `folder` (holds dossier.yaml and content/)")
	out := fs.String("out", "site", "output `folder`, replaced on each build (relative to the current folder)")
	drafts := fs.Bool("drafts", false, "include pages marked draft: true")
	baseURL := fs.String("base-url", "", "override dossier.yaml's base_url, e.g. https://user.github.io/repo/")
	cache := fs.String("cache", defaultCacheDir(), "`folder` for caches that make the next build faster (highlighted code, what the last build wrote); empty for none")
	watch := fs.Bool("watch", false, "rebuild whenever a file changes, until interrupted")
	cpuprofile := fs.String("cpuprofile", "", "write a CPU profile (pprof) of the build to `file`")
	memprofile := fs.String("memprofile", "", "write a heap profile (pprof) at the end of the build to `file`")
	if err := parseFlags(fs, args, false); err != nil {
		return helpOK(err)
	}
	if err := build.CheckSiteFolder(*out); errors.Is(err, build.ErrForeignFolder) {
		return usageError{fmt.Sprintf("build: -out %s: %v: a build replaces its output folder, so give a new or empty folder, or one dossier built", *out, err)}
	}
	stop, err := startProfile(*cpuprofile)
	if err != nil {
		return err
	}
	d, err := openDossier(*src)
	if err != nil {
		stop()
		return err
	}
	defer d.Close()
	b := build.NewBuilder(build.Options{Drafts: *drafts, BaseURL: *baseURL, CacheDir: *cache, SourceDir: *src})
	defer b.Close()
	if *watch {
		stop()
		return watchBuild(ctx, b, d, *src, *out, *cache, stdout, stderr)
	}
	err = buildOnce(b, d, *src, *out, *cache, nil, stdout, stderr)
	stop()
	if perr := writeHeapProfile(*memprofile); perr != nil {
		return perr
	}
	return err
}

// openDossier opens the dossier folder for reading through os.Root.
func openDossier(src string) (*dossierfs.Dossier, error) {
	d, err := dossierfs.Open(src)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", src, err)
	}
	return d, nil
}

// buildOnce builds the site into out. changed lists the paths changed
// since the last build of b (nil: unknown).
func buildOnce(b *build.Builder, d *dossierfs.Dossier, src, out, cache string, changed []string, stdout, stderr io.Writer) error {
	res, diags := b.Build(d.FS(), build.SiteDir(out, cache), changed)
	for _, dg := range relocate(src, diags) {
		fmt.Fprintln(stderr, dg)
	}
	if res == nil {
		return contentError{len(diags.Errors())}
	}
	fmt.Fprintf(stdout, "built %d files into %s (%d written, %d unchanged)\n", res.Outputs, filepath.Clean(out), res.Written, res.Outputs-res.Written)
	if n := len(res.DraftsLeftOut); n > 0 {
		fmt.Fprintf(stdout, "left out %s (draft: true; build -drafts to include, dossier serve to preview): %s\n",
			plural(n, "draft"), strings.Join(res.DraftsLeftOut, ", "))
	}
	return nil
}

// defaultCacheDir is dossier's folder in the user's cache folder, or ""
// when there is none.
func defaultCacheDir() string {
	dir, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(dir, "dossier")
}

// startProfile starts a CPU profile into file ("" for none) and returns
// the function that stops it.
func startProfile(file string) (stop func(), err error) {
	if file == "" {
		return func() {}, nil
	}
	f, err := os.Create(file)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() { pprof.StopCPUProfile(); f.Close() }, nil
}

// writeHeapProfile writes a heap profile to file ("" for none).
func writeHeapProfile(file string) error {
	if file == "" {
		return nil
	}
	f, err := os.Create(file)
	if err != nil {
		return err
	}
	defer f.Close()
	runtime.GC()
	return pprof.WriteHeapProfile(f)
}

func helpOK(err error) error {
	if err == errHelp {
		return nil
	}
	return err
}
