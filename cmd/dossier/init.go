package main

import (
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/dossier-project/dossier"
)

// skeleton is the dossier that init writes: dossier.yaml and one small
// page of each kind, linked so that it builds without errors or warnings.
// "gitignore" is written as .gitignore.
//
//go:embed all:skeleton
var skeleton embed.FS

// runInit implements "dossier init DIR": a new dossier in an empty or new
// folder, with the example pages and the default templates and static
// files copied out of the binary, ready to edit.
func runInit(args []string, stdout, stderr io.Writer) error {
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
	n, err := writeSkeleton(dir)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "created a dossier in %s (%d files)\n", dir, n)
	fmt.Fprintf(stdout, "next: cd %s && dossier serve   (preview at http://127.0.0.1:8080/)\n", dir)
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

// writeSkeleton writes the skeleton, then templates/ and static/ from the
// embedded defaults, and returns how many files it wrote.
func writeSkeleton(dir string) (int, error) {
	count := 0
	copyTree := func(fsys fs.FS, root, prefix string) error {
		return fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := fs.ReadFile(fsys, p)
			if err != nil {
				return err
			}
			rel := strings.TrimPrefix(p, prefix)
			if rel == "gitignore" {
				rel = ".gitignore"
			}
			count++
			return writeNewFile(filepath.Join(dir, filepath.FromSlash(rel)), data)
		})
	}
	if err := copyTree(skeleton, "skeleton", "skeleton/"); err != nil {
		return count, err
	}
	for _, root := range []string{"templates", "static"} {
		if err := copyTree(dossier.Defaults, root, ""); err != nil {
			return count, err
		}
	}
	return count, nil
}

// writeNewFile creates a file and its folders; it never replaces a file.
func writeNewFile(name string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return err
	}
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
