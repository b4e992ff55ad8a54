package yamlfile

import (
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

func TestDecodeDiagnostics(t *testing.T) {
	tests := []struct{ src, want string }{
		{"count: many\n", "f.yaml:1:8: front matter: Count: expected a number, found text"},
		{"name: [a, b]\n", "f.yaml:1:7: expected a single value, found a list"},
		{"inner:\n  kye: x\n", `f.yaml:2:3: warning: unknown front-matter key "kye" (did you mean "key"?)`},
		{"name: a\nname: b\n", `f.yaml:2:1: front matter: mapping key "name" already defined at [1:1]`},
	}
	for _, tt := range tests {
		var d doc
		diags := Decode("f.yaml", []byte(tt.src), 1, &d)
		if len(diags) != 1 || diags[0].String() != tt.want {
			t.Errorf("Decode(%q) = %v\nwant %s", tt.src, diags, tt.want)
		}
	}
}
