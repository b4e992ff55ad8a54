package build

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"os"
	"runtime"
	"sync"
)

// spool keeps byte strings that a build needs again later, but not
// soon, in one temporary file, by key: rendered bodies (for /print/ and
// the body's own page) and the Markdown of every parsed page (for its
// render). Memory holds only where each one is. It is safe for
// concurrent use.
//
// Where the system allows it (not on Windows), the file is removed as
// soon as it is made and lives on only while it is open: nothing is left
// behind by a process that is killed, or by a Builder that is dropped
// without Close (the file closes when the spool is collected).
type spool struct {
	mu      sync.Mutex
	file    *os.File
	removed bool
	end     int64
	at      map[[sha256.Size]byte][2]int64 // offset, length
	err     error                          // the first write that failed: nothing more is kept
}

func newSpool() *spool { return &spool{at: map[[sha256.Size]byte][2]int64{}} }

// put keeps b under key, once, and reports whether the spool holds it.
func (s *spool) put(key [sha256.Size]byte, b []byte) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.at[key]; ok {
		return true
	}
	if s.err != nil {
		return false
	}
	if s.file == nil {
		if s.file, s.err = os.CreateTemp("", "dossier-spool-*"); s.err != nil {
			return false
		}
		s.removed = runtime.GOOS != "windows" && os.Remove(s.file.Name()) == nil
	}
	if _, err := s.file.WriteAt(b, s.end); err != nil {
		s.err = err
		return false
	}
	s.at[key] = [2]int64{s.end, int64(len(b))}
	s.end += int64(len(b))
	return true
}

// get returns a new copy of the bytes kept under key.
func (s *spool) get(key [sha256.Size]byte) ([]byte, bool, error) {
	s.mu.Lock()
	at, ok := s.at[key]
	f := s.file
	s.mu.Unlock()
	if !ok {
		return nil, false, nil
	}
	b := make([]byte, at[1])
	if _, err := f.ReadAt(b, at[0]); err != nil {
		return nil, true, fmt.Errorf("reading back what the build set aside in %s: %w", f.Name(), err)
	}
	return b, true, nil
}

// close removes the file while it still has a name (on Windows), and
// empties the spool. A file without a name is left open: it takes no
// name on disk, a preview's pages made on request after Close may still
// read it, and it closes when the spool is collected.
func (s *spool) close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.file == nil || s.removed {
		return nil
	}
	err := errors.Join(s.file.Close(), os.Remove(s.file.Name()))
	s.file, s.end, s.err = nil, 0, nil
	clear(s.at)
	return err
}
