package build

import (
	"slices"
	"strings"

	"github.com/dossier-project/dossier/internal/content"
	"github.com/dossier-project/dossier/internal/xref"
)

// listJobs makes the list pages: one per kind, the tag pages and 404.
func (r *renderer) listJobs() []job {
	var jobs []job
	for _, k := range content.Kinds() {
		v := &pageView{Title: k.Plural(), Path: k.Folder() + "/", Section: k.Folder(), Nodes: r.graph.ByKind(k)}
		name := "list"
		if k == content.Actor {
			v.Groups = actorGroups(v.Nodes)
		}
		if r.tmpl.Has(k.Folder()) {
			name = k.Folder()
		}
		jobs = append(jobs, job{template: name, out: v.Path + "index.html", view: v})
	}
	jobs = append(jobs, job{template: "tags", out: "tags/index.html", view: &pageView{Title: "Tags", Path: "tags/", Section: "tags"}})
	for _, t := range r.view.Tags {
		v := &pageView{Title: "Tagged “" + t.Name + "”", Path: t.Path, Section: "tags", Nodes: t.Nodes}
		jobs = append(jobs, job{template: "list", out: t.Path + "index.html", view: v})
	}
	jobs = append(jobs, job{template: "404", out: "404.html", view: &pageView{Title: "Page not found", Path: "404.html"}})
	jobs = append(jobs, r.chronologyJobs()...)
	jobs = append(jobs, r.searchJobs()...)
	return append(jobs, r.methodJobs()...)
}

// actorGroups groups actors by their kind (person, country, ...).
func actorGroups(nodes []*xref.Node) []groupView {
	order := []string{"person", "country", "organization", "public-body", "media"}
	var groups []groupView
	for _, kind := range order {
		g := groupView{Title: actorKindLabel(kind), ID: kind}
		for _, n := range nodes {
			if n.Page.Meta.Kind.Value == kind {
				g.Nodes = append(g.Nodes, n)
			}
		}
		if len(g.Nodes) > 0 {
			groups = append(groups, g)
		}
	}
	return groups
}

// tags collects every tag with its pages, by tag name.
func tags(g *xref.Graph) []tagView {
	byName := map[string][]*xref.Node{}
	for _, n := range g.All() {
		for _, t := range n.Page.Meta.Tags {
			t = strings.TrimSpace(t)
			if t != "" && !slices.Contains(byName[t], n) {
				byName[t] = append(byName[t], n)
			}
		}
	}
	names := make([]string, 0, len(byName))
	for name := range byName {
		names = append(names, name)
	}
	slices.Sort(names)
	out := make([]tagView, 0, len(names))
	for _, name := range names {
		out = append(out, tagView{Name: name, Path: "tags/" + tagSlug(name) + "/", Nodes: byName[name]})
	}
	return out
}

// tagSlug makes a URL segment of a tag: lowercase, spaces to hyphens,
// other punctuation dropped.
func tagSlug(tag string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(tag) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '-':
			b.WriteRune(r)
		case r == ' ' || r == '_':
			b.WriteByte('-')
		case r > 127:
			b.WriteRune(r)
		}
	}
	return b.String()
}
