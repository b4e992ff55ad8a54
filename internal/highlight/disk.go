package highlight

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
)

// diskCache keeps highlighted blocks in a folder, one file per key.
type diskCache struct {
	dir string
}

// magic opens every entry; the hex SHA-256 of the HTML follows on the same
// line, then the HTML.
const magic = "dossier-highlight 1 "

func (c *diskCache) path(key [sha256.Size]byte) string {
	name := hex.EncodeToString(key[:])
	return filepath.Join(c.dir, name[:2], name)
}

// get returns the entry for key when it exists and its checksum holds.
func (c *diskCache) get(key [sha256.Size]byte) (string, bool) {
	data, err := os.ReadFile(c.path(key))
	if err != nil {
		return "", false
	}
	return decode(data)
}

// decode checks an entry and returns its HTML.
func decode(data []byte) (string, bool) {
	rest, ok := bytes.CutPrefix(data, []byte(magic))
	if !ok || len(rest) < 2*sha256.Size+1 || rest[2*sha256.Size] != '\n' {
		return "", false
	}
	body := rest[2*sha256.Size+1:]
	sum := sha256.Sum256(body)
	if hex.EncodeToString(sum[:]) != string(rest[:2*sha256.Size]) {
		return "", false
	}
	return string(body), true
}

// put writes an entry atomically (a temporary file renamed into place),
// so a reader never sees half of one. Failures are ignored: the cache is
// an optimisation.
func (c *diskCache) put(key [sha256.Size]byte, html string) {
	p := c.path(key)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return
	}
	f, err := os.CreateTemp(filepath.Dir(p), ".tmp-*")
	if err != nil {
		return
	}
	sum := sha256.Sum256([]byte(html))
	_, err = f.WriteString(magic + hex.EncodeToString(sum[:]) + "\n" + html)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), p)
	}
	if err != nil {
		os.Remove(f.Name())
	}
}
