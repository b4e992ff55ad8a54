package eject

import (
	"bytes"
	"io/fs"
	"slices"

	"github.com/dossier-project/dossier/internal/diag"
)

// Stale returns a warning for each file of the dossier (disk, its own
// files alone) that shadows a built-in file (in defaults) and may have
// fallen behind it; see the package documentation for the rules. command
// is how the user runs eject on this dossier ("dossier eject", or with
// -src), for the commands the warnings suggest.
func Stale(disk, defaults fs.FS, command string) diag.List {
	var diags diag.List
	rec, err := LoadRecord(disk)
	if err != nil {
		diags.Add(diag.Warnf(diag.Pos{File: RecordFile}, "%v: dossier check cannot tell whether ejected files are out of date", err))
	}
	builtins := Builtins(defaults, Folders())
	for _, name := range builtins {
		mine, err := fs.ReadFile(disk, name)
		if err != nil {
			continue // not ejected; or unreadable, which the build reports
		}
		theirs, err := fs.ReadFile(defaults, name)
		if err != nil {
			continue
		}
		src, recorded := rec.Files[name]
		if d, ok := staleness(name, mine, theirs, src, recorded, command); ok {
			diags.Add(d)
		}
	}
	for name, src := range rec.Files {
		if _, err := fs.Stat(disk, name); err == nil && !slices.Contains(builtins, name) {
			d := diag.Warnf(diag.Pos{File: name}, "the built-in %s that this file was copied from (dossier %s) no longer exists", name, src.Version)
			d.Suggestion = "the built-in templates may no longer use it: compare it with the built-in files that replaced it, or delete it"
			diags.Add(d)
		}
	}
	return diags.Sort()
}

// staleness decides about one copy: mine is the dossier's, theirs the
// built-in file, src what the record says (recorded: whether it says
// anything).
func staleness(name string, mine, theirs []byte, src Source, recorded bool, command string) (diag.Diagnostic, bool) {
	pos := diag.Pos{File: name}
	diff := command + " -diff " + name
	mark := command + " -record " + name
	switch {
	case bytes.Equal(mine, theirs) || recorded && src.SHA256 == hashOf(theirs):
		return diag.Diagnostic{}, false
	case recorded:
		d := diag.Warnf(pos, "the built-in %s has changed since this copy was taken from dossier %s", name, src.Version)
		d.Suggestion = "see the difference with " + diff + "; merge what you want, then run " + mark
		return d, true
	}
	d := diag.Warnf(pos, "this file shadows the built-in %s, and no record says which version it was copied from: it may lack later fixes", name)
	d.Suggestion = "compare it with " + diff + "; then run " + mark + ", or delete it to use the built-in file"
	return d, true
}
