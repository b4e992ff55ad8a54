package highlight

import (
	"bufio"
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sync"
)

// diskCache keeps highlighted blocks in one pack file in its folder. The
// pack is read whole on the first lookup and written whole, atomically (a
// temporary file renamed into place), by Save: one file per build rather
// than one per block, because creating thousands of small files cost a
// cold build of 10,000 briefs more than highlighting them did.
//
// Each entry of the pack is its key, its age, the length and bytes of its
// HTML, and the SHA-256 of all of these. Reading stops at the first entry
// whose checksum fails (a torn or damaged pack): the entries before it
// are used, that one and the rest are highlighted again. An entry's age
// counts the saves since a build last used it; the oldest are dropped
// when the pack would pass maxPackBytes.
type diskCache struct {
	path string

	once   sync.Once
	mu     sync.Mutex
	loaded map[[sha256.Size]byte]packed // from the pack, not yet used
	fresh  bool                         // an entry was added since the last save
}

type packed struct {
	html string
	age  uint8
}

// packMagic opens a pack; the number is its format.
const packMagic = "dossier-highlight-pack 1\n"

// maxPackBytes bounds the HTML a pack keeps.
const maxPackBytes = 128 << 20

func newDiskCache(dir string) *diskCache {
	return &diskCache{path: filepath.Join(dir, "blocks.pack")}
}

// take returns and forgets the pack's entry for key, whose checksum held.
func (c *diskCache) take(key [sha256.Size]byte) (string, bool) {
	c.once.Do(c.load)
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.loaded[key]
	delete(c.loaded, key)
	return e.html, ok
}

// needsSave reports whether an entry was highlighted since the last save.
func (c *diskCache) needsSave() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.fresh
}

// added notes that an entry was highlighted afresh.
func (c *diskCache) added() {
	c.mu.Lock()
	c.fresh = true
	c.mu.Unlock()
}

func (c *diskCache) load() {
	c.loaded = map[[sha256.Size]byte]packed{}
	f, err := os.Open(c.path)
	if err != nil {
		return
	}
	defer f.Close()
	r := bufio.NewReaderSize(f, 1<<20)
	head := make([]byte, len(packMagic))
	if _, err := io.ReadFull(r, head); err != nil || string(head) != packMagic {
		return
	}
	for {
		key, e, err := readEntry(r)
		if err != nil {
			return
		}
		c.loaded[key] = e
	}
}

// entryHead is an entry's key, age and HTML length.
const entryHead = sha256.Size + 1 + 4

func readEntry(r io.Reader) ([sha256.Size]byte, packed, error) {
	var head [entryHead]byte
	if _, err := io.ReadFull(r, head[:]); err != nil {
		return [sha256.Size]byte{}, packed{}, err
	}
	n := binary.BigEndian.Uint32(head[sha256.Size+1:])
	if n > maxPackBytes {
		return [sha256.Size]byte{}, packed{}, errors.New("entry too long")
	}
	rest := make([]byte, int(n)+sha256.Size)
	if _, err := io.ReadFull(r, rest); err != nil {
		return [sha256.Size]byte{}, packed{}, err
	}
	body, sum := rest[:n], rest[n:]
	h := sha256.New()
	h.Write(head[:])
	h.Write(body)
	if !bytes.Equal(h.Sum(nil), sum) {
		return [sha256.Size]byte{}, packed{}, errors.New("checksum")
	}
	return [sha256.Size]byte(head[:sha256.Size]), packed{html: string(body), age: head[sha256.Size]}, nil
}

func writeEntry(w io.Writer, key [sha256.Size]byte, e packed) error {
	var head [entryHead]byte
	copy(head[:], key[:])
	head[sha256.Size] = e.age
	binary.BigEndian.PutUint32(head[sha256.Size+1:], uint32(len(e.html)))
	h := sha256.New()
	h.Write(head[:])
	h.Write([]byte(e.html))
	for _, part := range [][]byte{head[:], []byte(e.html), h.Sum(nil)} {
		if _, err := w.Write(part); err != nil {
			return err
		}
	}
	return nil
}

// save writes the pack: the blocks in use (age 0) and the pack's others,
// a save older, youngest first within maxPackBytes. It writes nothing
// when no block was added since the last save.
func (c *diskCache) save(inUse map[[sha256.Size]byte]string) {
	c.once.Do(c.load)
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.fresh {
		return
	}
	type keyed struct {
		key [sha256.Size]byte
		packed
	}
	all := make([]keyed, 0, len(inUse)+len(c.loaded))
	for k, html := range inUse {
		all = append(all, keyed{k, packed{html: html}})
	}
	for k, e := range c.loaded {
		if _, ok := inUse[k]; !ok && e.age < 255 {
			all = append(all, keyed{k, packed{html: e.html, age: e.age + 1}})
		}
	}
	slices.SortFunc(all, func(a, b keyed) int { return cmp.Or(cmp.Compare(a.age, b.age), bytes.Compare(a.key[:], b.key[:])) })
	if err := os.MkdirAll(filepath.Dir(c.path), 0o755); err != nil {
		return
	}
	f, err := os.CreateTemp(filepath.Dir(c.path), ".blocks-*")
	if err != nil {
		return
	}
	defer os.Remove(f.Name())
	w := bufio.NewWriterSize(f, 1<<20)
	_, err = w.WriteString(packMagic)
	total := 0
	for _, e := range all {
		if total += len(e.html); err != nil || total > maxPackBytes {
			break
		}
		err = writeEntry(w, e.key, e.packed)
	}
	if err == nil {
		err = w.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil && os.Rename(f.Name(), c.path) == nil {
		c.fresh = false
		removeLegacy(filepath.Dir(c.path))
	}
}

// removeLegacy removes the one-file-per-block cache of earlier versions:
// the folders named by two hex digits beside the pack.
func removeLegacy(dir string) {
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if n := e.Name(); e.IsDir() && len(n) == 2 && isHex(n[0]) && isHex(n[1]) {
			_ = os.RemoveAll(filepath.Join(dir, n))
		}
	}
}

func isHex(c byte) bool { return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' }
