package actorgraph

import (
	"cmp"
	"math"
	"slices"
	"strings"
)

// Layout sizes, in user units.
const (
	nodeR      = 9.0  // a node's radius
	focusR     = 13.0 // the focus node's radius
	idealEdge  = 80.0 // Fruchterman–Reingold's k
	edgeLen    = 70.0 // an edge's rest length is this plus 0.6 × its label's width
	iterations = 300
	gravity    = 0.1   // pull towards the component's centre, per unit of distance
	nodeGap    = 10.0  // space kept between nodes' boxes
	compGap    = 36.0  // space between packed components
	bendStep   = 36.0  // offset between parallel edges
	minWidth   = 640.0 // the least width components are packed into
	ringMin    = 110.0 // the least distance from the focus to a neighbour
	ringArc    = 150.0 // the space each neighbour takes around the ring
	aspect     = 1.3   // the widest a component is laid out, width over height
)

// side is where a node's label sits.
type side int

const (
	below side = iota
	above
	right
	left
)

func (v *vnode) pos() vec { return vec{v.x, v.y} }

func (v *vnode) shapeBox() box { return box{v.x - v.r, v.y - v.r, v.x + v.r, v.y + v.r} }

func (v *vnode) labelBox() box {
	switch v.side {
	case above:
		return box{v.x - v.lw/2, v.y - v.r - 3 - v.lh, v.x + v.lw/2, v.y - v.r - 3}
	case right:
		return box{v.x + v.r + 4, v.y - v.lh/2, v.x + v.r + 4 + v.lw, v.y + v.lh/2}
	case left:
		return box{v.x - v.r - 4 - v.lw, v.y - v.lh/2, v.x - v.r - 4, v.y + v.lh/2}
	}
	return box{v.x - v.lw/2, v.y + v.r + 2, v.x + v.lw/2, v.y + v.r + 2 + v.lh}
}

// box is the node's shape and label.
func (v *vnode) box() box { return v.shapeBox().union(v.labelBox()) }

// layout places every node and edge label.
func layout(vs []*vnode, es []*vedge) {
	for _, v := range vs {
		v.lines = wrap(v.title, nodeFont, nodeWrap)
		v.lw, v.lh = blockSize(v.lines, nodeFont)
	}
	for _, e := range es {
		e.lines = wrap(e.label, edgeFont, edgeWrap)
		e.lw, e.lh = blockSize(e.lines, edgeFont)
	}
	bend(vs, es)
	pairs := uniquePairs(es)
	comps := components(len(vs), pairs)
	for _, c := range comps {
		switch f := focusOf(vs); {
		case f >= 0:
			radial(vs, es, f)
		case len(c) > 1:
			forceLayout(vs, c, pairs)
			orient(vs, c)
		}
		for range 2 {
			chooseSides(vs, c, es)
			separate(vs, c, es)
		}
	}
	pack(vs, comps, es)
	placeEdgeLabels(vs, es)
}

// pair is two related nodes, smaller index first, and the length an edge
// between them should have to show its labels.
type pair struct {
	a, b int
	len  float64
}

// uniquePairs lists the related node pairs in index order.
func uniquePairs(es []*vedge) []pair {
	var ps []pair
	for _, e := range es {
		ps = append(ps, pair{min(e.from, e.to), max(e.from, e.to), edgeLen + 0.6*e.lw})
	}
	slices.SortFunc(ps, func(p, q pair) int {
		return cmp.Or(cmp.Compare(p.a, q.a), cmp.Compare(p.b, q.b), cmp.Compare(q.len, p.len))
	})
	return slices.CompactFunc(ps, func(p, q pair) bool { return p.a == q.a && p.b == q.b })
}

// components returns the connected components, each in index order,
// ordered by their smallest index.
func components(n int, pairs []pair) [][]int {
	parent := make([]int, n)
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	for _, p := range pairs {
		a, b := find(p.a), find(p.b)
		if a != b {
			parent[max(a, b)] = min(a, b)
		}
	}
	at := make([]int, n) // root -> component number + 1
	var comps [][]int
	for i := range n {
		r := find(i)
		if at[r] == 0 {
			comps = append(comps, nil)
			at[r] = len(comps)
		}
		comps[at[r]-1] = append(comps[at[r]-1], i)
	}
	return comps
}

func focusOf(vs []*vnode) int {
	for i, v := range vs {
		if v.focus {
			return i
		}
	}
	return -1
}

// radial places the focus at the origin and its neighbours around it,
// grouped by relation, each as far out as its edge's label needs.
func radial(vs []*vnode, es []*vedge, f int) {
	type nb struct {
		n      int
		label  string
		lw, lh float64
	}
	var nbs []nb
	for i := range vs {
		if i == f {
			continue
		}
		x := nb{n: i}
		for _, e := range es {
			if e.from == i || e.to == i {
				if x.label == "" {
					x.label = e.label
				}
				x.lw, x.lh = math.Max(x.lw, e.lw), math.Max(x.lh, e.lh)
			}
		}
		nbs = append(nbs, x)
	}
	slices.SortStableFunc(nbs, func(a, b nb) int { return strings.Compare(a.label, b.label) })
	m := float64(len(nbs))
	ring := max(ringMin, m*ringArc/(2*math.Pi))
	focus := vs[f]
	focus.x, focus.y = 0, 0
	for i, x := range nbs {
		v := vs[x.n]
		u := vec{math.Cos(2 * math.Pi * float64(i) / m), math.Sin(2 * math.Pi * float64(i) / m)}
		// Out far enough for the edge label, centred on the edge's
		// middle, to clear both shapes with their labels beside them.
		r := ring
		for ; r < 1000; r += 4 {
			v.x, v.y = u.x*r, u.y*r
			lb := boxAt(u.scale(r/2), x.lw, x.lh).grow(4)
			fb := focus.shapeBox().union(boxAt(vec{}, focus.lw, 2*(focus.r+focus.lh+4)))
			vb := v.shapeBox().union(boxAt(v.pos(), v.lw, 2*(v.r+v.lh+4)))
			if overlapArea(lb, fb) == 0 && overlapArea(lb, vb) == 0 {
				break
			}
		}
		v.x, v.y = snap(v.x), snap(v.y)
	}
}

// forceLayout runs a fixed number of Fruchterman–Reingold iterations on
// one component, starting from a circle in index (slug) order. Each edge's
// spring rests at a length that leaves room for its label; a pull towards
// the centre keeps the component compact. Positions are snapped to the
// grid after every step.
func forceLayout(vs []*vnode, comp []int, pairs []pair) {
	m := len(comp)
	local := make(map[int]int, m)
	for i, n := range comp {
		local[n] = i
	}
	var edges []pair
	for _, p := range pairs {
		a, ok1 := local[p.a]
		b, ok2 := local[p.b]
		if ok1 && ok2 {
			edges = append(edges, pair{a, b, p.len})
		}
	}
	k := idealEdge
	r0 := math.Max(k, k*float64(m)/(2*math.Pi))
	p := make([]vec, m)
	for i := range p {
		a := 2*math.Pi*float64(i)/float64(m) - math.Pi/2
		p[i] = vec{r0 * math.Cos(a), r0 * math.Sin(a)}.snap()
	}
	d := make([]vec, m)
	t0 := r0 / 2
	for it := range iterations {
		t := t0*(1-float64(it)/iterations) + 0.5
		clear(d)
		for a := range m {
			for b := a + 1; b < m; b++ {
				delta := p[a].sub(p[b])
				dist := delta.len()
				if dist < 0.01 {
					delta, dist = vec{0.01 * float64(b-a), 0.01}, 0.01*math.Sqrt(float64((b-a)*(b-a)+1))
				}
				f := delta.scale(k * k / (dist * dist))
				d[a], d[b] = d[a].add(f), d[b].sub(f)
			}
		}
		for _, e := range edges {
			delta := p[e.a].sub(p[e.b])
			f := delta.scale(delta.len() * k * k / (e.len * e.len * e.len))
			d[e.a], d[e.b] = d[e.a].sub(f), d[e.b].add(f)
		}
		for i := range p {
			d[i] = d[i].sub(p[i].scale(gravity))
			if l := d[i].len(); l > 0 {
				p[i] = p[i].add(d[i].scale(math.Min(l, t) / l)).snap()
			}
		}
	}
	for i, n := range comp {
		vs[n].x, vs[n].y = p[i].x, p[i].y
	}
}

// orient turns a component about its centre so that its longest extent is
// horizontal (the page is wider than it is tall), and squeezes it to at
// most the aspect ratio.
func orient(vs []*vnode, comp []int) {
	var c vec
	for _, n := range comp {
		c = c.add(vs[n].pos())
	}
	c = c.scale(1 / float64(len(comp)))
	var sxx, syy, sxy float64
	for _, n := range comp {
		d := vs[n].pos().sub(c)
		sxx += d.x * d.x
		syy += d.y * d.y
		sxy += d.x * d.y
	}
	theta := 0.5 * math.Atan2(2*sxy, sxx-syy)
	cos, sin := math.Cos(-theta), math.Sin(-theta)
	var b box
	for i, n := range comp {
		v := vs[n]
		d := v.pos().sub(c)
		v.x, v.y = d.x*cos-d.y*sin, d.x*sin+d.y*cos
		if i == 0 {
			b = box{v.x, v.y, v.x, v.y}
		}
		b = b.union(box{v.x, v.y, v.x, v.y})
	}
	// Squeeze a long layout towards the page's proportions, keeping its
	// area; separate undoes any overlap this makes.
	sx, sy := 1.0, 1.0
	if b.h() > 0 && b.w()/b.h() > aspect {
		f := math.Sqrt(b.w() / b.h() / aspect)
		sx, sy = 1/f, f
	}
	for _, n := range comp {
		v := vs[n]
		v.x, v.y = snap(v.x*sx), snap(v.y*sy)
	}
}

// chooseSides puts each label on the side of its node that its edges
// leave least.
func chooseSides(vs []*vnode, comp []int, es []*vedge) {
	dirs := [4]vec{below: {0, 1}, above: {0, -1}, right: {1, 0}, left: {-1, 0}}
	cost := [4]float64{below: 0, above: 0.05, right: 0.3, left: 0.35}
	for _, n := range comp {
		v := vs[n]
		score := cost
		for _, e := range es {
			var other int
			switch n {
			case e.from:
				other = e.to
			case e.to:
				other = e.from
			default:
				continue
			}
			u := vs[other].pos().sub(v.pos()).unit()
			for s, d := range dirs {
				if x := u.dot(d); x > 0 {
					score[s] += x * x
				}
			}
		}
		best := below
		for s := range score {
			if score[s] < score[best] {
				best = side(s)
			}
		}
		v.side = best
	}
}

// separate pushes apart nodes of a component whose boxes overlap, and
// nodes from edge labels that cover them, lengthening an edge whose label
// does not fit between its ends. The focus stays put.
func separate(vs []*vnode, comp []int, es []*vedge) {
	in := make([]bool, len(vs))
	for _, n := range comp {
		in[n] = true
	}
	var ces []*vedge
	for _, e := range es {
		if in[e.from] {
			ces = append(ces, e)
		}
	}
	boxes := make([]box, len(vs))
	refresh := func(v int) { boxes[v] = vs[v].box() }
	for range 100 {
		moved := false
		for _, n := range comp {
			refresh(n)
		}
		for i, a := range comp {
			for _, b := range comp[i+1:] {
				if push, ok := pushApart(boxes[a], boxes[b]); ok {
					moved = true
					shove(vs[a], vs[b], push)
					refresh(a)
					refresh(b)
				}
			}
		}
		for _, e := range ces {
			lb := e.midBox(vs)
			for _, n := range comp {
				push, ok := pushApart(lb, boxes[n])
				if !ok {
					continue
				}
				moved = true
				a, b := vs[e.from], vs[e.to]
				if n == e.from || n == e.to {
					// Too short for its label: lengthen it.
					d := b.pos().sub(a.pos()).unit().scale(max(abs(push.x), abs(push.y)))
					shove(a, b, d)
					refresh(e.from)
					refresh(e.to)
					lb = e.midBox(vs)
					continue
				}
				move(vs[n], push)
				refresh(n)
			}
		}
		if !moved {
			return
		}
	}
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

// pushApart returns how far b must move for a and b, kept nodeGap apart,
// not to overlap, along the axis that needs the least.
func pushApart(a, b box) (vec, bool) {
	ox, oy := overlap(a.grow(nodeGap/2), b.grow(nodeGap/2))
	if ox <= 0 || oy <= 0 {
		return vec{}, false
	}
	ca, cb := a.center(), b.center()
	if ox < oy {
		if cb.x < ca.x {
			return vec{-ox - 0.5, 0}, true
		}
		return vec{ox + 0.5, 0}, true
	}
	if cb.y < ca.y {
		return vec{0, -oy - 0.5}, true
	}
	return vec{0, oy + 0.5}, true
}

// shove moves a and b apart by d, sharing the move unless one is the focus.
func shove(a, b *vnode, d vec) {
	switch {
	case a.focus:
		move(b, d)
	case b.focus:
		move(a, d.scale(-1))
	default:
		move(a, d.scale(-0.5))
		move(b, d.scale(0.5))
	}
}

// move moves v by d, unless it is the focus.
func move(v *vnode, d vec) {
	if !v.focus {
		v.x, v.y = snap(v.x+d.x), snap(v.y+d.y)
	}
}

// midBox is the box of e's label at the middle of its curve.
func (e *vedge) midBox(vs []*vnode) box {
	_, c, _ := e.curve(vs)
	return boxAt(quadAt(vs[e.from].pos(), c, vs[e.to].pos(), 0.5), e.lw, e.lh)
}

// pack places components in rows, largest first; single unrelated nodes
// come last.
func pack(vs []*vnode, comps [][]int, es []*vedge) {
	type placed struct {
		nodes []int
		b     box
	}
	ps := make([]placed, len(comps))
	width, area := 0.0, 0.0
	comp := make([]int, len(vs))
	for i, c := range comps {
		b := vs[c[0]].box()
		for _, n := range c {
			b = b.union(vs[n].box())
			comp[n] = i
		}
		ps[i] = placed{c, b}
	}
	for _, e := range es {
		p := &ps[comp[e.from]]
		p.b = p.b.union(e.midBox(vs))
	}
	for _, p := range ps {
		b := p.b
		width = math.Max(width, b.w())
		area += (b.w() + compGap) * (b.h() + compGap)
	}
	slices.SortStableFunc(ps, func(a, b placed) int { return cmp.Compare(len(b.nodes), len(a.nodes)) })
	rowW := math.Max(width, math.Max(minWidth, math.Sqrt(area)*1.4))
	var x, y, rowH float64
	for i, p := range ps {
		alone := len(p.nodes) == 1 && i > 0 && len(ps[i-1].nodes) > 1
		if x > 0 && (x+p.b.w() > rowW || alone) {
			x, y, rowH = 0, y+rowH+compGap, 0
		}
		d := vec{x - p.b.x0, y - p.b.y0}
		for _, n := range p.nodes {
			vs[n].x, vs[n].y = snap(vs[n].x+d.x), snap(vs[n].y+d.y)
		}
		x += p.b.w() + compGap
		rowH = math.Max(rowH, p.b.h())
	}
}

// bend offsets parallel and opposite edges between the same two nodes
// so they curve apart.
func bend(vs []*vnode, es []*vedge) {
	count := map[[2]int]int{}
	for _, e := range es {
		count[[2]int{min(e.from, e.to), max(e.from, e.to)}]++
	}
	seen := map[[2]int]int{}
	for _, e := range es {
		p := [2]int{min(e.from, e.to), max(e.from, e.to)}
		n := count[p]
		e.bend = (float64(seen[p]) - float64(n-1)/2) * bendStep
		seen[p]++
	}
}

// curve returns an edge's end points, clipped to the nodes' shapes, and
// its control point.
func (e *vedge) curve(vs []*vnode) (p0, c, p1 vec) {
	a, b := vs[e.from], vs[e.to]
	lo, hi := vs[min(e.from, e.to)], vs[max(e.from, e.to)]
	mid := lerp(a.pos(), b.pos(), 0.5)
	// The curve passes bend away from the chord's midpoint: a quadratic
	// Bézier's control point is twice as far.
	c = mid.add(hi.pos().sub(lo.pos()).unit().perp().scale(2 * e.bend))
	p0 = a.pos().add(c.sub(a.pos()).unit().scale(a.r + 2))
	p1 = b.pos().sub(b.pos().sub(c).unit().scale(b.r + 3))
	return p0, c, p1
}

// placeEdgeLabels puts each edge's label on its curve, as near the middle
// as it can without covering a node, a node label or an earlier edge
// label.
func placeEdgeLabels(vs []*vnode, es []*vedge) {
	var taken []box
	for _, v := range vs {
		taken = append(taken, v.box().grow(2))
	}
	ts := []float64{0.5, 0.42, 0.58, 0.34, 0.66, 0.27, 0.73}
	for _, e := range es {
		a, b := vs[e.from].pos(), vs[e.to].pos()
		_, c, _ := e.curve(vs)
		best, bestScore := vec{}, math.Inf(1)
		for _, t := range ts {
			at := quadAt(a, c, b, t)
			lb := boxAt(at, e.lw, e.lh)
			score := 0.0
			for _, o := range taken {
				score += overlapArea(lb, o)
			}
			score += math.Abs(t-0.5) * 40 // prefer the middle
			if score < bestScore {
				best, bestScore = at, score
			}
		}
		e.lx, e.ly = best.x, best.y
		taken = append(taken, boxAt(best, e.lw, e.lh).grow(2))
	}
}
