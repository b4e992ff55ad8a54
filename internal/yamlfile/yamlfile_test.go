package yamlfile

import (
	"strings"
	"testing"
)

type doc struct {
	Name  Scalar   `yaml:"name"`
	Quote Scalar   `yaml:"quote"`
	List  []Scalar `yaml:"list"`
	Count int      `yaml:"count"`
	Inner struct {
		Key string `yaml:"key"`
	} `yaml:"inner"`
}

func TestScalarPositionsAreFilePositions(t *testing.T) {
	src := "name: plain\nquote: \"quoted\"\nlist:\n  - a\n  - 'b'\n"
	var d doc
	if diags := Decode("f.yaml", []byte(src), 5, &d); len(diags) > 0 {
		t.Fatal(diags)
	}
	if d.Name.Line != 5 || d.Name.Col != 7 || d.Name.Quoted {
		t.Errorf("name = %+v, want 5:7 unquoted", d.Name)
	}
	if d.Quote.Line != 6 || d.Quote.Col != 8 || !d.Quote.Quoted || d.Quote.ColAt(2) != 11 {
		t.Errorf("quote = %+v (ColAt(2)=%d), want 6:8 quoted, offset 2 at col 11", d.Quote, d.Quote.ColAt(2))
	}
	if d.List[1].Value != "b" || d.List[1].Line != 9 || d.List[1].Col != 5 {
		t.Errorf("list[1] = %+v", d.List[1])
	}
}

func TestBlockScalar(t *testing.T) {
	var d doc
	if diags := Decode("f.yaml", []byte("name: >-\n  folded\n  text\n"), 1, &d); len(diags) > 0 {
		t.Fatal(diags)
	}
	if d.Name.Value != "folded text" || d.Name.Line != 1 {
		t.Errorf("name = %+v, want the folded text", d.Name)
	}
}

type page struct {
	Title string   `yaml:"title"`
	Slug  string   `yaml:"slug"`
	Tags  []string `yaml:"tags"`
	TLP   Scalar   `yaml:"tlp" guard:"handling"`
	Draft bool     `yaml:"draft" guard:"draft"`
	Items []struct {
		Text       string `yaml:"text"`
		Likelihood string `yaml:"likelihood"`
	} `yaml:"items"`
	Limits struct {
		Nesting int `yaml:"nesting"`
	} `yaml:"limits"`
}

// TestDecodeDiagnostics is the table of go-yaml's messages and the words
// an editor gets instead, each at the place to change. The front matter
// starts on line 2 of a Markdown file, as after its opening ---.
func TestDecodeDiagnostics(t *testing.T) {
	tests := []struct{ src, want string }{
		// Duplicates: every repetition, with the line of the first.
		{"title: a\ntitle: b\n", `a.md:3:1: front matter: duplicate key "title" (first at line 2) (keep one of them)`},
		{"title: a\ntags: []\ntitle: b\ntitle: c\n", `a.md:4:1: front matter: duplicate key "title" (first at line 2) (keep one of them)` + "\n" +
			`a.md:5:1: front matter: duplicate key "title" (first at line 2) (keep one of them)`},
		{"items:\n  - text: a\n    text: b\n", `a.md:4:5: front matter: duplicate key "text" (first at line 3) (keep one of them)`},
		{"title: a\n\"title\": b\n", `a.md:3:1: front matter: duplicate key "title" (first at line 2) (keep one of them)`},
		// Unclosed brackets and quotes: at the bracket or quote, even when
		// the parser notices on a later line.
		{"title: [unclosed\n", `a.md:2:8: front matter: unclosed "[": the list that starts here has no "]" (add "]" after its last item)`},
		{"title: [unclosed\nslug: x\n", `a.md:2:8: front matter: unclosed "[": the list that starts here has no "]" (add "]" after its last item)`},
		{"title: x\ntags: [[a], [b\nslug: x\n", `a.md:3:13: front matter: unclosed "[": the list that starts here has no "]" (add "]" after its last item)`},
		{"title: {a: b\nslug: x\n", `a.md:2:8: front matter: unclosed "{": the mapping that starts here has no "}" (add "}" after its last entry)`},
		{"title: {a: b\n", `a.md:2:8: front matter: unclosed "{": the mapping that starts here has no "}" (add "}" after its last entry)`},
		{"tags: [a, {b: c]\n", `a.md:2:11: front matter: unclosed "{": the mapping that starts here has no "}" (add "}" after its last entry)`},
		{"title: \"abc\nslug: x\n", `a.md:2:8: front matter: unclosed double quote: the text that starts here has no closing " (add " where the text ends)`},
		{"title: 'abc\n", `a.md:2:8: front matter: unclosed single quote: the text that starts here has no closing ' (add ' where the text ends)`},
		// Colons, indentation, stray characters.
		{"title: a: b\n", `a.md:2:9: front matter: ": " inside a value, where YAML reads it as the start of a key (put the whole value in double quotes)`},
		{"title: x\n  slug: y\n", `a.md:3:3: front matter: this line is indented more than the key above it, so YAML reads it as part of that key's value (line it up with the other keys (or put the value above in quotes if the colon belongs to it))`},
		{"title: |\n  abc\n def\n", `a.md:4:2: front matter: this line is indented less than the text block (|) above it, but is not a key (indent it like the lines above it, or line it up with the keys if it starts a new one)`},
		{"title: >-\n    abc\n  def\n", `a.md:4:3: front matter: this line is indented less than the text block (>-) above it, but is not a key (indent it like the lines above it, or line it up with the keys if it starts a new one)`},
		{"title: \"a\" b\n", `a.md:2:12: front matter: text after the closing quote (put the whole value inside the quotes)`},
		{"tags: [a, b]]\n", `a.md:2:13: front matter: unexpected "]": there is nothing open for it to close (remove it)`},
		{"tags:\n  - a\n  slug: x\n", `a.md:4:3: front matter: key "slug" is not lined up with the keys or list items above it (a key lines up with the other keys of its mapping; a list's items ("- ") are indented under its key)`},
		{"title: x\n- a\n", `a.md:3:1: front matter: a list item ("- ") where a key was expected (a list goes under its key, indented: tags:, then a line with   - item)`},
		{"title: a\n\tslug: b\n", `a.md:3:1: front matter: a tab indents this line: YAML indents with spaces only (replace the tab with spaces)`},
		{"title: @x\n", `a.md:2:8: front matter: a value cannot start with "@" unless it is quoted (put the value in double quotes)`},
		{"title: %x\n", `a.md:2:8: front matter: a value cannot start with "%" unless it is quoted (put the value in double quotes)`},
		{"title: *x\n", `a.md:2:8: front matter: unknown alias *x: a value that starts with * names an anchor (&x) (put the value in double quotes if it is text)`},
		// Types: named by the key as written in YAML.
		{"limits:\n  nesting: many\n", "a.md:3:12: front matter: nesting: expected a number, found text"},
		{"title: [a, b]\n", "a.md:2:8: front matter: title: expected text, found a list"},
		{"title:\n  a: b\n", "a.md:3:3: front matter: title: expected text, found a mapping (key: value)"},
		{"tags: x\n", "a.md:2:7: front matter: tags: expected a list, found text"},
		{"tags: [[a]]\n", "a.md:2:8: front matter: tags: expected text, found a list"},
		// Columns count characters, not bytes.
		{"title: \"ééé\" x\n", `a.md:2:14: front matter: text after the closing quote (put the whole value inside the quotes)`},
		{"limits:\n  nesting: 99999999999999999999\n", "a.md:3:12: front matter: nesting: the number 99999999999999999999 is too large"},
		// Keys: case and spaces are errors, other unknown keys warnings.
		{"TLP: TLP:RED\n", `a.md:2:1: front-matter key "TLP" is not read: keys are case-sensitive (write "tlp")`},
		{"Tlp: TLP:RED\n", `a.md:2:1: front-matter key "Tlp" is not read: keys are case-sensitive (write "tlp")`},
		{"Draft: true\n", `a.md:2:1: front-matter key "Draft" is not read: keys are case-sensitive (write "draft")`},
		{"DRAFT: true\n", `a.md:2:1: front-matter key "DRAFT" is not read: keys are case-sensitive (write "draft")`},
		{"\" tlp\": TLP:RED\n", `a.md:2:1: front-matter key " tlp" is not read: a key has no spaces around it (write "tlp")`},
		{"items:\n  - Likelihood: likely\n", `a.md:3:5: front-matter key "Likelihood" is not read: keys are case-sensitive (write "likelihood")`},
		{"titel: x\n", `a.md:2:1: warning: unknown front-matter key "titel" (did you mean "title"?)`},
		// A misspelling of a guarded key (tag guard:) is an error: the
		// page would be published without its label or draft mark.
		{"tpl: TLP:RED\n", `a.md:2:1: unknown front-matter key "tpl" looks like "tlp", a handling label, which restricts who may read what it marks: it would be ignored (write "tlp")`},
		{"draf: true\n", `a.md:2:1: unknown front-matter key "draf" looks like "draft", a draft mark, which keeps the page from being published: it would be ignored (write "draft")`},
		// A quote left open swallows the keys after it; the error is at
		// the quote, not where go-yaml gave up.
		{"title: \"Strategic\nslug: \"x\"\ntags: [a]\n", `a.md:2:8: front matter: unclosed double quote: the value that starts here has no closing " on its line (add " where the value ends)`},
		{"tags:\n  - \"a\n  - b\nslug: \"ééé\"\n", `a.md:3:5: front matter: unclosed double quote: the value that starts here has no closing " on its line (add " where the value ends)`},
		{"title: 'it''s\nslug: 'x'\ntags: [a]\n", `a.md:2:8: front matter: unclosed single quote: the value that starts here has no closing ' on its line (add ' where the value ends)`},
		// A quoted value that does close on a later line is valid YAML.
		{"title: \"one\n  two\"\nslug: x\n", ""},
	}
	for _, tt := range tests {
		var p page
		diags := Decode("a.md", []byte(tt.src), 2, &p)
		if got := strings.TrimSuffix(diags.String(), "\n"); got != tt.want {
			t.Errorf("Decode(%q) =\n%s\nwant\n%s", tt.src, got, tt.want)
		}
	}
}

// TestDossierYAMLDiagnostics checks that problems in a YAML file are not
// called front matter: the path names the file.
func TestDossierYAMLDiagnostics(t *testing.T) {
	tests := []struct{ src, want string }{
		{"title: a\ntitle: b\n", `dossier.yaml:2:1: duplicate key "title" (first at line 1) (keep one of them)`},
		{"title: [x\nslug: y\n", `dossier.yaml:1:8: unclosed "[": the list that starts here has no "]" (add "]" after its last item)`},
		{"limits:\n  nesting: many\n", "dossier.yaml:2:12: nesting: expected a number, found text"},
		{"TLP: TLP:RED\n", `dossier.yaml:1:1: key "TLP" is not read: keys are case-sensitive (write "tlp")`},
		{"titel: x\n", `dossier.yaml:1:1: warning: unknown key "titel" (did you mean "title"?)`},
	}
	for _, tt := range tests {
		var p page
		diags := Decode("dossier.yaml", []byte(tt.src), 1, &p)
		if got := strings.TrimSuffix(diags.String(), "\n"); got != tt.want {
			t.Errorf("Decode(%q) =\n%s\nwant\n%s", tt.src, got, tt.want)
		}
	}
}
