package build

import (
	"html/template"

	"github.com/dossier-project/dossier/internal/xref"
)

// pageView is what every page template receives.
type pageView struct {
	Site *siteView
	// Node is the page's content node; nil on list pages.
	Node    *xref.Node
	Title   string
	Summary string
	// Path is the page's site-relative path ("briefs/x/").
	Path    string
	Content template.HTML
	TLP     string
	// Nodes and Groups are a list page's items.
	Nodes  []*xref.Node
	Groups []groupView
	// Section is the nav section the page belongs to ("briefs").
	Section string
	// Print is set on the print page only.
	Print *printView
}

// groupView is a titled list of nodes.
type groupView struct {
	Title string
	ID    string
	Nodes []*xref.Node
}

// siteView is the site-wide part of every page's data.
type siteView struct {
	Title       string
	Description string
	Language    string
	Author      string
	TLP         string
	Preview     bool
	Graph       *xref.Graph
	Nav         []navItem
	Tags        []tagView
}

type navItem struct {
	Title, Path, Section string
}

type tagView struct {
	Name  string
	Path  string
	Nodes []*xref.Node
}
