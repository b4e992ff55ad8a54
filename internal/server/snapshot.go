package server

import (
	"crypto/sha256"
	"strings"
)

// snapshot is one good build, in memory. It is never modified.
type snapshot struct {
	files  map[string][]byte
	hashes map[string][sha256.Size]byte
}

func newSnapshot(files map[string][]byte) *snapshot {
	s := &snapshot{files: files, hashes: make(map[string][sha256.Size]byte, len(files))}
	for name, b := range files {
		s.hashes[name] = sha256.Sum256(b)
	}
	return s
}

// change returns the event that going from s to next calls for: none when
// no file changed, css when only .css files changed (or appeared, or
// went), reload otherwise.
func (s *snapshot) change(next *snapshot) eventKind {
	kind := evNone
	note := func(name string) {
		if !strings.HasSuffix(name, ".css") {
			kind = evReload
		} else if kind == evNone {
			kind = evCSS
		}
	}
	for name, h := range next.hashes {
		if old, ok := s.hashes[name]; !ok || old != h {
			note(name)
		}
	}
	for name := range s.hashes {
		if _, ok := next.hashes[name]; !ok {
			note(name)
		}
	}
	return kind
}

// get returns the file at name and whether it exists.
func (s *snapshot) get(name string) ([]byte, bool) {
	b, ok := s.files[name]
	return b, ok
}
