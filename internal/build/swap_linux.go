package build

import (
	"errors"
	"os"

	"golang.org/x/sys/unix"
)

// swap puts the folder tmp where out is, in one step: on Linux the two
// are exchanged with renameat2(RENAME_EXCHANGE), so out is at every
// instant either the old site or the new one, whole; tmp then holds the
// old site. When out does not exist, tmp is renamed to it. On a file
// system without RENAME_EXCHANGE it falls back to swapBySteps.
func swap(tmp, out string) error {
	if _, err := os.Lstat(out); errors.Is(err, os.ErrNotExist) {
		return os.Rename(tmp, out)
	}
	err := unix.Renameat2(unix.AT_FDCWD, tmp, unix.AT_FDCWD, out, unix.RENAME_EXCHANGE)
	if errors.Is(err, unix.ENOSYS) || errors.Is(err, unix.EINVAL) || errors.Is(err, unix.ENOTSUP) {
		return swapBySteps(tmp, out)
	}
	if err != nil {
		return &os.LinkError{Op: "renameat2", Old: tmp, New: out, Err: err}
	}
	return nil
}
