//go:build unix

package build

import (
	"os"
	"syscall"
)

// lockFolder takes an exclusive lock on the file at path (created if
// needed), waiting for another build of the same site to finish. The lock
// goes with the process, so a killed build holds none.
func lockFolder(path string) (unlock func(), err error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
		f.Close()
		return nil, err
	}
	return func() { f.Close() }, nil
}
