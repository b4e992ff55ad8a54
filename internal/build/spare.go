package build

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
)

// The spare folder. A build that changes a few files of a large site
// still makes a whole new folder: a directory per page and a hard link
// per kept file, and, once swapped in, removes the old site the same way,
// file by file. At 10,000 briefs that is 17,000 mkdir, link, unlink and
// rmdir each, most of such a build's time. So the old site is not
// removed: it is moved into the cache folder as the site's spare, and the
// next build moves it back beside the site and writes into it instead of
// into an empty folder. Its folders are there already; a file it kept by
// hard link is the live site's file already (the same inode), and is left
// as it is; a file written anew is removed first (it may be a link to the
// live site's file, which must not change); what the build does not make
// is removed before the swap. The swap itself is the same exchange, so a
// reader still sees the old site or the new one, never a mix.
//
// The spare lives in the cache folder, not beside the site: a site folder
// inside a served folder must not serve its last version too (a page
// removed on purpose, say), and git must not see it. It is moved, never
// copied, so a cache folder on another file system than the site's keeps
// no spare (the moves fail, and the old site is removed as before); so
// does a build without a cache folder, or into a folder whose file system
// folds case or normalises names (a spare's "Logo.png" would then be a
// new "logo.png", which the build would take for a stale file). Before a
// spare is used, anything in it a build does not write (a symbolic link,
// a device) is removed, so that no write can be led out of it.

// spareDir is where the cache keeps the site folder's spare; "" for none.
func (w *siteWriter) spareDir() string {
	if w.cacheDir == "" {
		return ""
	}
	sum := sha256.Sum256([]byte(w.abs))
	return filepath.Join(w.cacheDir, "sites", hex.EncodeToString(sum[:16])+".spare")
}

// takeSpare moves the spare folder, when there is one, to the new folder
// tmp, which it replaces, and returns the files it holds, slash-separated;
// nil when there is no spare to use, and tmp is a new empty folder then.
func takeSpare(spare, tmp string) (map[string]bool, error) {
	if fi, err := os.Lstat(spare); spare == "" || err != nil || !fi.IsDir() || !namesExact(tmp) {
		return nil, nil
	}
	if err := os.Remove(tmp); err != nil {
		return nil, err
	}
	if err := os.Rename(spare, tmp); err != nil {
		return nil, os.Mkdir(tmp, 0o700)
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
			// Listed all the same, so that pruneSpare removes the
			// folders its removal leaves empty.
			files[filepath.ToSlash(rel)] = true
			return os.Remove(p)
		}
		return nil
	})
	if err == nil {
		return files, nil
	}
	// Start from an empty folder; the next build removes what is left of
	// this one (removeStale).
	if err := os.Rename(tmp, tmp+".old-spare"); err != nil {
		return nil, err
	}
	_ = os.RemoveAll(tmp + ".old-spare")
	return nil, os.Mkdir(tmp, 0o700)
}

// namesExact reports whether the file system of the folder dir tells
// names apart by case and by Unicode normalisation, as the spare's
// pruning needs.
func namesExact(dir string) bool {
	for _, pair := range [][2]string{{"spare-probe-a", "SPARE-PROBE-A"}, {"spare-probe-\u00e9", "spare-probe-e\u0301"}} {
		p := filepath.Join(dir, pair[0])
		if os.WriteFile(p, nil, 0o600) != nil {
			return false
		}
		_, err := os.Lstat(filepath.Join(dir, pair[1]))
		os.Remove(p)
		if !errors.Is(err, fs.ErrNotExist) {
			return false
		}
	}
	return true
}

// makeRoom clears the way for the file dst in a spare, after making it
// failed: a folder where the file goes, or a file where one of its
// folders goes (an output that was a file two builds ago and is a folder
// now, or the other way round). Neither can be an output of this build.
func makeRoom(tmp, dst string, err error) bool {
	if !errors.Is(err, syscall.ENOTDIR) && !errors.Is(err, syscall.EISDIR) && !errors.Is(err, fs.ErrExist) {
		return false
	}
	if fi, err := os.Lstat(dst); err == nil && fi.IsDir() {
		return os.RemoveAll(dst) == nil
	}
	for dir := filepath.Dir(dst); dir != tmp && strings.HasPrefix(dir, tmp); dir = filepath.Dir(dir) {
		if fi, err := os.Lstat(dir); err == nil && !fi.IsDir() {
			return os.Remove(dir) == nil
		}
	}
	return false
}

// pruneSpare removes from the folder tmp the files of the spare that this
// build did not make (made holds every path it did), and the folders
// they leave empty, or that the removal of what takeSpare removed left
// empty: a build makes no empty folder.
func pruneSpare(tmp string, spareFiles map[string]bool, made map[string]fileMeta) error {
	for path := range spareFiles {
		if _, ok := made[path]; ok || path == marker {
			continue
		}
		p := filepath.Join(tmp, filepath.FromSlash(path))
		switch fi, err := os.Lstat(p); {
		case err == nil && fi.IsDir(): // a folder of this build's now
			continue
		case err == nil:
			if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return err
			}
		case !errors.Is(err, fs.ErrNotExist):
			continue
		} // gone already (takeSpare removed it): its folders may be empty now
		for dir := filepath.Dir(p); dir != tmp && strings.HasPrefix(dir, tmp); dir = filepath.Dir(dir) {
			if os.Remove(dir) != nil { // not empty
				break
			}
		}
	}
	return nil
}

// keepSpare moves the old site, now at old, into the cache as the next
// build's spare; it removes it where it cannot.
func keepSpare(old, spare string) {
	if _, err := os.Lstat(old); err != nil {
		return
	}
	if spare != "" {
		_ = os.RemoveAll(spare)
		if os.MkdirAll(filepath.Dir(spare), 0o755) == nil && os.Rename(old, spare) == nil {
			return
		}
	}
	_ = os.RemoveAll(old)
}

// sameFile reports whether a and b are the same file (hard links of one
// inode), neither being a symbolic link.
func sameFile(a, b string) bool {
	fa, err1 := os.Lstat(a)
	fb, err2 := os.Lstat(b)
	return err1 == nil && err2 == nil && fa.Mode().IsRegular() && os.SameFile(fa, fb)
}
