package actorgraph

import (
	"encoding/xml"
	"fmt"
	"html/template"
	"math"
	"strconv"
	"strings"
)

// Render draws g as an inline SVG element. It returns "" when there is
// nothing to draw: no actors, or a focus without relations.
func Render(g Graph) template.HTML {
	vs, es := selectGraph(g)
	if len(vs) == 0 || (g.Focus != "" && len(es) == 0) {
		return ""
	}
	layout(vs, es)
	return template.HTML(draw(vs, es, g))
}

const margin = 14.0

// draw writes the laid-out graph as SVG.
func draw(vs []*vnode, es []*vedge, g Graph) string {
	id, title := names(g, vs)
	items := legendItems(vs, es)
	width, height, legendY := place(vs, es, items)
	w := &svgWriter{}
	w.printf(`<svg xmlns="http://www.w3.org/2000/svg" class="ag" id="%s" viewBox="0 0 %s %s" width="100%%" style="width:%spx;height:auto" role="group" aria-labelledby="%s-title" aria-describedby="%s-desc">`,
		w.esc(id), num(width), num(height), num(width), w.esc(id), w.esc(id))
	w.printf("\n<title id=\"%s-title\">%s</title>", w.esc(id), w.esc(title))
	w.printf("\n<desc id=\"%s-desc\">%s</desc>", w.esc(id), w.esc(describe(vs, es, g.Focus != "")))
	w.printf("\n<style>%s</style>", style)
	w.printf("\n<defs><marker id=\"%s-arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"9\" markerHeight=\"9\" markerUnits=\"userSpaceOnUse\" orient=\"auto\"><path class=\"ag-arrow\" d=\"M0 1L9.5 5L0 9z\"/></marker></defs>", w.esc(id))
	w.edges(vs, es, id)
	w.nodes(vs)
	w.printf("\n</g>\n<g class=\"ag-legend\">")
	x := (width - legendWidth(items)) / 2
	for _, it := range items {
		it.draw(w, x, legendY, id)
		x += it.w
	}
	w.printf("</g>\n</svg>\n")
	return w.String()
}

// place moves the laid-out graph into the SVG's coordinates, centred above
// the legend, and returns the SVG's size and the legend's baseline.
func place(vs []*vnode, es []*vedge, items []legendItem) (width, height, legendY float64) {
	b := vs[0].box()
	for _, v := range vs {
		b = b.union(v.box())
	}
	for _, e := range es {
		p0, c, p1 := e.curve(vs)
		apex := quadAt(p0, c, p1, 0.5)
		b = b.union(boxAt(vec{e.lx, e.ly}, e.lw, e.lh)).union(boxAt(apex, 0, 0)).union(boxAt(p0, 0, 0)).union(boxAt(p1, 0, 0))
	}
	width = math.Max(b.w(), legendWidth(items)) + 2*margin
	shift := vec{margin - b.x0 + (width-2*margin-b.w())/2, margin - b.y0}
	for _, v := range vs {
		v.x, v.y = v.x+shift.x, v.y+shift.y
	}
	for _, e := range es {
		e.lx, e.ly = e.lx+shift.x, e.ly+shift.y
	}
	legendY = b.h() + margin + 26
	return width, legendY + 10 + margin, legendY
}

func legendWidth(items []legendItem) float64 {
	w := 0.0
	for _, it := range items {
		w += it.w
	}
	return w
}

// edges writes the edges, then their labels.
func (w *svgWriter) edges(vs []*vnode, es []*vedge, id string) {
	w.printf("\n<g class=\"ag-edges\">")
	for _, e := range es {
		p0, c, p1 := e.curve(vs)
		w.printf("\n<g class=\"ag-edge\"><title>%s</title>", w.esc(edgeText(vs, e)))
		if e.bend == 0 {
			w.printf(`<path d="M%s %sL%s %s"`, num(p0.x), num(p0.y), num(p1.x), num(p1.y))
		} else {
			w.printf(`<path d="M%s %sQ%s %s %s %s"`, num(p0.x), num(p0.y), num(c.x), num(c.y), num(p1.x), num(p1.y))
		}
		w.printf(" marker-end=\"url(#%s-arrow)\"/></g>", w.esc(id))
	}
	w.printf("\n</g>\n<g class=\"ag-elabels\">")
	for _, e := range es {
		lb := boxAt(vec{e.lx, e.ly}, e.lw, e.lh)
		w.printf("\n<g class=\"ag-elabel\"><title>%s</title>", w.esc(edgeText(vs, e)))
		w.printf(`<rect x="%s" y="%s" width="%s" height="%s" rx="3"/><text text-anchor="middle">`, num(lb.x0), num(lb.y0), num(lb.w()), num(lb.h()))
		w.lines(e.lines, e.lx, lb.y0, edgeFont)
		w.printf("</text></g>")
	}
	w.printf("\n</g>")
}

// nodes writes each actor as a link with its shape and label.
func (w *svgWriter) nodes(vs []*vnode) {
	w.printf("\n<g class=\"ag-nodes\">")
	for _, v := range vs {
		class := "ag-node"
		if v.focus {
			class += " ag-focus"
		}
		w.printf("\n<a class=\"%s\" href=\"%s\"><title>%s (%s)</title>", class, w.esc(v.href), w.esc(v.title), w.esc(strings.ToLower(kindName(v.kind))))
		w.shape(v.kind, v.pos(), v.r)
		lb := v.labelBox()
		switch v.side {
		case right:
			w.printf(`<text>`)
			w.lines(v.lines, lb.x0+haloWidth/2, lb.y0, nodeFont)
		case left:
			w.printf(`<text text-anchor="end">`)
			w.lines(v.lines, lb.x1-haloWidth/2, lb.y0, nodeFont)
		default:
			w.printf(`<text text-anchor="middle">`)
			w.lines(v.lines, v.x, lb.y0, nodeFont)
		}
		w.printf("</text></a>")
	}
}

// names returns the graph's id prefix and accessible name.
func names(g Graph, vs []*vnode) (id, title string) {
	id, title = g.ID, g.Title
	if id == "" {
		id = "ag-network"
		if g.Focus != "" {
			id = "ag-focus"
		}
	}
	id = strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_' {
			return r
		}
		return '-'
	}, id)
	if title == "" {
		title = "Actor network"
		if g.Focus != "" {
			title = "Relations of " + vs[focusIndex(vs)].title
		}
	}
	return id, title
}

// edgeText reads an edge as a sentence: "Kim Jong-un leader of North
// Korea (since 2011)".
func edgeText(vs []*vnode, e *vedge) string {
	s := vs[e.from].title + " " + e.label + " " + vs[e.to].title
	switch {
	case e.since != "" && e.until != "":
		s += " (" + e.since + " to " + e.until + ")"
	case e.since != "":
		s += " (since " + e.since + ")"
	case e.until != "":
		s += " (until " + e.until + ")"
	}
	return s
}

// describe is the graph's text alternative: its size and every relation.
func describe(vs []*vnode, es []*vedge, focus bool) string {
	var sb strings.Builder
	if focus {
		n := len(vs) - 1
		fmt.Fprintf(&sb, "%s and the %s it is related to, by %s.", vs[focusIndex(vs)].title, plural(n, "actor", "actors"), plural(len(es), "relation", "relations"))
	} else {
		fmt.Fprintf(&sb, "Network of %s and %s.", plural(len(vs), "actor", "actors"), plural(len(es), "relation", "relations"))
	}
	for _, e := range es {
		sb.WriteString(" " + edgeText(vs, e) + ".")
	}
	related := make([]bool, len(vs))
	for _, e := range es {
		related[e.from], related[e.to] = true, true
	}
	var alone []string
	for i, v := range vs {
		if !related[i] {
			alone = append(alone, v.title)
		}
	}
	if len(alone) > 0 {
		sb.WriteString(" No recorded relations: " + strings.Join(alone, ", ") + ".")
	}
	return sb.String()
}

func focusIndex(vs []*vnode) int {
	for i, v := range vs {
		if v.focus {
			return i
		}
	}
	return 0
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// svgWriter accumulates SVG text.
type svgWriter struct{ strings.Builder }

func (w *svgWriter) printf(format string, args ...any) { fmt.Fprintf(w, format, args...) }

// esc escapes s for XML text and attribute values.
func (w *svgWriter) esc(s string) string {
	var sb strings.Builder
	_ = xml.EscapeText(&sb, []byte(s)) // a strings.Builder does not fail
	return sb.String()
}

// lines writes one tspan per line, the block's top at y.
func (w *svgWriter) lines(lines []string, x, top, size float64) {
	for i, l := range lines {
		y := top + 0.5 + size*(0.95+lineH*float64(i))
		w.printf(`<tspan x="%s" y="%s">%s</tspan>`, num(x), num(y), w.esc(l))
	}
}

// shape writes the symbol of an actor kind centred at c.
func (w *svgWriter) shape(kind string, c vec, r float64) {
	class := "ag-shape ag-k-" + kind
	poly := func(pts ...vec) {
		var sb strings.Builder
		for i, p := range pts {
			if i > 0 {
				sb.WriteByte(' ')
			}
			sb.WriteString(num(c.x+p.x*r) + "," + num(c.y+p.y*r))
		}
		w.printf(`<polygon class="%s" points="%s"/>`, class, sb.String())
	}
	switch kind {
	case "country":
		s := r * 0.88
		w.printf(`<rect class="%s" x="%s" y="%s" width="%s" height="%s" rx="2"/>`, class, num(c.x-s), num(c.y-s), num(2*s), num(2*s))
	case "organization":
		h := math.Sqrt(3) / 2 * 1.05
		poly(vec{-1.05, 0}, vec{-0.525, -h}, vec{0.525, -h}, vec{1.05, 0}, vec{0.525, h}, vec{-0.525, h})
	case "public-body":
		poly(vec{0, -1.25}, vec{1.25, 0}, vec{0, 1.25}, vec{-1.25, 0})
	case "media":
		poly(vec{0, -1.2}, vec{1.1, 0.8}, vec{-1.1, 0.8})
	default:
		w.printf(`<circle class="%s" cx="%s" cy="%s" r="%s"/>`, class, num(c.x), num(c.y), num(r*0.95))
	}
}

// legendItem is one entry of the legend.
type legendItem struct {
	kind, text string // kind "" is the relation arrow
	w          float64
}

func legendItems(vs []*vnode, es []*vedge) []legendItem {
	var items []legendItem
	for _, k := range legendKinds() {
		for _, v := range vs {
			if v.kind == k {
				items = append(items, legendItem{k, kindName(k), 0})
				break
			}
		}
	}
	if len(es) > 0 {
		items = append(items, legendItem{"", "relation", 0})
	}
	for i := range items {
		sym := 22.0
		if items[i].kind == "" {
			sym = 34
		}
		items[i].w = sym + textWidth(items[i].text, nodeFont) + 18
	}
	return items
}

func (it legendItem) draw(w *svgWriter, x, y float64, id string) {
	if it.kind == "" {
		w.printf(`<g class="ag-edge"><path d="M%s %sL%s %s" marker-end="url(#%s-arrow)"/></g>`, num(x), num(y), num(x+28), num(y), w.esc(id))
		x += 34
	} else {
		w.shape(it.kind, vec{x + 8, y}, 7)
		x += 22
	}
	w.printf(`<text x="%s" y="%s">%s</text>`, num(x), num(y+nodeFont*0.35), w.esc(it.text))
}

// num writes a coordinate with at most one decimal.
func num(v float64) string {
	v = math.Round(v*10) / 10
	if v == 0 {
		v = 0 // no "-0"
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// style is the graph's stylesheet. Its selectors all start with .ag so
// that it can live in a page; it follows the page's --bg and --muted
// custom properties when they are set.
const style = `.ag{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Liberation Sans",Arial,sans-serif;font-size:13px}` +
	`.ag text{fill:currentColor;stroke:var(--bg,#fff);stroke-width:3.5px;stroke-linejoin:round;paint-order:stroke}` +
	`.ag .ag-elabel text{font-size:12px;fill:var(--muted,#4f5562)}.ag-elabel rect{fill:var(--bg,#fff);fill-opacity:.85}` +
	`.ag .ag-focus text{font-weight:700}` +
	`.ag-edge path{fill:none;stroke:currentColor;stroke-opacity:.55;stroke-width:1.3px}` +
	`.ag .ag-arrow{fill:currentColor;fill-opacity:.7;stroke:none}` +
	`.ag-shape{stroke:var(--bg,#fff);stroke-width:1.5px}` +
	`.ag-node:hover text,.ag-node:focus-visible text{text-decoration:underline}` +
	`.ag-node:focus-visible .ag-shape{stroke:currentColor;stroke-width:2.5px}` +
	`.ag-k-person{fill:#0072b2}.ag-k-country{fill:#c85200}.ag-k-organization{fill:#008060}.ag-k-public-body{fill:#a8508a}.ag-k-media{fill:#b07800}.ag-k-other{fill:#767676}` +
	`@media (prefers-color-scheme:dark){` +
	`.ag text,.ag-shape{stroke:var(--bg,#15171b)}.ag .ag-elabel text{fill:var(--muted,#b4bac4)}.ag-elabel rect{fill:var(--bg,#15171b)}` +
	`.ag-k-person{fill:#56b4e9}.ag-k-country{fill:#f08a4b}.ag-k-organization{fill:#2fc79a}.ag-k-public-body{fill:#e09ccb}.ag-k-media{fill:#f0c040}.ag-k-other{fill:#a0a0a0}}`
