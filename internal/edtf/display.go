package edtf

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Display returns d in plain English, as described in the package
// documentation: "9 October 2025", "c. September 2025 (uncertain)",
// "9–11 October 2025", "before October 2025". It returns "" for the zero
// Date.
func (d Date) Display() string {
	if !d.IsInterval() {
		return d.start.Display()
	}
	s, e := d.start, d.end
	switch {
	case s.kind == open:
		return "before " + e.Display()
	case e.kind == open:
		return "after " + s.Display()
	case s.kind == unknown:
		return "until " + e.phrase("start unknown").String()
	case e.kind == unknown:
		return "from " + s.phrase("end unknown").String()
	}
	if r, ok := shortRange(s, e); ok {
		return r
	}
	return s.Display() + " – " + e.Display()
}

// Display returns p in plain English: "2025", "September 2025",
// "c. 9 October 2025 (uncertain)", "October 2025 (day unknown)", "2010s".
// It returns ".." for an open end and "" for an unknown one.
func (p Point) Display() string {
	if !p.isDate() {
		return p.String()
	}
	return p.phrase().String()
}

// phrase is a point in words: an optional "c. ", a body and notes in
// parentheses.
type phrase struct {
	approx bool
	body   string
	notes  []string
}

func (ph phrase) String() string {
	s := ph.body
	if ph.approx {
		s = "c. " + s
	}
	if len(ph.notes) > 0 {
		s += " (" + strings.Join(ph.notes, ", ") + ")"
	}
	return s
}

// phrase returns p in words, with extra notes after its own.
func (p Point) phrase(extra ...string) phrase {
	ph := phrase{approx: p.approx}
	switch p.x {
	case yearX1:
		ph.body = strconv.Itoa(p.year) + "s"
	case yearX2:
		ph.body = fmt.Sprintf("%d–%d", p.year, p.year+99)
	case monthX:
		ph.body = strconv.Itoa(p.year)
		ph.notes = append(ph.notes, "month unknown")
		if p.prec == Day {
			ph.notes[0] = "month and day unknown"
		}
	case dayX:
		ph.body = monthYear(p.year, p.month)
		ph.notes = append(ph.notes, "day unknown")
	default:
		ph.body = p.plain()
	}
	if p.uncertain {
		ph.notes = append(ph.notes, "uncertain")
	}
	ph.notes = append(ph.notes, extra...)
	return ph
}

// plain returns a fully specified point without qualifiers in words.
func (p Point) plain() string {
	switch p.prec {
	case Year:
		return strconv.Itoa(p.year)
	case Month:
		return monthYear(p.year, p.month)
	}
	return fmt.Sprintf("%d %s", p.day, monthYear(p.year, p.month))
}

func monthYear(y, m int) string {
	return fmt.Sprintf("%s %d", time.Month(m), y)
}

// shortRange writes an interval between two plain points of the same
// precision once, sharing the year (and month) they share: "9–11 October
// 2025", "30 September – 2 October 2025", "September – October 2025". It
// reports false when the ends differ in precision, carry qualifiers or X
// digits, or share nothing.
func shortRange(s, e Point) (string, bool) {
	plain := func(p Point) bool { return p.x == specified && !p.approx && !p.uncertain }
	switch {
	case !plain(s) || !plain(e) || s.prec != e.prec:
		return "", false
	case s == e:
		return s.plain(), true
	case s.year != e.year || s.prec == Year:
		return "", false
	case s.prec == Month:
		return fmt.Sprintf("%s – %s %d", time.Month(s.month), time.Month(e.month), s.year), true
	case s.month == e.month:
		return fmt.Sprintf("%d–%d %s", s.day, e.day, monthYear(s.year, s.month)), true
	}
	return fmt.Sprintf("%d %s – %d %s %d", s.day, time.Month(s.month), e.day, time.Month(e.month), s.year), true
}
