package main

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/internal/build"
	"github.com/dossier-project/dossier/internal/buildtest"
	"github.com/dossier-project/dossier/internal/eject"
)

// TestEject copies a template out, checks that the build uses the copy,
// that a second eject does not replace it, and that -diff shows how it
// differs from the built-in file.
func TestEject(t *testing.T) {
	dir := initDossier(t)
	code, stdout, stderr := runCmd(t, "eject", "-src", dir, "templates", "brief.html")
	if code != 0 || !strings.HasPrefix(stdout, "wrote templates/brief.html\nejected 1 file, to edit in place;") {
		t.Fatalf("eject: exit %d\n%s%s", code, stdout, stderr)
	}
	mine := filepath.Join(dir, "templates", "brief.html")
	builtin, _ := fs.ReadFile(dossier.Defaults, "templates/brief.html")
	if _, out, errOut := runCmd(t, "eject", "-src", dir, "-diff", "templates/brief.html"); out != "" || errOut != "templates/brief.html is the same as the built-in file\n" {
		t.Errorf("-diff of an unchanged copy: stdout %q, stderr %q", out, errOut)
	}
	if data, _ := os.ReadFile(mine); !bytes.Equal(data, builtin) {
		t.Fatal("the copy is not the built-in file")
	}
	edited := bytes.Replace(builtin, []byte(`{{define "main"}}`), []byte("{{define \"main\"}}<p>EDITED BY US</p>"), 1)
	if bytes.Equal(edited, builtin) {
		t.Fatal(`brief.html has no {{define "main"}} to edit`)
	}
	if err := os.WriteFile(mine, edited, 0o644); err != nil {
		t.Fatal(err)
	}
	res, diags := buildtest.Build(t, dir, build.Options{})
	if res == nil || !bytes.Contains(res.Files["briefs/port-agreement/index.html"], []byte("EDITED BY US")) {
		t.Errorf("the build does not use the ejected template (%v)", diags)
	}

	code, stdout, stderr = runCmd(t, "eject", "-src", dir, "brief.html")
	if code != 0 || stdout != "" || !strings.Contains(stderr, "templates/brief.html is in the dossier already: not replaced") {
		t.Errorf("second eject: exit %d\n%s%s", code, stdout, stderr)
	}
	if data, _ := os.ReadFile(mine); !bytes.Equal(data, edited) {
		t.Error("the second eject replaced the edited copy")
	}

	_, stdout, _ = runCmd(t, "eject", "-src", dir, "-diff", "templates/brief.html")
	wantHead := "--- templates/brief.html (this dossier)\n+++ templates/brief.html (built-in, dossier (devel))\n@@ -"
	if !strings.HasPrefix(stdout, wantHead) || !strings.Contains(stdout, "\n-"+firstLineWith(edited, "EDITED BY US")) {
		t.Errorf("-diff:\n%s", stdout)
	}
	if _, stdout, _ := runCmd(t, "eject", "-src", dir, "-diff"); !strings.HasPrefix(stdout, wantHead) {
		t.Errorf("-diff of every ejected file:\n%s", stdout)
	}
	if code, stdout, _ := runCmd(t, "check", "-src", dir, "-format", "text"); code != 0 || stdout != "" {
		t.Errorf("check after ejecting from this very version: exit %d\n%s", code, stdout)
	}
}

func firstLineWith(data []byte, s string) string {
	for _, line := range strings.SplitAfter(string(data), "\n") {
		if strings.Contains(line, s) {
			return line
		}
	}
	return ""
}

// TestCheckWarnsWhenBuiltinMovesOn records an ejected file as taken from
// an older built-in file (another hash), as a copy made by an earlier
// dossier would be, and checks that check warns with the commands to
// run, and that eject -record clears the warning.
func TestCheckWarnsWhenBuiltinMovesOn(t *testing.T) {
	dir := initDossier(t)
	if code, _, stderr := runCmd(t, "eject", "-src", dir, "static", "style.css"); code != 0 {
		t.Fatal(stderr)
	}
	rec := eject.Record{Files: map[string]eject.Source{"static/style.css": {SHA256: strings.Repeat("0", 64), Version: "v0.9.0"}}}
	data, _ := json.Marshal(rec)
	if err := os.WriteFile(filepath.Join(dir, eject.RecordFile), data, 0o644); err != nil {
		t.Fatal(err)
	}
	css := filepath.Join(dir, "static", "style.css")
	if err := os.WriteFile(css, []byte("body { color: black }\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := runCmd(t, "check", "-src", dir, "-format", "text")
	want := dir + "/static/style.css: warning: the built-in static/style.css has changed since this copy was taken from dossier v0.9.0 " +
		"(see the difference with dossier eject -src " + dir + " -diff static/style.css; merge what you want, then run dossier eject -src " + dir + " -record static/style.css)\n"
	if code != 0 || stdout != want || !strings.Contains(stderr, "no errors, 1 warning") {
		t.Errorf("check: exit %d\n%s\nwant\n%s", code, stdout, want)
	}
	t.Setenv("GITHUB_ACTIONS", "true")
	if _, stdout, _ := runCmd(t, "check", "-src", dir); !strings.HasPrefix(stdout, "::warning file="+dir+"/static/style.css::the built-in") {
		t.Errorf("annotation:\n%s", stdout)
	}
	if code, stdout, _ := runCmd(t, "eject", "-src", dir, "-record", "style.css"); code != 0 || !strings.HasPrefix(stdout, "recorded static/style.css as up to date") {
		t.Errorf("-record: exit %d\n%s", code, stdout)
	}
	if code, stdout, _ := runCmd(t, "check", "-src", dir, "-format", "text"); code != 0 || stdout != "" {
		t.Errorf("check after -record: exit %d\n%s", code, stdout)
	}
}

func TestEjectRefusals(t *testing.T) {
	dir := initDossier(t)
	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"eject", "-src", dir, "breif.html"}, 2, `eject: no built-in file "breif.html" in templates/ or static/ (did you mean "brief.html"?)`},
		{[]string{"eject", "-src", dir, "-diff", "-record"}, 2, "-diff and -record do different things"},
		{[]string{"eject", "-src", t.TempDir()}, 1, "no dossier.yaml in"},
	}
	for _, tt := range tests {
		code, _, stderr := runCmd(t, tt.args...)
		if code != tt.code || !strings.Contains(stderr, tt.want) {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q", tt.args, code, stderr, tt.code, tt.want)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "templates")); err == nil {
		t.Error("a refused eject wrote templates/")
	}
}
