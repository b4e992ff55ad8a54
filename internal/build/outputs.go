package build

import (
	"crypto/rand"
	"crypto/sha256"
	"debug/elf"
	"io"
	"io/fs"
	"os"
	"sync"

	"github.com/dossier-project/dossier/internal/diag"
	"github.com/dossier-project/dossier/internal/highlight"
	"github.com/dossier-project/dossier/internal/layout"
)

// outputs lists every output of the site: the pages, the static files,
// the feeds and indexes, and the files a static host wants; all but the
// search index's files when searchLater (see Builder.searchListing).
func (b *Builder) outputs(s *site, tmpl *layout.Set, inputs *siteInputs, whole [sha256.Size]byte, statics []output, searchLater bool) ([]output, diag.List) {
	jobs := s.views.Jobs()
	b.readMemoPack()
	pv := &pageVersions{nodes: b.memos.versions(s.graph, s.views), siteView: b.hasher.Key(s.views.Site()), whole: whole}
	pv.changed = b.memos.changedSince(pv.nodes)
	paths := make(map[string]bool, len(jobs))
	outs := make([]output, 0, len(jobs)+len(statics))
	for _, j := range jobs {
		paths[j.Out] = true
		outs = append(outs, b.pageOutput(j, tmpl, inputs, pv))
	}
	b.memos.keepOnly(paths)
	outs = append(outs, statics...)
	return append(outs, b.publishOutputs(s, jobs, searchLater)...), publishDiags(s)
}

// bytesOutput is an output whose bytes are known when the list is made;
// its key is their hash.
func bytesOutput(path string, data []byte) output {
	return output{path: path, prepare: func() ([sha256.Size]byte, func(io.Writer) error, error) {
		return sha256.Sum256(data), func(w io.Writer) error { _, err := w.Write(data); return err }, nil
	}}
}

// staticOutputs copies static/ (the dossier's over the defaults) and adds
// the highlighting stylesheet unless the dossier has its own.
func staticOutputs(fsys fs.FS) ([]output, diag.List) {
	var outs []output
	var diags diag.List
	seen := map[string]bool{}
	err := fs.WalkDir(fsys, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			diags.Add(diag.Errorf(diag.Pos{File: p}, "%v", bareError(err)))
			return nil
		}
		if d.IsDir() {
			return nil
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			diags.Add(diag.Errorf(diag.Pos{File: p}, "%v", bareError(err)))
			return nil
		}
		seen[p] = true
		outs = append(outs, bytesOutput(p, data))
		return nil
	})
	if err != nil {
		diags.Add(diag.Errorf(diag.Pos{File: "static"}, "copying static files: %v", err))
	}
	if !seen["static/chroma.css"] {
		css, err := highlight.Stylesheet()
		if err != nil {
			diags.Add(diag.Errorf(diag.Pos{File: "static/chroma.css"}, "%v", err))
		}
		outs = append(outs, bytesOutput("static/chroma.css", css))
	}
	return outs, diags
}

// bareError drops the operation and path of a path error: diagnostics
// name the file already.
func bareError(err error) error {
	if pe, ok := err.(*fs.PathError); ok {
		return pe.Err
	}
	return err
}

// binary identifies the running program, so that a site folder's
// manifest is trusted only by the build that wrote it: the SHA-256 of
// the executable, computed once per Builder, and only for a destination
// that keeps a manifest.
func (b *Builder) binary(dest *Dest) [sha256.Size]byte {
	if dest.mode != siteDir || b.opts.CacheDir == "" {
		return [sha256.Size]byte{}
	}
	return b.binaryOnce()
}

// executableHash names the running executable's code: the hash of the
// Go build ID the linker writes into it (its last part is a hash of the
// binary's content), or, where there is none to read, of the whole file.
// When the executable cannot be read it is a random value, so that this
// process trusts no cache written by another.
func executableHash() [sha256.Size]byte {
	exe, err := os.Executable()
	if err == nil {
		if id, ok := goBuildID(exe); ok {
			return sha256.Sum256(append([]byte("go build id\x00"), id...))
		}
		if sum, err := fileHash(exe); err == nil {
			return sum
		}
	}
	var r [sha256.Size]byte
	_, _ = rand.Read(r[:])
	return r
}

// goBuildID reads the ELF note that holds Go's build ID.
func goBuildID(exe string) ([]byte, bool) {
	f, err := elf.Open(exe)
	if err != nil {
		return nil, false
	}
	defer f.Close()
	sec := f.Section(".note.go.buildid")
	if sec == nil {
		return nil, false
	}
	data, err := sec.Data()
	return data, err == nil && len(data) > 16
}

func fileHash(name string) ([sha256.Size]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return [sha256.Size]byte{}, err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return [sha256.Size]byte{}, err
	}
	return [sha256.Size]byte(h.Sum(nil)), nil
}

// onceHash is a lazily computed hash.
type onceHash struct {
	once sync.Once
	sum  [sha256.Size]byte
}
