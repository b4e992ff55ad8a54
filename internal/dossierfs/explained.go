package dossierfs

import (
	"errors"
	"io/fs"
	"os"
)

// explained is an os.Root's file system whose errors say what went wrong
// in an editor's words (see Explain), as *fs.PathError values whose Err is
// the explanation.
type explained struct {
	root *os.Root
	fsys fs.FS
}

func (e explained) wrap(op, name string, err error) error {
	if err == nil || errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return &fs.PathError{Op: op, Path: name, Err: Explain(e.root, name, err)}
}

func (e explained) Open(name string) (fs.File, error) {
	f, err := e.fsys.Open(name)
	return f, e.wrap("open", name, err)
}

func (e explained) ReadFile(name string) ([]byte, error) {
	b, err := fs.ReadFile(e.fsys, name)
	return b, e.wrap("read", name, err)
}

func (e explained) ReadDir(name string) ([]fs.DirEntry, error) {
	entries, err := fs.ReadDir(e.fsys, name)
	return entries, e.wrap("readdir", name, err)
}

func (e explained) Stat(name string) (fs.FileInfo, error) {
	fi, err := fs.Stat(e.fsys, name)
	return fi, e.wrap("stat", name, err)
}
