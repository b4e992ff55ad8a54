package dossierfs

import (
	"errors"
	"io/fs"
	"slices"
	"strings"
)

// Overlay is an fs.FS that reads from Top first and falls back to Bottom,
// file by file; directory listings merge both. The build uses it to put a
// dossier's own templates/ and static/ over the embedded defaults.
type Overlay struct {
	Top, Bottom fs.FS
}

// Open opens name from Top, or from Bottom when Top has no such file.
func (o Overlay) Open(name string) (fs.File, error) {
	f, err := o.Top.Open(name)
	if err == nil {
		return f, nil
	}
	if !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	return o.Bottom.Open(name)
}

// ReadDir merges the entries of both layers; Top's entry wins a name.
func (o Overlay) ReadDir(name string) ([]fs.DirEntry, error) {
	top, errTop := fs.ReadDir(o.Top, name)
	if errTop != nil && !errors.Is(errTop, fs.ErrNotExist) {
		return nil, errTop
	}
	bottom, errBottom := fs.ReadDir(o.Bottom, name)
	if errTop != nil && errBottom != nil {
		return nil, errTop
	}
	seen := map[string]bool{}
	var out []fs.DirEntry
	for _, e := range append(top, bottom...) {
		if !seen[e.Name()] {
			seen[e.Name()] = true
			out = append(out, e)
		}
	}
	slices.SortFunc(out, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	return out, nil
}

// ReadFile reads name from Top, or from Bottom when Top has no such file.
func (o Overlay) ReadFile(name string) ([]byte, error) {
	b, err := fs.ReadFile(o.Top, name)
	if err == nil || !errors.Is(err, fs.ErrNotExist) {
		return b, err
	}
	return fs.ReadFile(o.Bottom, name)
}

// Stat stats name in Top, or in Bottom when Top has no such file.
func (o Overlay) Stat(name string) (fs.FileInfo, error) {
	fi, err := fs.Stat(o.Top, name)
	if err == nil || !errors.Is(err, fs.ErrNotExist) {
		return fi, err
	}
	return fs.Stat(o.Bottom, name)
}
