package content

import (
	"strings"
	"testing"
)

// TestEncodings: a byte-order mark is skipped and positions count as if
// it were not there; a byte that is not UTF-8 is an error at its line and
// column; bidirectional controls in a title, summary or alias are a
// warning at the key.
func TestEncodings(t *testing.T) {
	const file = "content/actors/a.md"
	tests := []struct {
		name, src string
		want      []string
	}{
		{"BOM: a warning on line 2, column 1", "\uFEFF---\nsumary: x\ntitle: A\n---\n",
			[]string{`content/actors/a.md:2:1: warning: unknown front-matter key "sumary" (did you mean "summary"?)`}},
		{"BOM: an error in the body", "\uFEFF---\ntitle: A\n---\nText.\n\n  \xff\n",
			[]string{"content/actors/a.md:6:3: invalid UTF-8: byte 0xff is not part of a character (save the file as UTF-8)"}},
		{"invalid UTF-8 in front matter", "---\ntitle: Ab\xc3(\n---\n",
			[]string{"content/actors/a.md:2:10: invalid UTF-8: byte 0xc3 is not part of a character (save the file as UTF-8)"}},
		{"a truncated character", "---\ntitle: A\n---\nend \xe2\x80",
			[]string{"content/actors/a.md:4:5: invalid UTF-8: byte 0xe2 is not part of a character (save the file as UTF-8)"}},
		{"bidi controls", "---\ntitle: \"A\\u202eB\"\nsummary: \"x\u2067y\"\naliases: [ok, \"b\u200fc\"]\n---\n",
			[]string{
				"content/actors/a.md:2:1: warning: title holds the invisible control character U+202E, which changes the order in which text reads (delete it: retype the value, or remove the character in an editor that shows it)",
				"content/actors/a.md:3:1: warning: summary holds the invisible control character U+2067, which changes the order in which text reads (delete it: retype the value, or remove the character in an editor that shows it)",
				"content/actors/a.md:4:1: warning: aliases holds the invisible control character U+200F, which changes the order in which text reads (delete it: retype the value, or remove the character in an editor that shows it)",
			}},
		{"no bidi controls in plain right-to-left text", "---\ntitle: \"كيم جونغ أون\"\naliases: [\"קים\"]\n---\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, diags := ParseFile(file, []byte(tt.src), DefaultLimits())
			var got []string
			for _, d := range diags.Sort() {
				if !strings.Contains(d.Message, "kind") { // actors need a kind: not this test's
					got = append(got, d.String())
				}
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("diagnostics:\n got: %s\nwant: %s", strings.Join(got, "\n      "), strings.Join(tt.want, "\n      "))
			}
		})
	}
}

// TestWebURLs: a source's url or archive_url that is not a web address is
// a warning at its key.
func TestWebURLs(t *testing.T) {
	src := "---\ntitle: S\nurl: \"javascript:alert(1)\"\narchive_url: www.example.org/x\n---\n"
	_, diags := ParseFile("content/sources/s.md", []byte(src), DefaultLimits())
	want := `content/sources/s.md:3:1: warning: url "javascript:alert(1)" is not a web address: readers cannot follow it (write the whole address, starting with https://)
content/sources/s.md:4:1: warning: archive_url "www.example.org/x" is not a web address: readers cannot follow it (write the whole address, starting with https://)`
	if got := strings.TrimSpace(diags.String()); got != want {
		t.Errorf("diagnostics:\n got: %s\nwant: %s", got, want)
	}
	ok := "---\ntitle: S\nurl: https://example.org/a?b=c\narchive_url: http://web.archive.org/web/2025/https://example.org/\n---\n"
	if _, diags := ParseFile("content/sources/s.md", []byte(ok), DefaultLimits()); len(diags) > 0 {
		t.Errorf("web addresses: %v", diags)
	}
}
