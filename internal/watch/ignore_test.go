package watch

import "testing"

func TestIgnored(t *testing.T) {
	for name, want := range map[string]bool{
		".x.md.swp": true, ".x.md.swo": true, ".x.md.swn": true, "x.swx": true,
		"4913": true, "5036": true, "x.md~": true, ".#x.md": true, "#x.md#": true,
		".DS_Store": true, "x.tmp": true, ".x.md.tmp": true, "x.md.tmp123": true,
		"x.TMP": true, ".goutputstream-ABC123": true, "x.md___jb_tmp___": true,
		"x.md___jb_old___": true, "sedAbC123": true, "sed000000": true,

		".x.md.swa": true, "x.md": false, "4914": false, "04913": false, "491": false, "#": false,
		"##": false, "style.css": false, "x.tmpl": false, "x.tmp1a": false,
		"sedAbC12": false, "sedAbC123.md": false, "sedAb-123": false,
		"dossier.yaml": false, "x.swf": false, "index.html": false,
	} {
		if got := ignored(name); got != want {
			t.Errorf("ignored(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestScope(t *testing.T) {
	w := &Watcher{tracked: []string{"content", "templates/partials", "dossier.yaml"}}
	for rel, want := range map[string]scope{
		".": ancestor, "content": inside, "content/briefs/x.md": inside,
		"contents": outside, "templates": ancestor, "templates/partials/a.html": inside,
		"templates/base.html": outside, "dossier.yaml": inside, "site/index.html": outside,
	} {
		if got := w.scopeOf(rel); got != want {
			t.Errorf("scopeOf(%q) = %v, want %v", rel, got, want)
		}
	}
	all := &Watcher{tracked: []string{"."}}
	if all.scopeOf("site/x") != inside {
		t.Errorf(`with Paths ".", everything is inside`)
	}
}

func TestCleanPaths(t *testing.T) {
	for _, bad := range []string{"../x", "/abs", "a/../../b"} {
		if _, err := cleanPaths([]string{bad}); err == nil {
			t.Errorf("cleanPaths(%q) succeeded", bad)
		}
	}
	got, err := cleanPaths([]string{"content/", "./static"})
	if err != nil || len(got) != 2 || got[0] != "content" || got[1] != "static" {
		t.Errorf("cleanPaths = %q, %v", got, err)
	}
}
