package build

import (
	"os"
	"path/filepath"
	"strings"
)

// swapBySteps swaps the folders tmp and out with renames, for systems
// without an atomic exchange: out is moved aside to an ".old-" name, tmp
// into its place, and the old site to tmp's name. Between the first two
// renames there is no out; if the second fails the old site is put back,
// and if the build is killed there, the next build puts it back (see
// recoverOld).
func swapBySteps(tmp, out string) error {
	parent, name := filepath.Split(out)
	old := filepath.Join(parent, "."+name+".old-"+strings.TrimPrefix(filepath.Base(tmp), "."+name+".new-"))
	if err := os.Rename(out, old); err != nil {
		return err
	}
	if err := os.Rename(tmp, out); err != nil {
		_ = os.Rename(old, out)
		return err
	}
	return os.Rename(old, tmp)
}

// recoverOld puts back a site that a build killed in the middle of
// swapBySteps left aside: when out is gone and an ".old-" folder is
// there, it is the last complete site.
func recoverOld(parent, name string) {
	out := filepath.Join(parent, name)
	if _, err := os.Lstat(out); !os.IsNotExist(err) {
		return
	}
	entries, _ := os.ReadDir(parent)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), "."+name+".old-") {
			_ = os.Rename(filepath.Join(parent, e.Name()), out)
			return
		}
	}
}
