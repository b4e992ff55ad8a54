package actorgraph

import "math"

// vec is a point or a vector in user units.
type vec struct{ x, y float64 }

func (a vec) add(b vec) vec               { return vec{a.x + b.x, a.y + b.y} }
func (a vec) sub(b vec) vec               { return vec{a.x - b.x, a.y - b.y} }
func (a vec) scale(f float64) vec         { return vec{a.x * f, a.y * f} }
func (a vec) dot(b vec) float64           { return a.x*b.x + a.y*b.y }
func (a vec) len() float64                { return math.Sqrt(a.x*a.x + a.y*a.y) }
func (a vec) perp() vec                   { return vec{-a.y, a.x} }
func lerp(a, b vec, t float64) vec        { return vec{a.x + (b.x-a.x)*t, a.y + (b.y-a.y)*t} }
func quadAt(p0, c, p1 vec, t float64) vec { return lerp(lerp(p0, c, t), lerp(c, p1, t), t) }

// unit returns a scaled to length 1, or (1, 0) for a zero vector.
func (a vec) unit() vec {
	l := a.len()
	if l < 1e-9 {
		return vec{1, 0}
	}
	return vec{a.x / l, a.y / l}
}

// box is an axis-aligned rectangle.
type box struct{ x0, y0, x1, y1 float64 }

func boxAt(c vec, w, h float64) box { return box{c.x - w/2, c.y - h/2, c.x + w/2, c.y + h/2} }

func (b box) union(c box) box {
	return box{min(b.x0, c.x0), min(b.y0, c.y0), max(b.x1, c.x1), max(b.y1, c.y1)}
}

func (b box) grow(p float64) box { return box{b.x0 - p, b.y0 - p, b.x1 + p, b.y1 + p} }

func (b box) w() float64 { return b.x1 - b.x0 }
func (b box) h() float64 { return b.y1 - b.y0 }

func (b box) center() vec { return vec{(b.x0 + b.x1) / 2, (b.y0 + b.y1) / 2} }

// overlap returns how far a and b overlap along each axis; both are
// positive only when the boxes intersect.
func overlap(a, b box) (ox, oy float64) {
	return min(a.x1, b.x1) - max(a.x0, b.x0), min(a.y1, b.y1) - max(a.y0, b.y0)
}

// overlapArea is the area a and b share.
func overlapArea(a, b box) float64 {
	ox, oy := overlap(a, b)
	if ox <= 0 || oy <= 0 {
		return 0
	}
	return ox * oy
}

// grid is the snapping step of layout positions: a power of two, so
// snapped values are exact, and fine enough not to show.
const grid = 64.0

func snap(v float64) float64 { return math.Round(v*grid) / grid }

func (a vec) snap() vec { return vec{snap(a.x), snap(a.y)} }
