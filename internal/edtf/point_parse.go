package edtf

import (
	"fmt"
	"time"
)

// pointParser parses one point s found at offset off of input.
type pointParser struct {
	input string
	off   int
	s     string
}

func (p *pointParser) errorf(i int, format string, args ...any) error {
	return &SyntaxError{Input: p.input, Offset: p.off + i, Msg: fmt.Sprintf(format, args...)}
}

// at returns the byte at i, or 0 past the end of s.
func (p *pointParser) at(i int) byte {
	if i < len(p.s) {
		return p.s[i]
	}
	return 0
}

// parsePoint parses a point: a year, month or day with optional X digits
// and an optional final qualifier, a season, a date and time, or a
// letter-prefixed year.
func parsePoint(input string, off int, s string) (Point, error) {
	p := &pointParser{input: input, off: off, s: s}
	switch c := p.at(0); c {
	case 'Y':
		return p.longYear()
	case '[', '{':
		return Point{}, p.errorf(0, "sets of dates, in [ ] or { }, are EDTF level 2")
	case '?', '~', '%':
		return Point{}, p.errorf(0, "a qualifier before a date (%c2004) is EDTF level 2; at level 1 it ends the date (2004%c)", c, c)
	}
	pt, i, err := p.date()
	if err == nil && p.at(i) == 'T' && pt.prec == Day {
		i, err = p.timeOfDay(&pt, i)
	}
	if err == nil {
		i, err = p.finalQualifier(&pt, i)
	}
	if err == nil && i < len(s) {
		err = p.trailing(pt, i)
	}
	if err != nil {
		return Point{}, err
	}
	return pt, nil
}

// date parses the year, then the month or season and the day if written.
// It returns the index after them.
func (p *pointParser) date() (Point, int, error) {
	pt, i, err := p.year()
	if err != nil {
		return Point{}, 0, err
	}
	if p.at(i) == '-' {
		if err := p.month(&pt, i+1); err != nil {
			return Point{}, 0, err
		}
		i += 3
	}
	if p.at(i) == '-' && pt.prec == Month {
		if err := p.day(&pt, i+1); err != nil {
			return Point{}, 0, err
		}
		i += 3
	}
	return pt, i, nil
}

// timeOfDay parses the T at i and the time of day after it into pt, a
// point of day precision, and returns the index after them.
func (p *pointParser) timeOfDay(pt *Point, i int) (int, error) {
	if pt.x != specified {
		return 0, p.errorf(i, "a time of day needs a complete date, without X")
	}
	return p.clock(pt, i+1)
}

// finalQualifier parses the optional qualifier at i that ends the point,
// and returns the index after it.
func (p *pointParser) finalQualifier(pt *Point, i int) (int, error) {
	q := p.qualifier(pt, i)
	switch {
	case q == i:
		return i, nil
	case pt.prec == Season:
		return 0, p.errorf(i, "EDTF level 1 does not qualify a season")
	case pt.prec == Second:
		return 0, p.errorf(i, "EDTF qualifies dates, not times of day: a date with a time cannot carry %c", p.s[i])
	case p.at(q) == '-':
		return 0, p.errorf(i, "qualifying part of a date (%c before -) is EDTF level 2; at level 1 the qualifier ends the date", p.s[i])
	}
	return q, nil
}

// month parses the two-character month, or season, at i into pt.
func (p *pointParser) month(pt *Point, i int) error {
	v, isX, err := p.field(i, "month")
	switch {
	case err != nil:
		return err
	case isX:
		pt.x = monthX
	case v >= Spring && v <= Winter:
		pt.season, pt.prec = int32(v), Season
		return nil
	case v > Winter && v <= 41:
		return p.errorf(i, "%d (%s) is an EDTF level 2 sub-year grouping; level 1 has only the seasons 21–24 (spring, summer, autumn, winter)",
			v, groupingName(v))
	case v < 1 || v > 12:
		return p.errorf(i, "month %02d is out of range 01–12", v)
	}
	pt.month, pt.prec = int32(v), Month
	return nil
}

// groupingName names the EDTF level 2 sub-year grouping v, 25–41.
func groupingName(v int) string {
	switch {
	case v <= 28:
		return seasonName(v-4) + ", northern hemisphere"
	case v <= 32:
		return seasonName(v-8) + ", southern hemisphere"
	case v <= 36:
		return fmt.Sprintf("quarter %d", v-32)
	case v <= 39:
		return fmt.Sprintf("quadrimester %d", v-36)
	}
	return fmt.Sprintf("semester %d", v-39)
}

// day parses the two-character day at i into pt, whose month is parsed.
func (p *pointParser) day(pt *Point, i int) error {
	v, isX, err := p.field(i, "day")
	if err != nil {
		return err
	}
	switch {
	case pt.x == monthX && !isX:
		return p.errorf(i, "a day after an unspecified month must be XX")
	case isX && pt.x != monthX:
		pt.x = dayX
	case !isX:
		n := daysIn(int(pt.year), int(pt.month))
		if v < 1 || v > n {
			return p.errorf(i, "day %02d is out of range for %s %s (%d days)",
				v, time.Month(pt.month), YearName(int(pt.year)), n)
		}
	}
	pt.day, pt.prec = int32(v), Day
	return nil
}

// field parses the two characters at i: two digits, or XX (isX, v == 0).
func (p *pointParser) field(i int, name string) (v int, isX bool, err error) {
	xs := 0
	for j := i; j < i+2; j++ {
		if j >= len(p.s) {
			return 0, false, p.errorf(i, "the %s must have two digits", name)
		}
		switch c := p.s[j]; {
		case c == 'X':
			xs++
		case isDigit(c):
			v = v*10 + int(c-'0')
		case c == '~' || c == '?' || c == '%':
			return 0, false, p.errorf(j, "qualifying one part of a date (%c before the %s) is EDTF level 2; at level 1 the qualifier ends the date", c, name)
		default:
			return 0, false, p.errorf(j, "unexpected %s in the %s", quote(c), name)
		}
	}
	switch xs {
	case 0:
		return v, false, nil
	case 2:
		return 0, true, nil
	}
	return 0, false, p.errorf(i, "the %s must be two digits or XX (a partly unspecified %[1]s is EDTF level 2)", name)
}

// qualifier parses an optional qualifier at i into pt and returns the
// index after it.
func (p *pointParser) qualifier(pt *Point, i int) int {
	switch p.at(i) {
	case '~':
		pt.approx = true
	case '?':
		pt.uncertain = true
	case '%':
		pt.approx, pt.uncertain = true, true
	default:
		return i
	}
	return i + 1
}

// trailing explains the unexpected byte at i after a complete point pt.
func (p *pointParser) trailing(pt Point, i int) error {
	c := p.s[i]
	switch {
	case c == 'T' && (pt.approx || pt.uncertain):
		return p.errorf(i, "EDTF qualifies dates, not times of day: a qualified date cannot have a time")
	case (c == 'T' || c == 't') && pt.prec < Day:
		return p.errorf(i, "a time of day needs a complete date (year, month and day)")
	case c == ' ' && pt.prec == Day && isDigit(p.at(i+1)):
		return p.errorf(i, "the time of day begins with T, not a space: 2025-10-09T10:00:00")
	case c == 't' && pt.prec == Day:
		return p.errorf(i, "the time of day begins with a capital T")
	case c == 'S' && pt.prec == Year && pt.x == specified:
		return p.errorf(i, "significant digits (S) are EDTF level 2")
	case c == 'z' && pt.prec == Second:
		return p.errorf(i, "UTC is written with a capital Z")
	case c == '~' || c == '?' || c == '%':
		return p.errorf(i, "only one qualifier is allowed (%% means approximate and uncertain)")
	case c == 'x' || c == 'u':
		return p.errorf(i, "unexpected %s (unspecified digits are written X)", quote(c))
	case c == '-' && pt.prec == Day:
		return p.errorf(i, "unexpected - after the day")
	case c == '-' && pt.prec == Season:
		return p.errorf(i, "a season has no day")
	case isDigit(c) && pt.prec == Year && i >= 4 && len(p.s) >= i+4 && allDigits(p.s[i-4:i+4]):
		return p.errorf(i, "EDTF writes dates with hyphens (extended format): %s-%s-...", p.s[i-4:i], p.s[i:i+2])
	case isDigit(c) && isDigit(p.s[i-1]):
		what := pt.prec.String()
		if pt.zone != localTime {
			what = "time shift"
		}
		return p.errorf(i, "unexpected digit %s (the %s has too many digits)", quote(c), what)
	}
	return p.errorf(i, "unexpected %s", quote(c))
}

func allDigits(s string) bool {
	for i := range len(s) {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}
