package build

// Builds from the same files. What dossier build makes is a function of
// the files it reads (dossier.yaml, and every file under content/,
// templates/ and static/ as the dossier shows them over the built-in
// ones), the dates of change (git, SOURCE_DATE_EPOCH), its options and
// its binary. The site folder's manifest records the key of all these
// for the build that made it, with what that build reported (warnings,
// drafts left out). A build whose key is the same, into a site folder
// whose files are all as the manifest describes, keeps every file and
// reports what that build did, without parsing a page: "nothing changed"
// costs reading and hashing the files. Any file that cannot be read, or
// is larger than a content file may be, makes a build as usual, which
// reports it.

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"

	"github.com/dossier-project/dossier/internal/config"
	"github.com/dossier-project/dossier/internal/content"
	"github.com/dossier-project/dossier/internal/diag"
	"github.com/dossier-project/dossier/internal/layout"
)

// sameInputs keeps the whole site when the build that made it read the
// same files: see above. It reports whether it did.
func (b *Builder) sameInputs(fsys fs.FS, dest *Dest, cfg *config.Config) (*Result, diag.List, bool) {
	if dest.mode != siteDir || b.opts.CacheDir == "" {
		return nil, nil, false
	}
	if _, err := dest.begin(b.binary(dest)); err != nil {
		return nil, nil, false
	}
	key, ok := b.inputsKey(fsys, cfg)
	if !ok {
		return nil, nil, false
	}
	r, ok := dest.keepSameInputs(key)
	if !ok {
		return nil, nil, false
	}
	res, diags := b.commit(dest, r.Outputs, r.Diags)
	if res == nil {
		return nil, diags, true
	}
	res.Config, res.DraftsLeftOut, res.KeptAll = cfg, r.Drafts, true
	return res, diags, true
}

// inputsKey hashes every file a build may read, the dates and the
// options; false when a file cannot be read or is too large.
func (b *Builder) inputsKey(fsys fs.FS, cfg *config.Config) ([sha256.Size]byte, bool) {
	h := sha256.New()
	fmt.Fprintf(h, "dossier inputs\x00preview=%t drafts=%t base=%q\x00", b.opts.Preview, b.opts.Drafts, b.opts.BaseURL)
	max := cfg.Limits().FileBytes
	add := func(p string) error {
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		fmt.Fprintf(h, "%q %x\x00", p, sha256.Sum256(data))
		return nil
	}
	if add(config.File) != nil {
		return [sha256.Size]byte{}, false
	}
	for _, dir := range []string{content.Dir, layout.Dir, "static"} { // every file a build may read
		err := fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
			switch {
			case err != nil:
				return err
			case d.IsDir():
				return nil
			}
			if info, err := d.Info(); err != nil || max > 0 && info.Size() > max {
				return fs.ErrInvalid
			}
			return add(p)
		})
		if err != nil && !(dir != content.Dir && errors.Is(err, fs.ErrNotExist)) {
			return [sha256.Size]byte{}, false
		}
	}
	b.dates.load(b.opts.SourceDir)
	b.dates.writeTo(h)
	return [sha256.Size]byte(h.Sum(nil)), true
}
