package yamlfile

import (
	"reflect"
	"strings"

	"github.com/dossier-project/dossier/internal/diag"
	"github.com/goccy/go-yaml/ast"
)

// CheckKeys walks node alongside the Go type t and returns a warning for
// every mapping key that matches no `yaml` tag, with a "did you mean" over
// the known keys of that mapping. Inline embedded structs contribute their
// keys; types that decode themselves (Scalar and other unmarshalers) are
// not descended into.
func CheckKeys(file string, node ast.Node, t reflect.Type) diag.List {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	var diags diag.List
	switch n := node.(type) {
	case *ast.DocumentNode:
		return CheckKeys(file, n.Body, t)
	case *ast.MappingNode:
		for _, mv := range n.Values {
			diags.Append(checkPair(file, mv, t))
		}
	case *ast.MappingValueNode:
		diags.Append(checkPair(file, n, t))
	case *ast.SequenceNode:
		if t.Kind() == reflect.Slice {
			for _, v := range n.Values {
				diags.Append(CheckKeys(file, v, t.Elem()))
			}
		}
	}
	return diags
}

func checkPair(file string, mv *ast.MappingValueNode, t reflect.Type) diag.List {
	if t.Kind() != reflect.Struct || isSelfDecoding(t) {
		return nil
	}
	key := mv.Key.String()
	fields := yamlFields(t)
	ft, ok := fields[key]
	if !ok {
		line, col := nodePos(mv.Key)
		d := diag.Warnf(diag.Pos{File: file, Line: line, Col: col}, "unknown front-matter key %q", key)
		d.Suggestion = diag.Suggest(key, keysOf(fields))
		return diag.List{d}
	}
	return CheckKeys(file, mv.Value, ft)
}

var selfDecoding = reflect.TypeFor[interface{ UnmarshalYAML(ast.Node) error }]()

func isSelfDecoding(t reflect.Type) bool {
	return reflect.PointerTo(t).Implements(selfDecoding)
}

// yamlFields maps each yaml key of struct t to its field type.
func yamlFields(t reflect.Type) map[string]reflect.Type {
	out := map[string]reflect.Type{}
	for i := range t.NumField() {
		f := t.Field(i)
		name, opts, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		if name == "-" || !f.IsExported() {
			continue
		}
		if strings.Contains(opts, "inline") && f.Type.Kind() == reflect.Struct {
			for k, v := range yamlFields(f.Type) {
				out[k] = v
			}
			continue
		}
		if name == "" {
			name = strings.ToLower(f.Name)
		}
		out[name] = f.Type
	}
	return out
}

func keysOf(m map[string]reflect.Type) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	return keys
}
