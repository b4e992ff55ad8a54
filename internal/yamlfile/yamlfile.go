// Package yamlfile decodes YAML documents (front matter, dossier.yaml) into
// typed Go structs and reports every problem as a positioned diagnostic.
//
// Decoding uses github.com/goccy/go-yaml, whose syntax and type errors carry
// a token with line and column. Callers pass the line on which the YAML text
// starts in its file; the decoder pads the text with that many blank lines
// so every position the library reports is already a position in the file.
//
// Struct fields are matched by their `yaml` tags. Keys that match no field
// are warnings with a "did you mean" suggestion (see CheckKeys); a value of
// the wrong type is an error at the value.
//
// Scalar captures a scalar value together with its position, for values that
// are resolved or validated later (references, dates, grades) and must then
// be reported at the exact place they were written.
package yamlfile

import (
	"errors"
	"fmt"
	"reflect"
	"strings"

	"github.com/dossier-project/dossier/internal/diag"
	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
)

// Document is a parsed YAML document whose positions are file positions.
type Document struct {
	file string
	body ast.Node
}

// Parse parses src, which starts on line firstLine of file. A syntax error
// is returned as a diagnostic at its position.
func Parse(file string, src []byte, firstLine int) (*Document, diag.List) {
	f, err := parser.ParseBytes(pad(src, firstLine), 0)
	if err != nil {
		return nil, diag.List{fromError(file, err)}
	}
	doc := &Document{file: file}
	if len(f.Docs) > 0 {
		doc.body = f.Docs[0].Body
	}
	return doc, nil
}

// Decode decodes the document into v (a pointer to a struct). It returns at
// most one type error (go-yaml stops there) and a warning for each key that
// matches no field.
func (d *Document) Decode(v any) diag.List {
	if d.body == nil {
		return nil
	}
	var diags diag.List
	if err := nodeToValue(d.body, v); err != nil {
		diags.Add(fromError(d.file, err))
		return diags
	}
	diags.Append(CheckKeys(d.file, d.body, reflect.TypeOf(v)))
	return diags
}

// nodeToValue decodes node into v. go-yaml can panic on some malformed
// input (found by fuzzing: an unknown tag on a list); that becomes an error
// at the node instead of crashing the build.
func nodeToValue(node ast.Node, v any) (err error) {
	defer func() {
		if r := recover(); r != nil {
			line, col := nodePos(node)
			err = &PosError{Line: line, Col: col, Msg: "front matter could not be decoded (check tags such as !x and indentation)"}
		}
	}()
	return yaml.NodeToValue(node, v)
}

// Key is a top-level key and where it was written.
type Key struct {
	Name      string
	Line, Col int
}

// TopKeys lists the document's top-level mapping keys in order.
func (d *Document) TopKeys() []Key {
	var pairs []*ast.MappingValueNode
	switch n := d.body.(type) {
	case *ast.MappingNode:
		pairs = n.Values
	case *ast.MappingValueNode:
		pairs = []*ast.MappingValueNode{n}
	}
	keys := make([]Key, 0, len(pairs))
	for _, mv := range pairs {
		line, col := nodePos(mv.Key)
		keys = append(keys, Key{Name: mv.Key.String(), Line: line, Col: col})
	}
	return keys
}

// Decode parses and decodes src in one step; see Parse and Document.Decode.
func Decode(file string, src []byte, firstLine int, v any) diag.List {
	doc, diags := Parse(file, src, firstLine)
	if doc == nil {
		return diags
	}
	return doc.Decode(v)
}

func pad(src []byte, firstLine int) []byte {
	if firstLine <= 1 {
		return src
	}
	out := make([]byte, 0, firstLine-1+len(src))
	out = append(out, strings.Repeat("\n", firstLine-1)...)
	return append(out, src...)
}

// fromError converts a go-yaml error to a diagnostic at its token.
func fromError(file string, err error) diag.Diagnostic {
	var pe *PosError
	if errors.As(err, &pe) {
		return diag.Diagnostic{Pos: diag.Pos{File: file, Line: pe.Line, Col: pe.Col}, Message: pe.Msg}
	}
	var te *yaml.TypeError
	if errors.As(err, &te) {
		pos := diag.Pos{File: file}
		if te.Token != nil && te.Token.Position != nil {
			pos.Line, pos.Col = te.Token.Position.Line, te.Token.Position.Column
		}
		return diag.Diagnostic{Pos: pos, Message: "front matter: " + typeMessage(te)}
	}
	var ye yaml.Error
	if errors.As(err, &ye) {
		pos := diag.Pos{File: file}
		if tk := ye.GetToken(); tk != nil && tk.Position != nil {
			pos.Line, pos.Col = tk.Position.Line, tk.Position.Column
		}
		return diag.Diagnostic{Pos: pos, Message: "front matter: " + cleanMessage(ye.GetMessage())}
	}
	return diag.Diagnostic{Pos: diag.Pos{File: file}, Message: "front matter: " + err.Error()}
}

// typeMessage explains a type mismatch in the author's terms: the key,
// what it needs and what was written.
func typeMessage(te *yaml.TypeError) string {
	msg := fmt.Sprintf("expected %s, found %s", kindName(te.DstType), kindName(te.SrcType))
	if te.StructFieldName != nil {
		_, field, _ := strings.Cut(*te.StructFieldName, ".")
		msg = fmt.Sprintf("%s: %s", field, msg)
	}
	return msg
}

// kindName names a Go type as YAML would: text, a number, a list, ...
func kindName(t reflect.Type) string {
	if t == nil {
		return "nothing"
	}
	switch t.Kind() {
	case reflect.String:
		return "text"
	case reflect.Bool:
		return "true or false"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.Slice, reflect.Array:
		return "a list"
	case reflect.Map, reflect.Struct:
		return "a mapping (key: value)"
	}
	return t.String()
}

// cleanMessage rewrites go-yaml's Go-centric wording for content authors.
func cleanMessage(msg string) string {
	r := strings.NewReplacer(
		"cannot unmarshal ", "expected ",
		" into Go struct field ", " for ",
		" into Go value of type ", " for ",
		" of type ", " ",
	)
	return r.Replace(msg)
}

// PosError is an error at a YAML position, returned by custom unmarshalers
// so the position survives go-yaml's decoding.
type PosError struct {
	Line, Col int
	Msg       string
}

func (e *PosError) Error() string { return e.Msg }

// nodePos returns the line and column of node's first token.
func nodePos(node ast.Node) (line, col int) {
	if node == nil {
		return 0, 0
	}
	if tk := node.GetToken(); tk != nil && tk.Position != nil {
		return tk.Position.Line, tk.Position.Column
	}
	return 0, 0
}
