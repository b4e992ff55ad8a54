package build

import (
	"encoding/json"
	"strings"
	"testing"
)

// The XSS suite: known vectors, through every field a dossier has, must
// come out of every output as text, never as markup that runs.

// xssText holds, in one string, vectors for a text field: markup, event
// handlers, strings that close the element or attribute around them, and
// template syntax.
var xssText = strings.Join([]string{
	`<script>alert(1)</script>`,
	`<img src=x onerror=alert(2)>`,
	`<svg onload=alert(3)>`,
	`</script><script>alert(4)</script>`,
	`</title><script>alert(5)</script>`,
	`"><script>alert(6)</script>`,
	`' onmouseover='alert(7)`,
	`]]></summary><script>alert(8)</script>`,
	`javascript:alert(9)`,
	`{{.}} {{template "base" .}} {{printf "%s" "x"}}`,
}, " ")

// xssURLs are vectors for URL-valued fields.
var xssURLs = []string{
	`javascript:alert(10)`,
	`JaVaScRiPt:alert(11)`,
	"java\tscript:alert(12)",
	` javascript:alert(13)`,
	`vbscript:msgbox(14)`,
	`data:text/html,<script>alert(15)</script>`,
	`data:text/html;base64,PHNjcmlwdD5hbGVydCgxNik8L3NjcmlwdD4=`,
}

// xssBody is Markdown with raw HTML, dangerous link and image URLs in
// every form Markdown has, and template syntax.
const xssBody = `Raw: <script>alert(20)</script> <img src=x onerror=alert(21)> <svg onload=alert(22)></svg>

<script>alert(23)</script>

<iframe src="javascript:alert(24)"></iframe>
<a href="javascript:alert(25)">raw link</a> <form action="javascript:alert(26)"><button formaction="javascript:alert(27)">b</button></form>

<!-- --><script>alert(28)</script> -->

[js](javascript:alert(30)) [JS](JaVaScRiPt:alert(31)) [vb](vbscript:msgbox(32))
[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgzMyk8L3NjcmlwdD4=) [entity](&#106;avascript:alert(34))
[pct](%6Aavascript:alert(35)) [angle](<javascript:alert(36)>) <javascript:alert(37)>
![img](javascript:alert(38)) ![img2](data:text/html,<script>alert(39)</script>) ![svg](data:image/svg+xml,<svg onload=alert(40)>)
[ref][r] [title](https://example.org "x\" onmouseover=\"alert(41)")

[r]: javascript:alert(42)

[[act|<script>alert(43)</script>]] [[act|" onmouseover="alert(44)]]

` + "```html\n</code></pre><script>alert(45)</script>\n```\n" + `
Footnote[^x].

[^x]: <script>alert(46)</script> [fn](javascript:alert(47))

{{.}} {{template "base" .}} {{printf "%s" "x"}}
`

// q quotes s as a YAML scalar.
func q(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// xssDossier is a dossier with the vectors in every field of every kind
// of page, in dossier.yaml, and in every body.
func xssDossier() map[string]string {
	v, u := q(xssText), xssURLs
	judg := "[{text: " + v + ", likelihood: likely, confidence: low, sources: [src]}]"
	ind := "[{text: " + v + ", status: watching, sources: [src]}]"
	common := "summary: " + v + "\ntags: [" + v + ", " + q("<b>tag</b>") + "]\n"
	return map[string]string{
		"dossier.yaml": "title: " + v + "\ndescription: " + v + "\nauthor: " + v + "\nbase_url: https://example.org/\n",
		"content/_index.md": "---\ntitle: " + v + "\n" + common + "bluf: " + v + "\nkey_question: " + v +
			"\nkey_judgments: " + judg + "\nindicators: " + ind + "\n---\n" + xssBody,
		"content/briefs/b.md": "---\ntitle: " + v + "\n" + common + "date: 2025-10-01\nbluf: " + v +
			"\nactors: [act]\nevents: [ev]\nsources: [src, src2]\nkey_judgments: " + judg + "\nindicators: " + ind + "\n---\n" + xssBody,
		"content/actors/act.md": "---\ntitle: " + v + "\n" + common + "kind: person\naliases: [" + v + "]\nwikidata: " + q(u[0]) +
			"\ncountry: land\nrole: " + v + "\nrelations:\n  - {to: land, type: " + v + ", since: 2020, sources: [src]}\n---\n" + xssBody,
		"content/actors/land.md": "---\ntitle: Land\nkind: country\n---\nA country.\n",
		"content/events/ev.md": "---\ntitle: " + v + "\n" + common + "date: 2025-10-02\ndate_text: " + v + "\nlocation: " + v +
			"\nactors: [act, land]\nsources: [src]\n---\n" + xssBody,
		"content/commentary/c.md": "---\ntitle: " + v + "\n" + common + "analyst: " + v + "\ndate: 2025-10-03\nconfidence: low\njudgments: " + judg +
			"\nactors: [act]\nsources: [src]\n---\n" + xssBody,
		"content/sources/src.md": "---\ntitle: " + v + "\n" + common + "short_title: " + v + "\npublisher: " + v + "\nurl: " + q(u[0]) +
			"\narchive_url: " + q(u[5]) + "\npublished: 2025\nreliability: B\ncredibility: 2\n---\n" + xssBody,
		"content/sources/src2.md": "---\ntitle: Second source\npublisher: " + v + "\nurl: " + q(u[4]) + "\narchive_url: " + q(u[6]) +
			"\nreliability: C\ncredibility: 3\nchain: [src]\n---\nText.\n",
		"content/sources/src3.md": "---\ntitle: Third source\nurl: " + q(u[1]) + "\narchive_url: " + q(u[2]) + "\n---\nText.\n",
		"content/sources/src4.md": "---\ntitle: Fourth source\nurl: " + q(u[3]) + "\n---\nText.\n",
	}
}

// TestXSSVectorsRunNowhere builds the dossier of vectors, as published
// and as previewed (drafts shown, a missing link shown as one), and checks
// every output file: HTML (with the SVG in it) holds no script but the
// site's own, no event handler attribute and no URL with a script or
// HTML data scheme; XML and JSON hold no "<script"; the strings of
// chronology.json, which TimelineJS shows as HTML, hold no markup that
// runs either. The vectors are shown as text: the page title is the title
// field itself.
func TestXSSVectorsRunNowhere(t *testing.T) {
	for _, opts := range []Options{{}, {Preview: true, Drafts: true}} {
		files := xssDossier()
		if opts.Preview {
			files["content/briefs/draft.md"] = "---\ntitle: " + q(xssText) + "\ndraft: true\n---\n[[<script>alert(50)</script>]] [[" + xssText + "]]\n"
		}
		res, diags := generateFiles(t, files, opts)
		if res == nil {
			t.Fatalf("the dossier of vectors does not build (%+v):\n%s", opts, diags)
		}
		for path, data := range res.Files {
			for _, problem := range outputProblems(path, data) {
				t.Errorf("%+v: %s: %s", opts, path, problem)
			}
		}
		page := res.Files["briefs/b/index.html"]
		if title := htmlTitle(t, page); !strings.HasPrefix(title, xssText) {
			t.Errorf("the brief's <title> is not its title field as text:\n got: %.200q\nwant: %.200q…", title, xssText)
		}
		if !strings.Contains(string(page), "{{.}} {{template &#34;base&#34; .}}") {
			t.Error("the template syntax in the body does not show as text")
		}
		t.Logf("%+v: %d files checked", opts, len(res.Files))
	}
}
