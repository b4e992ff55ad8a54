package content

import (
	"bytes"
	"slices"

	"github.com/dossier-project/dossier/internal/diag"
	"github.com/dossier-project/dossier/internal/yamlfile"
)

// BLUFPlaceholder is the bottom line that dossier new writes into a new
// brief, for the author to replace.
const BLUFPlaceholder = "Replace this with the bottom line up front: the answer, in two or three sentences."

// BodyPlaceholder is the text that dossier new writes as a new page's
// body, for the author to replace.
func BodyPlaceholder(k Kind) string {
	if k == Source {
		return "Paste the source's text here, one paragraph per block. Paragraphs are numbered p1, p2, ... so that pages can cite them."
	}
	return "Write the " + string(k) + " here. Link to pages by slug, title or alias between double square brackets, and cite a paragraph of a source as its slug, #p and the paragraph's number."
}

// findPlaceholders returns where the page still holds text that dossier
// new wrote for the author to replace: a bluf: equal to BLUFPlaceholder
// (at its key), and the body placeholder (where it starts). Whether that
// is an error depends on the build (see package check).
func (p *Page) findPlaceholders(keys []yamlfile.Key) []diag.Pos {
	var out []diag.Pos
	if p.Meta.BLUF == BLUFPlaceholder {
		pos := p.TopPos()
		if i := slices.IndexFunc(keys, func(k yamlfile.Key) bool { return k.Name == "bluf" }); i >= 0 {
			pos = diag.Pos{File: p.File, Line: keys[i].Line, Col: keys[i].Col}
		}
		out = append(out, pos)
	}
	if i := bytes.Index(p.Body, []byte(BodyPlaceholder(p.Kind))); i >= 0 {
		out = append(out, p.BodyPos(i))
	}
	return out
}
