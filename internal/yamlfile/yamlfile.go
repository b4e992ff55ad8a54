// Package yamlfile decodes YAML documents (front matter, dossier.yaml) into
// typed Go structs and reports every problem as a positioned diagnostic.
//
// Decoding uses github.com/goccy/go-yaml, whose syntax and type errors carry
// a token with line and column. Its parser parses every document; a plain
// document decoded into a zero value is then decoded straight from the
// parsed nodes, and anything else by go-yaml's decoder (see direct.go). Callers pass the line on which the YAML text
// starts in its file; the decoder pads the text with that many blank lines
// so every position the library reports is already a position in the file.
//
// Problems are told in an editor's words, at the place the editor must
// change (see explain.go): a duplicate key is reported at each repetition
// with the line of the first; an unclosed "[" or "{" at the bracket, not at
// the line where the parser gave up; a line indented less than the text
// block above it at that line. Messages about a Markdown file's YAML (a
// file name ending in .md) begin "front matter:"; those about any other
// file (dossier.yaml) need no label, since its path says what it is.
//
// Struct fields are matched by their `yaml` tags, case-sensitively. A key
// that matches no field is a warning with a "did you mean" suggestion,
// except a key that differs from a known one only by case or by spaces
// around it (TLP, Draft, " tlp"): that one is an error, because the value
// the author meant to set (a handling label, a draft mark) would otherwise
// be silently ignored (see CheckKeys). A value of the wrong type is an
// error at the value.
//
// Scalar captures a scalar value together with its position, for values that
// are resolved or validated later (references, dates, grades) and must then
// be reported at the exact place they were written.
package yamlfile

import (
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
// is returned as a diagnostic at its position; every duplicate key is an
// error at the repetition, naming the line of the first.
func Parse(file string, src []byte, firstLine int) (*Document, diag.List) {
	f, err := parser.ParseBytes(pad(src, firstLine), 0, parser.AllowDuplicateMapKey())
	if err != nil {
		d := explain(file, nil, err)
		if q, ok := unclosedQuote(file, src, max(firstLine, 1), d.Pos.Line); ok {
			d = q
		}
		return nil, diag.List{d}
	}
	doc := &Document{file: file}
	if len(f.Docs) > 0 {
		doc.body = f.Docs[0].Body
	}
	if dups := duplicateKeys(file, doc.body); len(dups) > 0 {
		return nil, dups
	}
	return doc, nil
}

// Decode decodes the document into v (a pointer to a struct). It returns at
// most one type error (go-yaml stops there), an error for each key that
// differs from a known key only by case or spaces, and a warning for each
// other key that matches no field.
func (d *Document) Decode(v any) diag.List {
	if d.body == nil {
		return nil
	}
	var diags diag.List
	if err := d.decode(v); err != nil {
		diags.Add(explain(d.file, reflect.TypeOf(v), err))
		return diags
	}
	diags.Append(CheckKeys(d.file, d.body, reflect.TypeOf(v)))
	return diags
}

// decode decodes the document into v: directly when v points to a zero
// value and the document is one direct decoding knows (see direct.go),
// else with go-yaml, into a zero value again if direct decoding wrote
// part of it.
func (d *Document) decode(v any) error {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() || !rv.Elem().IsZero() {
		return nodeToValue(d.body, v)
	}
	if decodedDirectly(d.body, rv.Elem()) {
		return nil
	}
	rv.Elem().SetZero()
	return nodeToValue(d.body, v)
}

// decodedDirectly is directDecode, with a panic (in a type's own
// UnmarshalYAML) taken as "could not": go-yaml then decodes the document
// again and reports it as an error at its node (see nodeToValue).
func decodedDirectly(node ast.Node, dst reflect.Value) (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	return directDecode(node, dst)
}

// nodeToValue decodes node into v. go-yaml can panic on some malformed
// input (found by fuzzing: an unknown tag on a list); that becomes an error
// at the node instead of crashing the build.
func nodeToValue(node ast.Node, v any) (err error) {
	defer func() {
		if r := recover(); r != nil {
			line, col := nodePos(node)
			err = &PosError{Line: line, Col: col, Msg: "this YAML could not be decoded (check tags such as !x and indentation)"}
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
	pairs := pairsOf(d.body)
	keys := make([]Key, 0, len(pairs))
	for _, mv := range pairs {
		line, col := nodePos(mv.Key)
		keys = append(keys, Key{Name: keyText(mv.Key), Line: line, Col: col})
	}
	return keys
}

// pairsOf returns the key-value pairs of a mapping node (nil for any
// other node).
func pairsOf(node ast.Node) []*ast.MappingValueNode {
	switch n := node.(type) {
	case *ast.MappingNode:
		return n.Values
	case *ast.MappingValueNode:
		return []*ast.MappingValueNode{n}
	}
	return nil
}

// keyText is a mapping key as the decoder matches it: a string key's
// value without its quotes, any other key's text.
func keyText(key ast.MapKeyNode) string {
	switch k := key.(type) {
	case *ast.StringNode:
		return k.Value
	case *ast.MappingKeyNode:
		if v, ok := k.Value.(ast.MapKeyNode); ok {
			return keyText(v)
		}
	}
	if tk := key.GetToken(); tk != nil {
		return tk.Value
	}
	return key.String()
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
