package yamlfile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/goccy/go-yaml/ast"
)

// directPage has the shapes of content.Meta (which this package cannot
// import): an inline struct, text, a named text type, true/false,
// positioned scalars, lists of them, of structs and of a type that
// decodes itself; and some that direct decoding leaves to go-yaml (a
// number, a map, a pointer, a field named without a tag).
type directPage struct {
	DirectCommon `yaml:",inline"`
	Kind         directKind      `yaml:"kind"`
	Date         Scalar          `yaml:"date"`
	Actors       []Scalar        `yaml:"actors"`
	Sources      []directCite    `yaml:"sources"`
	Judgments    []directJudging `yaml:"key_judgments"`
	Nested       struct {
		Note string   `yaml:"note"`
		List []string `yaml:"list"`
	} `yaml:"nested"`
	Count   int               `yaml:"count"`
	Extra   map[string]string `yaml:"extra"`
	Maybe   *string           `yaml:"maybe"`
	Ignored string            `yaml:"-"`
	hidden  string
}

// DirectCommon is exported, as content.Common is: go-yaml cannot set an
// unexported embedded struct.
type DirectCommon struct {
	Title string   `yaml:"title"`
	Tags  []string `yaml:"tags"`
	Draft bool     `yaml:"draft"`
	TLP   Scalar   `yaml:"tlp"`
}

type directKind string

type directJudging struct {
	Text       Scalar       `yaml:"text"`
	Likelihood Scalar       `yaml:"likelihood"`
	Sources    []directCite `yaml:"sources"`
}

// directCite decodes itself, as content.Cite does: "slug" or {source: x}.
type directCite struct{ Ref, Note Scalar }

func (c *directCite) UnmarshalYAML(node ast.Node) error {
	*c = directCite{}
	m, ok := node.(*ast.MappingNode)
	if !ok {
		return c.Ref.UnmarshalYAML(node)
	}
	for _, mv := range m.Values {
		if mv.Key.String() != "source" {
			return errors.New("only source")
		}
		if err := c.Ref.UnmarshalYAML(mv.Value); err != nil {
			return err
		}
	}
	return nil
}

// untagged has a field go-yaml names itself ("plain"): left to go-yaml.
type untagged struct {
	Plain string
	Title string `yaml:"title"`
}

// conflicting has an inline field whose key is also its own: go-yaml
// zeroes the inline one, so direct decoding leaves it to go-yaml.
type conflicting struct {
	DirectCommon `yaml:",inline"`
	Title        string `yaml:"title"`
}

// collide has a key that is also its inline field's name, lower-cased:
// go-yaml refuses the type.
type collide struct {
	DirectCommon `yaml:",inline"`
	X            string `yaml:"directcommon"`
}

// panicky panics when it decodes itself.
type panicky struct{}

func (*panicky) UnmarshalYAML(ast.Node) error { panic("boom") }

// checkDirect decodes src both ways: whatever direct decoding accepts,
// go-yaml must decode to the same value; and Decode, which falls back,
// must always give go-yaml's value and error.
func checkDirect[T any](t *testing.T, src string) (direct bool) {
	t.Helper()
	doc, diags := Parse("a.md", []byte(src), 2)
	if doc == nil || doc.body == nil {
		return false
	}
	var viaDirect, viaGoYAML, viaDecode T
	direct = decodedDirectly(doc.body, reflect.ValueOf(&viaDirect).Elem())
	goErr := nodeToValue(doc.body, &viaGoYAML)
	decodeErr := doc.decode(&viaDecode)
	if direct {
		if goErr != nil {
			t.Fatalf("%q: decoded directly, but go-yaml refuses it: %v", src, goErr)
		}
		if !reflect.DeepEqual(viaDirect, viaGoYAML) {
			t.Fatalf("%q: decoded directly as\n%+v\ngo-yaml decodes\n%+v", src, viaDirect, viaGoYAML)
		}
	}
	if (goErr == nil) != (decodeErr == nil) || goErr != nil && goErr.Error() != decodeErr.Error() {
		t.Fatalf("%q: Decode's error %v, go-yaml's %v", src, decodeErr, goErr)
	}
	if goErr == nil && !reflect.DeepEqual(viaDecode, viaGoYAML) {
		t.Fatalf("%q: Decode gives\n%+v\ngo-yaml\n%+v", src, viaDecode, viaGoYAML)
	}
	_ = diags
	return direct
}

func TestDirectDecodeMatchesGoYAML(t *testing.T) {
	tests := []struct {
		src    string
		direct bool
	}{
		{"title: A\ntags: [a, b]\ndraft: true\ntlp: TLP:CLEAR\nkind: person\n", true},
		{"title: \"quoted: yes\"\ndate: 2024-01-01\nactors: [x, 'y', ~]\n", true},
		{"tags: []\nactors:\n  - a\n  - b\n", true},
		{"sources: [a#p1, {source: b}]\nkey_judgments:\n  - text: T\n    likelihood: likely\n    sources: [c]\n", true},
		{"nested: {note: n, list: [a]}\nunknown: {deep: [1, 2.5, true]}\n", true},
		{"title: ~\ntags: ~\nnested: ~\n", true},
		{"title: A", true},
		{"count: 3\n", false},         // a number: go-yaml's
		{"title: 2024\n", false},      // a number as text: go-yaml converts it
		{"draft: yes\n", false},       // text as true/false: go-yaml's error
		{"title: |\n  block\n", true}, // a block scalar
		{"title: >-\n  folded\n  text\nkey_judgments:\n  - text: |\n      a\n", true},
		{"title: &a A\nsummary: *a\n", false}, // anchors and aliases
		{"title: !!str A\n", false},           // a tag
		{"<<: {title: A}\n", false},           // a merge key
		{"? [a]\n: b\n", false},               // a key that is not text
		{"extra: {a: b}\n", false},            // a map
		{"maybe: x\n", false},                 // a pointer
		{"tags: a\n", false},                  // text for a list: go-yaml's error
		{"sources: [{other: b}]\n", false},    // refused by the type itself
		{"key_judgments: [{text: [a]}]\n", false},
		{"- a\n- b\n", false}, // a list for a struct
	}
	for _, tt := range tests {
		if got := checkDirect[directPage](t, tt.src); got != tt.direct {
			t.Errorf("%q: decoded directly %v, want %v", tt.src, got, tt.direct)
		}
	}
	doc, _ := Parse("a.md", []byte("hidden: x\nIgnored: y\n"), 2)
	var p directPage
	if !directDecode(doc.body, reflect.ValueOf(&p).Elem()) || p.hidden != "" || p.Ignored != "" {
		t.Errorf("an unexported field or one tagged \"-\" was set, or refused: %+v", p)
	}
	if checkDirect[untagged](t, "plain: a\ntitle: b\n") {
		t.Error("a field without a yaml tag was decoded directly")
	}
	if checkDirect[collide](t, "title: a\n") {
		t.Error("a key that is also an inline field's name was decoded directly")
	}
	if checkDirect[struct {
		P panicky `yaml:"p"`
	}](t, "p: x\n") {
		t.Error("a panic while decoding directly was taken for success")
	}
	if checkDirect[conflicting](t, "title: a\n") {
		t.Error("an inline field whose key is also the struct's own was decoded directly")
	}
}

// TestDecodeKeepsWhatIsSet checks that a value already set (dossier.yaml's
// defaults) is decoded by go-yaml, which keeps what the document does
// not set.
func TestDecodeKeepsWhatIsSet(t *testing.T) {
	doc, diags := Parse("dossier.yaml", []byte("tags: [a]\n"), 1)
	if doc == nil {
		t.Fatal(diags)
	}
	p := directPage{Kind: "preset"}
	if err := doc.decode(&p); err != nil {
		t.Fatal(err)
	}
	if p.Kind != "preset" || len(p.Tags) != 1 {
		t.Errorf("decoded %+v", p)
	}
}

// FuzzDirectMatchesGoYAML checks checkDirect on arbitrary documents,
// seeded with the front matter of the sample dossier.
func FuzzDirectMatchesGoYAML(f *testing.F) {
	for _, src := range sampleFrontMatter(f) {
		f.Add(src)
	}
	f.Add("title: A\ntags: [a, b]\nsources: [x#p1, {source: y}]\nnested: {list: [~]}\n")
	f.Fuzz(func(t *testing.T, src string) {
		checkDirect[directPage](t, src)
	})
}

// sampleFrontMatter is the front matter of every page of the sample
// dossier (../../content).
func sampleFrontMatter(tb testing.TB) []string {
	var out []string
	err := filepath.WalkDir("../../content", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".md") {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if rest, ok := strings.CutPrefix(string(b), "---\n"); ok {
			if fm, _, ok := strings.Cut(rest, "\n---\n"); ok {
				out = append(out, fm+"\n")
			}
		}
		return nil
	})
	if err != nil || len(out) < 20 {
		tb.Fatalf("sample front matter: %d files, %v", len(out), err)
	}
	return out
}

// TestDirectDecodesTheSample checks that the sample's front matter, in
// directPage's shapes, is decoded directly and as go-yaml decodes it.
func TestDirectDecodesTheSample(t *testing.T) {
	for _, src := range sampleFrontMatter(t) {
		if !checkDirect[directPage](t, src) {
			t.Errorf("not decoded directly:\n%s", src)
		}
	}
}
