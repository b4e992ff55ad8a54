package watch

import (
	"errors"
	"io/fs"
	"path/filepath"
	"strings"
)

// scope says how a path relates to the tracked paths.
type scope int

const (
	outside  scope = iota // not of interest
	ancestor              // a folder that holds a tracked path
	inside                // a tracked path or under one
)

// scopeOf classifies rel, a slash path relative to Root.
func (w *Watcher) scopeOf(rel string) scope {
	s := outside
	for _, t := range w.tracked {
		switch {
		case t == "." || rel == t || strings.HasPrefix(rel, t+"/"):
			return inside
		case rel == "." || strings.HasPrefix(t, rel+"/"):
			s = ancestor
		}
	}
	return s
}

// addTree watches dir and the folders below it that are of interest, and
// adds the files of interest that it finds to found (when not nil).
func (w *Watcher) addTree(dir string, found map[string]bool) {
	err := filepath.WalkDir(dir, func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			if !errors.Is(err, fs.ErrNotExist) {
				w.report(err)
			}
			return nil
		}
		rel, ok := w.rel(name)
		if !ok || name != dir && ignored(d.Name()) {
			return skip(d)
		}
		sc := w.scopeOf(rel)
		switch {
		case sc == outside:
			return skip(d)
		case d.IsDir():
			w.watchDir(name)
		case sc == inside && found != nil:
			found[rel] = true
		}
		return nil
	})
	if err != nil {
		w.report(err)
	}
}

// skip is the WalkDir result that leaves out d.
func skip(d fs.DirEntry) error {
	if d.IsDir() {
		return filepath.SkipDir
	}
	return nil
}

// watchDir adds a watch on dir unless it has one.
func (w *Watcher) watchDir(dir string) {
	if w.dirs[dir] {
		return
	}
	if err := w.fsw.Add(dir); err != nil {
		if !errors.Is(err, fs.ErrNotExist) {
			w.report(err)
		}
		return
	}
	w.dirs[dir] = true
}

// forget drops the watches on name and the folders below it, which was
// removed or renamed. (A renamed folder keeps its watch in the kernel,
// under its old name; removing it lets the new name be watched afresh.)
func (w *Watcher) forget(name string) {
	for dir := range w.dirs {
		if dir == name || strings.HasPrefix(dir, name+string(filepath.Separator)) {
			delete(w.dirs, dir)
			_ = w.fsw.Remove(dir) // often already gone with the folder
		}
	}
}
