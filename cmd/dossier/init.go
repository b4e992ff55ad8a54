package main

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"

	"github.com/dossier-project/dossier/internal/eject"
)

// skeleton is the dossier that init writes: dossier.yaml, a README, one
// small page of each kind, linked so that it builds without errors or
// warnings, and the GitHub Pages workflow. "gitignore" is written as
// .gitignore. No templates or static files: the built-in ones are used
// until dossier eject copies some out to be changed.
//
//go:embed all:skeleton
var skeleton embed.FS

// workflowFile is the Pages workflow, in which init writes the version of
// dossier to install (see release.pin).
const workflowFile = ".github/workflows/pages.yml"

// runInit implements "dossier init DIR": a new dossier in an empty or new
// folder, ready to edit, preview and publish.
func runInit(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("init", "DIR", stderr)
	if err := parseFlags(fs, args, true); err != nil {
		return helpOK(err)
	}
	if fs.NArg() != 1 {
		return usageError{"init: give the folder to create the dossier in, e.g. dossier init my-dossier"}
	}
	dir := fs.Arg(0)
	if err := checkEmpty(dir); err != nil {
		return err
	}
	rel := releaseOf(buildInfo(ctx))
	n, err := writeSkeleton(dir, rel)
	if err != nil {
		return err
	}
	ref, _ := rel.pin()
	fmt.Fprintf(stdout, "created a dossier in %s (%d files; its Pages workflow installs dossier@%s)\n", dir, n, ref)
	fmt.Fprintf(stdout, "next: cd %s && dossier serve   (preview at http://127.0.0.1:8080/)\n", dir)
	fmt.Fprintln(stdout, "to change the look: dossier eject templates (or static), then edit the copies")
	return nil
}

// checkEmpty refuses a folder that has anything in it.
func checkEmpty(dir string) error {
	entries, err := os.ReadDir(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return fmt.Errorf("init: %w", err)
	case len(entries) > 0:
		return fmt.Errorf("init: %s is not empty: a new dossier needs an empty or new folder", dir)
	}
	return nil
}

// writeSkeleton writes the skeleton into dir, with the workflow pinned to
// rel, and returns how many files it wrote.
func writeSkeleton(dir string, rel release) (int, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return 0, err
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return 0, err
	}
	defer root.Close()
	count := 0
	err = fs.WalkDir(skeleton, "skeleton", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(skeleton, p)
		if err != nil {
			return err
		}
		name := strings.TrimPrefix(p, "skeleton/")
		switch name {
		case "gitignore":
			name = ".gitignore"
		case workflowFile:
			data = pinWorkflow(data, rel)
		}
		count++
		return eject.WriteNew(root, name, data)
	})
	return count, err
}

// pinWorkflow writes the version to install, and the comment that says
// where it came from, into the workflow's DOSSIER_VERSION line.
func pinWorkflow(data []byte, rel release) []byte {
	ref, note := rel.pin()
	comment := "  # " + strings.Join(note, "\n  # ") + "\n"
	r := strings.NewReplacer(
		"  # dossier-version-note\n", comment,
		"  DOSSIER_VERSION: latest\n", "  DOSSIER_VERSION: "+ref+"\n",
	)
	return []byte(r.Replace(string(data)))
}
