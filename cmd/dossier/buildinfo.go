package main

import (
	"context"
	"runtime"
	"runtime/debug"
	"strings"
)

// modulePath is dossier's module, which go install installs the command
// from.
const modulePath = "github.com/dossier-project/dossier"

// buildInfoKey carries the build information that tests put in a
// context in place of the binary's own.
type buildInfoKey struct{}

// buildInfo returns the build information in ctx, else the running
// binary's (nil when it has none).
func buildInfo(ctx context.Context) *debug.BuildInfo {
	if info, ok := ctx.Value(buildInfoKey{}).(*debug.BuildInfo); ok {
		return info
	}
	if info, ok := debug.ReadBuildInfo(); ok {
		return info
	}
	return nil
}

// release is what a binary knows of the dossier code it was built from.
type release struct {
	// Version is the module version (v1.2.3, a pseudo-version, possibly
	// ending +dirty); "" for a build without one ("(devel)").
	Version string
	// Revision and Time are the version-control commit and its time;
	// Modified says the working tree had changes. Empty when the build
	// recorded none (go run, -buildvcs=false, a build outside a checkout).
	Revision, Time string
	Modified       bool
	// GoVersion and Platform are the toolchain and GOOS/GOARCH.
	GoVersion, Platform string
}

// releaseOf reads a release from build information (nil: none).
func releaseOf(info *debug.BuildInfo) release {
	r := release{GoVersion: runtime.Version(), Platform: runtime.GOOS + "/" + runtime.GOARCH}
	if info == nil {
		return r
	}
	if info.GoVersion != "" {
		r.GoVersion = info.GoVersion
	}
	mod := info.Main
	if mod.Path != modulePath {
		// dossier built into another program: its version is a
		// dependency's, and the VCS settings are the other program's.
		for _, dep := range info.Deps {
			if dep.Path == modulePath {
				r.Version = dep.Version
			}
		}
		return r
	}
	if mod.Version != "(devel)" {
		r.Version = mod.Version
	}
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			r.Revision = s.Value
		case "vcs.time":
			r.Time = s.Value
		case "vcs.modified":
			r.Modified = s.Value == "true"
		}
	}
	return r
}

// pin returns the version for go install to install dossier at in a new
// dossier's workflow, and a comment that says where it came from: the
// exact module version of this binary; else its commit, which go install
// resolves to that commit's pseudo-version; else latest, with a comment
// saying that it is not pinned. A binary built from a modified tree pins
// the commit it was modified from, and says so.
func (r release) pin() (ref string, note []string) {
	base, dirty := strings.CutSuffix(r.Version, "+dirty")
	switch {
	case base != "" && !dirty && !r.Modified:
		return base, []string{"The version of dossier that wrote this workflow (dossier init, " + base + ")."}
	case base != "":
		return base, []string{
			"dossier init ran from " + base + " with uncommitted changes: this installs",
			base + " as committed, without them (once that commit is published).",
		}
	case r.Revision != "" && !r.Modified:
		return r.Revision, []string{
			"dossier init ran from commit " + shortRev(r.Revision) + ", a build without a module version:",
			"go install resolves the commit to its pseudo-version.",
		}
	case r.Revision != "":
		return r.Revision, []string{
			"dossier init ran from commit " + shortRev(r.Revision) + " with uncommitted changes and no module",
			"version: this installs the commit as committed, without them (once it is published).",
		}
	}
	return "latest", []string{
		"NOT PINNED: dossier init ran from a build with neither a version nor a",
		"commit (go run, or -buildvcs=false), so this installs the latest release.",
		"Write a version here (dossier version prints yours) to pin it.",
	}
}

func shortRev(rev string) string {
	if len(rev) > 12 {
		return rev[:12]
	}
	return rev
}
