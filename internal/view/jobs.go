package view

import (
	"github.com/dossier-project/dossier/internal/content"
	"github.com/dossier-project/dossier/internal/xref"
)

// View is what a page template receives (Data) and the bodies it shows,
// which the build gives their renderer before executing the template.
type View struct {
	Data   any
	Bodies []*Body
}

// Job is one HTML page of the site.
type Job struct {
	// Out is the file's slash path from the site's root.
	Out string
	// Template is the page template's name ("brief", "list").
	Template string
	// Node is the content page, nil for the other pages.
	Node *xref.Node
	// Make builds the page's view. It is called when the page is built
	// and may be called more than once; views are not kept.
	Make func() View
	// Costly marks a page whose view holds the whole dossier (/print/): a
	// preview makes it when it is asked for, not on every rebuild.
	Costly bool
}

// Jobs lists every HTML page of the site, in a fixed order.
func (b *Builder) Jobs() []Job {
	jobs := make([]Job, 0, len(b.g.All())+len(content.Kinds())+len(b.tags)+6)
	for _, n := range b.g.All() {
		jobs = append(jobs, Job{Out: n.URL + "index.html", Template: string(n.Kind()), Node: n, Make: b.makeNode(n)})
	}
	for _, k := range content.Kinds() {
		template := "list"
		if k == content.Actor {
			template = "actors"
		}
		jobs = append(jobs, Job{Out: k.Folder() + "/index.html", Template: template, Make: func() View { return b.list(k) }})
	}
	jobs = append(jobs, Job{Out: "tags/index.html", Template: "tags", Make: b.tagsPage})
	for _, t := range b.tags {
		jobs = append(jobs, Job{Out: "tags/" + t.slug + "/index.html", Template: "list", Make: func() View { return b.tagPage(t) }})
	}
	return append(jobs,
		Job{Out: "chronology/index.html", Template: "chronology", Make: b.chronologyPage},
		Job{Out: "search/index.html", Template: "search", Make: b.search},
		Job{Out: "method/index.html", Template: "method", Make: b.method},
		Job{Out: "404.html", Template: "404", Make: b.notFound},
		Job{Out: "print/index.html", Template: "print", Make: b.print, Costly: true},
	)
}

// makeNode returns the view maker of a content page.
func (b *Builder) makeNode(n *xref.Node) func() View {
	switch n.Kind() {
	case content.Home:
		return func() View { return b.home(n) }
	case content.Brief:
		return func() View { return b.brief(n) }
	case content.Actor:
		return func() View { return b.actor(n) }
	case content.Event:
		return func() View { return b.event(n) }
	case content.Commentary:
		return func() View { return b.commentary(n) }
	}
	return func() View { return b.source(n) }
}

// Card returns what other pages show of n.
func (b *Builder) Card(n *xref.Node) *Card { return b.card(n) }

// Site returns the site-wide part of every page.
func (b *Builder) Site() *Site { return b.site }
