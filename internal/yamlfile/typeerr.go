package yamlfile

import (
	"fmt"
	"reflect"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/token"
)

// Type errors: a value of the wrong kind, named by its YAML key and told
// in YAML's words (text, a number, a list, a mapping).

// keyBefore returns the key whose value starts at tk ("title" for the
// value of "title: ..."), or "".
func keyBefore(tk *token.Token) string {
	if tk == nil || tk.Prev == nil || tk.Prev.Type != token.MappingValueType || tk.Prev.Prev == nil {
		return ""
	}
	return tk.Prev.Prev.Value
}

// valueStart moves a type error's token from the ":" of a mapping that
// was written where text was expected to the mapping's first key.
func valueStart(tk *token.Token) *token.Token {
	if tk != nil && tk.Type == token.MappingValueType && tk.Prev != nil {
		return tk.Prev
	}
	return tk
}

// typeMessage explains a type mismatch in the author's terms: the key,
// what it needs and what was written. The key is the one written before
// the value, else the one of the struct field go-yaml names.
func typeMessage(te *yaml.TypeError, key string, root reflect.Type) string {
	msg := fmt.Sprintf("expected %s, found %s", kindName(te.DstType), kindName(te.SrcType))
	if key == "" && te.StructFieldName != nil {
		key = fieldKey(root, *te.StructFieldName)
	}
	if key != "" {
		msg = key + ": " + msg
	}
	return msg
}

// fieldKey returns the YAML key of the field that go-yaml names
// "Struct.Field", found in the types reachable from root; "" when there is
// no such field.
func fieldKey(root reflect.Type, name string) string {
	structName, field, ok := strings.Cut(name, ".")
	if !ok || root == nil {
		return ""
	}
	seen := map[reflect.Type]bool{}
	var find func(t reflect.Type) string
	find = func(t reflect.Type) string {
		for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Array || t.Kind() == reflect.Map {
			t = t.Elem()
		}
		if t.Kind() != reflect.Struct || seen[t] {
			return ""
		}
		seen[t] = true
		if f, ok := t.FieldByName(field); ok && t.Name() == structName {
			return tagName(f)
		}
		for i := range t.NumField() {
			if key := find(t.Field(i).Type); key != "" {
				return key
			}
		}
		return ""
	}
	return find(root)
}

// tagName is a field's YAML key: its tag's name, or its lowercased name.
func tagName(f reflect.StructField) string {
	name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
	if name == "" || name == "-" {
		return strings.ToLower(f.Name)
	}
	return name
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

// nodeTypeName names a YAML node type in the same words as kindName.
func nodeTypeName(t ast.NodeType) string {
	switch t {
	case ast.StringType, ast.LiteralType:
		return "text"
	case ast.BoolType:
		return "true or false"
	case ast.IntegerType, ast.FloatType, ast.InfinityType, ast.NanType:
		return "a number"
	case ast.SequenceType:
		return "a list"
	case ast.MappingType, ast.MappingValueType:
		return "a mapping (key: value)"
	case ast.NullType:
		return "nothing"
	}
	return t.String()
}
