package main

import (
	"bytes"
	"html"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// smallDossier is a dossier that builds.
var smallDossier = map[string]string{
	"dossier.yaml":        "title: Symlink dossier\n",
	"content/_index.md":   "---\ntitle: Home\n---\nSee [[a]].\n",
	"content/briefs/a.md": "---\ntitle: A brief\n---\nText of the brief.\n",
}

// A hostile link is a symbolic link out of the dossier, or in a loop, and
// the error it gives, at the link. The content's errors stop a build
// before templates are read, and the templates' before static files, so
// these come in three sets.
type hostileLink struct{ name, target, refusal string }

// hostileLinks returns the links of one set (see linkSets); outside names
// a folder outside the dossier.
func hostileLinks(set, outside string) []hostileLink {
	escapes := func(name, target string) hostileLink {
		return hostileLink{name, target, name + `: symbolic link to "` + target + `" points outside the dossier: not read`}
	}
	if set == "content" {
		return []hostileLink{
			escapes("content/briefs/passwd.md", "/etc/passwd"),
			escapes("content/briefs/environ.md", "/proc/self/environ"),
			escapes("content/sources/outside", outside),
			{"content/briefs/loop.md", "loop.md", `content/briefs/loop.md: symbolic link to "loop.md" loops: not read`},
			{"content/briefs/again", "..", "content/briefs/again: symbolic link to a folder that contains it: a loop, not followed"},
		}
	}
	if set == "templates" {
		return []hostileLink{
			escapes("templates/partials/env.html", "/proc/self/environ"),
			escapes("templates/partials/passwd.html", "/etc/passwd"),
		}
	}
	return []hostileLink{
		escapes("static/passwd.txt", "/etc/passwd"),
		escapes("static/env.txt", "/proc/self/environ"),
		escapes("static/outside", outside),
		{"static/loop.txt", "loop.txt", `static/loop.txt: symbolic link to "loop.txt" loops: not read`},
	}
}

// linkSets are the sets of hostileLinks.
var linkSets = []string{"content", "templates", "static"}

// addLinks creates the symbolic links in dir.
func addLinks(t *testing.T, dir string, links []hostileLink) {
	t.Helper()
	for _, l := range links {
		name, target := l.name, l.target
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(target, p); err != nil {
			t.Fatal(err)
		}
	}
}

// secrets are strings that must appear in no output: the test's secret
// environment variable, the first line of /etc/passwd, and what the
// folder outside the dossier holds.
type secrets []string

func newSecrets(t *testing.T, env, outside string) secrets {
	t.Helper()
	passwd, err := os.ReadFile("/etc/passwd")
	if err != nil || len(passwd) == 0 {
		t.Skipf("no /etc/passwd to link to: %v", err)
	}
	first, _, _ := strings.Cut(string(passwd), "\n")
	marker := "outside-the-dossier-" + env
	for _, f := range []string{"secret.md", "style.css"} {
		data := "---\ntitle: Outside\n---\n" + marker + "\n"
		if err := os.WriteFile(filepath.Join(outside, f), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return secrets{env, first, marker}
}

// check fails the test when what (an output named name) holds a secret.
func (s secrets) check(t *testing.T, name string, what []byte) {
	t.Helper()
	for _, secret := range s {
		if bytes.Contains(what, []byte(secret)) {
			t.Errorf("%s holds %q", name, secret)
		}
	}
}

// checkTree checks every file under dir.
func (s secrets) checkTree(t *testing.T, dir string) {
	t.Helper()
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() {
			return err
		}
		data, err := os.ReadFile(p)
		s.check(t, p, data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestSymlinksOutOfTheDossierBuildCheck: links to /etc/passwd,
// /proc/self/environ, a folder outside and loops are each an error at
// the link in build and check; nothing they point to is read into the
// site, a diagnostic or the command's output, and the last good site
// stays.
func TestSymlinksOutOfTheDossierBuildCheck(t *testing.T) {
	env, ok := inSecretProcess(t)
	if !ok {
		return
	}
	outside := t.TempDir()
	sec := newSecrets(t, env, outside)
	for _, set := range linkSets {
		t.Run(set, func(t *testing.T) {
			links := hostileLinks(set, outside)
			dir := writeDossier(t, smallDossier)
			parent := t.TempDir()
			out := filepath.Join(parent, "site")
			if code, _, stderr := runCmd(t, "build", "-src", dir, "-out", out); code != 0 {
				t.Fatalf("the first build: exit %d\n%s", code, stderr)
			}
			before := readTree(t, out)
			addLinks(t, dir, links)

			code, stdout, stderr := runCmd(t, "build", "-src", dir, "-out", out)
			checkRefused(t, "build", code, stderr, dir, links)
			sec.check(t, "build's output", []byte(stdout+stderr))
			sec.checkTree(t, parent)
			if after := readTree(t, out); !equalTrees(before, after) {
				t.Error("the failed build changed the site")
			}
			if entries, _ := os.ReadDir(parent); len(entries) != 1 {
				t.Errorf("beside the site: %v", entries)
			}

			code, stdout, stderr = runCmd(t, "check", "-src", dir)
			checkRefused(t, "check", code, stdout, dir, links)
			sec.check(t, "check's output", []byte(stdout+stderr))
			code, stdout, _ = runCmd(t, "check", "-src", dir, "-format", "json")
			if code != 1 || !strings.Contains(stdout, `points outside the dossier: not read`) {
				t.Errorf("check -format json: exit %d\n%s", code, stdout)
			}
			sec.check(t, "check's JSON", []byte(stdout))
		})
	}
}

// checkRefused checks a command's exit status and that its diagnostics
// name every hostile link.
func checkRefused(t *testing.T, cmd string, code int, diags, dir string, links []hostileLink) {
	t.Helper()
	if code != 1 {
		t.Errorf("%s: exit %d, want 1", cmd, code)
	}
	for _, l := range links {
		if !strings.Contains(diags, dir+"/"+l.refusal) {
			t.Errorf("%s does not say %q:\n%s", cmd, l.refusal, diags)
		}
	}
}

// equalTrees reports whether two readTree results hold the same files.
func equalTrees(a, b map[string][]byte) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || !bytes.Equal(w, v) {
			return false
		}
	}
	return true
}

// TestSymlinksOutOfTheDossierServe: in the preview, links out of the
// dossier are errors on the error page, which shows none of the lines of
// what they point to; static/passwd.txt -> /etc/passwd is not served,
// whether the links were there at the start or added while serving.
func TestSymlinksOutOfTheDossierServe(t *testing.T) {
	env, ok := inSecretProcess(t)
	if !ok {
		return
	}
	outside := t.TempDir()
	sec := newSecrets(t, env, outside)
	for _, set := range linkSets {
		t.Run(set+" added while serving", func(t *testing.T) {
			links := hostileLinks(set, outside)
			dir := writeDossier(t, smallDossier)
			s := startServe(t, stepDeadline, "-src", dir, "-port", "0")
			addLinks(t, dir, links)
			eventually(t, stepDeadline, "the error page", func() bool {
				resp, _ := get(t, http.DefaultClient, s.URL)
				return resp.StatusCode == http.StatusInternalServerError
			})
			probeServed(t, sec, s, links)
		})
		t.Run(set+" there at the start", func(t *testing.T) {
			links := hostileLinks(set, outside)
			dir := writeDossier(t, smallDossier)
			addLinks(t, dir, links)
			s := startServe(t, stepDeadline, "-src", dir, "-port", "0")
			probeServed(t, sec, s, links)
		})
	}
}

// probeServed asks the preview for the error page and for each file a
// hostile link would publish, and checks what serve printed.
func probeServed(t *testing.T, sec secrets, s *served, links []hostileLink) {
	t.Helper()
	resp, page := get(t, http.DefaultClient, s.URL)
	if resp.StatusCode != http.StatusInternalServerError {
		t.Errorf("GET %s: %s, want the error page", s.URL, resp.Status)
	}
	text := html.UnescapeString(page)
	for _, l := range links {
		if !strings.Contains(text, l.refusal) {
			t.Errorf("the error page lacks %q", l.refusal)
		}
	}
	sec.check(t, "the error page", []byte(text))
	for _, p := range []string{"static/passwd.txt", "static/env.txt", "static/outside/style.css", "briefs/passwd/", "briefs/environ/", "sources/secret/", "search.json", "404.html"} {
		resp, body := get(t, http.DefaultClient, s.URL+p)
		sec.check(t, "GET /"+p, []byte(html.UnescapeString(body)))
		if strings.HasPrefix(p, "static/") && resp.StatusCode == http.StatusOK {
			t.Errorf("GET /%s: %s, want it not served", p, resp.Status)
		}
	}
	sec.check(t, "serve's output", []byte(s.Stdout.String()+s.Stderr.String()))
}

// TestSymlinksInsideTheDossier: links that stay inside the dossier work
// like the files they name, in build, check and serve: a content file, a
// static file and a whole content folder.
func TestSymlinksInsideTheDossier(t *testing.T) {
	files := map[string]string{
		"notes/real.md":       "---\ntitle: Linked brief\n---\nText behind a link.\n",
		"assets/logo.txt":     "the logo, by link\n",
		"shared/events/e.md":  "---\ntitle: Linked event\ndate: 2025-10-09\n---\nAn event in a linked folder.\n",
		"content/briefs/b.md": "---\ntitle: B\n---\nSee [[linked]] and [[e]].\n",
	}
	for k, v := range smallDossier {
		files[k] = v
	}
	dir := writeDossier(t, files)
	addLinks(t, dir, []hostileLink{
		{name: "content/briefs/linked.md", target: "../../notes/real.md"},
		{name: "static/logo.txt", target: "../assets/logo.txt"},
		{name: "content/events", target: "../shared/events"},
	})
	out := filepath.Join(t.TempDir(), "site")
	if code, _, stderr := runCmd(t, "build", "-src", dir, "-out", out); code != 0 {
		t.Fatalf("build: exit %d\n%s", code, stderr)
	}
	site := readTree(t, out)
	want := map[string]string{
		"briefs/linked/index.html": "Text behind a link.",
		"events/e/index.html":      "An event in a linked folder.",
		"static/logo.txt":          "the logo, by link\n",
	}
	for name, text := range want {
		if !strings.Contains(string(site[filepath.Join(out, name)]), text) {
			t.Errorf("build: %s lacks %q", name, text)
		}
	}
	if code, stdout, stderr := runCmd(t, "check", "-src", dir); code != 0 {
		t.Errorf("check: exit %d\n%s%s", code, stdout, stderr)
	}
	s := startServe(t, stepDeadline, "-src", dir, "-port", "0")
	for name, text := range want {
		resp, body := get(t, http.DefaultClient, s.URL+strings.TrimSuffix(name, "index.html"))
		if resp.StatusCode != http.StatusOK || !strings.Contains(body, text) {
			t.Errorf("serve: GET /%s: %s, lacks %q", name, resp.Status, text)
		}
	}
}
