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
		walk(tt.Tree.Root, func(n parse.Node) {
			id, ok := n.(*parse.IdentifierNode)
			if ok && slices.Contains(siteInputs, id.Ident) && !slices.Contains(found, id.Ident) {
				found = append(found, id.Ident)
			}
		})
	}
	slices.Sort(found)
	return found
}

// walk calls visit for n and every node under it.
func walk(n parse.Node, visit func(parse.Node)) {
	if n == nil {
		return
	}
	visit(n)
	switch n := n.(type) {
	case *parse.ListNode:
		for _, c := range n.Nodes {
			walk(c, visit)
		}
	case *parse.ActionNode:
		walk(n.Pipe, visit)
	case *parse.PipeNode:
		for _, c := range n.Cmds {
			walk(c, visit)
		}
	case *parse.CommandNode:
		for _, a := range n.Args {
			walk(a, visit)
		}
	case *parse.ChainNode:
		walk(n.Node, visit)
	case *parse.IfNode:
		walkBranch(&n.BranchNode, visit)
	case *parse.RangeNode:
		walkBranch(&n.BranchNode, visit)
	case *parse.WithNode:
		walkBranch(&n.BranchNode, visit)
	case *parse.TemplateNode:
		if n.Pipe != nil {
			walk(n.Pipe, visit)
		}
	}
}

func walkBranch(b *parse.BranchNode, visit func(parse.Node)) {
	if b.Pipe != nil {
		walk(b.Pipe, visit)
	}
	if b.List != nil {
		walk(b.List, visit)
	}
	if b.ElseList != nil {
		walk(b.ElseList, visit)
	}
}
