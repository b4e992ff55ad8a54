// Package actorgraph draws the network of actors and their typed relations
// as an SVG at build time, with no JavaScript.
//
// Render draws either the whole network (every actor given, every relation
// between them) or one actor's neighbourhood (Options.Focus: the actor at
// the centre, the actors it relates to and those that relate to it, and
// only the focus's own relations).
//
// The layout is deterministic. Nodes are sorted by URL. For the network,
// each connected component starts on a circle in that order and runs a
// fixed number of Fruchterman–Reingold iterations, then is turned so its
// long axis is horizontal; components are packed in rows, largest first,
// with unrelated actors in a row of their own. For a neighbourhood, the
// neighbours sit on a ring around the focus, grouped by relation type,
// each far enough out for its edge's label. Then overlapping nodes, node
// labels and edge labels are pushed apart, and each edge label slides
// along its edge to a free spot. Positions are snapped to a 1/64 grid
// after every step, so float noise cannot grow into a different layout,
// and written with one decimal. The same actors give byte-identical SVG
// whatever order they are passed in.
//
// The SVG is meant to be inlined in a page: it has role="group" (not
// "img", whose children are presentational: the actors in it are links),
// named by its <title> and described by its <desc> (which lists every
// relation in words); a viewBox, and its natural size as its CSS width,
// so that a page too narrow for it scrolls it rather than shrink its
// labels below legibility (width="100%" is for readers without CSS); and
// a small <style> whose classes all start with "ag" and which follows the
// page's --bg and --muted custom properties when they exist and
// prefers-color-scheme otherwise. Actors are drawn with a shape and a
// colour per kind (person, country, organization, public-body, media)
// with a legend; every actor is a link to its page. Element ids start
// with Options.ID so that several graphs can share a page.
//
// Render is a pure function of its arguments and safe for concurrent use.
package actorgraph
