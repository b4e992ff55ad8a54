// Package xref resolves a dossier's references and computes what links to
// what: backlinks, relations in both directions, unlinked mentions.
//
// Names resolve the same way everywhere, in wikilinks and front matter:
//
//	kim-jong-un            a slug, in any kind (front-matter keys narrow the kind)
//	Kim Jong Un            a title or an alias, case-insensitive
//	actors/kim-jong-un     kind-qualified, by folder name
//	article#p4             paragraph 4 of a source
//	kim-jong-un#early-life a heading anchor on the target page
//
// A name that matches pages of more than one kind, or two pages by title
// or alias, is ambiguous: an error that lists the candidates. A name that
// matches nothing is an error with a "did you mean" over slugs, titles and
// aliases. A missing anchor is an error naming the anchors that exist.
// Every error is at the exact position of the offending text: in a body,
// at the first character of the wikilink's target; in front matter, at
// the value.
//
// In preview (Options.Preview), unresolved body links render as visible
// "missing" links and are reported as warnings, so an editor can keep
// writing; a publishing build fails on them.
//
// Resolve does not modify pages; it fills the Links of each page's
// markdown.Doc (Dest, Resolved, Missing, ...) and returns a Graph.
package xref
