package build

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// The spare folder. A build that changes a few files of a large site
// still makes a whole new folder: a directory per page and a hard link
// per kept file, and, once swapped in, removes the old site the same way,
// file by file. At 10,000 briefs that is 17,000 mkdir, link, unlink and
// rmdir each, most of such a build's time. So the old site is not
// removed: it is kept beside the site as ".NAME.spare", and the next
// build writes into it instead of into an empty folder. Its folders are
// there already; a file it kept by hard link is the live site's file
// already (the same inode), and is left as it is; a file written anew is
// removed first (it may be a link to the live site's file, which must not
// change); what the build does not make is removed before the swap. The
// swap itself is the same exchange, so a reader still sees the old site
// or the new one, never a mix.
//
// The spare is the folder of a build that this process or another one
// wrote; before it is used, anything in it that a build does not write
// (a symbolic link, a device) is removed, so that no write can be led out
// of it.

// spareName is the spare folder of the site folder abs.
func spareName(abs string) string {
	parent, name := filepath.Split(abs)
	return filepath.Join(parent, "."+name+".spare")
}

// takeSpare renames the spare folder, when there is one, to tmp (a fresh
// name), and returns the files it holds, slash-separated, or false when
// there is no spare to use.
func takeSpare(abs, tmp string) (map[string]bool, bool) {
	spare := spareName(abs)
	if fi, err := os.Lstat(spare); err != nil || !fi.IsDir() {
		return nil, false
	}
	if os.Remove(tmp) != nil || os.Rename(spare, tmp) != nil {
		return nil, false
	}
	_ = os.Remove(filepath.Join(tmp, marker)) // a build writes it last
	files := map[string]bool{}
	err := filepath.WalkDir(tmp, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		switch rel, _ := filepath.Rel(tmp, p); {
		case d.IsDir():
		case d.Type().IsRegular():
			files[filepath.ToSlash(rel)] = true
		default: // not something a build writes
			return os.Remove(p)
		}
		return nil
	})
	if err != nil { // start from an empty folder instead
		if os.RemoveAll(tmp) != nil || os.Mkdir(tmp, 0o755) != nil {
			return nil, false
		}
		return map[string]bool{}, true
	}
	return files, true
}

// pruneSpare removes from the folder tmp the files of the spare that this
// build did not make (made holds every path it did), and the folders
// they leave empty.
func pruneSpare(tmp string, spareFiles map[string]bool, made map[string]fileMeta) error {
	for path := range spareFiles {
		if _, ok := made[path]; ok || path == marker {
			continue
		}
		p := filepath.Join(tmp, filepath.FromSlash(path))
		if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
		for dir := filepath.Dir(p); dir != tmp && strings.HasPrefix(dir, tmp); dir = filepath.Dir(dir) {
			if os.Remove(dir) != nil { // not empty
				break
			}
		}
	}
	return nil
}

// keepSpare keeps the old site, now at old, as the next build's spare
// folder; it removes it where it cannot. A .gitignore of "*" in it keeps
// it out of git (the next build removes it with the rest it does not
// make).
func keepSpare(old, abs string) {
	spare := spareName(abs)
	_ = os.RemoveAll(spare)
	if _, err := os.Lstat(old); err != nil {
		return
	}
	ignore := filepath.Join(old, ".gitignore")
	_ = os.Remove(ignore) // maybe a link to a file of the site
	if os.WriteFile(ignore, []byte("# dossier's spare site folder (see dossier build)\n*\n"), 0o644) != nil || os.Rename(old, spare) != nil {
		_ = os.RemoveAll(old)
	}
}

// sameFile reports whether a and b are the same file (hard links of one
// inode), neither being a symbolic link.
func sameFile(a, b string) bool {
	fa, err1 := os.Lstat(a)
	fb, err2 := os.Lstat(b)
	return err1 == nil && err2 == nil && fa.Mode().IsRegular() && os.SameFile(fa, fb)
}
