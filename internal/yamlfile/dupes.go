package yamlfile

import (
	"github.com/dossier-project/dossier/internal/diag"
	"github.com/goccy/go-yaml/ast"
)

// duplicateKeys reports every key written twice in one mapping, anywhere
// in the document, at the repetition, with the line of the first. The
// parser is run with duplicates allowed so that all of them are found
// in one pass, from the tree rather than from go-yaml's message.
func duplicateKeys(file string, body ast.Node) diag.List {
	if body == nil {
		return nil
	}
	v := &dupVisitor{file: file}
	ast.Walk(v, body)
	return v.diags
}

type dupVisitor struct {
	file  string
	diags diag.List
}

func (v *dupVisitor) Visit(node ast.Node) ast.Visitor {
	m, ok := node.(*ast.MappingNode)
	if !ok {
		return v
	}
	first := map[string]int{}
	for _, mv := range m.Values {
		if mv.Key == nil || mv.Key.IsMergeKey() {
			continue
		}
		name := keyText(mv.Key)
		line, col := nodePos(mv.Key)
		if firstLine, seen := first[name]; seen {
			d := diag.Errorf(diag.Pos{File: v.file, Line: line, Col: col}, "%sduplicate key %q (first at line %d)", label(v.file), name, firstLine)
			d.Suggestion = "keep one of them"
			v.diags.Add(d)
			continue
		}
		first[name] = line
	}
	return v
}
