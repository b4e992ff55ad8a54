package edtf

import (
	"fmt"
	"strconv"
	"time"
)

// endKind says whether a Point is a date or an interval end with no date.
type endKind uint8

const (
	known   endKind = iota // a date (or the zero Point)
	open                   // "..": no bound
	unknown                // "": a bound exists but is not known
)

// unspec records which trailing digits were written as X.
type unspec uint8

const (
	specified unspec = iota
	yearX1           // 201X: a decade
	yearX2           // 20XX: a century
	monthX           // 2025-XX, or 2025-XX-XX when the precision is Day
	dayX             // 2025-10-XX
)

// Point is one date, or one end of an interval. Its fields hold only what
// was written: an unspecified or unwritten month or day is 0, and the X
// digits of a year are 0 (201X has year 2010, -201X has year -2010).
type Point struct {
	year, month, day  int32
	season            int32 // 21–24 when prec is Season, else 0
	neg               bool  // the year was written with a minus sign
	hour, min, sec    int8  // the time of day when prec is Second
	zone              zoneKind
	offset            int16 // the time shift in minutes east of UTC
	prec              Precision
	x                 unspec
	approx, uncertain bool
	kind              endKind
}

// Year returns the year as written, in astronomical numbering (0 is
// 1 BCE, -1985 is 1986 BCE), with unspecified digits as 0 (201X gives
// 2010, -201X gives -2010).
func (p Point) Year() int { return int(p.year) }

// Month returns the month 1–12, or 0 when it is not known (and for a
// season).
func (p Point) Month() int { return int(p.month) }

// The seasons of EDTF level 1, written in place of a month. They are
// independent of location: 21 is spring in either hemisphere.
const (
	Spring = 21
	Summer = 22
	Autumn = 23
	Winter = 24
)

// Season returns the season of a point of precision Season: Spring,
// Summer, Autumn or Winter (21–24). It returns 0 for other points.
func (p Point) Season() int { return int(p.season) }

// Day returns the day of the month, or 0 when it is not known.
func (p Point) Day() int { return int(p.day) }

// Precision returns the precision as written (2025-10-XX has Day), or 0 for
// an open or unknown end.
func (p Point) Precision() Precision { return p.prec }

// Approximate reports whether the point carries ~ or %.
func (p Point) Approximate() bool { return p.approx }

// Uncertain reports whether the point carries ? or %.
func (p Point) Uncertain() bool { return p.uncertain }

// Unspecified reports whether any digit of the point is X.
func (p Point) Unspecified() bool { return p.x != specified }

// IsOpen reports whether the point is an open interval end, "..".
func (p Point) IsOpen() bool { return p.kind == open }

// IsUnknown reports whether the point is an unknown interval end (empty).
func (p Point) IsUnknown() bool { return p.kind == unknown }

// isDate reports whether p holds a date, rather than being an open or
// unknown end or the zero Point.
func (p Point) isDate() bool { return p.prec != 0 }

// Earliest returns the earliest day p may denote, at midnight UTC: for a
// season, 1 January of its year (seasons are independent of location); for
// a time of day, its date as written. For an open or unknown end it returns 1 January of year -1,000,000,000, before
// any date Parse accepts; for the zero Point, the zero time.Time.
func (p Point) Earliest() time.Time {
	if p.kind != known {
		return farPast()
	}
	if !p.isDate() {
		return time.Time{}
	}
	first, _ := p.years()
	return utcDate(first, int(max(p.month, 1)), int(max(p.day, 1)))
}

// Latest returns the latest day p may denote, at midnight UTC: for a
// season, 31 December of its year; for a time of day, its date as written.
// For an open or unknown end it returns 31 December of year 1,000,000,000, after any
// date Parse accepts; for the zero Point, the zero time.Time.
func (p Point) Latest() time.Time {
	if p.kind != known {
		return farFuture()
	}
	_, last := p.years()
	switch {
	case !p.isDate():
		return time.Time{}
	case p.month == 0:
		return utcDate(last, 12, 31)
	case p.day == 0:
		return utcDate(last, int(p.month)+1, 0)
	}
	return utcDate(last, int(p.month), int(p.day))
}

// years returns the first and the last year p may be: the year itself,
// unless its last digits are X (201X is 2010–2019, -201X is -2019 to
// -2010).
func (p Point) years() (first, last int) {
	span := 0
	switch p.x {
	case yearX1:
		span = 9
	case yearX2:
		span = 99
	}
	if p.neg {
		return int(p.year) - span, int(p.year)
	}
	return int(p.year), int(p.year) + span
}

// String returns the canonical EDTF form of p: ".." for an open end and ""
// for an unknown end or the zero Point.
func (p Point) String() string {
	if p.kind == open {
		return ".."
	}
	if !p.isDate() {
		return ""
	}
	b := p.appendYear(make([]byte, 0, 16))
	if p.prec == Season {
		b = appendField(b, int(p.season))
	}
	if p.prec >= Month {
		b = appendField(b, int(p.month))
	}
	if p.prec >= Day {
		b = appendField(b, int(p.day))
	}
	if p.prec == Second {
		b = p.appendClock(b)
	}
	switch {
	case p.approx && p.uncertain:
		b = append(b, '%')
	case p.approx:
		b = append(b, '~')
	case p.uncertain:
		b = append(b, '?')
	}
	return string(b)
}

// appendYear appends the year as written: Y and the number for a year of
// more than four digits (Y170000002, Y-170000002), otherwise an optional
// minus sign and four digits of which the last one or two may be X.
func (p Point) appendYear(b []byte) []byte {
	if isLongYear(int(p.year)) {
		return strconv.AppendInt(append(b, 'Y'), int64(p.year), 10)
	}
	if p.neg {
		b = append(b, '-')
	}
	n := len(b)
	b = fmt.Appendf(b, "%04d", abs(int(p.year)))
	switch p.x {
	case yearX1:
		b[n+3] = 'X'
	case yearX2:
		b[n+2], b[n+3] = 'X', 'X'
	}
	return b
}

// isLongYear reports whether year y needs more than four digits, and so
// is written with the letter prefix Y.
func isLongYear(y int) bool { return y > 9999 || y < -9999 }

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// appendField appends "-MM", or "-XX" when v is 0.
func appendField(b []byte, v int) []byte {
	if v == 0 {
		return append(b, "-XX"...)
	}
	return append(b, '-', byte('0'+v/10), byte('0'+v%10))
}
