// Package spool keeps byte strings that a process needs again later,
// but not soon, in one temporary file, by key, so that memory holds only
// where each one is: the Markdown of every parsed page until it is
// rendered, rendered bodies (for /print/ and the body's own page) and
// highlighted code blocks (across a preview's rebuilds and until the
// highlight cache is saved).
//
// Where the system allows it (not on Windows), the file is removed as
// soon as it is made and lives on only while it is open: nothing is left
// behind by a process that is killed, or by a spool dropped without
// Close (the file closes when the spool is collected). A Spool is safe
// for concurrent use.
package spool

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"os"
	"runtime"
	"sync"
)

// Key names what a spool keeps: the SHA-256 of what it was made from.
type Key = [sha256.Size]byte

// Spool is one temporary file and where each byte string is in it.
type Spool struct {
	mu      sync.Mutex
	file    *os.File
	removed bool
	end     int64
	at      map[Key][2]int64 // offset, length
	err     error            // the first write that failed: nothing more is kept
}

// New returns an empty spool; its file is made on the first Put.
func New() *Spool { return &Spool{at: map[Key][2]int64{}} }

// Put keeps under key the bytes of parts, one after the other, once, and
// reports whether the spool holds them: false when the file could not be
// made or written (then it keeps nothing more, and the caller keeps the
// bytes itself).
func (s *Spool) Put(key Key, parts ...[]byte) bool {
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
	start := s.end
	for _, b := range parts {
		if _, err := s.file.WriteAt(b, s.end); err != nil {
			s.err = err
			return false
		}
		s.end += int64(len(b))
	}
	s.at[key] = [2]int64{start, s.end - start}
	return true
}

// Get returns a new copy of the bytes kept under key; ok is false when
// none are.
func (s *Spool) Get(key Key) (b []byte, ok bool, err error) {
	return s.GetRange(key, 0, -1)
}

// GetRange returns a new copy of n bytes from offset off of those kept
// under key (n < 0: all from off on); ok is false when none are kept.
// A range that passes their end is an error.
func (s *Spool) GetRange(key Key, off, n int) (b []byte, ok bool, err error) {
	s.mu.Lock()
	at, ok := s.at[key]
	f := s.file
	s.mu.Unlock()
	if !ok {
		return nil, false, nil
	}
	if n < 0 {
		n = int(at[1]) - off
	}
	if off < 0 || n < 0 || int64(off+n) > at[1] {
		return nil, true, fmt.Errorf("bytes %d to %d of %d were asked of the spool", off, off+n, at[1])
	}
	b = make([]byte, n)
	if _, err := f.ReadAt(b, at[0]+int64(off)); err != nil {
		return nil, true, fmt.Errorf("reading back what was set aside in %s: %w", f.Name(), err)
	}
	return b, true, nil
}

// Forget drops key; its bytes stay in the file, unreachable, until Close.
func (s *Spool) Forget(key Key) {
	s.mu.Lock()
	delete(s.at, key)
	s.mu.Unlock()
}

// Keys returns the keys the spool holds, in no order.
func (s *Spool) Keys() []Key {
	s.mu.Lock()
	defer s.mu.Unlock()
	keys := make([]Key, 0, len(s.at))
	for k := range s.at {
		keys = append(keys, k)
	}
	return keys
}

// Close removes the file, and empties the spool, where the file still
// has a name (on Windows). A file without a name is left open: it takes
// no name on disk, a preview's pages made on request after Close may
// still read it, and it closes when the spool is collected.
func (s *Spool) Close() error {
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
