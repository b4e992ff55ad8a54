package content

import (
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	gast "github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
)

// FuzzNestingNeverUndercounts checks the promise checkNesting rests on:
// for any body, the estimate of some line is at least the depth of lists
// and blockquotes (and footnote definitions, which nest by indentation)
// that the Markdown parser, with the extensions package markdown uses,
// builds, so a body under the limit can never make the parser nest
// deeper.
func FuzzNestingNeverUndercounts(f *testing.F) {
	for _, s := range []string{
		"- a\n  - b\n    - c\n",
		"> > > a\n",
		"- > - > a\n",
		"1. a\n   1. b\n      1) c\n",
		"-\n  -\n    -\n      -\n",
		"1.\n   2.\n      3.\n",
		">>>\n",
		"* a\n\n  + b\n\n    - c\n",
		"-\ta\n\t-\tb\n",
		"> - a\n>   - b\n>     > c\n",
		"x[^a][^b][^c]\n\n[^a]: x\n    [^b]: y\n        [^c]: z\n",
		"x[^a]\n\n[^a]: - > x\n",
		"x[^a][^b][^c]\n\n[^a]: [^b]: [^c]: > x\n",
	} {
		f.Add(s)
	}
	md := goldmark.New(goldmark.WithExtensions(extension.GFM, extension.Footnote)).Parser()
	f.Fuzz(func(t *testing.T, body string) {
		if len(body) > 4096 {
			return
		}
		estimate := 0
		for line := range strings.SplitSeq(body, "\n") {
			d, _ := lineNesting([]byte(line), 1<<30)
			estimate = max(estimate, d)
		}
		actual := containerDepth(md.Parse(text.NewReader([]byte(body))), 0)
		if actual > estimate {
			t.Fatalf("the parser nests %d deep, the estimate is %d, for %q", actual, estimate, body)
		}
	})
}

// containerDepth is the deepest nesting of lists and blockquotes under n,
// which is at depth.
func containerDepth(n gast.Node, depth int) int {
	switch n.Kind() {
	case gast.KindList, gast.KindBlockquote, east.KindFootnote:
		depth++
	}
	deepest := depth
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		deepest = max(deepest, containerDepth(c, depth))
	}
	return deepest
}
