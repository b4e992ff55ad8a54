package server

import (
	"bytes"
	"html/template"
	"strconv"
	"strings"

	"github.com/dossier-project/dossier/internal/diag"
)

// buildingPage is served before the first build is published.
const buildingPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Building…</title></head>
<body><p>dossier is building the site; this page reloads when it is ready.</p></body></html>
`

// errorTemplate renders the page of a failed build. It is parsed once and
// never changed.
var errorTemplate = template.Must(template.New("error").Parse(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Build failed</title>
<style>
body { font: 16px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #222; }
h1 { color: #b00020; }
.diag { border-left: 4px solid #b00020; background: #fff5f5; margin: 1rem 0; padding: .5rem 1rem; }
.warning { border-color: #a66b00; background: #fffaf0; }
pre { margin: .25rem 0; white-space: pre-wrap; font: 14px/1.4 ui-monospace, monospace; }
.msg { font-weight: bold; }
.src { color: #444; }
</style></head>
<body>
<h1>Build failed</h1>
<p>{{.Count}}. Your files are as you saved them; the site comes back, and this page reloads by itself, as soon as the build succeeds.</p>
{{range .Diags}}<div class="diag{{if .Warning}} warning{{end}}">
<pre class="msg">{{.Text}}</pre>
{{- if .Source}}
<pre class="src">{{.Gutter}} | {{.Source}}
{{.Blank}} | {{.Pad}}^</pre>
{{- end}}
</div>
{{end}}</body></html>
`))

// diagView is one diagnostic as the error page shows it.
type diagView struct {
	Text    string // "path:line:col: message"
	Warning bool
	Source  string // the offending line, or ""
	Gutter  string // the line number
	Blank   string // spaces as wide as Gutter
	Pad     string // whitespace up to the column, tabs kept
}

// errorPage renders the error page for diags: the errors first, then the
// warnings, each sorted; sources are keyed by diag.Pos.File.
func errorPage(diags diag.List, sources map[string][]byte) []byte {
	var errs, warns []diagView
	for _, d := range diags.Sort() {
		if d.Severity == diag.Warning {
			warns = append(warns, viewOf(d, sources[d.Pos.File]))
		} else {
			errs = append(errs, viewOf(d, sources[d.Pos.File]))
		}
	}
	count := counted(len(errs), "error")
	if len(warns) > 0 {
		count += " and " + counted(len(warns), "warning")
	}
	var b bytes.Buffer
	data := struct {
		Count string
		Diags []diagView
	}{count, append(errs, warns...)}
	if err := errorTemplate.Execute(&b, data); err != nil {
		panic(err) // the template and its data are ours
	}
	return b.Bytes()
}

// viewOf prepares d, with its line from src when there is one.
func viewOf(d diag.Diagnostic, src []byte) diagView {
	v := diagView{Text: d.String(), Warning: d.Severity == diag.Warning}
	if d.Pos.Line <= 0 || src == nil {
		return v
	}
	v.Source = diag.SourceLine(src, d.Pos.Line)
	v.Gutter = strconv.Itoa(d.Pos.Line)
	v.Blank = strings.Repeat(" ", len(v.Gutter))
	v.Pad = caretPad(v.Source, d.Pos.Col)
	return v
}

// counted says "1 error", "2 errors".
func counted(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}

// caretPad returns the whitespace that puts a caret under column col
// (1-based, in characters, as diagnostics count) of line: one space per
// character before it, tabs kept.
func caretPad(line string, col int) string {
	var b strings.Builder
	for i, r := range []rune(line) {
		if i >= col-1 {
			break
		}
		if r == '\t' {
			b.WriteRune('\t')
		} else {
			b.WriteByte(' ')
		}
	}
	return b.String()
}
