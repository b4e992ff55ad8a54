package watch

import (
	"path"
	"strconv"
	"strings"
)

// ignored reports whether a base name is an editor's temporary, swap or
// backup file (see the package documentation for the list).
func ignored(name string) bool {
	switch {
	case name == ".DS_Store",
		strings.HasSuffix(name, "~"),
		strings.HasPrefix(name, ".#"),
		len(name) > 2 && name[0] == '#' && name[len(name)-1] == '#',
		strings.HasPrefix(name, ".goutputstream-"),
		strings.HasSuffix(name, "___jb_tmp___"),
		strings.HasSuffix(name, "___jb_old___"):
		return true
	}
	return isVimSwap(name) || isVimProbe(name) || isTemp(name) || isSedTemp(name)
}

// isVimSwap matches vim's swap files: ".swp", ".swo", ".swx" (which vim
// creates to test a folder), and the hidden ".x.swn" ... ".x.swa" that vim
// falls back to on conflicts (so that static/movie.swf is kept).
func isVimSwap(name string) bool {
	switch ext := path.Ext(name); {
	case ext == ".swp" || ext == ".swo" || ext == ".swx":
		return true
	case len(ext) == 4 && strings.HasPrefix(ext, ".sw"):
		return strings.HasPrefix(name, ".") && 'a' <= ext[3] && ext[3] <= 'p'
	}
	return false
}

// isVimProbe matches the file vim writes to check that it may create files
// in a folder: "4913", or 4913+123k when that name is taken.
func isVimProbe(name string) bool {
	n, err := strconv.Atoi(name)
	return err == nil && n >= 4913 && (n-4913)%123 == 0 && strconv.Itoa(n) == name
}

// isTemp matches "x.tmp" and "x.tmp123" (any case).
func isTemp(name string) bool {
	ext := strings.ToLower(path.Ext(name))
	if !strings.HasPrefix(ext, ".tmp") {
		return false
	}
	return strings.Trim(ext[len(".tmp"):], "0123456789") == ""
}

// isSedTemp matches GNU sed -i's temporary file: "sed" and six letters or
// digits, with no extension.
func isSedTemp(name string) bool {
	if len(name) != 9 || !strings.HasPrefix(name, "sed") {
		return false
	}
	for _, c := range name[3:] {
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9') {
			return false
		}
	}
	return true
}
