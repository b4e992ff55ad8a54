//go:build !unix

package build

// lockFolder does nothing on systems without flock: two builds of the
// same site at once may then remove each other's temporary folder.
func lockFolder(path string) (unlock func(), err error) { return func() {}, nil }
