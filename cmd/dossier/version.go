package main

import (
	"context"
	"fmt"
	"io"
)

// runVersion implements "dossier version" (also --version and -version):
// the module version, the commit it was built from with its time (and
// +dirty when the tree had changes), the Go version and the platform.
func runVersion(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("version", "", stderr)
	if err := parseFlags(fs, args, false); err != nil {
		return helpOK(err)
	}
	r := releaseOf(buildInfo(ctx))
	fmt.Fprint(stdout, r.String())
	return nil
}

// String is what dossier version prints: three lines, e.g.
//
//	dossier v1.2.3
//	revision 0123456789abcdef0123456789abcdef01234567+dirty, 2026-11-30T10:12:00Z
//	go1.26.8 linux/amd64
func (r release) String() string {
	version := r.Version
	if version == "" {
		version = "(devel)"
	}
	revision := "revision unknown (built without version control information)"
	if r.Revision != "" {
		revision = "revision " + r.Revision
		if r.Modified {
			revision += "+dirty"
		}
		if r.Time != "" {
			revision += ", " + r.Time
		}
	}
	return fmt.Sprintf("dossier %s\n%s\n%s %s\n", version, revision, r.GoVersion, r.Platform)
}
