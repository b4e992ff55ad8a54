package content

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"io"
	"io/fs"
	"os"
	"path"
	"runtime"
	"slices"
	"strings"

	"github.com/dossier-project/dossier/internal/diag"
	"github.com/dossier-project/dossier/internal/yamlfile"
	"golang.org/x/sync/errgroup"
)

// Dir is the folder, relative to the dossier root, that holds content.
const Dir = "content"

// Options controls loading.
type Options struct {
	// Drafts includes pages marked draft: true.
	Drafts bool
	// Limits bound each file's cost; the zero Limits checks nothing.
	Limits Limits
}

// Load reads every Markdown file under content/ in fsys (rooted at the
// dossier) and returns the pages, sorted by kind and slug, with every
// diagnostic found. Files are parsed in parallel.
func Load(fsys fs.FS, opts Options) (*Set, diag.List) {
	files, diags := ListFiles(fsys)
	pages := make([]*Page, len(files))
	perFile := make([]diag.List, len(files))
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i, file := range files {
		g.Go(func() error {
			src, d := ReadFile(fsys, file, opts.Limits)
			if src == nil {
				perFile[i] = d
				return nil
			}
			pages[i], perFile[i] = ParseFile(file, src, opts.Limits)
			return nil
		})
	}
	_ = g.Wait()
	for _, d := range perFile {
		diags.Append(d)
	}
	set, setDiags := NewSet(pages, opts)
	diags.Append(setDiags)
	return set, diags
}

// ReadFile reads a content file found by ListFiles, refusing one over
// limits.FileBytes before reading it. A file that is gone (listed, then
// removed, as during a branch checkout) gives nil and no diagnostic: it
// is simply not part of this build. Other failures are errors at the
// file, in an editor's words (a symbolic link out of the dossier, a
// loop).
func ReadFile(fsys fs.FS, file string, limits Limits) ([]byte, diag.List) {
	src, err := readLimited(fsys, file, limits.FileBytes)
	var big tooBig
	switch {
	case err == nil:
		return src, nil
	case errors.As(err, &big):
		return nil, diag.List{TooLarge(file, int64(big), limits)}
	case errors.Is(err, fs.ErrNotExist):
		return nil, nil
	}
	return nil, diag.List{diag.Errorf(diag.Pos{File: file}, "%v", bareError(err))}
}

// readAll reads r to its end into an array of the size the file had when
// it was opened, with no room to spare: every page's source lives in it
// for the whole build. A file that grew meanwhile is read on, at the cost
// of a copy.
func readAll(r io.Reader, size int64) ([]byte, error) {
	buf := make([]byte, size)
	n, err := io.ReadFull(r, buf)
	switch {
	case err == io.EOF || err == io.ErrUnexpectedEOF: // it shrank
		return buf[:n], nil
	case err != nil:
		return nil, err
	}
	var one [1]byte
	if m, err := io.ReadFull(r, one[:]); m == 0 {
		if err == io.EOF {
			err = nil
		}
		return buf, err
	}
	rest, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	return append(append(buf, one[0]), rest...), nil
}

// tooBig is the size of a file over the limit.
type tooBig int64

func (n tooBig) Error() string { return "file too large" }

// readLimited opens file once (one walk of its path, which through an
// os.Root costs a system call per folder), checks its size, and reads it:
// never more than max bytes (0: no limit), even if it grows meanwhile.
func readLimited(fsys fs.FS, file string, max int64) ([]byte, error) {
	f, err := fsys.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if fi.IsDir() {
		return nil, &fs.PathError{Op: "read", Path: file, Err: errors.New("is a directory")}
	}
	if max > 0 && fi.Size() > max {
		return nil, tooBig(fi.Size())
	}
	r := io.Reader(f)
	if max > 0 {
		r = io.LimitReader(f, max+1)
	}
	src, err := readAll(r, fi.Size())
	if err != nil {
		return nil, err
	}
	if max > 0 && int64(len(src)) > max {
		return nil, tooBig(len(src))
	}
	return src, nil
}

// bareError drops the operation and path from a path error: diagnostics
// name the file already.
func bareError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// ListFiles returns every .md file under content/ in lexical order. A
// symbolic link to a folder inside the dossier is followed (once: a link
// back to a folder it is already in is a loop, reported); one that
// leaves the dossier is an error at the link.
func ListFiles(fsys fs.FS) ([]string, diag.List) {
	l := &lister{fsys: fsys}
	l.walk(Dir, nil)
	slices.Sort(l.files)
	return l.files, l.diags
}

// lister walks the content folder.
type lister struct {
	fsys  fs.FS
	files []string
	diags diag.List
}

// walk lists dir, whose ancestors' infos (for loop detection) are given.
func (l *lister) walk(dir string, ancestors []fs.FileInfo) {
	entries, err := fs.ReadDir(l.fsys, dir)
	if err != nil {
		if !errors.Is(err, fs.ErrNotExist) || dir != Dir {
			l.diags.Add(diag.Errorf(diag.Pos{File: dir}, "%v", bareError(err)))
		}
		return
	}
	if fi, err := fs.Stat(l.fsys, dir); err == nil {
		ancestors = append(ancestors, fi)
	}
	for _, e := range entries {
		p := path.Join(dir, e.Name())
		if strings.HasPrefix(e.Name(), ".") {
			continue
		}
		isDir := e.IsDir()
		if e.Type()&fs.ModeSymlink != 0 {
			fi, err := fs.Stat(l.fsys, p)
			if err != nil {
				if !errors.Is(err, fs.ErrNotExist) {
					l.diags.Add(diag.Errorf(diag.Pos{File: p}, "%v", bareError(err)))
				}
				continue
			}
			if isDir = fi.IsDir(); isDir && slices.ContainsFunc(ancestors, func(a fs.FileInfo) bool { return os.SameFile(a, fi) }) {
				l.diags.Add(diag.Errorf(diag.Pos{File: p}, "symbolic link to a folder that contains it: a loop, not followed"))
				continue
			}
		}
		switch {
		case isDir:
			l.walk(p, ancestors)
		case path.Ext(p) == ".md":
			l.files = append(l.files, p)
		}
	}
}

// KindOfFile returns the kind of the content file at p (a slash path from
// the dossier root), or false when p is not in a kind's folder.
func KindOfFile(p string) (Kind, bool) {
	rel, ok := strings.CutPrefix(p, Dir+"/")
	if !ok || path.Ext(p) != ".md" {
		return "", false
	}
	if rel == "_index.md" {
		return Home, true
	}
	folder, _, nested := strings.Cut(rel, "/")
	if !nested {
		return "", false
	}
	return KindOfFolder(folder)
}

// ParseFile parses one content file. It returns nil with diagnostics when
// the file cannot become a page. A UTF-8 byte-order mark is skipped (lines
// and columns count from the character after it); bytes that are not
// UTF-8, a body nested deeper than limits.Nesting, a line of links or a
// paragraph of link labels that would cost the Markdown parser the square
// of its length (see checkLinkCost) and a file over limits.FileBytes are
// errors, and a refused body is dropped. The page is complete when
// ParseFile returns and is never modified afterwards.
func ParseFile(file string, src []byte, limits Limits) (*Page, diag.List) {
	kind, ok := KindOfFile(file)
	if !ok {
		d := diag.Errorf(diag.Pos{File: file}, "file is not in a content folder")
		d.Suggestion = "move it to content/briefs, actors, events, commentary or sources, or name it content/_index.md"
		return nil, diag.List{d}
	}
	if limits.FileBytes > 0 && int64(len(src)) > limits.FileBytes {
		return nil, diag.List{TooLarge(file, int64(len(src)), limits)}
	}
	hash := sha256.Sum256(src)
	src = normalize(src)
	lines := diag.NewLines(src)
	if diags := checkUTF8(file, src, lines); diags != nil {
		return nil, diags
	}
	fm, has, closed := split(src)
	switch {
	case !has:
		return nil, diag.List{missing(file)}
	case !closed:
		return nil, diag.List{unclosed(file)}
	}
	body, bodyOffset := bytes.Clone(fm.body), len(src)-len(fm.body)
	p := &Page{Kind: kind, File: file, Body: body, BodyLine: fm.bodyLine,
		BodyOffset: bodyOffset, Lines: lines.Sparse(), Hash: hash}
	doc, diags := yamlfile.Parse(file, fm.yaml, fm.yamlLine)
	if doc == nil {
		return nil, diags
	}
	diags.Append(doc.Decode(&p.Meta))
	if diags.HasErrors() {
		return nil, diags
	}
	diags.Append(checkKindKeys(p, doc.TopKeys()))
	diags.Append(p.fillDefaults(doc.TopKeys()))
	diags.Append(p.validate(src, doc.TopKeys()))
	p.Placeholders = p.findPlaceholders(doc.TopKeys())
	if limits.Nesting > 0 {
		diags.Append(checkNesting(p, limits.Nesting))
	}
	diags.Append(checkLinkCost(p, limits))
	return p, diags
}

// fillDefaults sets the slug and checks the keys every page needs.
func (p *Page) fillDefaults(keys []yamlfile.Key) diag.List {
	var diags diag.List
	if strings.TrimSpace(p.Meta.Title) == "" {
		pos := p.TopPos()
		if i := slices.IndexFunc(keys, func(k yamlfile.Key) bool { return k.Name == "title" }); i >= 0 {
			pos = diag.Pos{File: p.File, Line: keys[i].Line, Col: keys[i].Col}
		}
		d := diag.Errorf(pos, "missing title: every page needs a title")
		d.Suggestion = `add title: "..." to the front matter`
		diags.Add(d)
	}
	p.Slug = p.Meta.Slug.Value
	if p.Slug == "" {
		p.Slug = strings.TrimSuffix(path.Base(p.File), ".md")
	}
	if p.Kind == Home {
		p.Slug = ""
	} else if !validSlug(p.Slug) {
		diags.Add(diag.Errorf(p.slugPos(keys), "slug %q must be lowercase letters, digits and hyphens", p.Slug))
	}
	return diags
}

func (p *Page) slugPos(keys []yamlfile.Key) diag.Pos {
	if i := slices.IndexFunc(keys, func(k yamlfile.Key) bool { return k.Name == "slug" }); i >= 0 {
		return diag.Pos{File: p.File, Line: keys[i].Line, Col: keys[i].Col}
	}
	return diag.Pos{File: p.File}
}

func validSlug(s string) bool {
	if s == "" || s[0] == '-' || s[len(s)-1] == '-' {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
			return false
		}
	}
	return true
}

// normalizeLoneCR turns a carriage return that is not followed by a line
// feed into a line feed, so that every part of the build (the YAML parser,
// which treats a lone CR as a line break, and the Markdown positions,
// which count LFs) agrees on line numbers. CRLF is left alone.
func normalizeLoneCR(src []byte) []byte {
	if !bytes.Contains(src, []byte("\r")) {
		return src
	}
	out := bytes.Clone(src)
	for i, c := range out {
		if c == '\r' && (i+1 == len(out) || out[i+1] != '\n') {
			out[i] = '\n'
		}
	}
	return out
}
