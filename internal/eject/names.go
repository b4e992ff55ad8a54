package eject

import (
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/dossier-project/dossier/internal/diag"
)

// Folders are the folders of built-in files, as written on the command
// line and at the dossier's root.
func Folders() []string { return []string{"templates", "static"} }

// Builtins lists every built-in file under folders, sorted.
func Builtins(defaults fs.FS, folders []string) []string {
	var out []string
	for _, dir := range folders {
		_ = fs.WalkDir(defaults, dir, func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				out = append(out, p)
			}
			return nil
		})
	}
	slices.Sort(out)
	return out
}

// Resolve turns eject's arguments into the paths of built-in files: an
// optional folder (templates or static; none means both), then names,
// each a path ("templates/brief.html"), a path inside the folder
// ("brief.html", "partials/cites.html"), a folder inside it ("partials")
// or a file name found once ("cites.html"). No name means every file of
// the folder(s).
func Resolve(defaults fs.FS, args []string) ([]string, error) {
	folders := Folders()
	if len(args) > 0 && slices.Contains(folders, args[0]) {
		folders, args = args[:1], args[1:]
	}
	files := Builtins(defaults, folders)
	if len(args) == 0 {
		return files, nil
	}
	var out []string
	for _, name := range args {
		found, err := match(files, folders, name)
		if err != nil {
			return nil, err
		}
		out = append(out, found...)
	}
	slices.Sort(out)
	return slices.Compact(out), nil
}

// match finds name among files (built-in paths under folders).
func match(files, folders []string, name string) ([]string, error) {
	name = strings.TrimPrefix(path.Clean(strings.ReplaceAll(name, `\`, "/")), "./")
	var found []string
	for _, f := range files {
		for _, full := range append([]string{name}, prefixed(folders, name)...) {
			if f == full || strings.HasPrefix(f, full+"/") {
				found = append(found, f)
			}
		}
	}
	if len(found) > 0 {
		return found, nil
	}
	for _, f := range files {
		if path.Base(f) == name {
			found = append(found, f)
		}
	}
	switch {
	case len(found) == 1:
		return found, nil
	case len(found) > 1:
		return nil, fmt.Errorf("%q names %s: give the path", name, strings.Join(found, " and "))
	}
	msg := fmt.Sprintf("no built-in file %q in %s", name, strings.Join(folders, "/ or ")+"/")
	if s := diag.Suggest(name, relatives(files)); s != "" {
		msg += " (" + s + ")"
	}
	return nil, fmt.Errorf("%s", msg)
}

func prefixed(folders []string, name string) []string {
	out := make([]string, len(folders))
	for i, f := range folders {
		out[i] = f + "/" + name
	}
	return out
}

// relatives lists files by their path inside their folder and by name.
func relatives(files []string) []string {
	var out []string
	for _, f := range files {
		_, rel, _ := strings.Cut(f, "/")
		out = append(out, rel, path.Base(f))
	}
	return out
}
