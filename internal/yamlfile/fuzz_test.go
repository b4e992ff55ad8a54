package yamlfile

import (
	"strings"
	"testing"
)

// FuzzDecode feeds arbitrary YAML to Decode, as front matter starting on
// line 2 and as dossier.yaml: it must never panic, and every diagnostic
// must name the file and a line of the text (or none, for the whole file).
func FuzzDecode(f *testing.F) {
	for _, s := range []string{
		"title: a\ntitle: b\n",
		"title: [a\nslug: b\n",
		"tags: [a, {b: c]\n",
		"title: |\n  a\n b\n",
		"title: a\n  b: c\n",
		"TLP: x\n\" draft \": true\n",
		"items:\n  - text: [a]\n    Text: b\n",
		"limits: {nesting: 99999999999999999999}\n",
		"title: *x\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		for _, c := range []struct {
			file  string
			first int
		}{{"a.md", 2}, {"dossier.yaml", 1}} {
			var p page
			diags := Decode(c.file, []byte(src), c.first, &p)
			last := c.first + strings.Count(src, "\n") + strings.Count(src, "\r")
			for _, d := range diags {
				if d.Pos.File != c.file || d.Pos.Line < 0 || d.Pos.Line > last+1 || (d.Pos.Line > 0 && d.Pos.Line < c.first) {
					t.Fatalf("%s: diagnostic %v outside lines %d-%d of %q", c.file, d, c.first, last, src)
				}
			}
		}
	})
}
