package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/dossier-project/dossier/internal/config"
	"github.com/dossier-project/dossier/internal/content"
)

// runNew implements "dossier new KIND [flags] TITLE": it writes
// content/<folder>/<slug>.md with the front matter of the kind, dated
// today where the kind has a date, and prints its path. It never
// overwrites a file, and refuses a slug the kind already has.
func runNew(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("new", `brief|actor|event|commentary|source [-src DIR] [-slug SLUG] [-from FILE] "Title"`, stderr)
	src := fs.String("src", ".", "the dossier's root `folder`")
	slug := fs.String("slug", "", "the page's file name without .md (default: made from the title)")
	from := fs.String("from", "", "a plain-text `file` whose paragraphs become a new source's text")
	pos, err := parseInterleaved(fs, args)
	if err != nil {
		return helpOK(err)
	}
	kind, title, err := newArgs(pos)
	if err != nil {
		return err
	}
	if *from != "" && kind != content.Source {
		return usageError{"new: -from imports a source: use dossier new source -from FILE \"Title\""}
	}
	if err := chooseSlug(slug, title); err != nil {
		return err
	}
	n := &newPage{src: *src, kind: kind, title: title, slug: *slug, day: today(ctx).Format("2006-01-02")}
	if *from != "" {
		return n.importSource(*from, stdout)
	}
	path, err := n.write(n.scaffold(""))
	if err != nil {
		return err
	}
	fmt.Fprintln(stdout, path)
	fmt.Fprintln(stderr, draftNote)
	return nil
}

// chooseSlug makes the slug from the title when -slug is not given, and
// refuses a slug that is not a plain file name, naming what it came from.
func chooseSlug(slug *string, title string) error {
	given := *slug != ""
	if !given {
		*slug = slugify(title)
	}
	if *slug != "" && strings.Trim(*slug, "abcdefghijklmnopqrstuvwxyz0123456789-") == "" {
		return nil
	}
	if given {
		return usageError{fmt.Sprintf("new: -slug %q is not a file name: use only lowercase letters, digits and hyphens, e.g. -slug %q", *slug, suggestedSlug(*slug, title))}
	}
	return usageError{fmt.Sprintf("new: cannot make a file name from %q: pass -slug with lowercase letters, digits and hyphens", title)}
}

// suggestedSlug is a slug made from a refused one, or from the title
// when that gives none.
func suggestedSlug(refused, title string) string {
	if s := slugify(refused); s != "" {
		return s
	}
	if s := slugify(title); s != "" {
		return s
	}
	return "my-page"
}

// draftNote tells the author what becomes of the draft new wrote (on
// stderr: stdout is the path alone, for scripts).
const draftNote = "a draft (draft: true): dossier serve shows it; dossier build leaves it out until you remove draft: true and fill in the placeholders"

// newArgs checks the positional arguments: a kind and a title.
func newArgs(pos []string) (content.Kind, string, error) {
	if len(pos) != 2 {
		return "", "", usageError{`new: give a kind and a title, e.g. dossier new brief "Xi's letter"`}
	}
	for _, k := range content.Kinds() {
		if string(k) == pos[0] {
			title := strings.TrimSpace(pos[1])
			if title == "" {
				return "", "", usageError{"new: the title is empty"}
			}
			return k, title, nil
		}
	}
	return "", "", usageError{fmt.Sprintf("new: unknown kind %q: use brief, actor, event, commentary or source", pos[0])}
}

// parseInterleaved parses flags that may come before, between or after
// the positional arguments, and returns the positional arguments.
func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := parseFlags(fs, args, true); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// clockKey carries the time that new pages are dated with; tests set it.
type clockKey struct{}

// today is the clock in ctx, or the local time.
func today(ctx context.Context) time.Time {
	if t, ok := ctx.Value(clockKey{}).(time.Time); ok {
		return t
	}
	return time.Now()
}

// newPage is a page about to be created.
type newPage struct {
	src, title, slug, day string
	kind                  content.Kind
}

// rel is the page's path from the dossier root.
func (n *newPage) rel() string {
	return content.Dir + "/" + n.kind.Folder() + "/" + n.slug + ".md"
}

// write creates the page's file with data and returns its path as given
// on the command line. It refuses to replace anything.
func (n *newPage) write(data string) (string, error) {
	path := filepath.Join(n.src, filepath.FromSlash(n.rel()))
	if _, err := os.Stat(filepath.Join(n.src, config.File)); err != nil {
		return "", fmt.Errorf("no %s in %s: it is not a dossier (run dossier init %s, or pass -src DIR)", config.File, n.src, n.src)
	}
	if other := n.existing(); other != "" {
		return "", fmt.Errorf("%s %q already exists in %s: choose another title or pass -slug", n.kind, n.slug, other)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return "", err
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return "", fmt.Errorf("%s already exists: not overwritten (choose another title or pass -slug)", path)
	}
	if err != nil {
		return "", err
	}
	if _, err := io.WriteString(f, data); err != nil {
		f.Close()
		return "", err
	}
	return path, f.Close()
}

// existing returns the file of a page of the same kind and slug (written
// under another name, or with slug:), or "".
func (n *newPage) existing() string {
	set, _ := content.Load(os.DirFS(n.src), content.Options{Drafts: true})
	if p := set.Lookup(n.kind, n.slug); p != nil {
		return p.File
	}
	return ""
}
