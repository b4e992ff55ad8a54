// Package build turns a dossier into a site: load -> resolve -> render ->
// write. It is the only package that writes to disk.
//
// Generate is a pure function of the dossier's files: it reads dossier.yaml,
// content/, templates/ and static/ through an fs.FS (the dossier's folder
// over the embedded defaults) and returns every output file in memory,
// keyed by slash path relative to the site root, with every diagnostic of
// the build, sorted. The same input always gives byte-identical output:
// nothing depends on map order, the clock or randomness.
//
// Write puts a generated site on disk atomically: the files go to a fresh
// folder beside the output folder, which is then swapped into place, so a
// failed build leaves the previous site exactly as it was and files of
// deleted content disappear. Write refuses to replace a non-empty folder
// that it did not write itself (it leaves a .dossier-site marker).
//
// A Builder keeps parsed files between builds for watch mode: a rebuild
// re-reads every file but re-parses only those whose bytes changed.
package build
