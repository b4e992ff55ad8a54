package layout

import (
	"html/template"
	"strings"
	"testing"
	"testing/fstest"
)

func TestLoadAndRender(t *testing.T) {
	fsys := fstest.MapFS{
		"templates/base.html":       {Data: []byte(`<body>{{block "main" .}}{{end}}{{template "foot" .}}</body>`)},
		"templates/partials/p.html": {Data: []byte(`{{define "foot"}}<footer>{{shout "f"}}</footer>{{end}}`)},
		"templates/brief.html":      {Data: []byte(`{{define "main"}}<h1>{{.}}</h1>{{end}}`)},
		"templates/event.html":      {Data: []byte(`{{define "main"}}<p>{{.}}</p>{{end}}`)},
	}
	funcs := template.FuncMap{"shout": strings.ToUpper}
	set, diags := Load(fsys, funcs, nil, nil)
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
	_, diags := Load(fsys, nil, nil, nil)
	if len(diags) != 1 || diags[0].Pos.File != "templates/brief.html" || !strings.Contains(diags[0].Message, "templates/brief.html:3") {
		t.Errorf("diagnostics = %v, want one naming templates/brief.html line 3", diags)
	}
}

// TestInputs: a page's site inputs are those its own template, the base
// and the partials call, wherever the call sits (if, range, with, pipes,
// template arguments), and its hash changes with any file of its set.
func TestInputs(t *testing.T) {
	fsys := fstest.MapFS{
		"templates/base.html":       {Data: []byte(`{{block "main" .}}{{end}}{{template "foot" .}}`)},
		"templates/partials/p.html": {Data: []byte(`{{define "foot"}}{{with siteNav}}{{.}}{{end}}{{end}}`)},
		"templates/brief.html":      {Data: []byte(`{{define "main"}}{{if .}}{{range siteTags}}{{.}}{{end}}{{end}}{{end}}`)},
		"templates/event.html":      {Data: []byte(`{{define "main"}}{{len (sitePages | len | printf "%d")}}{{end}}`)},
		"templates/source.html":     {Data: []byte(`{{define "main"}}{{.}}{{end}}`)},
	}
	funcs := template.FuncMap{"siteNav": func() string { return "" }, "siteTags": func() []string { return nil }, "sitePages": func() []int { return nil }}
	inputs := []string{"siteNav", "siteTags", "sitePages"}
	set, diags := Load(fsys, funcs, inputs, nil)
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	for name, want := range map[string]string{"brief": "siteNav siteTags", "event": "siteNav sitePages", "source": "siteNav"} {
		if got := strings.Join(set.Inputs(name), " "); got != want {
			t.Errorf("%s inputs = %q, want %q", name, got, want)
		}
	}
	before := set.Hash("brief")
	fsys["templates/partials/p.html"] = &fstest.MapFile{Data: []byte(`{{define "foot"}}changed{{end}}`)}
	set, _ = Load(fsys, funcs, inputs, nil)
	if set.Hash("brief") == before {
		t.Error("a partial's change left the brief's hash alone")
	}
	if got := set.Inputs("brief"); len(got) != 1 || got[0] != "siteTags" {
		t.Errorf("brief inputs after the partial dropped siteNav = %v", got)
	}
}

// TestExecErrorsAtTheAction: a template that names a field its page does
// not have is an error at the action's line and column, naming the type,
// with a "did you mean" over its fields (promoted ones too) and methods.
func TestExecErrorsAtTheAction(t *testing.T) {
	type card struct{ Href, Title string }
	type base struct{ Title string }
	type page struct {
		base
		Cards []card
	}
	fsys := fstest.MapFS{
		"templates/base.html":  {Data: []byte(`{{block "main" .}}{{end}}`)},
		"templates/brief.html": {Data: []byte("{{define \"main\"}}\n<h1>{{.Titel}}</h1>{{end}}")},
		"templates/event.html": {Data: []byte("{{define \"main\"}}{{range .Cards}}\n\n  {{.Hreff}}{{end}}{{end}}")},
	}
	set, diags := Load(fsys, nil, nil, nil)
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	data := page{base{"T"}, []card{{"/a/", "A"}}}
	for name, want := range map[string]string{
		"brief": `templates/brief.html:2:7: .Titel: layout.page has no field or method Titel (did you mean "Title"?)`,
		"event": `templates/event.html:3:5: .Hreff: layout.card has no field or method Hreff (did you mean "Href"?)`,
	} {
		_, err := set.Render(name, data)
		if err == nil || err.Error() != want {
			t.Errorf("%s: %v\nwant %s", name, err, want)
		}
	}
}
