package content

import (
	"strings"
	"testing"
)

// TestValidateDiagnostics asserts the exact position and text of each
// value diagnostic. Columns point at the offending character: inside a
// date, past the opening quote of a quoted value.
func TestValidateDiagnostics(t *testing.T) {
	tests := []struct {
		name, file, src string
		want            []string
	}{
		{"bad month, plain scalar", "content/events/e.md",
			"---\ntitle: E\ndate: 2025-13\n---\n",
			[]string{`content/events/e.md:3:12: date "2025-13" is not an EDTF date: month 13 is out of range 01–12 (write a year (2025), a month (2025-10) or a day (2025-10-09); add ~ when approximate, ? when uncertain; an interval is 2025-09-02/2025-09-04)`}},
		{"bad month, double-quoted", "content/events/e.md",
			"---\ntitle: E\ndate: \"2025-13\"\n---\n",
			[]string{`content/events/e.md:3:13: date "2025-13" is not an EDTF date: month 13 is out of range 01–12 (write a year (2025), a month (2025-10) or a day (2025-10-09); add ~ when approximate, ? when uncertain; an interval is 2025-09-02/2025-09-04)`}},
		{"bad day, single-quoted, in an interval", "content/briefs/b.md",
			"---\ntitle: B\ndate: '2025-09-02/2025-09-31'\n---\n",
			[]string{`content/briefs/b.md:3:27: date "2025-09-02/2025-09-31" is not an EDTF date: day 31 is out of range for September 2025 (30 days) (write a year (2025), a month (2025-10) or a day (2025-10-09); add ~ when approximate, ? when uncertain; an interval is 2025-09-02/2025-09-04)`}},
		{"date in words gets its EDTF form", "content/sources/s.md",
			"---\ntitle: S\npublished: October 2025\n---\n",
			[]string{`content/sources/s.md:3:12: published "October 2025" is not an EDTF date: unexpected 'O' in the year (write 2025-10)`}},
		{"updated out of range: only a day is suggested", "content/briefs/b.md",
			"---\ntitle: B\nupdated: 2025-13-40\n---\n",
			[]string{`content/briefs/b.md:3:15: updated "2025-13-40" is not an EDTF date: month 13 is out of range 01–12 (write the day the page changed, e.g. updated: 2025-10-14)`}},
		{"updated in words", "content/briefs/b.md",
			"---\ntitle: B\nupdated: 14 October 2025\n---\n",
			[]string{`content/briefs/b.md:3:12: updated "14 October 2025" is not an EDTF date: unexpected ' ' in the year (write 2025-10-14)`}},
		{"updated a month in words", "content/briefs/b.md",
			"---\ntitle: B\nupdated: October 2025\n---\n",
			[]string{`content/briefs/b.md:3:10: updated "October 2025" is not an EDTF date: unexpected 'O' in the year (write the day the page changed, e.g. updated: 2025-10-14)`}},
		{"event reported", "content/events/e.md",
			"---\ntitle: E\ndate: 2025\nreported: 2025-10-9\n---\n",
			[]string{`content/events/e.md:4:19: reported "2025-10-9" is not an EDTF date: the day must have two digits (write a year (2025), a month (2025-10) or a day (2025-10-09); add ~ when approximate, ? when uncertain; an interval is 2025-09-02/2025-09-04)`}},
		{"relation since", "content/actors/a.md",
			"---\ntitle: A\nrelations:\n  - to: b\n    since: 2025~~\n---\n",
			[]string{`content/actors/a.md:5:17: since "2025~~" is not an EDTF date: only one qualifier is allowed (% means approximate and uncertain) (write a year (2025), a month (2025-10) or a day (2025-10-09); add ~ when approximate, ? when uncertain; an interval is 2025-09-02/2025-09-04)`}},
		{"event without a date", "content/events/e.md",
			"---\ntitle: E\n---\n",
			[]string{`content/events/e.md:1:1: missing date: every event needs a date (add date: in EDTF, e.g. 2025-10 (a month) or 2025-10-09 (a day))`}},
		{"event with an empty date", "content/events/e.md",
			"---\ntitle: E\ndate:\n---\n",
			[]string{`content/events/e.md:3:1: missing date: every event needs a date (add date: in EDTF, e.g. 2025-10 (a month) or 2025-10-09 (a day))`}},
		{"likelihood with suggestion", "content/briefs/b.md",
			"---\ntitle: B\nkey_judgments:\n  - text: X.\n    likelihood: likley\n    sources: [a]\n---\n",
			[]string{`content/briefs/b.md:5:17: likelihood "likley" is not an ICD 203 term (did you mean "likely"?)`}},
		{"likelihood far from every term", "content/commentary/c.md",
			"---\ntitle: C\njudgments:\n  - text: X.\n    likelihood: \"50%\"\n---\n",
			[]string{`content/commentary/c.md:5:17: likelihood "50%" is not an ICD 203 term (use one of almost no chance, very unlikely, unlikely, roughly even chance, likely, very likely, almost certain (or, in row 2, remote, highly improbable, improbable, roughly even odds, probable, highly probable, nearly certain))`}},
		{"judgment confidence", "content/commentary/c.md",
			"---\ntitle: C\njudgments:\n  - text: X.\n    likelihood: likely\n    confidence: medium\n---\n",
			[]string{`content/commentary/c.md:6:17: confidence "medium" must be low, moderate or high (did you mean "moderate"?)`}},
		{"commentary confidence", "content/commentary/c.md",
			"---\ntitle: C\nconfidence: hight\n---\n",
			[]string{`content/commentary/c.md:3:13: confidence "hight" must be low, moderate or high (did you mean "high"?)`}},
		{"indicator status", "content/briefs/b.md",
			"---\ntitle: B\nindicators:\n  - text: X\n    status: watch\n---\n",
			[]string{`content/briefs/b.md:5:13: indicator status "watch" must be watching, emerging, observed or lapsed (did you mean "watching"?)`}},
		{"reliability", "content/sources/s.md",
			"---\ntitle: S\nreliability: G\ncredibility: 7\n---\n",
			[]string{
				`content/sources/s.md:3:14: reliability "G" must be one letter from A (completely reliable) to F (cannot be judged)`,
				`content/sources/s.md:4:14: credibility "7" must be one digit from 1 (confirmed) to 6 (cannot be judged)`,
			}},
		{"grade in one key", "content/sources/s.md",
			"---\ntitle: S\nreliability: B2\n---\n",
			[]string{`content/sources/s.md:3:14: reliability "B2" must be one letter from A (completely reliable) to F (cannot be judged) (write reliability: B and credibility: 2)`}},
		{"citation credibility", "content/briefs/b.md",
			"---\ntitle: B\nsources:\n  - {source: a, credibility: 9}\n---\n",
			[]string{`content/briefs/b.md:4:30: credibility "9" must be one digit from 1 (confirmed) to 6 (cannot be judged)`}},
		{"page tlp", "content/briefs/b.md",
			"---\ntitle: B\ntlp: amber\n---\n",
			[]string{`content/briefs/b.md:3:6: tlp "amber" is not a TLP 2.0 label: use TLP:CLEAR, TLP:GREEN, TLP:AMBER, TLP:AMBER+STRICT or TLP:RED (write TLP:AMBER)`}},
		{"TLP 1.0 white", "content/briefs/b.md",
			"---\ntitle: B\ntlp: \"TLP:WHITE\"\n---\n",
			[]string{`content/briefs/b.md:3:6: tlp "TLP:WHITE" is not a TLP 2.0 label: use TLP:CLEAR, TLP:GREEN, TLP:AMBER, TLP:AMBER+STRICT or TLP:RED (TLP:WHITE became TLP:CLEAR in TLP 2.0)`}},
		{"vague words at the word", "content/commentary/c.md",
			"---\ntitle: C\njudgments:\n  - text: \"China Could act; it may, possibly.\"\n    likelihood: likely\n---\n",
			[]string{
				`content/commentary/c.md:4:18: warning: judgment uses the vague word "Could" (state the judgment plainly and let likelihood: say how likely it is)`,
				`content/commentary/c.md:4:32: warning: judgment uses the vague word "may" (state the judgment plainly and let likelihood: say how likely it is)`,
				`content/commentary/c.md:4:37: warning: judgment uses the vague word "possibly" (state the judgment plainly and let likelihood: say how likely it is)`,
			}},
		{"vague word in a folded text falls back to the text", "content/commentary/c.md",
			"---\ntitle: C\njudgments:\n  - text: >-\n      China\n      might act.\n    likelihood: likely\n---\n",
			[]string{`content/commentary/c.md:4:11: warning: judgment uses the vague word "might" (state the judgment plainly and let likelihood: say how likely it is)`}},
		{"the month May and words containing may are not vague", "content/commentary/c.md",
			"---\ntitle: C\njudgments:\n  - text: The mayor met in May 2025 in Mayfield.\n---\n",
			nil},
		{"key judgment without sources", "content/briefs/b.md",
			"---\ntitle: B\nkey_judgments:\n  - likelihood: likely\n    text: China acts.\n---\n",
			[]string{`content/briefs/b.md:5:11: warning: key judgment has no sources: a reader cannot check it (add sources: [source#pN] to the judgment)`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, diags := ParseFile(tt.file, []byte(tt.src), DefaultLimits())
			var got []string
			for _, d := range diags.Sort() {
				got = append(got, d.String())
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("diagnostics:\n got: %q\nwant: %q", got, tt.want)
			}
		})
	}
}

func TestValidateNormalizes(t *testing.T) {
	src := "---\ntitle: S\ntlp: tlp:amber+strict\nkey_judgments:\n  - text: X\n    likelihood: Very  Likely\n    confidence: HIGH\n    sources: [a]\nindicators:\n  - {text: Y, status: Observed}\n---\n"
	p, diags := ParseFile("content/briefs/b.md", []byte(src), DefaultLimits())
	if len(diags) > 0 {
		t.Fatalf("diagnostics: %v", diags)
	}
	m := p.Meta
	j := m.KeyJudgments[0]
	got := []string{m.TLP.Value, j.Likelihood.Value, j.Confidence.Value, m.Indicators[0].Status.Value}
	want := []string{"TLP:AMBER+STRICT", "very likely", "high", "observed"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("normalized = %q, want %q", got, want)
	}
	src = "---\ntitle: S\nreliability: b\n---\n"
	if p, _ := ParseFile("content/sources/s.md", []byte(src), DefaultLimits()); p.Meta.Reliability.Value != "B" {
		t.Errorf("reliability = %q, want B", p.Meta.Reliability.Value)
	}
}

func TestParsedDates(t *testing.T) {
	src := "---\ntitle: E\ndate: 2025-10~\nreported: \"2025-10-11\"\n---\n"
	p, diags := ParseFile("content/events/e.md", []byte(src), DefaultLimits())
	if len(diags) > 0 {
		t.Fatalf("diagnostics: %v", diags)
	}
	if got := p.Dates.Date.Display(); got != "c. October 2025" {
		t.Errorf("date = %q", got)
	}
	if got := p.Dates.Reported.Display(); got != "11 October 2025" {
		t.Errorf("reported = %q", got)
	}
	a, _ := ParseFile("content/actors/a.md", []byte("---\ntitle: A\nrelations:\n  - {to: b, since: 2011-12, until: ../2025}\n---\n"), DefaultLimits())
	if r := a.Meta.Relations[0]; r.SinceDate.Display() != "December 2011" || r.UntilDate.Display() != "before 2025" {
		t.Errorf("relation dates = %q, %q", r.SinceDate.Display(), r.UntilDate.Display())
	}
}
