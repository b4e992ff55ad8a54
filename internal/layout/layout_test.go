package layout

import (
	"html/template"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
)

func TestOverlayDiskWins(t *testing.T) {
	top := fstest.MapFS{"templates/brief.html": {Data: []byte("mine")}}
	bottom := fstest.MapFS{
		"templates/brief.html": {Data: []byte("default")},
		"templates/base.html":  {Data: []byte("base")},
	}
	o := Overlay{Top: top, Bottom: bottom}
	if b, _ := fs.ReadFile(o, "templates/brief.html"); string(b) != "mine" {
		t.Errorf("brief.html = %q, want the file on disk", b)
	}
	if b, _ := fs.ReadFile(o, "templates/base.html"); string(b) != "base" {
		t.Errorf("base.html = %q, want the embedded default", b)
	}
	entries, err := fs.ReadDir(o, "templates")
	if err != nil || len(entries) != 2 {
		t.Errorf("merged listing = %v, %v", entries, err)
	}
}

func TestLoadAndRender(t *testing.T) {
	fsys := fstest.MapFS{
		"templates/base.html":       {Data: []byte(`<body>{{block "main" .}}{{end}}{{template "foot" .}}</body>`)},
		"templates/partials/p.html": {Data: []byte(`{{define "foot"}}<footer>{{shout "f"}}</footer>{{end}}`)},
		"templates/brief.html":      {Data: []byte(`{{define "main"}}<h1>{{.}}</h1>{{end}}`)},
		"templates/event.html":      {Data: []byte(`{{define "main"}}<p>{{.}}</p>{{end}}`)},
	}
	funcs := template.FuncMap{"shout": strings.ToUpper}
	set, diags := Load(fsys, funcs)
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	out, err := set.Render("brief", "<A>")
	if err != nil || string(out) != "<body><h1>&lt;A&gt;</h1><footer>F</footer></body>" {
		t.Errorf("brief = %q, %v", out, err)
	}
	out, _ = set.Render("event", "x")
	if string(out) != "<body><p>x</p><footer>F</footer></body>" {
		t.Errorf("event = %q: each page template must define its own main", out)
	}
}

func TestTemplateErrorsNameFileAndLine(t *testing.T) {
	fsys := fstest.MapFS{
		"templates/base.html":  {Data: []byte(`{{block "main" .}}{{end}}`)},
		"templates/brief.html": {Data: []byte("{{define \"main\"}}\n\n{{if}}{{end}}")},
	}
	_, diags := Load(fsys, nil)
	if len(diags) != 1 || diags[0].Pos.File != "templates/brief.html" || !strings.Contains(diags[0].Message, "templates/brief.html:3") {
		t.Errorf("diagnostics = %v, want one naming templates/brief.html line 3", diags)
	}
}
