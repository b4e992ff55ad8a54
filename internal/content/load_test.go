package content

import (
	"strings"
	"testing"
	"testing/fstest"
)

// TestParseFileDiagnostics asserts the exact position and text of each
// front-matter diagnostic. Lines count from the top of the file, the
// opening --- included.
func TestParseFileDiagnostics(t *testing.T) {
	tests := []struct {
		name, file, src string
		want            []string // diagnostics, as printed
	}{
		{
			name: "missing title",
			file: "content/briefs/a.md",
			src:  "---\nsummary: x\n---\nbody\n",
			want: []string{`content/briefs/a.md:1:1: missing title: every page needs a title (add title: "..." to the front matter)`},
		},
		{
			name: "empty title points at the key",
			file: "content/briefs/a.md",
			src:  "---\nsummary: x\ntitle: \"\"\n---\n",
			want: []string{`content/briefs/a.md:3:1: missing title: every page needs a title (add title: "..." to the front matter)`},
		},
		{
			name: "wrong type: list for a string",
			file: "content/actors/a.md",
			src:  "---\ntitle: A\nrole:\n  - x\n---\n",
			want: []string{"content/actors/a.md:4:3: front matter: role: expected text, found a list"},
		},
		{
			name: "wrong type: mapping for a reference",
			file: "content/briefs/a.md",
			src:  "---\ntitle: A\nactors:\n  - {a: b}\n---\n",
			want: []string{"content/briefs/a.md:4:5: expected a single value, found a mapping (key: value)"},
		},
		{
			name: "syntax error",
			file: "content/events/e.md",
			src:  "---\ntitle: E\ndate: [2025\n---\n",
			want: []string{`content/events/e.md:3:7: front matter: unclosed "[": the list that starts here has no "]" (add "]" after its last item)`},
		},
		{
			name: "unclosed list reported at its bracket, not at the next key",
			file: "content/briefs/a.md",
			src:  "---\ntitle: A\nactors: [kim-jong-un, xi-jinping\nsummary: x\n---\n",
			want: []string{`content/briefs/a.md:3:9: front matter: unclosed "[": the list that starts here has no "]" (add "]" after its last item)`},
		},
		{
			name: "duplicate key",
			file: "content/briefs/a.md",
			src:  "---\ntitle: A\nsummary: x\ntitle: B\n---\n",
			want: []string{`content/briefs/a.md:4:1: front matter: duplicate key "title" (first at line 2) (keep one of them)`},
		},
		{
			name: "handling key in capitals is an error, not an unknown key",
			file: "content/briefs/a.md",
			src:  "---\ntitle: A\nTLP: TLP:RED\n---\n",
			want: []string{`content/briefs/a.md:3:1: front-matter key "TLP" is not read: keys are case-sensitive (write "tlp")`},
		},
		{
			name: "draft key with a capital",
			file: "content/briefs/a.md",
			src:  "---\ntitle: A\nDraft: true\n---\n",
			want: []string{`content/briefs/a.md:3:1: front-matter key "Draft" is not read: keys are case-sensitive (write "draft")`},
		},
		{
			name: "handling key with a stray space",
			file: "content/briefs/a.md",
			src:  "---\ntitle: A\n\"tlp \": TLP:RED\n---\n",
			want: []string{`content/briefs/a.md:3:1: front-matter key "tlp " is not read: a key has no spaces around it (write "tlp")`},
		},
		{
			name: "unknown key with suggestion",
			file: "content/briefs/a.md",
			src:  "---\ntitle: A\nsumary: x\n---\n",
			want: []string{`content/briefs/a.md:3:1: warning: unknown front-matter key "sumary" (did you mean "summary"?)`},
		},
		{
			name: "unknown nested key",
			file: "content/briefs/a.md",
			src:  "---\ntitle: A\nkey_judgments:\n  - text: x\n    likelyhood: likely\n    sources: [a]\n---\n",
			want: []string{`content/briefs/a.md:5:5: warning: unknown front-matter key "likelyhood" (did you mean "likelihood"?)`},
		},
		{
			name: "key of another kind",
			file: "content/actors/a.md",
			src:  "---\ntitle: A\nbluf: x\n---\n",
			want: []string{`content/actors/a.md:3:1: warning: front-matter key "bluf" does not apply to an actor page`},
		},
		{
			name: "unclosed front matter",
			file: "content/briefs/a.md",
			src:  "---\ntitle: A\n",
			want: []string{"content/briefs/a.md:1:1: front matter opened with --- is never closed (add a line with --- after the last front-matter key)"},
		},
		{
			name: "no front matter",
			file: "content/briefs/a.md",
			src:  "# Just markdown\n",
			want: []string{"content/briefs/a.md:1:1: missing front matter: a page needs at least a title (start the file with ---, title: ..., ---)"},
		},
		{
			name: "bad slug",
			file: "content/briefs/a.md",
			src:  "---\ntitle: A\nslug: Not A Slug\n---\n",
			want: []string{`content/briefs/a.md:3:1: slug "Not A Slug" must be lowercase letters, digits and hyphens`},
		},
		{
			name: "file outside a kind folder",
			file: "content/notes/a.md",
			src:  "---\ntitle: A\n---\n",
			want: []string{"content/notes/a.md: file is not in a content folder (move it to content/briefs, actors, events, commentary or sources, or name it content/_index.md)"},
		},
		{
			name: "CRLF line endings keep positions",
			file: "content/briefs/a.md",
			src:  "---\r\ntitle: A\r\nsumary: x\r\n---\r\n",
			want: []string{`content/briefs/a.md:3:1: warning: unknown front-matter key "sumary" (did you mean "summary"?)`},
		},
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

func TestParseFileFields(t *testing.T) {
	src := "---\ntitle: Kim Jong-un\nkind: person\naliases: [Kim Jong Un]\ncountry: north-korea\nrelations:\n  - to: \"north-korea\"\n    type: leader of\n    sources: [article#p4, {source: kcna, credibility: 3}]\n---\nBody line\n"
	p, diags := ParseFile("content/actors/kim-jong-un.md", []byte(src), DefaultLimits())
	if len(diags) > 0 || p == nil {
		t.Fatalf("unexpected diagnostics: %v", diags)
	}
	if p.Slug != "kim-jong-un" || p.Kind != Actor || p.BodyLine != 11 || string(p.Body) != "Body line\n" {
		t.Errorf("page = slug %q kind %q bodyLine %d body %q", p.Slug, p.Kind, p.BodyLine, p.Body)
	}
	rel := p.Meta.Relations[0]
	if rel.To.Value != "north-korea" || rel.To.Line != 7 || rel.To.Col != 9 || !rel.To.Quoted {
		t.Errorf("relation to = %+v, want north-korea at 7:9 quoted", rel.To)
	}
	if c := rel.Sources[1]; c.Ref.Value != "kcna" || c.Credibility.Value != "3" {
		t.Errorf("citation = %+v", c)
	}
	if got := p.Pos(p.Meta.Country).String(); got != "content/actors/kim-jong-un.md:5:10" {
		t.Errorf("country position = %s", got)
	}
}

func TestLoadDuplicateSlugs(t *testing.T) {
	fsys := fstest.MapFS{
		"content/briefs/a.md":       {Data: []byte("---\ntitle: A\n---\n")},
		"content/briefs/2025/a.md":  {Data: []byte("---\ntitle: A again\n---\n")},
		"content/actors/a.md":       {Data: []byte("---\ntitle: Actor A\n---\n")},
		"content/briefs/draft.md":   {Data: []byte("---\ntitle: D\ndraft: true\n---\n")},
		"content/briefs/.hidden.md": {Data: []byte("not parsed")},
	}
	set, diags := Load(fsys, Options{})
	want := `content/briefs/a.md:1:1: duplicate brief slug "a": content/briefs/2025/a.md has it too (give one of them a different slug:)`
	if len(diags) != 1 || diags[0].String() != want {
		t.Errorf("diagnostics = %v, want %s", diags, want)
	}
	if set.Lookup(Actor, "a") == nil || set.Lookup(Brief, "draft") != nil {
		t.Errorf("lookup: actor a should exist, draft brief should be excluded")
	}
	fsys["content/briefs/other.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Other\nslug: a\n---\n")}
	set, diags = Load(fsys, Options{})
	want = `content/briefs/other.md:3:7: duplicate brief slug "a": content/briefs/2025/a.md has it too (give one of them a different slug:)`
	if len(diags) != 2 || diags.Sort()[1].String() != want {
		t.Errorf("diagnostics = %v, want the explicit slug blamed: %s", diags, want)
	}
	if got := set.Lookup(Brief, "a"); got == nil || got.File != "content/briefs/2025/a.md" {
		t.Errorf("one page keeps the slug, without an explicit slug: got %v", got)
	}
	set, _ = Load(fsys, Options{Drafts: true})
	if set.Lookup(Brief, "draft") == nil {
		t.Errorf("with Drafts the draft brief should load")
	}
}
