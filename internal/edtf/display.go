package edtf

import (
	"fmt"
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
		return "until " + e.phrase(false, "start unknown").String()
	case e.kind == unknown:
		return "from " + s.phrase(false, "end unknown").String()
	}
	if r, ok := shortRange(s, e); ok {
		return r
	}
	ce := s.year <= 0 && e.year > 0 // 2 BCE – 1 CE
	return s.Display() + " – " + e.phrase(ce).String()
}

// Display returns p in plain English: "2025", "September 2025",
// "c. 9 October 2025 (uncertain)", "October 2025 (day unknown)", "2010s".
// It returns ".." for an open end and "" for an unknown one.
func (p Point) Display() string {
	if !p.isDate() {
		return p.String()
	}
	return p.phrase(false).String()
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

// phrase returns p in words, with extra notes after its own; ce marks a
// year of the common era "CE".
func (p Point) phrase(ce bool, extra ...string) phrase {
	ph := phrase{approx: p.approx}
	switch first, last := p.years(); p.x {
	case yearX1, yearX2:
		ph.body = yearRange(first, last)
		if p.x == yearX1 && first > 0 {
			ph.body = number(first) + "s" // 2010s
		}
	case monthX:
		ph.body = yearWords(int(p.year), ce)
		ph.notes = append(ph.notes, "month unknown")
		if p.prec == Day {
			ph.notes[0] = "month and day unknown"
		}
	case dayX:
		ph.body = monthYear(int(p.year), int(p.month), ce)
		ph.notes = append(ph.notes, "day unknown")
	default:
		ph.body = p.plain(ce)
		if p.prec == Second && p.zone == localTime {
			ph.notes = append(ph.notes, "local time")
		}
	}
	if p.uncertain {
		ph.notes = append(ph.notes, "uncertain")
	}
	ph.notes = append(ph.notes, extra...)
	return ph
}

// plain returns a fully specified point without qualifiers in words.
func (p Point) plain(ce bool) string {
	switch p.prec {
	case Year:
		return yearWords(int(p.year), ce)
	case Season:
		return seasonName(int(p.season)) + " " + yearWords(int(p.year), ce)
	case Month:
		return monthYear(int(p.year), int(p.month), ce)
	}
	day := fmt.Sprintf("%d %s", p.day, monthYear(int(p.year), int(p.month), ce))
	if p.prec == Second {
		return day + ", " + p.clockWords()
	}
	return day
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
		return s.plain(false), true
	case s.year != e.year || s.prec == Year:
		return "", false
	case s.prec == Month:
		return fmt.Sprintf("%s – %s %s", time.Month(int(s.month)), time.Month(e.month), YearName(int(s.year))), true
	case s.month == e.month:
		return fmt.Sprintf("%d–%d %s", s.day, e.day, monthYear(int(s.year), int(s.month), false)), true
	}
	return fmt.Sprintf("%d %s – %d %s %s", s.day, time.Month(int(s.month)), e.day, time.Month(e.month), YearName(int(s.year))), true
}
