//go:build !linux

package build

import (
	"errors"
	"os"
)

// swap puts the folder tmp where out is. Systems other than Linux have no
// exchange that this package uses, so it swaps by steps (swapBySteps):
// for a moment there is no site folder. When out does not exist, tmp is
// renamed to it.
func swap(tmp, out string) error {
	if _, err := os.Lstat(out); errors.Is(err, os.ErrNotExist) {
		return os.Rename(tmp, out)
	}
	return swapBySteps(tmp, out)
}
