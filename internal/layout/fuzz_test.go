package layout

import (
	"testing"
	"testing/fstest"
)

// FuzzLoad: whatever a page template says, loading the set and rendering
// a page never panics, and a set that loads renders without crashing the
// process (a cached call that could loop is refused when it loads).
func FuzzLoad(f *testing.F) {
	for _, seed := range []string{
		`{{define "main"}}{{cached "card" .}}{{end}}`,
		`{{define "main"}}<a title="{{cached "card" .}}">{{end}}`,
		`{{define "main"}}{{cached (print "c" "ard") .}}{{end}}`,
		`{{define "main"}}{{cached "main" .}}{{end}}`,
		`{{define "main"}}{{$x := cached "card" .}}{{$x}}{{end}}{{define "card"}}{{cached "x" .}}{{end}}`,
		`{{define "main"}}<script>{{cached "card" .}}</script>{{end}}`,
		`{{define "main"}}{{range .}}{{cached "card" .}}{{end}}{{end}}`,
		`{{define "main"}}{{template "card" .}}{{end}}{{define "card"}}{{if .}}{{template "card" false}}{{end}}{{end}}`,
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, page string) {
		fsys := fstest.MapFS{
			"templates/base.html":       {Data: []byte(`<body>{{block "main" .}}{{end}}</body>`)},
			"templates/partials/c.html": {Data: []byte(`{{define "card"}}<b>{{.}}</b>{{end}}`)},
			"templates/brief.html":      {Data: []byte(page)},
		}
		set, diags := Load(fsys, nil, nil, nil)
		if diags.HasErrors() || set == nil || !set.Has("brief") {
			return
		}
		_, _ = set.Render("brief", []*int{new(int), nil})
		_, _ = set.Render("brief", "x")
	})
}
