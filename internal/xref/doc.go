// Package xref resolves a dossier's references and computes what links to
// what: backlinks, relations in both directions, unlinked mentions.
//
// Resolve is a pure function. It takes the parsed pages (content.Page and
// markdown.Doc, both immutable) and returns a new Graph; it never writes
// into a page or a Doc. Each body link's resolution is a Target in the
// node's own Links table, parallel to Doc.Links; how a link looks (its
// href, text, class and title) is decided later, at render time, from the
// Target. A Graph is immutable once Resolve returns and safe for
// concurrent use.
//
// Names resolve the same way everywhere, in wikilinks and front matter:
//
//	kim-jong-un            a slug, in any kind (front-matter keys narrow the kind)
//	Kim Jong Un            a title or an alias, case-insensitive
//	actors/kim-jong-un     kind-qualified, by folder name
//	article#p4             paragraph 4 of a source
//	kim-jong-un#early-life a heading anchor on the target page
//
// Markdown links resolve too: a relative link to a content file
// ("../actors/kim-jong-un.md") and a root-relative link to a page's
// address ("/briefs/x/", as written for the site without its base path).
// A root-relative link into a kind's folder that names no page is an
// error; other root-relative links ("/static/map.png") are kept, put
// under the base path when rendered.
//
// A name that matches pages of more than one kind, or two pages by title
// or alias, is ambiguous: an error that lists the candidates. A name that
// matches nothing is an error with a "did you mean" over slugs, titles and
// aliases. A missing anchor is an error naming the anchors that exist.
// Every error is at the exact position of the offending text: in a body,
// at the first character of the wikilink's target; in front matter, at
// the value.
//
// In preview (Options.Preview), unresolved body links are Targets with a
// Missing reason, rendered as visible "missing" links, and are reported
// as warnings, so an editor can keep writing; a publishing build fails on
// them.
//
// Unlinked mentions (an actor's name in a page's text, not inside a link)
// are found with one Aho–Corasick pass per page. A Memo carries the
// mentions found in each body from one Resolve to the next, so a rebuild
// scans only the bodies that changed.
//
// Given the last graph (Options.Last), a page whose own parse, the names
// of every page, and the bodies of the pages it referenced are all what
// they were takes its resolution and diagnostics from it (reuse.go): an
// edit to one brief's body resolves that brief again, not the dossier.
//
// Every node knows its place in the graph (home, then kind and slug
// order), and two graphs with the same names (Graph.Names: every page's
// kind, slug, file, title and aliases) have the same pages at the same
// places. What stays the same from one such graph to the next is held by
// place, so the next graph takes it as it is: a body link's Target names
// its page by place (Node.LinkedPage), and a Citation its source
// (Graph.Source), so a reused resolution shares its links, citations,
// judgments and indicators with the last graph and moves only its lists
// of nodes; the name index, each node's URL and id, and each node's use
// of the likelihood rows are taken too. Lists of nodes
// (backlinks, mentions) are filled in the graph's order and need no sort.
package xref
