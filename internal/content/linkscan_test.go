package content

import (
	"strings"
	"testing"
)

// TestLinkScanLimit: lines of links that never close are refused at
// their first "](", before the parser reads them (escapes and balanced
// parentheses do not close a destination); text full of links, closed
// links side by side, a long destination (a data: URL of an image) and
// long lines pass.
func TestLinkScanLimit(t *testing.T) {
	const head = "---\ntitle: A\n---\n" // the body starts on line 4
	tests := []struct{ name, body, want string }{
		{"unclosed links", "Text.\n\nSee " + strings.Repeat("[a](", 20_000) + "\n",
			"content/briefs/a.md:6:7: this line's 79998-byte run of unclosed links would take the Markdown parser too long (close each link as [text](url), or break the line)"},
		{"unclosed angle links", strings.Repeat("[a](< ", 20_000) + "\n",
			"content/briefs/a.md:4:3: this line's 119998-byte run of unclosed links would take the Markdown parser too long (close each link as [text](url), or break the line)"},
		{"many links on one line", strings.Repeat("[a](https://example.org/a/long/path) and ", 20_000) + "\n", ""},
		{"adjacent links on one line", strings.Repeat("[a](u)", 20_000) + "\n", ""},
		{"escaped brackets", strings.Repeat(`[a](\)`, 20_000) + "\n",
			"content/briefs/a.md:4:3: this line's 119998-byte run of unclosed links would take the Markdown parser too long (close each link as [text](url), or break the line)"},
		{"balanced parentheses", strings.Repeat("[a](()", 20_000) + "\n",
			"content/briefs/a.md:4:3: this line's 119998-byte run of unclosed links would take the Markdown parser too long (close each link as [text](url), or break the line)"},
		{"a long data URL", "![x](data:image/png;base64," + strings.Repeat("A", 1<<20) + ")\n", ""},
		{"a long line", strings.Repeat("word ", 1<<18) + "\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, diags := ParseFile("content/briefs/a.md", []byte(head+tt.body), DefaultLimits())
			if got := strings.TrimSpace(diags.Errors().String()); got != tt.want {
				t.Errorf("errors:\n got: %.300s\nwant: %s", got, tt.want)
			}
			if tt.want != "" && (p == nil || p.Body != nil) {
				t.Errorf("the refused body is kept for the parser")
			}
		})
	}
}

// TestBracketBlockLimit: a paragraph of many lines full of link labels is
// refused at its first line; the same text in fenced code, split into
// paragraphs, or a table of 3,000 rows with five links each, passes.
func TestBracketBlockLimit(t *testing.T) {
	const head = "---\ntitle: A\n---\n" // the body starts on line 4
	line := strings.Repeat("[a]", 100) + "\n"
	row := "| [a](/x) | [b](/y) | [c](/z) | [d](/w) | [e](/v) | text |\n"
	tests := []struct{ name, body, want string }{
		{"a paragraph of labels", "Intro.\n\n" + strings.Repeat(line, 1000),
			"content/briefs/a.md:6:1: this paragraph's 771 lines and 77100 closing brackets would take the Markdown parser too long (break it into paragraphs with blank lines)"},
		{"in paragraphs", strings.Repeat(strings.Repeat(line, 500)+"\n", 4), ""},
		{"in fenced code", "```\n" + strings.Repeat(line, 2000) + "```\n", ""},
		{"a long table", "| a | b | c | d | e | f |\n|---|---|---|---|---|---|\n" + strings.Repeat(row, 3000), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, diags := ParseFile("content/briefs/a.md", []byte(head+tt.body), DefaultLimits())
			if got := strings.TrimSpace(diags.Errors().String()); got != tt.want {
				t.Errorf("errors:\n got: %.300s\nwant: %s", got, tt.want)
			}
		})
	}
}

// TestLabelClosers: the "]" of wikilinks do not count; the others do.
func TestLabelClosers(t *testing.T) {
	for line, want := range map[string]int{
		"[[a]] [[b|c]] [[kind/slug#p1]]": 0,
		"[a] [b](u) [[c]]":               2,
		"[[a] [b]]":                      3,
		"[[]] [[ ]]":                     4,
		"[[a]]] [[[b]]":                  1,
	} {
		if got := labelClosers([]byte(line)); got != want {
			t.Errorf("%q: %d, want %d", line, got, want)
		}
	}
}
