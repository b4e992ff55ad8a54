// Package dossierfs opens a dossier's folder for reading, and is the only
// way the build reads it: every read goes through an os.Root, so nothing
// outside the dossier's folder is ever read, even through a symbolic link.
// A link that resolves inside the folder works like the file it names; one
// that points outside (to /etc/passwd, /proc/self/environ, a folder
// elsewhere) fails with an error that names the link, and the file it
// points to is never opened. A link loop fails the same way.
//
// The dossier's own templates/ and static/ lie over the defaults embedded
// in the binary, file by file (see Overlay): a file on disk wins, and
// listings merge both layers.
package dossierfs

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"syscall"

	"github.com/dossier-project/dossier"
)

// Dossier is an open dossier folder.
type Dossier struct {
	root *os.Root
	fsys fs.FS
}

// Open opens the dossier at dir. The folder must exist; whether it holds a
// dossier (dossier.yaml) is for the caller to find out.
func Open(dir string) (*Dossier, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	disk := explained{root: root, fsys: root.FS()}
	return &Dossier{root: root, fsys: Overlay{Top: disk, Bottom: dossier.Defaults}}, nil
}

// FS returns the dossier's files over the embedded defaults. It is safe
// for concurrent use until Close.
func (d *Dossier) FS() fs.FS { return d.fsys }

// Disk returns the dossier's own files alone, without the defaults.
func (d *Dossier) Disk() fs.FS { return explained{root: d.root, fsys: d.root.FS()} }

// Close releases the folder.
func (d *Dossier) Close() error { return d.root.Close() }

// Explain rewrites an error from reading name through root into words an
// editor acts on: a link that leaves the dossier or loops says so, with
// where it points; other errors are returned as they are. Errors from
// Dossier's file systems are already explained.
func Explain(root *os.Root, name string, err error) error {
	if err == nil || errors.Is(err, fs.ErrNotExist) {
		return err
	}
	fi, lerr := root.Lstat(name)
	if lerr != nil || fi.Mode()&fs.ModeSymlink == 0 {
		if errors.Is(err, syscall.ELOOP) {
			return errors.New("a symbolic link on this path loops: not read")
		}
		if isEscape(err) {
			return errors.New("a symbolic link on this path points outside the dossier: not read (copy the file into the dossier instead)")
		}
		return err
	}
	target, _ := root.Readlink(name)
	switch {
	case errors.Is(err, syscall.ELOOP):
		return fmt.Errorf("symbolic link to %q loops: not read", target)
	case isEscape(err):
		return fmt.Errorf("symbolic link to %q points outside the dossier: not read (copy the file into the dossier instead)", target)
	}
	return fmt.Errorf("symbolic link to %q: %w", target, err)
}

// isEscape reports whether err is os.Root refusing a path that leaves the
// root. The os package does not export that error, so this asks the root
// the same question of a path that certainly escapes and compares.
func isEscape(err error) bool {
	var pe *fs.PathError
	if !errors.As(err, &pe) {
		return false
	}
	return pe.Err.Error() == escapeError().Error()
}

// escapeError is the error os.Root gives for a path outside it.
func escapeError() error {
	root, err := os.OpenRoot(os.TempDir())
	if err != nil {
		return errors.New("path escapes from parent")
	}
	defer root.Close()
	_, err = root.Stat("../")
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return errors.New("path escapes from parent")
}
