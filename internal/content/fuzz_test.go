package content

import (
	"strings"
	"testing"
)

// FuzzParseFile feeds arbitrary files to the front-matter parser: it must
// never panic, every diagnostic must name the file and a line inside it,
// and a page must come back whenever there is no error.
func FuzzParseFile(f *testing.F) {
	for _, s := range []string{
		"---\ntitle: A\n---\nbody",
		"---\ntitle: [\n---\n",
		"---\ntitle: A\nactors: [a, {source: b}]\nsources:\n  - {source: a#p1, credibility: 2}\n---\n",
		"---\r\ntitle: A\r\n---\r\n",
		"---\n---\n",
		"no front matter",
		"---\ntitle: &a A\nslug: *a\n---\n",
		"---\ntitle: A\ntitle: B\n---\n",
		"---\ntitle: [A\nslug: a\n---\n",
		"---\ntitle: {a: [b, {c: d\n---\n",
		"---\nTLP: TLP:RED\n\" draft\": true\n---\n",
		"---\ntitle: |\n  a\n b\n---\n",
		"---\ntitle: a\n  b: c\n---\n",
		"---\ntitle: \"a\" b\n\tslug: x\n---\n",
		"---\nkey_judgments:\n  - Text: x\n    text: y\n    text: z\n---\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		const file = "content/briefs/x.md"
		p, diags := ParseFile(file, []byte(src), DefaultLimits())
		lines := strings.Count(string(normalizeLoneCR([]byte(src))), "\n") + 1
		for _, d := range diags {
			if d.Pos.File != file || d.Pos.Line < 0 || d.Pos.Line > lines+1 {
				t.Fatalf("diagnostic %v outside the file (%d lines) for %q", d, lines, src)
			}
		}
		if !diags.HasErrors() && p == nil {
			t.Fatalf("no errors but no page for %q", src)
		}
	})
}
