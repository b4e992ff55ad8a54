package yamlfile

import (
	"fmt"
	"math"
	"unicode/utf8"

	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/token"
)

// Scalar is a YAML scalar's text with the line and column where it was
// written. The zero Scalar means "absent". Numbers and booleans keep their
// literal text ("2", "true"); null becomes absent.
type Scalar struct {
	Value  string
	Line   int32
	Col    int32
	Quoted bool
}

// UnmarshalYAML implements go-yaml's NodeUnmarshaler.
func (s *Scalar) UnmarshalYAML(node ast.Node) error {
	line, col := nodePos(node)
	switch n := node.(type) {
	case *ast.NullNode:
		*s = Scalar{}
		return nil
	case *ast.StringNode:
		*s = Scalar{Value: n.Value, Line: at32(line), Col: at32(col)}
		if tk := n.GetToken(); tk != nil {
			s.Quoted = tk.Type == token.DoubleQuoteType || tk.Type == token.SingleQuoteType
		}
		return nil
	case *ast.LiteralNode:
		// A block scalar (| or >): the text, not the indicator.
		*s = Scalar{Value: n.Value.Value, Line: at32(line), Col: at32(col)}
		return nil
	case ast.ScalarNode:
		*s = Scalar{Value: fmt.Sprint(n.GetValue()), Line: at32(line), Col: at32(col)}
		if tk := n.GetToken(); tk != nil {
			s.Value = tk.Value
		}
		return nil
	}
	return &PosError{Line: line, Col: col, Msg: fmt.Sprintf("expected a single value, found %s", describe(node))}
}

// at32 is a line or column as a Scalar keeps it, in 32 bits: content
// files are at most 1 GiB (content.MaxFileBytes), and a larger number is
// kept as the largest.
func at32(n int) int32 { return int32(min(n, math.MaxInt32)) }

// NewScalar is the scalar value written at line and col.
func NewScalar(value string, line, col int) Scalar {
	return Scalar{Value: value, Line: at32(line), Col: at32(col)}
}

// IsZero reports whether the scalar was absent.
func (s Scalar) IsZero() bool { return s.Value == "" && s.Line == 0 }

// String returns the scalar's text.
func (s Scalar) String() string { return s.Value }

// ColAt returns the file column (in characters) of byte offset i within
// Value, skipping an opening quote, so an error found inside a value
// points at its character. It is exact for values written on one line
// without escapes.
func (s Scalar) ColAt(i int) int {
	i = min(max(i, 0), len(s.Value))
	col := int(s.Col) + utf8.RuneCountInString(s.Value[:i])
	if s.Quoted {
		col++
	}
	return col
}

func describe(node ast.Node) string {
	switch node.Type() {
	case ast.MappingType, ast.MappingValueType:
		return "a mapping (key: value)"
	case ast.SequenceType:
		return "a list"
	}
	return node.Type().String()
}
