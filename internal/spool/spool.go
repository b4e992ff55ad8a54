// Package spool keeps byte strings that a process needs again later,
// but not soon, in one temporary file, by key, so that memory holds only
// where each one is: the Markdown and plain text of every parsed page,
// rendered bodies (for /print/ and the body's own page) and highlighted
// code blocks (across a preview's rebuilds and until the highlight cache
// is saved).
//
// Where the system allows it (not on Windows), the file is removed as
// soon as it is made and lives on only while it is open: nothing is left
// behind by a process that is killed, or by a spool dropped without
// Close (the file closes when the spool is collected).
//
// A long preview session replaces what it keeps again and again, so a
// spool is told what it no longer needs (Forget, Retain), and Compact
// copies what it still holds into a new file once the forgotten bytes
// outweigh it: the file stays within about twice what the spool holds.
// (On Windows the old files, which keep their names, are removed only by
// Close.) Compact copies under the spool's lock: reads wait for it. A
// Spool is safe for concurrent use.
package spool

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"os"
	"runtime"
	"sync"
)

// Key names what a spool keeps: the SHA-256 of what it was made from.
type Key = [sha256.Size]byte

// minCompact is the least forgotten room worth a Compact.
const minCompact = 4 << 20

// flushAt is how many bytes Put gathers before it writes them: one write
// per page would cost a build of 1,000 briefs thousands of system calls.
const flushAt = 256 << 10

// Spool is one temporary file and where each byte string is in it.
type Spool struct {
	mu      sync.Mutex
	file    *os.File
	removed bool             // the file has no name
	end     int64            // the end of what is kept: the file's, then pending's
	pending []byte           // the last bytes put, from offset end-len(pending), not yet written
	dead    int64            // bytes of the file that hold forgotten entries
	at      map[Key][2]int64 // offset, length
	err     error            // the first write that failed: nothing more is kept
	// named are files left by Compact that still have a name (Windows),
	// removed by Close: a reader may still be reading one.
	named []*os.File
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
		if s.file, s.removed, s.err = create(); s.err != nil {
			return false
		}
	}
	start := s.end
	for _, b := range parts {
		s.pending = append(s.pending, b...)
		s.end += int64(len(b))
	}
	s.at[key] = [2]int64{start, s.end - start}
	if len(s.pending) >= flushAt {
		s.flush()
	}
	return true
}

// flush writes the pending bytes, and reports whether it could. When it
// cannot, they stay pending, read from memory, and the spool takes
// nothing more.
func (s *Spool) flush() bool {
	if len(s.pending) == 0 || s.err != nil {
		return s.err == nil
	}
	if _, err := s.file.WriteAt(s.pending, s.end-int64(len(s.pending))); err != nil {
		s.err = err
		return false
	}
	s.pending = s.pending[:0]
	if cap(s.pending) > 2*flushAt { // one large entry: do not keep its room
		s.pending = nil
	}
	return true
}

// create makes a temporary file, and removes its name where it can.
func create() (f *os.File, removed bool, err error) {
	if f, err = os.CreateTemp("", "dossier-spool-*"); err != nil {
		return nil, false, err
	}
	return f, runtime.GOOS != "windows" && os.Remove(f.Name()) == nil, nil
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
	if n < 0 {
		n = int(at[1]) - off
	}
	if ok && (off < 0 || n < 0 || int64(off+n) > at[1]) {
		s.mu.Unlock()
		return nil, true, fmt.Errorf("bytes %d to %d of %d were asked of the spool", off, off+n, at[1])
	}
	if from := s.end - int64(len(s.pending)); ok && at[0] >= from { // not yet written
		b = bytes.Clone(s.pending[at[0]-from+int64(off) : at[0]-from+int64(off+n)])
		s.mu.Unlock()
		return b, true, nil
	}
	s.mu.Unlock()
	if !ok {
		return nil, false, nil
	}
	b = make([]byte, n)
	if _, err := f.ReadAt(b, at[0]+int64(off)); err != nil {
		return nil, true, fmt.Errorf("reading back what was set aside in %s: %w", f.Name(), err)
	}
	return b, true, nil
}

// Forget drops key; its bytes stay in the file until a Compact.
func (s *Spool) Forget(key Key) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.forget(key)
}

func (s *Spool) forget(key Key) {
	if at, ok := s.at[key]; ok {
		s.dead += at[1]
		delete(s.at, key)
	}
}

// Retain forgets every key that keep does not report as still needed.
func (s *Spool) Retain(keep func(Key) bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for k := range s.at {
		if !keep(k) {
			s.forget(k)
		}
	}
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

// Compact copies what the spool holds into a new file when the file is
// more than half forgotten bytes (and those are worth it), and reports
// whether it did. A reader that took the old file finishes reading it:
// an old file without a name closes when the last reader lets it go; one
// with a name is removed by Close. A Compact that fails leaves the spool
// as it was.
func (s *Spool) Compact() (bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.file == nil || s.dead < minCompact || s.dead*2 <= s.end {
		return false, nil
	}
	if !s.flush() {
		return false, s.err
	}
	f, removed, err := create()
	if err != nil {
		return false, err
	}
	at := make(map[Key][2]int64, len(s.at))
	var end int64
	var buf []byte
	for k, a := range s.at {
		if int64(cap(buf)) < a[1] {
			buf = make([]byte, a[1])
		}
		buf = buf[:a[1]]
		if _, err = s.file.ReadAt(buf, a[0]); err == nil {
			_, err = f.WriteAt(buf, end)
		}
		if err != nil {
			discard(f, removed)
			return false, err
		}
		at[k] = [2]int64{end, a[1]}
		end += a[1]
	}
	if !s.removed {
		s.named = append(s.named, s.file)
	}
	s.file, s.removed, s.at, s.end, s.dead = f, removed, at, end, 0
	return true, nil
}

// discard closes f, and removes it when it has a name.
func discard(f *os.File, removed bool) error {
	err := f.Close()
	if !removed {
		err = errors.Join(err, os.Remove(f.Name()))
	}
	return err
}

// Close removes the spool's files that still have a name (on Windows),
// and then that spool is empty. A file without a name is left open, with
// what the spool holds: it takes no name on disk, a preview's pages made
// on request after Close may still read it, and it closes when the spool
// is collected.
func (s *Spool) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	var err error
	for _, f := range s.named {
		err = errors.Join(err, discard(f, false))
	}
	s.named = nil
	if s.file == nil || s.removed {
		return err
	}
	err = errors.Join(err, discard(s.file, false))
	s.file, s.end, s.dead, s.err, s.pending = nil, 0, 0, nil, nil
	clear(s.at)
	return err
}
