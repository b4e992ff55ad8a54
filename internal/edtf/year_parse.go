package edtf

import "fmt"

// year parses an optional minus sign and the four characters of the year:
// digits, of which the last one or two may be X. It returns the index
// after the year.
func (p *pointParser) year() (Point, int, error) {
	pt := Point{prec: Year}
	start := 0
	if p.at(0) == '-' {
		pt.neg, start = true, 1
	}
	firstX := -1
	for i := start; i < start+4; i++ {
		if i >= len(p.s) {
			return Point{}, 0, p.errorf(start, "the year must have four digits")
		}
		switch c := p.s[i]; {
		case c == 'X':
			if firstX < 0 {
				firstX = i - start
			}
			pt.year *= 10
		case isDigit(c) && firstX < 0:
			pt.year = pt.year*10 + int32(c-'0')
		case isDigit(c):
			return Point{}, 0, p.errorf(i, "a digit cannot follow X in the year (that is EDTF level 2)")
		case c == 'y' && i == 0:
			return Point{}, 0, p.errorf(i, "unexpected 'y' in the year (a year of more than four digits is written with a capital Y)")
		default:
			return Point{}, 0, p.errorf(i, "unexpected %s in the year", quote(c))
		}
	}
	switch firstX {
	case 3:
		pt.x = yearX1
	case 2:
		pt.x = yearX2
	case 0, 1:
		return Point{}, 0, p.errorf(start+firstX, "only the last two digits of the year may be X (other X digits are EDTF level 2)")
	}
	end := start + 4
	switch {
	case pt.neg && pt.year == 0 && pt.x == specified:
		return Point{}, 0, p.errorf(0, "year zero has no sign: write 0000 (it is 1 BCE)")
	case pt.x != specified && p.at(end) == '-':
		return Point{}, 0, p.errorf(end, "a year with X digits cannot have a month (that is EDTF level 2)")
	}
	if pt.neg {
		pt.year = -pt.year
	}
	return pt, end, nil
}

// longYear parses a letter-prefixed year: Y, an optional minus sign and
// five to nine digits, the first of them not 0. Such a year stands alone.
func (p *pointParser) longYear() (Point, error) {
	i := 1
	neg := p.at(i) == '-'
	if neg {
		i++
	}
	start, v := i, 0
	for ; isDigit(p.at(i)); i++ {
		if i-start < 9 {
			v = v*10 + int(p.s[i]-'0')
		}
	}
	n := i - start
	switch {
	case p.at(i) == 'E':
		return Point{}, p.errorf(i, "exponential years (E) are EDTF level 2")
	case p.at(i) == 'S':
		return Point{}, p.errorf(i, "significant digits (S) are EDTF level 2")
	case n == 0:
		return Point{}, p.errorf(start, "Y must be followed by the digits of the year")
	case n < 5:
		return Point{}, p.errorf(0, "Y marks a year of more than four digits: write %s", shortYear(neg, v))
	case p.s[start] == '0':
		return Point{}, p.errorf(start, "a year after Y has no leading zero")
	case n > 9:
		return Point{}, p.errorf(start+9, "years of more than nine digits are not supported")
	case i < len(p.s):
		return Point{}, p.longYearTrailing(i)
	}
	if neg {
		v = -v
	}
	return Point{year: int32(v), neg: neg, prec: Year}, nil
}

// shortYear writes a year of at most four digits as EDTF does.
func shortYear(neg bool, v int) string {
	if neg && v != 0 {
		return fmt.Sprintf("-%04d", v)
	}
	return fmt.Sprintf("%04d", v)
}

// longYearTrailing explains the unexpected byte at i after the digits of
// a letter-prefixed year.
func (p *pointParser) longYearTrailing(i int) error {
	switch c := p.s[i]; c {
	case '-':
		return p.errorf(i, "a Y year stands alone: it has no month, day or season")
	case '~', '?', '%':
		return p.errorf(i, "a Y year stands alone: EDTF level 1 gives it no qualifier")
	case 'X':
		return p.errorf(i, "a Y year has no X digits")
	}
	return p.errorf(i, "unexpected %s after the year", quote(p.s[i]))
}
