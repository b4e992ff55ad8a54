package eject

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
)

// Result says what Eject or Mark did with each file.
type Result struct {
	// Done lists the files written (Eject) or recorded (Mark).
	Done []string
	// Skipped lists the files that Eject left alone because the dossier
	// has them already, or that Mark could not record because it has not.
	Skipped []string
}

// Eject copies the built-in files names (paths from Resolve) out of
// defaults into the dossier at root, and records where each came from
// (version is the running dossier's). It never replaces a file: one the
// dossier has already is skipped.
func Eject(root *os.Root, defaults fs.FS, names []string, version string) (Result, error) {
	rec, err := LoadRecord(root.FS())
	if err != nil {
		return Result{}, fmt.Errorf("%s: %w (fix or delete it first)", RecordFile, err)
	}
	var res Result
	for _, name := range names {
		data, err := fs.ReadFile(defaults, name)
		if err == nil {
			err = WriteNew(root, name, data)
		}
		if errors.Is(err, fs.ErrExist) {
			res.Skipped = append(res.Skipped, name)
			continue
		}
		if err != nil {
			return res, errors.Join(err, saveIf(rec, root, res.Done))
		}
		rec.Files[name] = Source{SHA256: hashOf(data), Version: version}
		res.Done = append(res.Done, name)
	}
	return res, saveIf(rec, root, res.Done)
}

// Mark records the dossier's copies of names as taken from the built-in
// files of this version: up to date, once the changes wanted from the
// built-in files are merged. Files the dossier does not have are skipped.
func Mark(root *os.Root, defaults fs.FS, names []string, version string) (Result, error) {
	rec, err := LoadRecord(root.FS())
	if err != nil {
		return Result{}, fmt.Errorf("%s: %w (fix or delete it first)", RecordFile, err)
	}
	var res Result
	for _, name := range names {
		data, err := fs.ReadFile(defaults, name)
		if err != nil {
			return res, err
		}
		if _, err := root.Stat(name); err != nil {
			res.Skipped = append(res.Skipped, name)
			continue
		}
		rec.Files[name] = Source{SHA256: hashOf(data), Version: version}
		res.Done = append(res.Done, name)
	}
	return res, saveIf(rec, root, res.Done)
}

// saveIf saves the record when files were added to it.
func saveIf(rec Record, root *os.Root, done []string) error {
	if len(done) == 0 {
		return nil
	}
	return rec.save(root)
}

// WriteNew creates name (a slash path) under root, with its folders, and writes data;
// an existing file is an fs.ErrExist error and is left as it was.
func WriteNew(root *os.Root, name string, data []byte) error {
	if err := root.MkdirAll(path.Dir(name), 0o755); err != nil {
		return err
	}
	f, err := root.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
