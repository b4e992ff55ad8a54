package build

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"

	"github.com/dossier-project/dossier/internal/diag"
)

// marker is the file every site folder dossier writes holds, and that it
// looks for before it replaces a folder.
const marker = ".dossier-site"

// SiteDir is the destination of dossier build: the site folder out,
// replaced in one step when the build succeeds. cacheDir holds the
// manifest that lets the next build keep unchanged files ("" keeps none).
func SiteDir(out, cacheDir string) *Dest {
	return &Dest{mode: siteDir, site: &siteWriter{out: out, cacheDir: cacheDir}}
}

// siteWriter writes a new site folder beside the old one and swaps them.
type siteWriter struct {
	out, cacheDir string

	abs    string // out, absolute
	tmp    string // the folder being written
	unlock func()
	binary [sha256.Size]byte
	// lastSite is the site key the manifest records, site this build's;
	// lastInputs and inputs the same of the inputs' key (see
	// Builder.sameInputs), with what the build reported.
	lastSite, site     [sha256.Size]byte
	lastInputs, inputs [sha256.Size]byte
	lastReport, report *report
	lastStamps, stamps inputStamps
	// pendingInputs are this build's inputs while their key waits for the
	// content files' parses (see sameInputs).
	pendingInputs *inputs

	bufs writeBuffers

	mu   sync.Mutex
	old  map[string]fileMeta // the old site's files, from the manifest
	meta map[string]fileMeta // the new site's
	// The new folder is made only when the build writes a file: until
	// then kept files are only checked and listed in pending, and a build
	// that keeps everything leaves the old site in place untouched.
	made    bool
	pending []string
	// spareFiles are the files of the spare folder the new folder was
	// made from (see spare.go), nil when it was made empty.
	spareFiles map[string]bool
}

// fileMeta is what the manifest records of a file of the site.
type fileMeta struct {
	Key, Sum string // hex
	Size     int64
	ModTime  int64 // nanoseconds
}

// manifest is the record of a site folder's files, kept in the cache.
type manifest struct {
	Binary string
	Site   string // the key of everything the site was made from, hex
	Inputs string // the key of the files it was made from, hex
	Stamps *inputStamps
	Report *report
	Files  map[string]fileMeta
}

// report is what the build that made a site folder reported besides the
// site: its warnings, the drafts it left out, the number of outputs.
type report struct {
	Diags   diag.List
	Drafts  []string
	Outputs int
}

func (w *siteWriter) begin(binary [sha256.Size]byte) (map[string]entry, error) {
	abs, err := filepath.Abs(w.out)
	if err != nil {
		return nil, err
	}
	w.abs, w.binary = abs, binary
	if err := checkReplaceable(abs); err != nil {
		return nil, err
	}
	parent, name := filepath.Split(abs)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	if w.unlock, err = lockFolder(w.lockPath()); err != nil {
		return nil, err
	}
	recoverOld(parent, name)
	removeStale(parent, name)
	w.meta, w.made, w.pending, w.stamps, w.spareFiles, w.pendingInputs = map[string]fileMeta{}, false, nil, inputStamps{}, nil, nil
	return w.readManifest(), nil
}

// makeFolder makes the new folder, once, and links into it the files kept
// so far. The caller holds mu.
func (w *siteWriter) makeFolder() error {
	if w.made {
		return nil
	}
	parent, name := filepath.Split(w.abs)
	tmp, err := os.MkdirTemp(parent, "."+name+".new-")
	if err != nil {
		return err
	}
	w.tmp, w.made = tmp, true
	if w.spareFiles, err = takeSpare(w.spareDir(), tmp); err != nil {
		return err
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		return err
	}
	for _, path := range w.pending {
		if err := w.link(path, w.meta[path]); err != nil {
			return err
		}
	}
	w.pending = nil
	return nil
}

// checkReplaceable refuses to replace a non-empty folder that has no
// marker: it may be the user's own files.
func checkReplaceable(out string) error {
	err := CheckSiteFolder(out)
	if errors.Is(err, ErrForeignFolder) {
		return fmt.Errorf("refusing to replace %s: %w; choose another -out", out, err)
	}
	if err != nil {
		return fmt.Errorf("output folder %s: %w", out, err)
	}
	return nil
}

// ErrForeignFolder is CheckSiteFolder's answer for a folder that is not
// empty and has no marker of a site dossier wrote: it may be the user's
// own files.
var ErrForeignFolder = fmt.Errorf("it is not empty and was not written by dossier (no %s)", marker)

// CheckSiteFolder reports why a build may not replace the folder out:
// ErrForeignFolder, or the error reading it. A missing or empty folder
// is fine. A build checks again when it starts; a command checks first,
// to blame its -out flag for a foreign folder.
func CheckSiteFolder(out string) error {
	entries, err := os.ReadDir(out)
	if errors.Is(err, os.ErrNotExist) || (err == nil && len(entries) == 0) {
		return nil
	}
	if err != nil {
		return err
	}
	if _, err := os.Stat(filepath.Join(out, marker)); err != nil {
		return ErrForeignFolder
	}
	return nil
}

// removeStale removes what killed builds left beside the site folder
// (after recoverOld has put back a site left aside). The caller holds the
// folder's lock, so no other build is writing them.
func removeStale(parent, name string) {
	entries, _ := os.ReadDir(parent)
	for _, e := range entries {
		n := e.Name()
		if strings.HasPrefix(n, "."+name+".new-") || strings.HasPrefix(n, "."+name+".old-") {
			os.RemoveAll(filepath.Join(parent, n))
		}
	}
}

// lockPath is the lock file of this site folder, in the system's
// temporary folder so that it leaves nothing beside the site.
func (w *siteWriter) lockPath() string {
	sum := sha256.Sum256([]byte(w.abs))
	return filepath.Join(os.TempDir(), "dossier-site-"+hex.EncodeToString(sum[:8])+".lock")
}

// manifestPath is where the cache keeps the manifest of this site folder.
func (w *siteWriter) manifestPath() string {
	if w.cacheDir == "" {
		return ""
	}
	sum := sha256.Sum256([]byte(w.abs))
	return filepath.Join(w.cacheDir, "sites", hex.EncodeToString(sum[:16])+".json")
}

// readManifest returns the old site's outputs when its manifest is for
// this binary; nothing otherwise.
func (w *siteWriter) readManifest() map[string]entry {
	w.old, w.lastSite, w.lastInputs, w.lastReport, w.lastStamps = map[string]fileMeta{}, [sha256.Size]byte{}, [sha256.Size]byte{}, nil, inputStamps{}
	p := w.manifestPath()
	if p == "" {
		return nil
	}
	data, err := os.ReadFile(p)
	var m manifest
	if err != nil || json.Unmarshal(data, &m) != nil || m.Binary != hex.EncodeToString(w.binary[:]) {
		return nil
	}
	if site, err := hex.DecodeString(m.Site); err == nil && len(site) == sha256.Size {
		w.lastSite = [sha256.Size]byte(site)
	}
	if inputs, err := hex.DecodeString(m.Inputs); err == nil && len(inputs) == sha256.Size {
		w.lastInputs, w.lastReport = [sha256.Size]byte(inputs), m.Report
		if m.Stamps != nil {
			w.lastStamps = *m.Stamps
		}
	}
	out := make(map[string]entry, len(m.Files))
	for path, f := range m.Files {
		key, err1 := hex.DecodeString(f.Key)
		sum, err2 := hex.DecodeString(f.Sum)
		if err1 != nil || err2 != nil || len(key) != sha256.Size || len(sum) != sha256.Size {
			continue
		}
		out[path] = entry{Key: [sha256.Size]byte(key), Sum: [sha256.Size]byte(sum)}
		w.old[path] = f
	}
	return out
}

// keep keeps the old site's file when it is still the one the manifest
// describes: it is linked into the new folder, if there is one yet.
func (w *siteWriter) keep(path string) bool {
	if !w.intact(path) {
		return false
	}
	w.mu.Lock()
	old := w.old[path]
	defer w.mu.Unlock()
	w.meta[path] = old
	if !w.made {
		w.pending = append(w.pending, path)
		return true
	}
	return w.link(path, old) == nil
}

// intact reports whether the old site's file at path is still the one
// the manifest describes: a regular file of the same size and time.
func (w *siteWriter) intact(path string) bool {
	w.mu.Lock()
	old, ok := w.old[path]
	w.mu.Unlock()
	fi, err := os.Lstat(filepath.Join(w.abs, filepath.FromSlash(path)))
	return ok && err == nil && fi.Mode().IsRegular() && fi.Size() == old.Size && fi.ModTime().UnixNano() == old.ModTime
}

// link hard-links the old site's file at path into the new folder, or
// copies it (checking its checksum) where links fail. The caller holds
// mu.
func (w *siteWriter) link(path string, old fileMeta) error {
	src := filepath.Join(w.abs, filepath.FromSlash(path))
	dst := filepath.Join(w.tmp, filepath.FromSlash(path))
	if w.spareFiles[path] {
		if sameFile(src, dst) { // kept by the build that made the spare
			return nil
		}
		if err := os.Remove(dst); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	err := w.linkFile(src, dst)
	if err != nil && w.spareFiles != nil && makeRoom(w.tmp, dst, err) {
		err = w.linkFile(src, dst)
	}
	if err == nil {
		return nil
	}
	data, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	if sum := sha256.Sum256(data); hex.EncodeToString(sum[:]) != old.Sum {
		return fmt.Errorf("%s changed during the build", src)
	}
	if err := w.writeFile(dst, data); err != nil {
		return err
	}
	fi, err := os.Stat(dst)
	if err != nil {
		return err
	}
	old.ModTime = fi.ModTime().UnixNano()
	w.meta[path] = old
	return nil
}

// linkFile hard-links src at dst, making dst's folder.
func (w *siteWriter) linkFile(src, dst string) error {
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return err
	}
	return os.Link(src, dst)
}

// create makes dst, and its folder, for writing.
func (w *siteWriter) create(dst string) (*os.File, error) {
	f, err := createFile(dst)
	if err != nil && w.spareFiles != nil && makeRoom(w.tmp, dst, err) {
		f, err = createFile(dst)
	}
	return f, err
}

func createFile(dst string) (*os.File, error) {
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return nil, err
	}
	return os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
}

// write makes path in the new folder with make's bytes.
func (w *siteWriter) write(path string, make func(io.Writer) error) ([sha256.Size]byte, error) {
	if !validOutput(path) {
		return [sha256.Size]byte{}, fmt.Errorf("refusing to write %q outside the site", path)
	}
	w.mu.Lock()
	err := w.makeFolder()
	w.mu.Unlock()
	if err != nil {
		return [sha256.Size]byte{}, err
	}
	dst := filepath.Join(w.tmp, filepath.FromSlash(path))
	if w.spareFiles[path] { // maybe a link to the live site's file: never written through
		if err := os.Remove(dst); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return [sha256.Size]byte{}, err
		}
	}
	f, err := w.create(dst)
	if err != nil {
		return [sha256.Size]byte{}, err
	}
	sum, err := w.bufs.writeHashed(f, make)
	if err != nil {
		return [sha256.Size]byte{}, err
	}
	fi, err := os.Stat(dst)
	if err != nil {
		return sum, err
	}
	w.mu.Lock()
	w.meta[path] = fileMeta{Sum: hex.EncodeToString(sum[:]), Size: fi.Size(), ModTime: fi.ModTime().UnixNano()}
	w.mu.Unlock()
	return sum, nil
}

// markerPresent reports whether the site folder has dossier's marker.
func (w *siteWriter) markerPresent() bool {
	_, err := os.Stat(filepath.Join(w.abs, marker))
	return err == nil
}

func (w *siteWriter) writeFile(dst string, data []byte) error {
	return os.WriteFile(dst, data, 0o644)
}

// validOutput reports whether an output path stays inside the site.
func validOutput(path string) bool {
	return path != "" && !filepath.IsAbs(path) && !strings.HasPrefix(path, "/") &&
		!strings.Contains("/"+path+"/", "/../") && !strings.Contains(path, "\\")
}

// commit puts the new folder in place of the old one and records it.
func (w *siteWriter) commit(next map[string]entry) error {
	defer w.release()
	if !w.made && len(next) == len(w.old) && w.markerPresent() {
		// Every file kept, none gone: the old site is the new one.
		// Files read again (racily clean last time) get their new
		// stamps recorded, and are taken by them next time.
		if w.site != w.lastSite || w.inputs != w.lastInputs || w.stamps.read > 0 || !reflect.DeepEqual(w.report, w.lastReport) {
			w.writeManifest(next)
		}
		return nil
	}
	w.mu.Lock()
	err := w.makeFolder()
	w.mu.Unlock()
	if err != nil {
		w.removeTmp()
		return err
	}
	if err := pruneSpare(w.tmp, w.spareFiles, w.meta); err != nil {
		w.removeTmp()
		return err
	}
	note := []byte("written by dossier build; the folder is replaced on each build\n")
	if err := os.WriteFile(filepath.Join(w.tmp, marker), note, 0o644); err != nil {
		w.removeTmp()
		return err
	}
	if err := swap(w.tmp, w.abs); err != nil {
		w.removeTmp()
		return err
	}
	keepSpare(w.tmp, w.spareDir()) // now the old site
	w.tmp = ""
	w.writeManifest(next)
	return nil
}

// writeManifest records the new site's files in the cache. Failing to
// write it only costs the next build its reuse.
func (w *siteWriter) writeManifest(next map[string]entry) {
	p := w.manifestPath()
	if p == "" {
		return
	}
	m := manifest{Binary: hex.EncodeToString(w.binary[:]), Site: hex.EncodeToString(w.site[:]), Files: map[string]fileMeta{}}
	if w.report != nil {
		m.Inputs, m.Report = hex.EncodeToString(w.inputs[:]), w.report
		if w.stamps.Files != nil {
			m.Stamps = &w.stamps
		}
	}
	for path, e := range next {
		if f, ok := w.meta[path]; ok {
			f.Key = hex.EncodeToString(e.Key[:])
			m.Files[path] = f
		}
	}
	data, err := json.Marshal(m)
	if err != nil || os.MkdirAll(filepath.Dir(p), 0o755) != nil {
		return
	}
	tmp := p + ".tmp"
	if os.WriteFile(tmp, append(bytes.TrimSpace(data), '\n'), 0o644) == nil {
		_ = os.Rename(tmp, p)
	}
}

func (w *siteWriter) abort() {
	w.removeTmp()
	w.release()
}

// release lets another build of this site folder go on.
func (w *siteWriter) release() {
	if w.unlock != nil {
		w.unlock()
		w.unlock = nil
	}
}

func (w *siteWriter) removeTmp() {
	if w.tmp != "" {
		os.RemoveAll(w.tmp)
	}
	w.tmp = ""
}

// writeBuffers lends the buffers files are written through, so that a
// build of 10,000 pages does not allocate a 64 KB buffer per page.
type writeBuffers struct{ pool sync.Pool }

// writeHashed writes make's bytes to f through a buffer, closes f, and
// returns the bytes' SHA-256: what both the site folder and the preview
// layers record of every file they write.
func (p *writeBuffers) writeHashed(f *os.File, make func(io.Writer) error) ([sha256.Size]byte, error) {
	h := sha256.New()
	bw, _ := p.pool.Get().(*bufio.Writer)
	if bw == nil {
		bw = bufio.NewWriterSize(nil, 64<<10)
	}
	defer p.pool.Put(bw)
	bw.Reset(io.MultiWriter(f, h))
	err := make(bw)
	if err == nil {
		err = bw.Flush()
	}
	bw.Reset(nil)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return [sha256.Size]byte(h.Sum(nil)), err
}
