package eject

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
)

// RecordFile is the record of ejected files, at the dossier's root.
const RecordFile = ".dossier-eject.json"

// Record says which built-in file each ejected file was copied from.
type Record struct {
	// Comment explains the file to whoever opens it.
	Comment string `json:"comment"`
	// Files maps a copy's path ("templates/brief.html") to its source.
	Files map[string]Source `json:"files"`
}

// Source is the built-in file a copy was taken from.
type Source struct {
	// SHA256 is the hex SHA-256 of the built-in file as copied.
	SHA256 string `json:"sha256"`
	// Version is the dossier version that held it ("(devel)" if unknown).
	Version string `json:"version"`
}

const recordComment = "Written by dossier eject: the built-in file each of these files was copied from " +
	"(its SHA-256 and dossier version), so that dossier check can tell when the built-in file " +
	"has changed since. Keep this file with the dossier."

// LoadRecord reads the record from the dossier (fsys rooted at it). No
// record is an empty one.
func LoadRecord(fsys fs.FS) (Record, error) {
	r := Record{Files: map[string]Source{}}
	data, err := fs.ReadFile(fsys, RecordFile)
	if errors.Is(err, fs.ErrNotExist) {
		return r, nil
	}
	if err != nil {
		return r, err
	}
	if err := json.Unmarshal(data, &r); err != nil {
		return Record{Files: map[string]Source{}}, fmt.Errorf("not a record of ejected files: %v", err)
	}
	if r.Files == nil {
		r.Files = map[string]Source{}
	}
	return r, nil
}

// save writes the record into the dossier.
func (r Record) save(root *os.Root) error {
	r.Comment = recordComment
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(r); err != nil {
		return err
	}
	return root.WriteFile(RecordFile, buf.Bytes(), 0o644)
}

// hashOf is the hex SHA-256 of data.
func hashOf(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}
