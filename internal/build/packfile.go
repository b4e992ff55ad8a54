package build

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"io"
	"os"
	"path/filepath"
)

// A pack file is what the parse pack and the memo pack are written as: a
// gob stream followed by the SHA-256 of its bytes, written to a temporary
// file and renamed into place. A pack whose checksum fails (torn, damaged)
// is not read at all, so a bit flipped on disk can cost a cache its
// reuse, never put a wrong page on the site. Hashes in packs are []byte,
// not [32]byte: gob decodes an array element by element.

// writePackFile writes a pack at path with encode's values. Failing to
// write only costs the next process its reuse.
func writePackFile(path string, encode func(*gob.Encoder) error) {
	if path == "" || os.MkdirAll(filepath.Dir(path), 0o755) != nil {
		return
	}
	f, err := os.CreateTemp(filepath.Dir(path), ".pack-*")
	if err != nil {
		return
	}
	defer os.Remove(f.Name())
	sum := sha256.New()
	w := bufio.NewWriterSize(io.MultiWriter(f, sum), 1<<20)
	err = encode(gob.NewEncoder(w))
	if err == nil {
		err = w.Flush()
	}
	if err == nil {
		_, err = f.Write(sum.Sum(nil))
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		_ = os.Rename(f.Name(), path)
	}
}

// readPackFile returns a decoder over the pack at path when its checksum
// holds.
func readPackFile(path string) (*gob.Decoder, bool) {
	if path == "" {
		return nil, false
	}
	data, err := os.ReadFile(path)
	if err != nil || len(data) < sha256.Size {
		return nil, false
	}
	body, sum := data[:len(data)-sha256.Size], data[len(data)-sha256.Size:]
	if got := sha256.Sum256(body); !bytes.Equal(got[:], sum) {
		return nil, false
	}
	return gob.NewDecoder(bytes.NewReader(body)), true
}
