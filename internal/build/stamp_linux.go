package build

import (
	"io/fs"
	"syscall"
)

// stampOf is what stat says of a dossier's file: its size, times of
// modification and of change, and inode. The change time (ctime) moves on
// every write, and no program can set it back, as it can the
// modification time; a file replaced by a rename has another inode.
func stampOf(fi fs.FileInfo) (inputStamp, bool) {
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok || !fi.Mode().IsRegular() {
		return inputStamp{}, false
	}
	return inputStamp{Size: st.Size, MTime: st.Mtim.Nano(), CTime: st.Ctim.Nano(), Ino: st.Ino, Dev: uint64(st.Dev)}, true
}
