package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"unicode"

	"github.com/dossier-project/dossier/internal/content"
)

// scaffold returns a new page's file: a draft (a build leaves it out
// until draft: true is removed), with front matter of every key of its
// kind, commented where an example helps, and body (or a placeholder).
// Empty lists and commented keys keep the page valid as written; the
// placeholders (a brief's BLUF, the body) are reported by dossier check
// until they are replaced, and stop a publishing build.
func (n *newPage) scaffold(body string) string {
	var b strings.Builder
	b.WriteString("---\ntitle: " + yamlString(n.title) + "\n")
	b.WriteString(line("draft: true", "not published until you remove this line"))
	b.WriteString(frontMatter(n.kind, n.day))
	b.WriteString("tags: []\n---\n\n")
	if body == "" {
		body = content.BodyPlaceholder(n.kind) + "\n"
	}
	b.WriteString(body)
	return b.String()
}

// frontMatter is the part of a new page's front matter that depends on its
// kind; day is today in EDTF.
func frontMatter(k content.Kind, day string) string {
	switch k {
	case content.Brief:
		return line("date: "+day, "EDTF: 2025, 2025-10, 2025-10-09; ~ approximate, ? uncertain") +
			"summary: \"\"\n" + "bluf: " + yamlString(content.BLUFPlaceholder) + "\n" +
			line("actors: []", "slugs, titles or aliases: [kim-jong-un]") + "events: []\n" +
			line("sources: []", "citations: [article, article#p4]") + judgmentsExample("key_judgments") +
			"indicators: []\n# indicators:\n#   - text: \"...\"\n" +
			line("#     status: watching", "watching, emerging, observed, lapsed") + "#     sources: [article#p4]\n"
	case content.Actor:
		return line("kind: person", "person, country, organization, public-body, media") + "aliases: []\nrole: \"\"\n" +
			"# country: north-korea\n# wikidata: Q42\nrelations: []\n# relations:\n#   - to: north-korea\n" +
			"#     type: leader of\n#     since: 2011-12\n#     sources: [article#p4]\n"
	case content.Event:
		return line("date: "+day, "when it happened, in EDTF; 2025-10 if the day is not known") +
			line(`# date_text: "on Thursday"`, "the source's own words for the date") +
			"summary: \"\"\nlocation: \"\"\nactors: []\nsources: []\n"
	case content.Commentary:
		return "analyst: \"\"\ndate: " + day + "\n" + line("# confidence: moderate", "overall: low, moderate, high") +
			"summary: \"\"\n" + judgmentsExample("judgments") + "actors: []\nsources: []\n"
	case content.Source:
		return "publisher: \"\"\n# url: https://...\n# archive_url: https://web.archive.org/...\n" +
			line("# published: 2025-10-09", "EDTF") + "accessed: " + day + "\n" +
			line("reliability: F", "Admiralty: A completely reliable ... E unreliable, F cannot be judged") +
			line("credibility: 6", "1 confirmed ... 5 improbable, 6 cannot be judged") +
			line("chain: []", "the sources this one relays")
	}
	return ""
}

// line is a front-matter line with a comment in a column of its own.
func line(text, comment string) string { return fmt.Sprintf("%-28s # %s\n", text, comment) }

func judgmentsExample(key string) string {
	return key + ": []\n# " + key + ":\n#   - text: \"China will ...\"\n" +
		line("#     likelihood: likely", "ICD 203: almost no chance, very unlikely, unlikely,") +
		line("#", "roughly even chance, likely, very likely, almost certain") +
		line("#", "(or row 2: remote ... nearly certain)") +
		line("#     confidence: moderate", "low, moderate, high") + "#     sources: [article#p4]\n"
}

// yamlString quotes s as a YAML double-quoted scalar (JSON's string syntax
// is a subset).
func yamlString(s string) string {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s)
	return strings.TrimSuffix(buf.String(), "\n")
}

// slugify makes a file name of a title: lowercase ASCII letters and
// digits, with hyphens for the spaces and punctuation between words.
// Latin letters with diacritics are folded ("Sugiono's Pyŏngyang" ->
// "sugionos-pyongyang"); apostrophes vanish; other letters are dropped.
func slugify(title string) string {
	var b strings.Builder
	gap := false
	for _, r := range strings.ToLower(title) {
		if strings.ContainsRune("'’‘`", r) {
			continue
		}
		s := foldRune(r)
		if s == "" {
			gap = gap || !unicode.IsLetter(r)
			continue
		}
		if gap && b.Len() > 0 {
			b.WriteByte('-')
		}
		gap = false
		b.WriteString(s)
	}
	return b.String()
}

// foldRune returns a lowercase letter or digit as ASCII: itself, or the
// base letter(s) of a Latin letter with diacritics; "" for anything else.
func foldRune(r rune) string {
	if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
		return string(r)
	}
	for _, f := range latinFolds() {
		if strings.ContainsRune(f[0], r) {
			return f[1]
		}
	}
	return ""
}

// latinFolds maps lowercase Latin letters with diacritics to ASCII.
func latinFolds() [][2]string {
	return [][2]string{
		{"àáâãäåāăąǎ", "a"}, {"æ", "ae"}, {"çćĉċč", "c"}, {"ďđð", "d"}, {"èéêëēĕėęě", "e"},
		{"ĝğġģ", "g"}, {"ĥħ", "h"}, {"ìíîïĩīĭįıǐ", "i"}, {"ĵ", "j"}, {"ķ", "k"}, {"ĺļľŀł", "l"},
		{"ñńņňŉ", "n"}, {"òóôõöøōŏőǒ", "o"}, {"œ", "oe"}, {"ŕŗř", "r"}, {"śŝşšș", "s"}, {"ß", "ss"},
		{"ţťŧț", "t"}, {"þ", "th"}, {"ùúûüũūŭůűųǔ", "u"}, {"ŵ", "w"}, {"ýÿŷ", "y"}, {"źżž", "z"},
	}
}
