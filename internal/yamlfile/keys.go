package yamlfile

import (
	"fmt"
	"reflect"
	"slices"
	"strings"

	"github.com/dossier-project/dossier/internal/diag"
	"github.com/goccy/go-yaml/ast"
)

// CheckKeys walks node alongside the Go type t and reports every mapping
// key that matches no `yaml` tag. Keys match case-sensitively. A key that
// differs from a known key of its mapping only by case or by spaces
// around it ("TLP", "Draft", " tlp") is an error naming the right key: the
// author meant that key, and ignoring its value (a handling label, a
// draft mark) would publish what they meant to restrict. Any other
// unknown key is a warning with a "did you mean" over the known keys.
// Inline embedded structs contribute their keys; types that decode
// themselves (Scalar and other unmarshalers) are not descended into.
func CheckKeys(file string, node ast.Node, t reflect.Type) diag.List {
	c := keyChecker{file: file, fields: map[reflect.Type]structKeys{}}
	return c.check(node, t)
}

// keyChecker checks one document's keys, knowing each struct's keys once.
type keyChecker struct {
	file   string
	fields map[reflect.Type]structKeys
}

// structKeys are a struct's yaml keys with their field types, and the
// keys whose fields carry the tag guard:"..." (a handling label, a draft
// mark): a key that looks like one of those is an error, not a warning,
// since ignoring it would publish what its author meant to restrict.
type structKeys struct {
	types   map[string]reflect.Type
	guarded map[string]string // key → what its guard tag names
}

// guardWhy says what a guarded key does, by its guard tag, for the error
// about a key that looks like it.
func guardWhy(guard string) string {
	if guard == "draft" {
		return "a draft mark, which keeps the page from being published"
	}
	return "a handling label, which restricts who may read what it marks"
}

func (c *keyChecker) fieldsOf(t reflect.Type) structKeys {
	f, ok := c.fields[t]
	if !ok {
		f = structKeys{types: map[string]reflect.Type{}, guarded: map[string]string{}}
		yamlFields(t, f)
		c.fields[t] = f
	}
	return f
}

func (c *keyChecker) check(node ast.Node, t reflect.Type) diag.List {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	var diags diag.List
	switch n := node.(type) {
	case *ast.DocumentNode:
		return c.check(n.Body, t)
	case *ast.MappingNode:
		for _, mv := range n.Values {
			diags.Append(c.checkPair(mv, t))
		}
	case *ast.MappingValueNode:
		diags.Append(c.checkPair(n, t))
	case *ast.SequenceNode:
		if t.Kind() == reflect.Slice {
			for _, v := range n.Values {
				diags.Append(c.check(v, t.Elem()))
			}
		}
	}
	return diags
}

func (c *keyChecker) checkPair(mv *ast.MappingValueNode, t reflect.Type) diag.List {
	if t.Kind() != reflect.Struct || isSelfDecoding(t) || mv.Key == nil {
		return nil
	}
	key := keyText(mv.Key)
	sk := c.fieldsOf(t)
	fields := sk.types
	if ft, ok := fields[key]; ok {
		return c.check(mv.Value, ft)
	}
	file := c.file
	line, col := nodePos(mv.Key)
	pos := diag.Pos{File: file, Line: line, Col: col}
	if known, ok := miswritten(key, fields); ok {
		d := diag.Errorf(pos, "%s %q is not read: %s", keyWord(file), key, miswrittenWhy(key, known))
		d.Suggestion = fmt.Sprintf("write %q", known)
		return diag.List{d}
	}
	for _, near := range diag.Closest(key, keysOf(fields), 3) {
		if guard, ok := sk.guarded[near]; ok {
			d := diag.Errorf(pos, "unknown %s %q looks like %q, %s: it would be ignored", keyWord(file), key, near, guardWhy(guard))
			d.Suggestion = fmt.Sprintf("write %q", near)
			return diag.List{d}
		}
	}
	d := diag.Warnf(pos, "unknown %s %q", keyWord(file), key)
	d.Suggestion = diag.Suggest(key, keysOf(fields))
	return diag.List{d}
}

// miswritten returns the known key that key differs from only by case or
// by spaces around it.
func miswritten(key string, fields map[string]reflect.Type) (string, bool) {
	trimmed := strings.TrimSpace(key)
	for _, k := range keysOf(fields) {
		if strings.EqualFold(trimmed, k) {
			return k, true
		}
	}
	return "", false
}

func miswrittenWhy(key, known string) string {
	if strings.TrimSpace(key) == known {
		return "a key has no spaces around it"
	}
	return "keys are case-sensitive"
}

// keyWord names a key of the document: a front-matter key in a Markdown
// file, a plain key elsewhere (the path names dossier.yaml).
func keyWord(file string) string {
	if label(file) != "" {
		return "front-matter key"
	}
	return "key"
}

var selfDecoding = reflect.TypeFor[interface{ UnmarshalYAML(ast.Node) error }]()

func isSelfDecoding(t reflect.Type) bool {
	return reflect.PointerTo(t).Implements(selfDecoding)
}

// yamlFields records each yaml key of struct t with its field type, and
// the guarded ones.
func yamlFields(t reflect.Type, out structKeys) {
	for i := range t.NumField() {
		f := t.Field(i)
		name, opts, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		if name == "-" || !f.IsExported() {
			continue
		}
		if strings.Contains(opts, "inline") && f.Type.Kind() == reflect.Struct {
			yamlFields(f.Type, out)
			continue
		}
		if name == "" {
			name = strings.ToLower(f.Name)
		}
		out.types[name] = f.Type
		if guard := f.Tag.Get("guard"); guard != "" {
			out.guarded[name] = guard
		}
	}
}

func keysOf(m map[string]reflect.Type) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
