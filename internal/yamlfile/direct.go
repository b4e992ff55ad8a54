package yamlfile

import (
	"encoding"
	"reflect"
	"slices"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
)

// Direct decoding: the common document (plain mappings, lists, text and
// true/false, decoded into structs of text, booleans, lists and types that
// decode themselves) is decoded here, straight from the parsed nodes.
// go-yaml's decoder builds a map of every struct's fields and one of every
// mapping's keys for each value it decodes, and converts the whole
// document to Go values first: for a brief's front matter that was nine
// tenths of the decoding, 0.26 s of CPU in a cold build of 1,000 briefs.
//
// Anything else — an anchor, an alias, a tag, a merge key, a key that is
// not text, a number or true/false where text is wanted (go-yaml converts
// them), a value of the wrong kind, a field of a kind other than text,
// true/false, list or struct — makes directDecode give up, and Decode runs
// go-yaml on a zero value instead, so that its result and its errors,
// which explain.go words for editors, are exactly go-yaml's.
// FuzzDirectMatchesGoYAML checks that whatever directDecode decodes,
// go-yaml decodes to the same value.

// maxDirectDepth bounds the nesting directDecode looks through; a deeper
// document is left to go-yaml.
const maxDirectDepth = 64

// directDecode decodes node into dst, a settable zero value, and reports
// whether it could. When it could not, dst may hold part of the document.
// node comes from Parse, which refuses duplicate keys as go-yaml does.
func directDecode(node ast.Node, dst reflect.Value) bool {
	if !plainTree(node, 0) {
		return false
	}
	d := directDecoder{plans: map[reflect.Type]*structPlan{}}
	return d.value(node, dst)
}

// plainTree reports whether node and all below it are of the kinds direct
// decoding knows, with text keys that are not merge keys (<<).
func plainTree(node ast.Node, depth int) bool {
	if depth > maxDirectDepth {
		return false
	}
	switch n := node.(type) {
	case *ast.StringNode, *ast.BoolNode, *ast.NullNode, *ast.IntegerNode, *ast.FloatNode:
		return true
	case *ast.LiteralNode:
		return n.Value != nil
	case *ast.SequenceNode:
		for _, v := range n.Values {
			if !plainTree(v, depth+1) {
				return false
			}
		}
		return true
	case *ast.MappingNode:
		for _, mv := range n.Values {
			if !plainPair(mv, depth+1) {
				return false
			}
		}
		return true
	case *ast.MappingValueNode:
		return plainPair(n, depth)
	}
	return false
}

func plainPair(mv *ast.MappingValueNode, depth int) bool {
	key, ok := mv.Key.(*ast.StringNode)
	return ok && !key.IsMergeKey() && plainTree(mv.Value, depth+1)
}

// directDecoder holds the field plans of the struct types met in one
// document.
type directDecoder struct {
	plans map[reflect.Type]*structPlan
}

// value decodes node (never null) into dst.
func (d *directDecoder) value(node ast.Node, dst reflect.Value) bool {
	switch decodesItself(dst.Addr().Interface()) {
	case byNode:
		return dst.Addr().Interface().(yaml.NodeUnmarshaler).UnmarshalYAML(node) == nil
	case otherwise:
		return false
	}
	switch dst.Kind() {
	case reflect.String:
		switch s := node.(type) {
		case *ast.StringNode:
			dst.SetString(s.Value)
			return true
		case *ast.LiteralNode: // a block scalar (| or >): its text
			dst.SetString(s.Value.Value)
			return true
		}
		return false
	case reflect.Bool:
		b, ok := node.(*ast.BoolNode)
		if ok {
			dst.SetBool(b.Value)
		}
		return ok
	case reflect.Slice:
		seq, ok := node.(*ast.SequenceNode)
		return ok && d.slice(seq, dst)
	case reflect.Struct:
		return d.structure(node, dst)
	}
	return false
}

// decoding says how a type decodes itself, if it does.
type decoding int

const (
	notItself decoding = iota
	byNode             // go-yaml's NodeUnmarshaler alone
	otherwise          // any other of go-yaml's unmarshalers, or a type it treats apart
)

// decodesItself tells how go-yaml would decode a value whose address is
// ptr when it does not decode it field by field (canDecodeByUnmarshaler).
func decodesItself(ptr any) decoding {
	switch ptr.(type) {
	case yaml.BytesUnmarshalerContext, yaml.BytesUnmarshaler, yaml.InterfaceUnmarshalerContext,
		yaml.InterfaceUnmarshaler, yaml.NodeUnmarshalerContext, encoding.TextUnmarshaler,
		interface{ UnmarshalJSON([]byte) error }, *yaml.MapSlice, *yaml.MapItem:
		return otherwise
	case yaml.NodeUnmarshaler:
		return byNode
	}
	switch reflect.TypeOf(ptr).Elem().PkgPath() {
	case "time", "github.com/goccy/go-yaml/ast":
		return otherwise
	}
	return notItself
}

// slice decodes a list: go-yaml makes a new slice (empty, not nil, for
// []) and a null item the zero value.
func (d *directDecoder) slice(seq *ast.SequenceNode, dst reflect.Value) bool {
	out := reflect.MakeSlice(dst.Type(), len(seq.Values), len(seq.Values))
	for i, v := range seq.Values {
		if v.Type() != ast.NullType && !d.value(v, out.Index(i)) {
			return false
		}
	}
	dst.Set(out)
	return true
}

// structure decodes a mapping into a struct: a key of no field is left
// for CheckKeys to report, and a null value leaves its field as it was.
func (d *directDecoder) structure(node ast.Node, dst reflect.Value) bool {
	if t := node.Type(); t != ast.MappingType && t != ast.MappingValueType {
		return false
	}
	pairs := pairsOf(node)
	plan := d.plan(dst.Type())
	if plan == nil {
		return false
	}
	for _, mv := range pairs {
		f := plan.field(mv.Key.(*ast.StringNode).Value) // plainTree saw to it
		if f == nil || mv.Value.Type() == ast.NullType {
			continue
		}
		if !d.value(mv.Value, dst.FieldByIndex(f.index)) {
			return false
		}
	}
	return true
}

// structPlan is where each key of a struct type goes, fields of inline
// structs included.
type structPlan struct {
	fields []plannedField
}

type plannedField struct {
	name  string
	index []int
}

func (p *structPlan) field(name string) *plannedField {
	for i := range p.fields {
		if p.fields[i].name == name {
			return &p.fields[i]
		}
	}
	return nil
}

// plan returns t's plan, or nil when go-yaml would treat one of its
// fields in a way direct decoding does not: a field named without a yaml
// tag, an embedded field not marked inline, an anchor or alias option, or
// an inline field whose key is also the struct's own.
func (d *directDecoder) plan(t reflect.Type) *structPlan {
	if p, ok := d.plans[t]; ok {
		return p
	}
	var p *structPlan
	if fields, ok := planFields(t, nil, 0); ok {
		p = &structPlan{fields: fields}
	}
	d.plans[t] = p
	return p
}

func planFields(t reflect.Type, at []int, depth int) ([]plannedField, bool) {
	if depth > maxDirectDepth {
		return nil, false
	}
	n := t.NumField()
	own := make([]plannedField, 0, n)
	var inlined []plannedField
	var inlineNames []string // go-yaml names an inline field too, for its check of duplicates
	// One array holds every field's index path: a plan is made for each
	// struct type of each document, and this is most of its cost.
	paths := make([]int, 0, n*(len(at)+1))
	for i := range n {
		f := t.Field(i)
		tag, hasTag := f.Tag.Lookup("yaml")
		if f.PkgPath != "" && !f.Anonymous || tag == "-" {
			continue // go-yaml leaves these alone
		}
		name, options, _ := strings.Cut(tag, ",")
		start := len(paths)
		paths = append(append(paths, at...), i)
		index := paths[start:len(paths):len(paths)]
		switch {
		case f.Anonymous && options == "inline" && name == "" && f.Type.Kind() == reflect.Struct && f.PkgPath == "":
			fields, ok := planFields(f.Type, index, depth+1)
			if !ok {
				return nil, false
			}
			inlined = append(inlined, fields...)
			inlineNames = append(inlineNames, strings.ToLower(f.Name))
		case !hasTag || name == "" || f.Anonymous || strings.Contains(options, "inline") ||
			strings.Contains(options, "anchor") || strings.Contains(options, "alias"):
			return nil, false
		default:
			own = append(own, plannedField{name: name, index: index})
		}
	}
	all := append(own, inlined...)
	for i, f := range all {
		for _, g := range all[:i] {
			if g.name == f.name {
				return nil, false // go-yaml refuses the type, or zeroes one of them
			}
		}
		if slices.Contains(inlineNames, f.name) {
			return nil, false // go-yaml refuses the type
		}
	}
	return all, true
}
