package eject

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

func defaults() fstest.MapFS {
	return fstest.MapFS{
		"templates/base.html":           {Data: []byte("<html>{{block \"main\" .}}{{end}}</html>\n")},
		"templates/brief.html":          {Data: []byte("{{define \"main\"}}brief{{end}}\n")},
		"templates/partials/cites.html": {Data: []byte("{{define \"cites\"}}{{end}}\n")},
		"static/style.css":              {Data: []byte("body { margin: 0 }\n")},
	}
}

func TestResolve(t *testing.T) {
	tests := []struct {
		args []string
		want string
		err  string
	}{
		{nil, "static/style.css templates/base.html templates/brief.html templates/partials/cites.html", ""},
		{[]string{"templates"}, "templates/base.html templates/brief.html templates/partials/cites.html", ""},
		{[]string{"static"}, "static/style.css", ""},
		{[]string{"brief.html"}, "templates/brief.html", ""},
		{[]string{"templates/brief.html", "style.css"}, "static/style.css templates/brief.html", ""},
		{[]string{"templates", "partials/cites.html"}, "templates/partials/cites.html", ""},
		{[]string{"cites.html"}, "templates/partials/cites.html", ""},
		{[]string{"partials"}, "templates/partials/cites.html", ""},
		{[]string{"./templates/brief.html", "brief.html"}, "templates/brief.html", ""},
		{[]string{"static", "brief.html"}, "", `no built-in file "brief.html" in static/`},
		{[]string{"breif.html"}, "", `no built-in file "breif.html" in templates/ or static/ (did you mean "brief.html"?)`},
	}
	for _, tt := range tests {
		got, err := Resolve(defaults(), tt.args)
		if tt.err != "" {
			if err == nil || err.Error() != tt.err {
				t.Errorf("Resolve(%q) error = %v, want %q", tt.args, err, tt.err)
			}
			continue
		}
		if err != nil || strings.Join(got, " ") != tt.want {
			t.Errorf("Resolve(%q) = %q, %v; want %q", tt.args, got, err, tt.want)
		}
	}
}

func openRoot(t *testing.T) (*os.Root, string) {
	t.Helper()
	dir := t.TempDir()
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { root.Close() })
	return root, dir
}

func TestEjectNeverOverwrites(t *testing.T) {
	root, dir := openRoot(t)
	mine := filepath.Join(dir, "templates", "brief.html")
	if err := os.MkdirAll(filepath.Dir(mine), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(mine, []byte("mine\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := Eject(root, defaults(), []string{"templates/brief.html", "templates/partials/cites.html"}, "v1.0.0")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(res.Done, " ") != "templates/partials/cites.html" || strings.Join(res.Skipped, " ") != "templates/brief.html" {
		t.Errorf("result = %+v", res)
	}
	if data, _ := os.ReadFile(mine); string(data) != "mine\n" {
		t.Errorf("brief.html was overwritten: %q", data)
	}
	if data, _ := os.ReadFile(filepath.Join(dir, "templates", "partials", "cites.html")); string(data) != "{{define \"cites\"}}{{end}}\n" {
		t.Errorf("cites.html = %q", data)
	}
	rec, err := LoadRecord(root.FS())
	if err != nil {
		t.Fatal(err)
	}
	if len(rec.Files) != 1 || rec.Files["templates/partials/cites.html"].SHA256 != hashOf(defaults()["templates/partials/cites.html"].Data) ||
		rec.Files["templates/partials/cites.html"].Version != "v1.0.0" {
		t.Errorf("record = %+v", rec)
	}
}

// TestStale walks the rules of the package documentation: a copy that
// falls behind a changed built-in file is a warning until it is recorded
// again; an unrecorded copy that differs is one too; an identical copy,
// recorded or not, is not.
func TestStale(t *testing.T) {
	root, dir := openRoot(t)
	old := defaults()
	if _, err := Eject(root, old, []string{"templates/brief.html", "static/style.css"}, "v1.0.0"); err != nil {
		t.Fatal(err)
	}
	write(t, dir, "static/style.css", "body { margin: 1em }\n") // changed on purpose
	write(t, dir, "templates/base.html", "<html>mine</html>\n") // copied by hand
	write(t, dir, "templates/partials/cites.html", string(old["templates/partials/cites.html"].Data))
	disk := root.FS()
	got := Stale(disk, old, "dossier eject").String()
	want := "templates/base.html: warning: this file shadows the built-in templates/base.html, and no record says which version it was copied from: it may lack later fixes " +
		"(compare it with dossier eject -diff templates/base.html; then run dossier eject -record templates/base.html, or delete it to use the built-in file)\n"
	if got != want {
		t.Errorf("same version:\n%s\nwant:\n%s", got, want)
	}

	// A new release changes brief.html and style.css.
	newer := defaults()
	newer["templates/brief.html"] = &fstest.MapFile{Data: []byte("{{define \"main\"}}brief, with a footer{{end}}\n")}
	newer["static/style.css"] = &fstest.MapFile{Data: []byte("body { margin: 0; color: #222 }\n")}
	diags := Stale(disk, newer, "dossier eject -src d")
	var lines []string
	for _, d := range diags {
		lines = append(lines, d.String())
	}
	wantStyle := "static/style.css: warning: the built-in static/style.css has changed since this copy was taken from dossier v1.0.0 " +
		"(see the difference with dossier eject -src d -diff static/style.css; merge what you want, then run dossier eject -src d -record static/style.css)"
	if len(diags) != 3 || lines[0] != wantStyle || !strings.HasPrefix(lines[1], "templates/base.html:") ||
		!strings.HasPrefix(lines[2], "templates/brief.html: warning: the built-in templates/brief.html has changed since") {
		t.Errorf("newer version:\n%s", strings.Join(lines, "\n"))
	}

	// Recording the merged copies clears their warnings.
	if _, err := Mark(root, newer, []string{"static/style.css", "templates/brief.html", "templates/base.html", "templates/partials/cites.html"}, "v1.1.0"); err != nil {
		t.Fatal(err)
	}
	if got := Stale(disk, newer, "dossier eject"); len(got) != 0 {
		t.Errorf("after -record:\n%s", got)
	}
}

func TestStaleBuiltinGone(t *testing.T) {
	root, dir := openRoot(t)
	if _, err := Eject(root, defaults(), []string{"templates/brief.html"}, "v1.0.0"); err != nil {
		t.Fatal(err)
	}
	newer := defaults()
	delete(newer, "templates/brief.html")
	got := Stale(root.FS(), newer, "dossier eject").String()
	want := "templates/brief.html: warning: the built-in templates/brief.html that this file was copied from (dossier v1.0.0) no longer exists " +
		"(the built-in templates may no longer use it: compare it with the built-in files that replaced it, or delete it)\n"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	write(t, dir, RecordFile, "{not json")
	if got := Stale(root.FS(), newer, "dossier eject").String(); !strings.HasPrefix(got, ".dossier-eject.json: warning: not a record of ejected files") {
		t.Errorf("broken record: %s", got)
	}
}

func write(t *testing.T, dir, name, data string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}
