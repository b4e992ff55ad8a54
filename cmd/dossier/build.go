package main

import (
	"context"
	"fmt"
	"io"
	"path/filepath"

	"github.com/dossier-project/dossier/internal/build"
)

func runBuild(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("build", "[-src DIR] [-out DIR] [-drafts] [-base-url URL] [-watch]", stderr)
	src := fs.String("src", ".", "the dossier's root `folder` (holds dossier.yaml and content/)")
	out := fs.String("out", "site", "output `folder`, replaced on each build (relative to the current folder)")
	drafts := fs.Bool("drafts", false, "include pages marked draft: true")
	baseURL := fs.String("base-url", "", "override dossier.yaml's base_url, e.g. https://user.github.io/repo/")
	watch := fs.Bool("watch", false, "rebuild whenever a file changes, until interrupted")
	if err := parseFlags(fs, args, false); err != nil {
		return helpOK(err)
	}
	opts := build.Options{Drafts: *drafts, BaseURL: *baseURL}
	b := build.NewBuilder()
	if err := buildOnce(b, *src, *out, opts, stdout, stderr); err != nil && !*watch {
		return err
	}
	if *watch {
		return watchBuild(ctx, b, *src, *out, opts, stdout, stderr)
	}
	return nil
}

// buildOnce generates the site and writes it to out.
func buildOnce(b *build.Builder, src, out string, opts build.Options, stdout, stderr io.Writer) error {
	res, diags := b.Generate(build.SourceFS(src), opts)
	for _, d := range relocate(src, diags) {
		fmt.Fprintln(stderr, d)
	}
	if res == nil {
		return contentError{len(diags.Errors())}
	}
	if err := build.Write(out, res.Files); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "built %d files into %s\n", len(res.Files), filepath.Clean(out))
	return nil
}

func helpOK(err error) error {
	if err == errHelp {
		return nil
	}
	return err
}
