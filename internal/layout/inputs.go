package layout

import (
	"html/template"
	"slices"
	"text/template/parse"
)

// calledInputs lists the site inputs that any template of t's set calls,
// by walking their parse trees. A function can only be called by naming
// it, so the list is complete.
func calledInputs(t *template.Template, siteInputs []string) []string {
	var found []string
	for _, tt := range t.Templates() {
		if tt.Tree == nil {
			continue
		}
		walk(tt.Tree.Root, func(name string) {
			if slices.Contains(siteInputs, name) && !slices.Contains(found, name) {
				found = append(found, name)
			}
		})
	}
	slices.Sort(found)
	return found
}

// walk calls ident for every identifier (function name) under n.
func walk(n parse.Node, ident func(string)) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n != nil {
			for _, c := range n.Nodes {
				walk(c, ident)
			}
		}
	case *parse.ActionNode:
		walk(n.Pipe, ident)
	case *parse.PipeNode:
		if n != nil {
			for _, c := range n.Cmds {
				walk(c, ident)
			}
		}
	case *parse.CommandNode:
		for _, a := range n.Args {
			walk(a, ident)
		}
	case *parse.ChainNode:
		walk(n.Node, ident)
	case *parse.IdentifierNode:
		ident(n.Ident)
	case *parse.IfNode:
		walkBranch(&n.BranchNode, ident)
	case *parse.RangeNode:
		walkBranch(&n.BranchNode, ident)
	case *parse.WithNode:
		walkBranch(&n.BranchNode, ident)
	case *parse.TemplateNode:
		walk(n.Pipe, ident)
	}
}

func walkBranch(b *parse.BranchNode, ident func(string)) {
	walk(b.Pipe, ident)
	walk(b.List, ident)
	walk(b.ElseList, ident)
}
