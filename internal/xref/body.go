package xref

import (
	"fmt"
	"path"
	"strings"

	"github.com/dossier-project/dossier/internal/content"
	"github.com/dossier-project/dossier/internal/diag"
	"github.com/dossier-project/dossier/internal/markdown"
)

// body resolves the wikilinks and relative Markdown links in n's body.
func (r *resolver) body(n *Node) {
	if n.Doc == nil {
		return
	}
	for _, l := range n.Doc.Links {
		if l.Wiki {
			r.wikilink(n, l)
		} else {
			r.markdownLink(n, l)
		}
	}
}

func (r *resolver) wikilink(n *Node, l *markdown.Link) {
	pos := n.Page.BodyPos(l.Offset + 2)
	name, anchor, _ := strings.Cut(l.Target, "#")
	t, err := r.ix.find(strings.TrimSpace(name), "")
	if err != nil && err.unparsed {
		l.Missing, l.Title = true, "missing: "+err.msg
		return
	}
	if err != nil {
		r.missing(l, pos, err.msg, err.suggestion)
		return
	}
	r.ref(n, t)
	if t.Kind() == content.Source && strings.HasPrefix(anchor, "p") {
		para, msg, hint := paragraphOf(t, anchor)
		if msg != "" {
			r.missing(l, pos, msg, hint)
			return
		}
		n.bodyCites = append(n.bodyCites, Citation{Source: t, Paragraph: para})
		r.citation(l, t, para)
		return
	}
	l.Dest = r.opts.Base.Path(t.URL)
	l.Resolved = t.Title()
	l.Class = "wl wl-" + string(t.Kind())
	l.Title = string(t.Kind()) + ": " + t.Title()
	if anchor != "" {
		if ok, hint := anchorOK(t, anchor); !ok {
			r.missing(l, pos, fmt.Sprintf("%s has no anchor #%s", t.Page.File, anchor), hint)
			return
		}
		l.Dest += "#" + anchor
	}
	if t.Kind() == content.Source {
		n.bodyCites = append(n.bodyCites, Citation{Source: t})
	}
}

// citation makes l a compact citation marker: "¶4 C3".
func (r *resolver) citation(l *markdown.Link, src *Node, para int) {
	grade := Grade(src.Page.Meta.Reliability.Value, src.Page.Meta.Credibility.Value)
	l.Citation = true
	l.Dest = r.opts.Base.Path(src.URL) + "#" + markdown.ParagraphID(para)
	l.Resolved = fmt.Sprintf("¶%d", para)
	if grade != "" {
		l.Resolved += " " + grade
	}
	l.Class = "cite-mark"
	l.Title = fmt.Sprintf("%s, paragraph %d", src.Title(), para)
	if grade != "" {
		l.Title += ", graded " + grade
	}
}

// Grade formats an Admiralty grade ("C3"), or "" when either half is unset.
func Grade(reliability, credibility string) string {
	if reliability == "" || credibility == "" {
		return ""
	}
	return reliability + credibility
}

func (r *resolver) markdownLink(n *Node, l *markdown.Link) {
	pos := n.Page.BodyPos(l.Offset)
	file, anchor, _ := strings.Cut(l.Target, "#")
	target := path.Join(path.Dir(n.Page.File), file)
	t := r.ix.byFile[target]
	if t == nil {
		files := make([]string, 0, len(r.ix.byFile))
		for f := range r.ix.byFile {
			files = append(files, relPath(path.Dir(n.Page.File), f))
		}
		r.missing(l, pos, fmt.Sprintf("link to %s: no such content file", target), diag.Suggest(file, files))
		return
	}
	r.ref(n, t)
	l.Dest = r.opts.Base.Path(t.URL)
	if anchor != "" {
		if ok, hint := anchorOK(t, anchor); !ok {
			r.missing(l, pos, fmt.Sprintf("%s has no anchor #%s", t.Page.File, anchor), hint)
			return
		}
		l.Dest += "#" + anchor
	}
}

// missing reports an unresolved body link: an error, or in preview a
// warning with the link rendered visibly as missing.
func (r *resolver) missing(l *markdown.Link, pos diag.Pos, msg, hint string) {
	l.Missing = true
	l.Title = "missing: " + msg
	d := diag.Errorf(pos, "%s", msg)
	if r.opts.Preview {
		d.Severity = diag.Warning
	}
	d.Suggestion = hint
	r.diags.Add(d)
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
