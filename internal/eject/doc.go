// Package eject copies the built-in templates and static files out of
// the binary into a dossier, for those who want to change them, and tells
// when a copy has fallen behind the built-in file it shadows.
//
// A dossier needs no templates/ or static/ of its own: the build reads the
// built-in files (package dossier's Defaults) wherever the dossier has
// none, so a new release's fixes reach every dossier. A file the dossier
// does have shadows the built-in one of the same path, and no longer
// receives those fixes. Copying one out is "ejecting" it.
//
// # Knowing when a copy is out of date
//
// An embedded file has no date, so "older than the built-in file" is
// defined by content: when Eject copies a file it records the SHA-256 of
// the built-in file it copied, and the dossier version it came from, in
// a record at the dossier's root, .dossier-eject.json (RecordFile).
// Stale compares each copy against the built-in file of the running
// binary:
//
//   - the copy is identical to the built-in file: nothing to tell (a
//     copy not changed yet, or brought up to date by hand);
//   - the record's hash is the built-in file's: the copy was taken from
//     this very version and changed on purpose: up to date;
//   - the record's hash is another: the built-in file has changed since
//     the copy was taken: a warning, naming dossier eject -diff, which
//     shows the difference, and dossier eject -record, which records the
//     copy as up to date once the changes wanted are merged;
//   - no record, and the copy differs: nothing says what it was taken
//     from (it was copied by hand, or by an older dossier init that copied
//     every file), so the built-in file may be the newer: a warning that
//     says so, with the same two commands.
//
// The record is a file of its own rather than a comment at the top of
// each copy: a comment would change the output (CSS, JavaScript, SVG and
// HTML comments are all copied to the site, and an html/template comment
// before the first {{define}} has to be written just so), would be lost
// by an editor who rewrites the file, and could not cover a binary file.
// The record changes no output and is small enough to read; it belongs
// in version control with the dossier.
package eject
