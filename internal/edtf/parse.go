package edtf

import (
	"fmt"
	"strings"
	"time"
)

// SyntaxError reports a string that is not an accepted EDTF date.
type SyntaxError struct {
	Input  string // the whole string given to Parse
	Offset int    // 0-based byte offset of the problem within Input
	Msg    string // what is wrong, e.g. "month 13 is out of range 01–12"
}

// Error returns a message naming the input, the offset and the problem.
func (e *SyntaxError) Error() string {
	return fmt.Sprintf("edtf: invalid date %q at offset %d: %s", e.Input, e.Offset, e.Msg)
}

// Parse parses an EDTF date in one of the forms listed in the package
// documentation. Errors are of type *SyntaxError.
func Parse(s string) (Date, error) {
	if s == "" {
		return Date{}, &SyntaxError{Input: s, Msg: "empty date"}
	}
	slash := strings.IndexByte(s, '/')
	if slash < 0 {
		if s == ".." {
			return Date{}, &SyntaxError{Input: s, Msg: "an open end (..) is allowed only in an interval"}
		}
		p, err := parsePoint(s, 0, s)
		return Date{start: p}, err
	}
	if i := strings.IndexByte(s[slash+1:], '/'); i >= 0 {
		return Date{}, &SyntaxError{Input: s, Offset: slash + 1 + i, Msg: "an interval has only one /"}
	}
	start, err := parseEnd(s, 0, s[:slash])
	if err != nil {
		return Date{}, err
	}
	end, err := parseEnd(s, slash+1, s[slash+1:])
	if err != nil {
		return Date{}, err
	}
	switch {
	case !start.isDate() && !end.isDate():
		return Date{}, &SyntaxError{Input: s, Msg: "an interval needs at least one known end"}
	case start.isDate() && end.isDate() && end.Latest().Before(start.Earliest()):
		return Date{}, &SyntaxError{Input: s, Offset: slash + 1, Msg: "the interval ends before it starts"}
	}
	return Date{start: start, end: end}, nil
}

// parseEnd parses one end of an interval, found at offset off of input.
func parseEnd(input string, off int, s string) (Point, error) {
	switch s {
	case "":
		return Point{kind: unknown}, nil
	case "..":
		return Point{kind: open}, nil
	}
	return parsePoint(input, off, s)
}

// pointParser parses one point s found at offset off of input.
type pointParser struct {
	input string
	off   int
	s     string
}

func (p *pointParser) errorf(i int, format string, args ...any) error {
	return &SyntaxError{Input: p.input, Offset: p.off + i, Msg: fmt.Sprintf(format, args...)}
}

// parsePoint parses a point: a year, month or day with optional X digits
// and an optional final qualifier.
func parsePoint(input string, off int, s string) (Point, error) {
	p := &pointParser{input: input, off: off, s: s}
	pt, err := p.year()
	if err != nil {
		return Point{}, err
	}
	i := 4
	if i < len(s) && s[i] == '-' {
		if err := p.month(&pt, i+1); err != nil {
			return Point{}, err
		}
		i += 3
	}
	if i < len(s) && s[i] == '-' && pt.prec == Month {
		if err := p.day(&pt, i+1); err != nil {
			return Point{}, err
		}
		i += 3
	}
	if i < len(s) {
		switch s[i] {
		case '~':
			pt.approx = true
			i++
		case '?':
			pt.uncertain = true
			i++
		case '%':
			pt.approx, pt.uncertain = true, true
			i++
		}
	}
	if i < len(s) {
		return Point{}, p.trailing(pt, i)
	}
	return pt, nil
}

// year parses the four characters of the year: digits, of which the last
// one or two may be X.
func (p *pointParser) year() (Point, error) {
	pt := Point{prec: Year}
	firstX := -1
	for i := range 4 {
		if i >= len(p.s) {
			return Point{}, p.errorf(0, "the year must have four digits")
		}
		switch c := p.s[i]; {
		case c == 'X':
			if firstX < 0 {
				firstX = i
			}
			pt.year *= 10
		case c >= '0' && c <= '9' && firstX < 0:
			pt.year = pt.year*10 + int(c-'0')
		case c >= '0' && c <= '9':
			return Point{}, p.errorf(i, "a digit cannot follow X in the year")
		default:
			return Point{}, p.errorf(i, "unexpected %s in the year", quote(c))
		}
	}
	switch firstX {
	case 3:
		pt.x = yearX1
	case 2:
		pt.x = yearX2
	case 0, 1:
		return Point{}, p.errorf(firstX, "only the last two digits of the year may be X")
	}
	if pt.x != specified && len(p.s) > 4 && p.s[4] == '-' {
		return Point{}, p.errorf(4, "a year with X digits cannot have a month")
	}
	return pt, nil
}

// month parses the two-character month at i into pt.
func (p *pointParser) month(pt *Point, i int) error {
	v, isX, err := p.field(i, "month")
	switch {
	case err != nil:
		return err
	case isX:
		pt.x = monthX
	case v < 1 || v > 12:
		return p.errorf(i, "month %02d is out of range 01–12", v)
	}
	pt.month, pt.prec = v, Month
	return nil
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
		n := daysIn(pt.year, pt.month)
		if v < 1 || v > n {
			return p.errorf(i, "day %02d is out of range for %s %d (%d days)",
				v, time.Month(pt.month), pt.year, n)
		}
	}
	pt.day, pt.prec = v, Day
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
		case c >= '0' && c <= '9':
			v = v*10 + int(c-'0')
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
	return 0, false, p.errorf(i, "the %s must be two digits or XX", name)
}

// trailing explains the unexpected byte at i after a complete point pt.
func (p *pointParser) trailing(pt Point, i int) error {
	c := p.s[i]
	switch {
	case c == 'T' && pt.prec == Day:
		return p.errorf(i, "times of day are not supported")
	case c == '~' || c == '?' || c == '%':
		return p.errorf(i, "only one qualifier is allowed (%% means approximate and uncertain)")
	case c == 'x' || c == 'u':
		return p.errorf(i, "unexpected %s (unspecified digits are written X)", quote(c))
	case c == '-' && pt.prec == Day:
		return p.errorf(i, "unexpected - after the day")
	case c >= '0' && c <= '9' && isDigit(p.s[i-1]):
		return p.errorf(i, "unexpected digit %s (the %s has too many digits)", quote(c), pt.prec)
	}
	return p.errorf(i, "unexpected %s", quote(c))
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// quote quotes byte c for a message; a non-ASCII byte is shown in hex.
func quote(c byte) string {
	if c < 0x20 || c >= 0x7f {
		return fmt.Sprintf("byte 0x%02x", c)
	}
	return fmt.Sprintf("%q", rune(c))
}

// daysIn returns the number of days in month m of year y (proleptic
// Gregorian calendar).
func daysIn(y, m int) int {
	return utcDate(y, m+1, 0).Day()
}
