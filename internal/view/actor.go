package view

import (
	"html/template"
	"slices"

	"github.com/dossier-project/dossier/internal/actorgraph"
	"github.com/dossier-project/dossier/internal/content"
	"github.com/dossier-project/dossier/internal/vocab"
	"github.com/dossier-project/dossier/internal/xref"
)

// ActorPage is an actor. Every page that refers to the actor is listed
// once, under the first of these that applies: its chronology (events and
// dated briefs that name the actor), named in (other pages that name it in
// their front matter), linked from (pages that link it), mentioned in
// (pages whose text names it without a link). Actors related to it appear
// under Relations instead.
type ActorPage struct {
	Page
	KindName  string
	Aliases   []string
	Role      string
	Country   *Card
	Wikidata  string
	Tags      []Tag
	Body      *Body
	Relations []RelationView
	// Graph is the actor's neighbourhood; nil without relations.
	Graph       *Graph
	Chronology  []*ChronoItem
	NamedIn     []Group
	LinkedFrom  []Group
	MentionedIn []*Card
}

// RelationView is a relation read from the actor's side.
type RelationView struct {
	Label string // "leader of", or "led by" for a relation pointing here
	Other *Card
	Since string
	Until string
	Cites []*Cite
}

func (b *Builder) actor(n *xref.Node) View {
	m := n.Page.Meta
	kind, _ := vocab.ParseActorKind(m.Kind.Value)
	v := &ActorPage{Page: b.nodePage(n), KindName: kind.Singular, Aliases: m.Aliases, Role: m.Role,
		Wikidata: m.Wikidata.Value, Tags: b.tagsOf(n), Body: b.body(n), Relations: b.relations(n)}
	if v.KindName == "" {
		v.KindName = m.Kind.Value
	}
	if n.Country != nil {
		v.Country = b.card(n.Country)
	}
	if len(v.Relations) > 0 {
		v.Graph = &Graph{Input: b.neighbourhood(n)}
	}
	b.actorReferences(n, v)
	v.TOC = long(toc(n, body(), sec(len(v.Relations) > 0, "relations", "Relations"), sec(len(v.Chronology) > 0, "chronology", "Chronology"),
		sec(len(v.NamedIn) > 0, "named-in", "Named in"), sec(len(v.LinkedFrom) > 0, "linked-from", "Linked from"),
		sec(len(v.MentionedIn) > 0, "mentioned-in", "Also mentioned in")))
	return View{Data: v, Bodies: []*Body{v.Body}}
}

// actorReferences files every page that refers to n once (see ActorPage).
func (b *Builder) actorReferences(n *xref.Node, v *ActorPage) {
	listed := map[*xref.Node]bool{}
	related := map[*xref.Node]bool{}
	for _, e := range n.Relations {
		related[e.To] = true
	}
	for _, e := range n.InRelations {
		related[e.From] = true
	}
	var chrono []*xref.Node
	for _, m := range n.NamedIn {
		if dated(m) {
			chrono = append(chrono, m)
			listed[m] = true
		}
	}
	v.Chronology = b.chronoItems(chrono)
	pick := func(nodes []*xref.Node) []*xref.Node {
		var out []*xref.Node
		for _, m := range nodes {
			if !listed[m] && !related[m] {
				out = append(out, m)
				listed[m] = true
			}
		}
		return out
	}
	v.NamedIn = groupByKind(b.cardsOf(pick(n.NamedIn)), "named-in-")
	v.LinkedFrom = groupByKind(b.cardsOf(pick(n.ReferencedBy)), "linked-from-")
	v.MentionedIn = b.cardsOf(pick(n.MentionedIn))
}

// relations reads n's relations and those pointing at n from n's side.
func (b *Builder) relations(n *xref.Node) []RelationView {
	var out []RelationView
	for _, e := range n.Relations {
		out = append(out, RelationView{Label: vocab.RelationLabel(e.Type), Other: b.card(e.To), Since: displayEDTF(e.Since), Until: displayEDTF(e.Until), Cites: b.cites(e.Sources)})
	}
	for _, e := range n.InRelations {
		out = append(out, RelationView{Label: vocab.InverseRelation(e.Type), Other: b.card(e.From), Since: displayEDTF(e.Since), Until: displayEDTF(e.Until), Cites: b.cites(e.Sources)})
	}
	return out
}

// neighbourhood is the graph of n and the actors it relates to.
func (b *Builder) neighbourhood(n *xref.Node) actorgraph.Graph {
	g := actorgraph.Graph{Focus: n.URL, ID: "ag-" + n.Slug(), Actors: []actorgraph.Actor{b.graphActor(n)}}
	edges := append(slices.Clone(n.Relations), n.InRelations...)
	for _, e := range edges {
		g.Actors = append(g.Actors, b.graphActor(e.From), b.graphActor(e.To))
		g.Relations = append(g.Relations, graphRelation(e))
	}
	return g
}

// network is the graph of every actor.
func (b *Builder) network() actorgraph.Graph {
	var g actorgraph.Graph
	for _, a := range b.g.ByKind(content.Actor) {
		g.Actors = append(g.Actors, b.graphActor(a))
		for _, e := range a.Relations {
			g.Relations = append(g.Relations, graphRelation(e))
		}
	}
	return g
}

func (b *Builder) graphActor(n *xref.Node) actorgraph.Actor {
	return actorgraph.Actor{Key: n.URL, Title: n.Title(), Kind: n.Page.Meta.Kind.Value, Href: b.base.Path(n.URL)}
}

func graphRelation(e xref.Edge) actorgraph.Relation {
	return actorgraph.Relation{From: e.From.URL, To: e.To.URL, Type: e.Type, Since: e.Since, Until: e.Until}
}

// SVG draws the graph.
func (g *Graph) SVG() template.HTML { return actorgraph.Render(g.Input) }
