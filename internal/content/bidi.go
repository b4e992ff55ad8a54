package content

import (
	"github.com/dossier-project/dossier/internal/diag"
	"github.com/dossier-project/dossier/internal/yamlfile"
)

// checkBidi warns about bidirectional formatting characters (see HasBidi)
// in the title, summary and aliases, which the site shows in lists, in
// <title>, in the feed and in search: invisible, they can make text read
// in another order (U+202E reverses what follows it). The site shows such
// values isolated, so nothing after them is reversed, but the value
// itself may still read other than it was meant. The warning is at the
// key.
func (p *Page) checkBidi(keys []yamlfile.Key) diag.List {
	var diags diag.List
	check := func(key string, values ...string) {
		for _, v := range values {
			if r, ok := firstBidi(v); ok {
				d := diag.Warnf(p.keyPos(keys, key), "%s holds the invisible control character U+%04X, which changes the order in which text reads", key, r)
				d.Suggestion = "delete it: retype the value, or remove the character in an editor that shows it"
				diags.Add(d)
				return
			}
		}
	}
	check("title", p.Meta.Title)
	check("summary", p.Meta.Summary)
	check("aliases", p.Meta.Aliases...)
	return diags
}

// firstBidi returns the first bidirectional formatting character in s.
func firstBidi(s string) (rune, bool) {
	for _, r := range s {
		if isBidi(r) {
			return r, true
		}
	}
	return 0, false
}

// keyPos is the position of the top-level key name, or the top of the
// page when there is none.
func (p *Page) keyPos(keys []yamlfile.Key, name string) diag.Pos {
	for _, k := range keys {
		if k.Name == name {
			return diag.Pos{File: p.File, Line: k.Line, Col: k.Col}
		}
	}
	return p.TopPos()
}
