package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"slices"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/internal/config"
	"github.com/dossier-project/dossier/internal/eject"
)

// runEject implements "dossier eject [templates|static] [NAME...]": it
// copies built-in files into the dossier to be changed there, never
// replacing a file; with -diff it shows how the dossier's copies differ
// from the built-in files, and with -record it records them as up to
// date. See package eject.
func runEject(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("eject", "[-src DIR] [-diff | -record] [templates|static] [NAME...]", stderr)
	src := fs.String("src", ".", "the dossier's root `folder`")
	diff := fs.Bool("diff", false, "instead of copying, print how the dossier's copies differ from the built-in files (a unified diff, from yours to the built-in one)")
	record := fs.Bool("record", false, "instead of copying, record the dossier's copies as up to date with this version's built-in files, once you have merged what -diff shows")
	pos, err := parseInterleaved(fs, args)
	if err != nil {
		return helpOK(err)
	}
	if *diff && *record {
		return usageError{"eject: -diff and -record do different things: give one of them"}
	}
	names, err := eject.Resolve(dossier.Defaults, pos)
	if err != nil {
		return usageError{"eject: " + err.Error()}
	}
	if _, err := os.Stat(*src + "/" + config.File); err != nil {
		return fmt.Errorf("no %s in %s: it is not a dossier (run dossier init DIR, or pass -src DIR)", config.File, *src)
	}
	root, err := os.OpenRoot(*src)
	if err != nil {
		return err
	}
	defer root.Close()
	version := releaseOf(buildInfo(ctx)).Version
	if version == "" {
		version = "(devel)"
	}
	e := ejector{root: root, cmd: ejectCommand(*src), version: version, stdout: stdout, stderr: stderr}
	switch {
	case *diff:
		return e.diff(names, slices.ContainsFunc(pos, func(a string) bool { return !slices.Contains(eject.Folders(), a) }))
	case *record:
		return e.record(names)
	}
	return e.eject(names)
}

// ejectCommand is how to run eject on the dossier at src, for messages.
func ejectCommand(src string) string {
	if src == "." || src == "" {
		return "dossier eject"
	}
	return "dossier eject -src " + src
}

// ejector runs one eject command on an open dossier.
type ejector struct {
	root           *os.Root
	cmd, version   string
	stdout, stderr io.Writer
}

func (e ejector) eject(names []string) error {
	res, err := eject.Eject(e.root, dossier.Defaults, names, e.version)
	for _, name := range res.Done {
		fmt.Fprintf(e.stdout, "wrote %s\n", name)
	}
	for _, name := range res.Skipped {
		fmt.Fprintf(e.stderr, "%s is in the dossier already: not replaced (%s -diff %s shows how it differs from the built-in file)\n", name, e.cmd, name)
	}
	if err != nil {
		return fmt.Errorf("eject: %w", err)
	}
	if len(res.Done) > 0 {
		fmt.Fprintf(e.stdout, "ejected %s, to edit in place; %s records which built-in version each came from, so that dossier check can tell when the built-in files change\n",
			plural(len(res.Done), "file"), eject.RecordFile)
	}
	return nil
}

func (e ejector) record(names []string) error {
	res, err := eject.Mark(e.root, dossier.Defaults, names, e.version)
	for _, name := range res.Done {
		fmt.Fprintf(e.stdout, "recorded %s as up to date with the built-in file of dossier %s\n", name, e.version)
	}
	if err != nil {
		return fmt.Errorf("eject: %w", err)
	}
	if len(res.Done) == 0 {
		fmt.Fprintln(e.stderr, "eject: none of these files is in the dossier: nothing to record")
	}
	return nil
}

// diff prints a unified diff for each copy that differs from its
// built-in file; explicit says the names were asked for one by one, so a
// file the dossier does not have is worth saying.
func (e ejector) diff(names []string, explicit bool) error {
	for _, name := range names {
		mine, err := e.root.ReadFile(name)
		if errors.Is(err, fs.ErrNotExist) {
			if explicit {
				fmt.Fprintf(e.stderr, "%s is not in the dossier: it uses the built-in file\n", name)
			}
			continue
		}
		if err != nil {
			return fmt.Errorf("eject: %w", err)
		}
		theirs, err := fs.ReadFile(dossier.Defaults, name)
		if err != nil {
			return err
		}
		if bytes.Equal(mine, theirs) {
			if explicit {
				fmt.Fprintf(e.stderr, "%s is the same as the built-in file\n", name)
			}
			continue
		}
		fmt.Fprint(e.stdout, eject.Unified(name+" (this dossier)", name+" (built-in, dossier "+e.version+")", mine, theirs))
	}
	return nil
}
