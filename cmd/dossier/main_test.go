package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeDossier creates a dossier from name -> contents in a temp folder.
func writeDossier(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// runCmd runs the command line and returns its exit status and output.
func runCmd(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	err := run(context.Background(), args, &out, &errOut)
	code = exitCode(err, &errOut)
	return code, out.String(), errOut.String()
}

func TestExitStatus(t *testing.T) {
	good := writeDossier(t, map[string]string{
		"dossier.yaml":        "title: Test dossier\n",
		"content/_index.md":   "---\ntitle: Home\n---\nSee [[a]].\n",
		"content/briefs/a.md": "---\ntitle: A brief\n---\nText.\n",
	})
	bad := writeDossier(t, map[string]string{
		"dossier.yaml":        "title: Test dossier\n",
		"content/_index.md":   "---\ntitle: Home\n---\nSee [[b]] and [[c]].\n",
		"content/briefs/a.md": "---\ntitle: [A\n---\n",
	})
	out := filepath.Join(t.TempDir(), "site")
	tests := []struct {
		name       string
		args       []string
		code       int
		wantStderr []string
	}{
		{"build ok", []string{"build", "-src", good, "-out", out}, 0, nil},
		{"build content errors, all reported, sorted", []string{"build", "-src", bad, "-out", out}, 1, []string{
			bad + "/content/_index.md:4:7: no page named \"b\"",
			bad + "/content/_index.md:4:17: no page named \"c\"",
			bad + "/content/briefs/a.md:2:8: front matter:",
			"dossier: 3 errors",
		}},
		{"unknown flag", []string{"build", "-nope"}, 2, []string{"usage: dossier build", "-base-url string", "flag provided but not defined: -nope"}},
		{"unexpected argument", []string{"build", "extra"}, 2, []string{`unexpected argument "extra"`}},
		{"unknown command", []string{"bild"}, 2, []string{`unknown command "bild"`}},
		{"no command", nil, 2, []string{"no command given"}},
		{"bad base url", []string{"build", "-src", good, "-out", out, "-base-url", "ftp://x"}, 1, []string{"must start with https://"}},
		{"not a dossier", []string{"check", "-src", t.TempDir()}, 1, []string{"dossier.yaml: no dossier.yaml here"}},
		{"foreign -out folder", []string{"build", "-src", good, "-out", good}, 2, []string{
			"build: -out " + good + ": it is not empty and was not written by dossier",
		}},
		{"-out a file", []string{"build", "-src", good, "-out", filepath.Join(good, "dossier.yaml")}, 1, []string{
			"output folder " + filepath.Join(good, "dossier.yaml") + ":",
		}},
		{"check format", []string{"check", "-src", good, "-format", "xml"}, 2, []string{"-format must be text, json or github"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := runCmd(t, tt.args...)
			stderr = stdout + stderr
			if code != tt.code {
				t.Errorf("exit %d, want %d; stderr:\n%s", code, tt.code, stderr)
			}
			for _, want := range tt.wantStderr {
				if n := strings.Count(stderr, want); n != 1 {
					t.Errorf("stderr has %q %d times, want once:\n%s", want, n, stderr)
				}
			}
		})
	}
}

func TestHelpForEachCommand(t *testing.T) {
	flags := map[string][]string{
		"build":   {"-src", "-out", "-drafts", "-base-url", "-cache", "-watch", "-cpuprofile", "-memprofile"},
		"check":   {"-src", "-drafts", "-format"},
		"serve":   {"-src", "-bind", "-port", "-drafts", "-base-url", "-cache", "-allow-host", "-expose"},
		"new":     {"-src", "-slug", "-from"},
		"eject":   {"-src", "-diff", "-record"},
		"init":    nil,
		"version": nil,
	}
	for cmd, want := range flags {
		code, _, dashH := runCmd(t, cmd, "-h")
		hcode, help, _ := runCmd(t, "help", cmd)
		if code != 0 || hcode != 0 || dashH != help {
			t.Errorf("%s -h (exit %d) and help %s (exit %d) differ:\n%s\n---\n%s", cmd, code, cmd, hcode, dashH, help)
		}
		if !strings.HasPrefix(help, "usage: dossier "+cmd) || !strings.Contains(help, "\n\n"+strings.ToUpper(summaryOf(cmd)[:1])) {
			t.Errorf("help %s lacks its usage line or summary:\n%s", cmd, help)
		}
		for _, f := range want {
			if !strings.Contains(help, "\n  "+f+" ") && !strings.Contains(help, "\n  "+f+"\n") {
				t.Errorf("help %s lacks %s:\n%s", cmd, f, help)
			}
		}
		if (len(want) == 0) == strings.Contains(help, "Flags:") {
			t.Errorf("help %s: a Flags: heading only when there are flags:\n%s", cmd, help)
		}
	}
	if code, stdout, _ := runCmd(t, "-h"); code != 0 || !strings.Contains(stdout, "dossier build") || !strings.Contains(stdout, "dossier eject") {
		t.Errorf("-h: exit %d\n%s", code, stdout)
	}
	if code, stdout, _ := runCmd(t, "help"); code != 0 || !strings.Contains(stdout, "dossier help ") {
		t.Errorf("help: exit %d\n%s", code, stdout)
	}
	if code, _, stderr := runCmd(t, "help", "bild"); code != 2 || !strings.Contains(stderr, `help: unknown command "bild"`) {
		t.Errorf("help bild: exit %d\n%s", code, stderr)
	}
}

func TestCheckFormats(t *testing.T) {
	t.Setenv("GITHUB_ACTIONS", "")
	dir := writeDossier(t, map[string]string{
		"dossier.yaml":                  "title: T\n",
		"content/_index.md":             "---\ntitle: Home\n---\n[[a]] [[kim-jong-um]]\n",
		"content/briefs/a.md":           "---\ntitle: A\nsumary: typo\n---\nText.\n",
		"content/actors/kim-jong-un.md": "---\ntitle: Kim Jong-un\nkind: person\n---\n",
	})
	code, stdout, _ := runCmd(t, "check", "-src", dir, "-format", "json")
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	got := decodeCheckJSON(t, stdout)
	if got.Errors != 1 || len(got.Diagnostics) < 2 {
		t.Fatalf("got %+v", got)
	}
	first := got.Diagnostics[0]
	if first.File != dir+"/content/_index.md" || first.Line != 4 || first.Col != 9 || first.Severity != "error" || first.Suggestion != `did you mean "kim-jong-un"?` {
		t.Errorf("first diagnostic = %+v", first)
	}

	// On GitHub Actions, annotations are the default format...
	t.Setenv("GITHUB_ACTIONS", "true")
	_, stdout, _ = runCmd(t, "check", "-src", dir)
	wantAnnotation := "::error file=" + dir + "/content/_index.md,line=4,col=9::no page named \"kim-jong-um\" (did you mean \"kim-jong-un\"?)\n"
	if !strings.Contains(stdout, wantAnnotation) {
		t.Errorf("no annotation %q in:\n%s", wantAnnotation, stdout)
	}
	if !strings.Contains(stdout, "::warning file="+dir+"/content/briefs/a.md,line=3,col=1::unknown front-matter key") {
		t.Errorf("no warning annotation in:\n%s", stdout)
	}
	for _, line := range strings.Split(strings.TrimSpace(stdout), "\n") {
		if !strings.HasPrefix(line, "::") {
			t.Errorf("not a workflow command in -format github: %q", line)
		}
	}
	// ...but -format json is still JSON and nothing else.
	_, stdout, _ = runCmd(t, "check", "-src", dir, "-format", "json")
	decodeCheckJSON(t, stdout)
	if strings.Contains(stdout, "::error") {
		t.Errorf("annotations in the JSON output:\n%s", stdout)
	}
	// And -format text is text.
	_, stdout, _ = runCmd(t, "check", "-src", dir, "-format", "text")
	if !strings.HasPrefix(stdout, dir+"/content/_index.md:4:9: no page named") || strings.Contains(stdout, "::") {
		t.Errorf("-format text:\n%s", stdout)
	}
}

type checkJSON struct {
	Diagnostics []jsonDiag
	Errors      int
	Warnings    int
}

// decodeCheckJSON decodes check's JSON output, which must be exactly one
// JSON document.
func decodeCheckJSON(t *testing.T, stdout string) checkJSON {
	t.Helper()
	var got checkJSON
	dec := json.NewDecoder(strings.NewReader(stdout))
	if err := dec.Decode(&got); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, stdout)
	}
	if dec.More() {
		t.Fatalf("more than one JSON document:\n%s", stdout)
	}
	return got
}

// TestAnnotationPositions checks that annotations carry the columns
// editors show (characters, not bytes), and that a problem with a whole
// file names the file without line=0,col=0.
func TestAnnotationPositions(t *testing.T) {
	t.Setenv("GITHUB_ACTIONS", "true")
	dir := writeDossier(t, map[string]string{
		"dossier.yaml":        "title: T\n",
		"content/briefs/a.md": "---\ntitle: A\n---\nChina–DPRK ééé [[nowhere]]\n",
	})
	_, stdout, _ := runCmd(t, "check", "-src", dir)
	for _, want := range []string{
		"::error file=" + dir + "/content/_index.md::missing home page (create content/_index.md with a title and a bluf)\n",
		"::error file=" + dir + "/content/briefs/a.md,line=4,col=18::no page named \"nowhere\"",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("no %q in:\n%s", want, stdout)
		}
	}
}

func TestCheckCountsWarnings(t *testing.T) {
	t.Setenv("GITHUB_ACTIONS", "")
	dir := writeDossier(t, map[string]string{
		"dossier.yaml":        "title: T\n",
		"content/_index.md":   "---\ntitle: Home\n---\n[[a]]\n",
		"content/briefs/a.md": "---\ntitle: A\ndate: 2025-10\nsumary: typo\n---\nText.\n",
	})
	code, _, stderr := runCmd(t, "check", "-src", dir)
	if code != 0 || !strings.Contains(stderr, "dossier check: no errors, 1 warning\n") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
}

// TestMiscasedKeysFailPublishing checks that a handling label or draft
// mark under a key in the wrong case stops a publishing build at the key,
// instead of being ignored and the page published.
func TestMiscasedKeysFailPublishing(t *testing.T) {
	for _, key := range []string{"TLP: TLP:RED", "Tlp: TLP:RED", "Draft: true", "DRAFT: true", `" tlp": TLP:RED`} {
		dir := writeDossier(t, map[string]string{
			"dossier.yaml":             "title: T\n",
			"content/_index.md":        "---\ntitle: Home\n---\n[[secret]]\n",
			"content/briefs/secret.md": "---\ntitle: Secret\n" + key + "\n---\nText.\n",
		})
		out := filepath.Join(t.TempDir(), "site")
		code, _, stderr := runCmd(t, "build", "-src", dir, "-out", out)
		want := dir + "/content/briefs/secret.md:3:1: front-matter key "
		if code != 1 || !strings.Contains(stderr, want) || !strings.Contains(stderr, "is not read") {
			t.Errorf("%s: exit %d, stderr:\n%s\nwant exit 1 and %q", key, code, stderr, want)
		}
		if _, err := os.Stat(out); err == nil {
			t.Errorf("%s: the site was written", key)
		}
	}
}

// TestBuildNamesDraftsLeftOut: a draft left out of a build is named, with
// how to include or preview it, so that a new page does not vanish
// without a word.
func TestBuildNamesDraftsLeftOut(t *testing.T) {
	dir := writeDossier(t, map[string]string{
		"dossier.yaml":        "title: T\n",
		"content/_index.md":   "---\ntitle: Home\n---\n[[a]]\n",
		"content/briefs/a.md": "---\ntitle: A\ndate: 2025-10\n---\nText.\n",
		"content/briefs/b.md": "---\ntitle: B\ndraft: true\n---\nNot yet.\n",
	})
	code, stdout, stderr := runCmd(t, "build", "-src", dir, "-out", filepath.Join(t.TempDir(), "site"), "-cache", "")
	if code != 0 || !strings.Contains(stdout, "left out 1 draft (draft: true; build -drafts to include, dossier serve to preview): content/briefs/b.md\n") {
		t.Errorf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	_, stdout, _ = runCmd(t, "build", "-src", dir, "-out", filepath.Join(t.TempDir(), "site"), "-cache", "", "-drafts")
	if strings.Contains(stdout, "left out") {
		t.Errorf("with -drafts: %q", stdout)
	}
}
