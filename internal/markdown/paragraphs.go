package markdown

import (
	"strconv"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

var numberKey = parser.NewContextKey()

// paragraphNumberer gives each top-level paragraph of a source page the id
// pN and a data-p attribute the stylesheet shows in the margin. Numbers
// follow document order and depend on nothing else, so they are stable.
type paragraphNumberer struct{}

func (paragraphNumberer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	if on, _ := pc.Get(numberKey).(bool); !on {
		return
	}
	n := 0
	for c := doc.FirstChild(); c != nil; c = c.NextSibling() {
		if _, ok := c.(*ast.Paragraph); !ok {
			continue
		}
		n++
		c.SetAttributeString("id", []byte(ParagraphID(n)))
		c.SetAttributeString("data-p", []byte(strconv.Itoa(n)))
		c.SetAttributeString("class", []byte("para"))
	}
}
