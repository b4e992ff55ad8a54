package xref

import (
	"fmt"
	"path"
	"strings"

	"github.com/dossier-project/dossier/internal/content"
	"github.com/dossier-project/dossier/internal/diag"
	"github.com/dossier-project/dossier/internal/markdown"
)

// body resolves every link in n's body into n.Links.
func (r *resolver) body(n *Node) {
	n.Links = make([]Target, len(n.Doc.Links))
	for i, l := range n.Doc.Links {
		var t Target
		switch l.Kind {
		case markdown.Wiki:
			t = r.wikilink(n, l)
		case markdown.Relative:
			t = r.relativeLink(n, l)
		case markdown.Rooted:
			t = r.rootedLink(n, l)
		}
		n.Links[i] = t
		if to := n.LinkedPage(t); to != nil && to.Kind() == content.Source && t.Missing == "" {
			n.BodyCites = append(n.BodyCites, citationOf(to, t.Paragraph, ""))
		}
	}
}

func (r *resolver) wikilink(n *Node, l markdown.Link) Target {
	pos := n.Page.BodyPos(int(l.Offset) + 2)
	name, anchor, _ := strings.Cut(l.Target, "#")
	t, err := r.ix.find(strings.TrimSpace(name), "")
	if err != nil && err.unparsed {
		return Target{Missing: err.msg}
	}
	if err != nil {
		return r.missing(pos, err.msg, err.suggestion)
	}
	r.ref(n, t)
	if t.Kind() == content.Source && strings.HasPrefix(anchor, "p") {
		para, msg, hint := paragraphOf(t, anchor)
		if msg != "" {
			return r.missing(pos, msg, hint)
		}
		return linkTo(t, anchor, para)
	}
	return r.anchored(t, anchor, pos)
}

// anchored checks that anchor (maybe "") exists on t.
func (r *resolver) anchored(t *Node, anchor string, pos diag.Pos) Target {
	if anchor != "" {
		if ok, hint := anchorOK(t, anchor); !ok {
			return r.missing(pos, fmt.Sprintf("%s has no anchor #%s", t.Page.File, anchor), hint)
		}
	}
	return linkTo(t, anchor, 0)
}

// relativeLink resolves "../actors/x.md#anchor" against n's file.
func (r *resolver) relativeLink(n *Node, l markdown.Link) Target {
	pos := n.Page.BodyPos(int(l.Offset))
	file, anchor, _ := strings.Cut(l.Target, "#")
	target := path.Join(path.Dir(n.Page.File), file)
	t := r.ix.file(target)
	if t == nil {
		files := make([]string, 0, len(r.ix.byFile))
		for f := range r.ix.byFile {
			files = append(files, relPath(path.Dir(n.Page.File), f))
		}
		return r.missing(pos, fmt.Sprintf("link to %s: no such content file", target), diag.Suggest(file, files))
	}
	r.ref(n, t)
	return r.anchored(t, anchor, pos)
}

// rootedLink resolves "/briefs/x/#anchor": a page when the path is in a
// kind's folder, else a site path kept as written.
func (r *resolver) rootedLink(n *Node, l markdown.Link) Target {
	pos := n.Page.BodyPos(int(l.Offset))
	p, anchor, _ := strings.Cut(l.Target, "#")
	p, _, _ = strings.Cut(p, "?")
	folder, rest, _ := strings.Cut(strings.TrimPrefix(p, "/"), "/")
	kind, isKind := content.KindOfFolder(folder)
	if !isKind || l.Image {
		return Target{Path: strings.TrimPrefix(l.Target, "/")}
	}
	slug := strings.TrimSuffix(strings.TrimSuffix(rest, "index.html"), "/")
	if slug == "" && !strings.Contains(rest, "/") {
		return Target{Path: strings.TrimPrefix(l.Target, "/")} // the kind's list
	}
	t := r.ix.key(kind, slug)
	if t == nil {
		return r.missing(pos, fmt.Sprintf("link to %s: no %s at that address", p, kind), r.ix.suggest(slug, kind))
	}
	r.ref(n, t)
	return r.anchored(t, anchor, pos)
}

// missing reports an unresolved body link: an error, or in preview a
// warning with the link rendered visibly as missing.
func (r *resolver) missing(pos diag.Pos, msg, hint string) Target {
	d := diag.Errorf(pos, "%s", msg)
	if r.opts.Preview {
		d.Severity = diag.Warning
	}
	d.Suggestion = hint
	r.diags.Add(d)
	return Target{Missing: msg}
}

// relPath is the relative path from dir to file, both slash paths.
func relPath(dir, file string) string {
	up := ""
	for d := dir; d != "." && !strings.HasPrefix(file, d+"/"); d = path.Dir(d) {
		up += "../"
		dir = path.Dir(d)
	}
	if dir == "." {
		return up + file
	}
	return up + strings.TrimPrefix(file, dir+"/")
}
