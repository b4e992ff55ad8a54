package vocab

import "strings"

// ActorKind is one kind of actor with its names.
type ActorKind struct {
	// Name is the front-matter value: "public-body".
	Name string
	// Singular and Plural are what pages show: "Public body", "Public bodies".
	Singular, Plural string
}

// ActorKinds lists the actor kinds in the order lists and legends show
// them.
func ActorKinds() []ActorKind {
	return []ActorKind{
		{"person", "Person", "People"},
		{"country", "Country", "Countries"},
		{"organization", "Organization", "Organizations"},
		{"public-body", "Public body", "Public bodies"},
		{"media", "Media", "Media"},
	}
}

// ActorKindNames lists the front-matter values of the actor kinds.
func ActorKindNames() []string {
	var out []string
	for _, k := range ActorKinds() {
		out = append(out, k.Name)
	}
	return out
}

// ParseActorKind looks up an actor kind, ignoring case and surrounding
// space.
func ParseActorKind(s string) (ActorKind, bool) {
	v := strings.ToLower(strings.TrimSpace(s))
	for _, k := range ActorKinds() {
		if k.Name == v {
			return k, true
		}
	}
	return ActorKind{}, false
}

// RelationLabel shows a relation type as written, hyphens as spaces:
// "leader-of" -> "leader of".
func RelationLabel(t string) string { return strings.ReplaceAll(strings.TrimSpace(t), "-", " ") }

// InverseRelation reads a relation from its target's side: "leader of"
// seen from the country is "led by". Symmetric relations ("ally of",
// "… with") read the same both ways; others read "← type".
func InverseRelation(t string) string {
	t = RelationLabel(t)
	if inv, ok := inverseRelations()[t]; ok {
		return inv
	}
	for _, sym := range []string{"ally of", "partner of", "strategic partner of", "with", "rival of", "neighbour of", "neighbor of"} {
		if t == sym {
			return t
		}
	}
	if strings.HasSuffix(t, " with") {
		return t
	}
	return "← " + t
}

func inverseRelations() map[string]string {
	return map[string]string{
		"leader of":            "led by",
		"head of state of":     "head of state:",
		"state media of":       "state media:",
		"ruling party of":      "ruled by",
		"foreign minister of":  "foreign minister:",
		"member of":            "has member",
		"part of":              "includes",
		"president of":         "president:",
		"general secretary of": "general secretary:",
	}
}
