package build

import (
	"crypto/sha256"
	"io"
	"io/fs"
	"os"
	"sync"

	"github.com/dossier-project/dossier/internal/diag"
	"github.com/dossier-project/dossier/internal/highlight"
	"github.com/dossier-project/dossier/internal/layout"
)

// outputs lists every output of the site: the pages, the static files,
// the feeds and indexes, and the files a static host wants.
func (b *Builder) outputs(fsys fs.FS, s *site, tmpl *layout.Set, inputs *siteInputs) ([]output, diag.List) {
	jobs := s.views.Jobs()
	b.readMemoPack()
	pv := &pageVersions{nodes: versions(s.graph), siteView: b.hasher.Key(s.views.Site())}
	paths := make(map[string]bool, len(jobs))
	var outs []output
	for _, j := range jobs {
		paths[j.Out] = true
		outs = append(outs, b.pageOutput(j, tmpl, inputs, pv))
	}
	b.memos.keepOnly(paths)
	statics, diags := staticOutputs(fsys)
	outs = append(outs, statics...)
	pub, d := b.publishOutputs(s, jobs)
	diags.Append(d)
	return append(outs, pub...), diags
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

// executableHash hashes the running executable; the zero hash when it
// cannot be read (then no manifest matches).
func executableHash() [sha256.Size]byte {
	exe, err := os.Executable()
	if err != nil {
		return [sha256.Size]byte{}
	}
	f, err := os.Open(exe)
	if err != nil {
		return [sha256.Size]byte{}
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return [sha256.Size]byte{}
	}
	return [sha256.Size]byte(h.Sum(nil))
}

// onceHash is a lazily computed hash.
type onceHash struct {
	once sync.Once
	sum  [sha256.Size]byte
}
