package main

import (
	"context"
	"runtime"
	"runtime/debug"
	"strings"
	"testing"
)

// withBuild is a context that makes dossier see info as its build
// information.
func withBuild(info *debug.BuildInfo) context.Context {
	return context.WithValue(context.Background(), buildInfoKey{}, info)
}

// fakeBuild is build information for the dossier module at version, with
// the given VCS settings (key, value, key, value...).
func fakeBuild(version string, vcs ...string) *debug.BuildInfo {
	info := &debug.BuildInfo{GoVersion: "go1.26.8", Path: modulePath + "/cmd/dossier", Main: debug.Module{Path: modulePath, Version: version}}
	for i := 0; i+1 < len(vcs); i += 2 {
		info.Settings = append(info.Settings, debug.BuildSetting{Key: vcs[i], Value: vcs[i+1]})
	}
	return info
}

const rev = "0123456789abcdef0123456789abcdef01234567"

func TestVersionOutput(t *testing.T) {
	platform := runtime.GOOS + "/" + runtime.GOARCH
	tests := []struct {
		info *debug.BuildInfo
		want string
	}{
		{fakeBuild("v1.2.3", "vcs.revision", rev, "vcs.time", "2026-11-30T10:12:00Z", "vcs.modified", "false"),
			"dossier v1.2.3\nrevision " + rev + ", 2026-11-30T10:12:00Z\ngo1.26.8 " + platform + "\n"},
		{fakeBuild("v0.0.0-20261130101200-0123456789ab+dirty", "vcs.revision", rev, "vcs.time", "2026-11-30T10:12:00Z", "vcs.modified", "true"),
			"dossier v0.0.0-20261130101200-0123456789ab+dirty\nrevision " + rev + "+dirty, 2026-11-30T10:12:00Z\ngo1.26.8 " + platform + "\n"},
		{fakeBuild("(devel)"),
			"dossier (devel)\nrevision unknown (built without version control information)\ngo1.26.8 " + platform + "\n"},
		{&debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Path: "example.com/tool"},
			Deps: []*debug.Module{{Path: modulePath, Version: "v1.4.0"}}, Settings: []debug.BuildSetting{{Key: "vcs.revision", Value: "ffff"}}},
			"dossier v1.4.0\nrevision unknown (built without version control information)\ngo1.26.8 " + platform + "\n"},
	}
	for _, tt := range tests {
		for _, args := range [][]string{{"version"}, {"--version"}, {"-version"}} {
			var out, errOut strings.Builder
			if err := run(withBuild(tt.info), args, &out, &errOut); err != nil || out.String() != tt.want {
				t.Errorf("%v with %s: %v\n%s\nwant\n%s", args, tt.info.Main.Version, err, out.String(), tt.want)
			}
		}
	}
	// The binary's own information, whatever it is, gives three lines.
	code, stdout, _ := runCmd(t, "version")
	if lines := strings.Split(stdout, "\n"); code != 0 || len(lines) != 4 || !strings.HasPrefix(lines[0], "dossier ") ||
		!strings.HasPrefix(lines[1], "revision ") || !strings.HasSuffix(lines[2], " "+platform) {
		t.Errorf("version: exit %d\n%s", code, stdout)
	}
}

func TestWorkflowPin(t *testing.T) {
	tests := []struct {
		info      *debug.BuildInfo
		ref, note string
	}{
		{fakeBuild("v1.2.3", "vcs.revision", rev, "vcs.modified", "false"), "v1.2.3", "(dossier init, v1.2.3)"},
		{fakeBuild("v0.0.0-20261130101200-0123456789ab"), "v0.0.0-20261130101200-0123456789ab", "(dossier init, v0.0.0-20261130101200-0123456789ab)"},
		{fakeBuild("v0.0.0-20261130101200-0123456789ab+dirty", "vcs.revision", rev, "vcs.modified", "true"),
			"v0.0.0-20261130101200-0123456789ab", "with uncommitted changes"},
		{fakeBuild("(devel)", "vcs.revision", rev, "vcs.modified", "false"), rev, "resolves the commit to its pseudo-version"},
		{fakeBuild("(devel)", "vcs.revision", rev, "vcs.modified", "true"), rev, "with uncommitted changes and no module"},
		{fakeBuild("(devel)"), "latest", "NOT PINNED"},
		{nil, "latest", "NOT PINNED"},
	}
	for _, tt := range tests {
		ref, note := releaseOf(tt.info).pin()
		if ref != tt.ref || !strings.Contains(strings.Join(note, " "), tt.note) {
			t.Errorf("pin(%+v) = %q, %q; want %q and a note with %q", tt.info, ref, note, tt.ref, tt.note)
		}
	}
}
