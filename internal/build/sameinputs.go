package build

// Builds from the same files. What dossier build makes is a function of
// the files it reads (dossier.yaml, and every file under content/,
// templates/ and static/ as the dossier shows them over the built-in
// ones), the dates of change (git, SOURCE_DATE_EPOCH), its options and
// its binary. The site folder's manifest records the key of all these
// for the build that made it, with what that build reported (warnings,
// drafts left out). A build whose key is the same, into a site folder
// whose files are all as the manifest describes, keeps every file and
// reports what that build did, without parsing a page. Any file that
// cannot be read, or is larger than a content file may be, makes a build
// as usual, which reports it.
//
// "Nothing changed" costs a stat of each file, not a read: the manifest
// also records what stat said of each file when its bytes were hashed
// (its stamp: size, modification and change times, inode), and a file
// whose stamp is the same has the same bytes, as git's index and make
// take it. The change time moves on every write and cannot be set back.
// A file that changed less than settle before the stamps were taken is
// read again all the same: a second write within the file system's clock
// tick would leave the same stamp ("racily clean", in git's words). So
// does every file where stat gives no change time (not Linux). A build
// that finds a file changed after it made the key records no key at all
// (forgetChangedInputs).

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"time"

	"github.com/dossier-project/dossier/internal/config"
	"github.com/dossier-project/dossier/internal/content"
	"github.com/dossier-project/dossier/internal/diag"
	"github.com/dossier-project/dossier/internal/layout"
)

// sameInputs keeps the whole site when the build that made it read the
// same files: see above. It reports whether it did. When the site folder
// records no build to compare with (a first build), nothing is read: the
// content files' sums are taken from the build's own parses when it is
// done (finishInputsKey), so a cold build reads each file once.
func (b *Builder) sameInputs(fsys fs.FS, dest *Dest, cfg *config.Config) (*Result, diag.List, bool) {
	if dest.mode != siteDir || b.opts.CacheDir == "" {
		return nil, nil, false
	}
	if _, err := dest.begin(b.binary(dest)); err != nil {
		return nil, nil, false
	}
	ins, ok := b.listInputs(fsys, cfg, dest.lastStamps(), dest.site.lastReport == nil)
	if !ok {
		return nil, nil, false
	}
	if len(ins.pending) > 0 {
		dest.site.pendingInputs = &ins
		return nil, nil, false
	}
	r, ok := dest.keepSameInputs(b.inputsKey(ins), ins.stamps)
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

// inputs are the files a build may read, in the order their key hashes
// them, with their stamps (and sums, "" where pending).
type inputs struct {
	paths  []string
	sums   map[string]string // by path: the hex SHA-256 of the bytes
	stamps inputStamps
	// pending are the content files whose sums the build's parses give.
	pending []string
	read    int // files read and hashed (of those with a stamp)
}

// listInputs stats every file a build may read and hashes those whose
// stamp is not the one last recorded, settled (see above); false when a
// file cannot be read or is too large. With later, content files are not
// read: they are pending.
func (b *Builder) listInputs(fsys fs.FS, cfg *config.Config, last inputStamps, later bool) (inputs, bool) {
	ins := inputs{sums: map[string]string{}, stamps: inputStamps{At: time.Now().UnixNano(), Files: map[string]inputStamp{}}}
	max := cfg.Limits().FileBytes
	add := func(p string, fi fs.FileInfo) error {
		st, stamped := stampOf(fi)
		old, ok := last.Files[p]
		trusted := stamped && ok && st.same(old, last.At, b.settle)
		switch {
		case trusted:
			st.Sum = old.Sum
		case later && strings.HasPrefix(p, content.Dir+"/"):
			ins.pending = append(ins.pending, p)
		default:
			data, err := fs.ReadFile(fsys, p)
			if err != nil {
				return err
			}
			if stamped {
				ins.read++
			}
			sum := sha256.Sum256(data)
			st.Sum = hex.EncodeToString(sum[:])
		}
		if stamped {
			ins.stamps.Files[p] = st
			if !trusted {
				ins.stamps.read++
			}
		}
		ins.paths, ins.sums[p] = append(ins.paths, p), st.Sum
		return nil
	}
	if fi, err := fs.Stat(fsys, config.File); err != nil || add(config.File, fi) != nil {
		return inputs{}, false
	}
	for _, dir := range []string{content.Dir, layout.Dir, "static"} { // every file a build may read
		err := fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
			switch {
			case err != nil:
				return err
			case d.IsDir():
				return nil
			}
			info, err := d.Info()
			if err != nil || max > 0 && info.Size() > max {
				return fs.ErrInvalid
			}
			return add(p, info)
		})
		if err != nil && !(dir != content.Dir && errors.Is(err, fs.ErrNotExist)) {
			return inputs{}, false
		}
	}
	b.inputsRead = ins.read
	return ins, true
}

// inputsKey hashes the inputs (every sum known), the dates and the
// options.
func (b *Builder) inputsKey(ins inputs) [sha256.Size]byte {
	h := sha256.New()
	fmt.Fprintf(h, "dossier inputs\x00preview=%t drafts=%t base=%q\x00", b.opts.Preview, b.opts.Drafts, b.opts.BaseURL)
	for _, p := range ins.paths {
		fmt.Fprintf(h, "%q %s\x00", p, ins.sums[p])
	}
	b.dates.load(b.opts.SourceDir)
	b.dates.writeTo(h)
	return [sha256.Size]byte(h.Sum(nil))
}

// finishInputsKey makes the key of a build whose content files were
// pending (see sameInputs) from the sums of the bytes it parsed: a file
// it did not parse is read now, after its stamp was taken, so a file
// changed meanwhile has a stamp older than its bytes and is read again
// next time. False when a file cannot be read.
func (b *Builder) finishInputsKey(fsys fs.FS, dest *Dest) bool {
	ins := dest.site.pendingInputs
	dest.site.pendingInputs = nil
	for _, p := range ins.pending {
		var sum [sha256.Size]byte
		if f, ok := b.files.files[p]; ok {
			sum = f.sum
		} else if data, err := fs.ReadFile(fsys, p); err == nil {
			sum = sha256.Sum256(data)
		} else {
			return false
		}
		ins.sums[p] = hex.EncodeToString(sum[:])
		if st, ok := ins.stamps.Files[p]; ok {
			st.Sum = ins.sums[p]
			ins.stamps.Files[p] = st
		}
	}
	dest.recordInputs(b.inputsKey(*ins), ins.stamps)
	return true
}

// inputStamp is what stat said of an input file (see above) when its
// bytes had the SHA-256 Sum (hex).
type inputStamp struct {
	Size, MTime, CTime int64 // times in nanoseconds
	Ino, Dev           uint64
	Sum                string
}

// inputStamps are the stamps of a build's inputs, taken from the time At
// on (nanoseconds since 1970).
type inputStamps struct {
	At    int64
	Files map[string]inputStamp
	read  int // stamped files read and hashed rather than taken by their stamp
}

// same reports whether a file now stamped s still has the bytes it had
// when stamped old at the time at: the same stamp, and no change within
// settle before at.
func (s inputStamp) same(old inputStamp, at int64, settle time.Duration) bool {
	cut := at - int64(settle)
	return old.Sum != "" && s.Size == old.Size && s.MTime == old.MTime && s.CTime == old.CTime &&
		s.Ino == old.Ino && s.Dev == old.Dev && s.CTime < cut && s.MTime < cut
}

// forgetChangedInputs drops the inputs key this build will record with
// the site when a file changed after the key was made: the site is made
// from the changed file, and if the file were put back as it was, the
// key would come back and keep a site made from other bytes. A content
// file's bytes are those parsed; the other inputs (settings, templates,
// static files), read later, are stamped again. Without stamps (not
// Linux) nothing is checked.
func (b *Builder) forgetChangedInputs(fsys fs.FS, dest *Dest) {
	if dest.mode != siteDir {
		return
	}
	if dest.site.pendingInputs != nil && !b.finishInputsKey(fsys, dest) {
		return
	}
	for path, st := range dest.site.stamps.Files {
		if p, ok := b.files.files[path]; ok {
			if hex.EncodeToString(p.sum[:]) == st.Sum {
				continue
			}
		} else if fi, err := fs.Stat(fsys, path); err == nil {
			if now, ok := stampOf(fi); ok && now.sameStat(st) {
				continue
			}
		}
		dest.site.inputs = [sha256.Size]byte{}
		return
	}
}

// sameStat reports whether two stamps say the same of a file, sums aside.
func (s inputStamp) sameStat(o inputStamp) bool {
	s.Sum, o.Sum = "", ""
	return s == o
}
