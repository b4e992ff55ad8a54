package edtf

import (
	"fmt"
	"strconv"
	"strings"
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
	if msg, ok := dayMonthYear(s); ok {
		return Date{}, &SyntaxError{Input: s, Msg: msg}
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
	case "open", "unknown":
		return Point{}, &SyntaxError{Input: input, Offset: off,
			Msg: fmt.Sprintf("%q is the 2012 draft's word: EDTF writes an open end .. and leaves an unknown end empty", s)}
	}
	pt, err := parsePoint(input, off, s)
	if err != nil {
		return Point{}, err
	}
	switch {
	case pt.prec == Second:
		return Point{}, &SyntaxError{Input: input, Offset: off + strings.IndexByte(s, 'T'),
			Msg: "EDTF excludes times of day from intervals: an interval's ends are dates"}
	case pt.prec == Season:
		return Point{}, &SyntaxError{Input: input, Offset: off + len(s) - 2,
			Msg: "EDTF level 1 has no seasons in intervals"}
	case isLongYear(int(pt.year)):
		return Point{}, &SyntaxError{Input: input, Offset: off,
			Msg: "a Y year stands alone: it is not an interval end"}
	case pt.x != specified:
		return Point{}, &SyntaxError{Input: input, Offset: off + strings.IndexByte(s, 'X'),
			Msg: "unspecified digits (X) in an interval are EDTF level 2"}
	}
	return pt, nil
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

// dayMonthYear recognises a date written day or month first ("10/10/2025",
// "3.10.2025", "10-03-2025") and says how to write it, year first.
func dayMonthYear(s string) (string, bool) {
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == '/' || r == '.' || r == '-' })
	if len(parts) != 3 || len(parts[0]) > 2 || len(parts[1]) > 2 || len(parts[2]) != 4 {
		return "", false
	}
	var n [3]int
	for i, p := range parts {
		v, err := strconv.Atoi(p)
		if err != nil || v < 1 {
			return "", false
		}
		n[i] = v
	}
	a, b, y := n[0], n[1], n[2]
	iso := func(month, day int) string { return fmt.Sprintf("%04d-%02d-%02d", y, month, day) }
	switch {
	case a > 12 && b <= 12:
		return "dates are written year first: " + iso(b, a), true
	case b > 12 && a <= 12:
		return "dates are written year first: " + iso(a, b), true
	case a == b:
		return "dates are written year first: " + iso(a, b), true
	case a <= 12 && b <= 12:
		return fmt.Sprintf("dates are written year first: %s if the month comes first, %s if the day does", iso(a, b), iso(b, a)), true
	}
	return "", false
}
