package xref

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/dossier-project/dossier/internal/content"
	"github.com/dossier-project/dossier/internal/diag"
	"github.com/dossier-project/dossier/internal/markdown"
)

// frontMatter resolves the references in n's front matter.
func (r *resolver) frontMatter(n *Node) {
	m := &n.Page.Meta
	n.Actors = r.nodes(n, m.Actors, content.Actor)
	n.Events = r.nodes(n, m.Events, content.Event)
	n.Chain = r.nodes(n, m.Chain, content.Source)
	n.Sources = r.cites(n, m.Sources)
	if !m.Country.IsZero() {
		n.Country = r.node(n, m.Country, content.Actor)
	}
	for _, rel := range m.Relations {
		to := r.node(n, rel.To, content.Actor)
		cites := r.cites(n, rel.Sources)
		if to != nil {
			n.Relations = append(n.Relations, Edge{From: n, To: to, Type: rel.Type, Since: rel.Since.Value, Until: rel.Until.Value, Sources: cites})
		}
	}
	n.KeyJudgments = r.judgments(n, m.KeyJudgments)
	n.Judgments = r.judgments(n, m.Judgments)
	if len(m.Indicators) > 0 {
		n.Indicators = make([]Indicator, len(m.Indicators))
		for i := range m.Indicators {
			n.Indicators[i] = Indicator{Indicator: &m.Indicators[i], Cites: r.cites(n, m.Indicators[i].Sources)}
		}
	}
}

// judgments resolves the citations of js, judgments of n's front matter.
func (r *resolver) judgments(n *Node, js []content.Judgment) []Judgment {
	if len(js) == 0 {
		return nil
	}
	out := make([]Judgment, len(js))
	for i := range js {
		out[i] = Judgment{Judgment: &js[i], Cites: r.cites(n, js[i].Sources)}
	}
	return out
}

func (r *resolver) nodes(n *Node, refs []content.Scalar, kind content.Kind) []*Node {
	var out []*Node
	for _, s := range refs {
		if t := r.node(n, s, kind); t != nil {
			out = appendUnique(out, t)
		}
	}
	return out
}

// node resolves a front-matter reference to a page of kind.
func (r *resolver) node(n *Node, s content.Scalar, kind content.Kind) *Node {
	name, anchor, _ := strings.Cut(s.Value, "#")
	t, err := r.ix.find(strings.TrimSpace(name), kind)
	if err != nil {
		r.errorAt(n.Page.Pos(s), err)
		return nil
	}
	if anchor != "" {
		d := diag.Errorf(n.Page.Pos(s), "%s: an anchor is not allowed here", s.Value)
		d.Suggestion = "write " + name
		r.diags.Add(d)
	}
	r.ref(n, t)
	return t
}

// cites resolves citations ("source" or "source#pN").
func (r *resolver) cites(n *Node, cites []content.Cite) []Citation {
	var out []Citation
	for _, c := range cites {
		name, anchor, _ := strings.Cut(c.Ref.Value, "#")
		src, err := r.ix.find(strings.TrimSpace(name), content.Source)
		if err != nil {
			r.errorAt(n.Page.Pos(c.Ref), err)
			continue
		}
		r.ref(n, src)
		para := 0
		if anchor != "" {
			var msg, hint string
			para, msg, hint = paragraphOf(src, anchor)
			if msg != "" {
				d := diag.Errorf(n.Page.Pos(c.Ref), "%s", msg)
				d.Suggestion = hint
				r.diags.Add(d)
				continue
			}
		}
		out = append(out, citationOf(src, para, c.Credibility.Value))
	}
	return out
}

// paragraphOf parses a "pN" anchor on a source and checks N exists.
func paragraphOf(src *Node, anchor string) (n int, msg, hint string) {
	count := len(src.Doc.Paragraphs)
	num, err := strconv.Atoi(strings.TrimPrefix(anchor, "p"))
	if !strings.HasPrefix(anchor, "p") || err != nil {
		return 0, fmt.Sprintf("%q is not a paragraph anchor on source %s", anchor, src.Page.Slug), "cite a paragraph as " + src.Page.Slug + "#p1"
	}
	if num < 1 || num > count {
		return 0, fmt.Sprintf("source %s has no paragraph %d (it has %d)", src.Page.Slug, num, count),
			fmt.Sprintf("paragraphs are numbered %s#p1 to %s#p%d", src.Page.Slug, src.Page.Slug, count)
	}
	return num, "", ""
}

func (r *resolver) errorAt(pos diag.Pos, err *lookupError) {
	if err.unparsed {
		return
	}
	d := diag.Errorf(pos, "%s", err.msg)
	d.Suggestion = err.suggestion
	r.diags.Add(d)
}

// anchorOK reports whether anchor exists on t: a heading ID, or a
// paragraph anchor on a source.
func anchorOK(t *Node, anchor string) (ok bool, hint string) {
	var ids []string
	for _, h := range t.Doc.Headings {
		if h.ID == anchor {
			return true, ""
		}
		ids = append(ids, h.ID)
	}
	for i := range t.Doc.Paragraphs {
		if markdown.ParagraphID(i+1) == anchor {
			return true, ""
		}
	}
	if hint := diag.Suggest(anchor, ids); hint != "" {
		return false, hint
	}
	if len(ids) == 0 {
		return false, "the page has no headings to link to"
	}
	return false, "its anchors are #" + strings.Join(ids[:min(len(ids), 6)], ", #")
}
