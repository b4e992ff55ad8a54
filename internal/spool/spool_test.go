package spool

import (
	"bytes"
	"crypto/sha256"
	"os"
	"runtime"
	"testing"
)

// TestSpool: what is put comes back, as a copy, under its key and no
// other. Where the system allows it, the file has no name in the
// temporary folder, so a killed build leaves nothing, and what was put
// stays readable after close, for a preview's pages made on request.
func TestSpool(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	s := New()
	one, two := sha256.Sum256([]byte("one")), sha256.Sum256([]byte("two"))
	if !s.Put(one, []byte("first body")) || !s.Put(two, []byte("second")) || !s.Put(one, []byte("ignored")) {
		t.Fatal("put refused")
	}
	got, ok, err := s.Get(one)
	if string(got) != "first body" || !ok || err != nil {
		t.Fatalf("get(one) = %q, %v, %v", got, ok, err)
	}
	got[0] = 'X'
	if again, _, _ := s.Get(one); string(again) != "first body" {
		t.Errorf("get shares its bytes: %q", again)
	}
	if _, ok, _ := s.Get(sha256.Sum256([]byte("three"))); ok {
		t.Error("get found a key never put")
	}
	if !s.Put(sha256.Sum256([]byte("parts")), []byte("text|"), nil, []byte("markdown")) {
		t.Fatal("put refused parts")
	}
	for _, r := range []struct {
		off, n int
		want   string
	}{{0, 5, "text|"}, {5, -1, "markdown"}, {0, -1, "text|markdown"}, {13, 0, ""}} {
		if got, ok, err := s.GetRange(sha256.Sum256([]byte("parts")), r.off, r.n); string(got) != r.want || !ok || err != nil {
			t.Errorf("GetRange(%d, %d) = %q, %v, %v; want %q", r.off, r.n, got, ok, err, r.want)
		}
	}
	if _, ok, err := s.GetRange(sha256.Sum256([]byte("parts")), 10, 4); !ok || err == nil {
		t.Error("a range past the end was read")
	}
	s.Forget(sha256.Sum256([]byte("parts")))
	s.Forget(one)
	if _, ok, _ := s.Get(one); ok || len(s.Keys()) != 1 || s.Keys()[0] != two {
		t.Errorf("after Forget(one): Get(one) found it, or Keys() = %x", s.Keys())
	}
	named, _ := os.ReadDir(tmp)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	left, _ := os.ReadDir(tmp)
	if len(left) != 0 {
		t.Errorf("the temporary folder still holds %v after close", left)
	}
	if runtime.GOOS == "windows" {
		return
	}
	if len(named) != 0 {
		t.Errorf("the spool has a name in the temporary folder: %v", named)
	}
	if got, ok, err := s.Get(two); string(got) != "second" || !ok || err != nil {
		t.Errorf("after close, get(two) = %q, %v, %v", got, ok, err)
	}
}

// TestCompact: once forgotten bytes outweigh what the spool holds, Compact
// moves what it holds to a new file, every key reads back the same, a
// reader that took the old file still reads it, and Retain forgets what
// is not kept.
func TestCompact(t *testing.T) {
	s := New()
	key := func(i int) Key { return sha256.Sum256([]byte{byte(i)}) }
	block := func(i int) []byte { return bytes.Repeat([]byte{byte('a' + i)}, 2<<20) }
	for i := range 4 {
		if !s.Put(key(i), block(i)) {
			t.Fatal("put refused")
		}
	}
	if did, err := s.Compact(); did || err != nil {
		t.Fatalf("Compact with nothing forgotten = %v, %v", did, err)
	}
	s.Forget(key(0))
	s.Retain(func(k Key) bool { return k != key(1) && k != key(2) })
	s.mu.Lock()
	old, dead := s.file, s.dead
	s.mu.Unlock()
	if dead != 6<<20 || len(s.Keys()) != 1 {
		t.Fatalf("after Forget and Retain: %d bytes forgotten, %d keys", dead, len(s.Keys()))
	}
	if did, err := s.Compact(); !did || err != nil {
		t.Fatalf("Compact = %v, %v", did, err)
	}
	for i := 3; i < 4; i++ {
		if got, ok, err := s.Get(key(i)); !ok || err != nil || !bytes.Equal(got, block(i)) {
			t.Errorf("after Compact, key %d reads %d bytes, %v, %v", i, len(got), ok, err)
		}
	}
	s.mu.Lock()
	end, file := s.end, s.file
	s.mu.Unlock()
	if end != 2<<20 || file == old {
		t.Errorf("after Compact the file holds %d bytes (want %d), new file: %v", end, 2<<20, file != old)
	}
	if b := make([]byte, 3); runtime.GOOS != "windows" {
		if _, err := old.ReadAt(b, 0); err != nil || string(b) != "aaa" {
			t.Errorf("the old file no longer reads: %q, %v", b, err)
		}
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
}
