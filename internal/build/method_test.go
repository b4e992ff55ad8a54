package build

import (
	"strings"
	"testing"
)

func TestJudgmentBadgesAndSourceGrade(t *testing.T) {
	res, diags := generateFiles(t, map[string]string{
		"content/_index.md":    "---\ntitle: Home\nkey_judgments:\n  - text: Ties deepen.\n    likelihood: Very Likely\n    confidence: moderate\n    sources: [a#p1]\n---\nSee [[briefs/b]].\n",
		"content/sources/a.md": "---\ntitle: A source\nreliability: B\ncredibility: 2\n---\nOne.\n\nTwo.\n",
		"content/briefs/b.md":  "---\ntitle: B\nsources: [{source: a, credibility: 4}]\n---\nSee [[a#p2]].\n",
	}, Options{})
	if res == nil {
		t.Fatal(diags)
	}
	checks := []struct{ file, want string }{
		{"index.html", `<span class="badge likelihood" title="ICD 203 likelihood: very likely means a probability of 80–95%">very likely · 80–95%</span>`},
		{"index.html", `<span class="badge confidence confidence-moderate">moderate confidence</span>`},
		{"sources/a/index.html", `<dt>Grade</dt><dd class="source-grade"><span class="grade">B2</span> usually reliable (B), probably true (2)`},
		// The brief's sources: the front-matter citation with its own
		// credibility and the body citation of paragraph 2.
		{"briefs/b/index.html", `<li><a href="/sources/a/">A source</a> <span class="grade">B2</span> <span class="grade-label">(usually reliable; probably true)</span> · cited: <span class="cite" title="A source, the whole source, graded B4 (usually reliable; doubtful)"><a class="cite-mark" href="/sources/a/">A source</a>&nbsp;<span class="cite-grade">· B4</span></span> <span class="cite" title="A source, paragraph 2, graded B2 (usually reliable; probably true)"><a class="cite-mark" href="/sources/a/#p2">¶2</a>&nbsp;<span class="cite-grade">· B2</span></span></li>`},
	}
	for _, c := range checks {
		if page := string(res.Files[c.file]); !strings.Contains(page, c.want) {
			t.Errorf("%s lacks %s\n%s", c.file, c.want, mainElement([]byte(page)))
		}
	}
}

func TestLikelihoodRows(t *testing.T) {
	judgment := func(likelihood string) string {
		return "  - text: X.\n    likelihood: " + likelihood + "\n    sources: [a]\n"
	}
	page := func(key string, likelihoods ...string) string {
		s := "---\ntitle: P\n" + key + ":\n"
		for _, l := range likelihoods {
			s += judgment(l)
		}
		return s + "---\n"
	}
	src := "---\ntitle: A\n---\nText.\n"
	tests := []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"one row", map[string]string{
			"content/briefs/b.md":     page("key_judgments", "likely", "almost certain"),
			"content/commentary/c.md": page("judgments", "remote"),
		}, `content/commentary/c.md:5:17: likelihood "remote" is from row 2 of the ICD 203 terms, but this dossier uses row 1 ("likely" at content/briefs/b.md:5:17): one dossier uses one row (write "almost no chance", the row 1 term for 01–05%)`},
		{"the minority is row 1", map[string]string{
			"content/_index.md":       page("key_judgments", "probable"),
			"content/briefs/b.md":     page("key_judgments", "likely", "nearly certain"),
			"content/commentary/c.md": page("judgments", "highly probable"),
		}, `content/briefs/b.md:5:17: likelihood "likely" is from row 1 of the ICD 203 terms, but this dossier uses row 2 ("probable" at content/_index.md:5:17): one dossier uses one row (write "probable", the row 2 term for 55–80%)`},
		{"a tie goes to the row written first", map[string]string{
			"content/briefs/b.md": page("key_judgments", "unlikely", "improbable"),
		}, `content/briefs/b.md:8:17: likelihood "improbable" is from row 2 of the ICD 203 terms, but this dossier uses row 1 ("unlikely" at content/briefs/b.md:5:17): one dossier uses one row (write "unlikely", the row 1 term for 20–45%)`},
		{"no mix", map[string]string{
			"content/briefs/b.md": page("key_judgments", "roughly even odds", "improbable"),
		}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.files["content/sources/a.md"] = src
			_, diags := generateFiles(t, tt.files, Options{})
			var got []string
			for _, d := range diags.Errors() {
				got = append(got, d.String())
			}
			if strings.Join(got, "\n") != tt.want {
				t.Errorf("errors:\n got: %q\nwant: %q", got, tt.want)
			}
		})
	}
}

func TestMethodPage(t *testing.T) {
	res, diags := generateFiles(t, map[string]string{
		"dossier.yaml":         "title: T\ntlp: TLP:GREEN\npublish_max_tlp: TLP:AMBER\n",
		"content/briefs/b.md":  "---\ntitle: B\nkey_judgments:\n  - {text: X., likelihood: probable, sources: [a]}\n---\n",
		"content/sources/a.md": "---\ntitle: A\n---\nText.\n",
	}, Options{})
	if res == nil {
		t.Fatal(diags)
	}
	page := string(res.Files["method/index.html"])
	for _, want := range []string{
		`<th scope="col" class="in-use">Row 2 (used here)</th>`,
		`<tr><td class="range">55–80%</td><td>likely</td><td class="in-use">probable</td></tr>`,
		`<tr><th scope="row" class="grade">F</th><td>reliability cannot be judged</td></tr>`,
		`<tr><th scope="row" class="grade">6</th><td>truth cannot be judged</td></tr>`,
		`<span class="badge confidence confidence-high">high confidence</span>`,
		`Pages without their own label carry the dossier’s, <span class="tlp-inline tlp-green">TLP:GREEN</span>`,
		`<dt><span class="tlp-inline tlp-amber-strict">TLP:AMBER&#43;STRICT</span> <span class="badge">not published here</span></dt>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("method page lacks %s", want)
		}
	}
	if strings.Contains(page, `<span class="tlp-inline tlp-amber">TLP:AMBER</span> <span class="badge">not published here`) {
		t.Error("TLP:AMBER is publish_max_tlp but is marked not published")
	}
	if home := string(res.Files["index.html"]); !strings.Contains(home, `<a href="/method/">Method</a>`) || !strings.Contains(home, `<a href="/chronology/">Chronology</a>`) {
		t.Error("home page does not link to the method and the chronology")
	}
}
