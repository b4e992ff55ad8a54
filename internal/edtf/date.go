package edtf

import (
	"strconv"
	"time"
)

// Precision is how much of a point was written: a year, a season, a month,
// a day, or a day and a time of day to the second. The zero Precision belongs to open or unknown interval ends and
// the zero Date.
type Precision uint8

// The precisions, coarsest first.
const (
	Year   Precision = iota + 1
	Season           // 2001-21: a year and a season (spring)
	Month
	Day
	Second // 1985-04-12T23:20:30: a day and a time of day
)

// String returns "year", "season", "month", "day" or "second".
func (p Precision) String() string {
	switch p {
	case Year:
		return "year"
	case Season:
		return "season"
	case Month:
		return "month"
	case Day:
		return "day"
	case Second:
		return "second"
	}
	return "Precision(" + strconv.Itoa(int(p)) + ")"
}

// Date is a point in time with its precision, or an interval between two
// points. The zero Date means "no date". Dates are comparable with ==.
type Date struct {
	start, end Point // end is the zero Point unless the Date is an interval
}

// Start returns the point, or the start of an interval.
func (d Date) Start() Point { return d.start }

// End returns the end of an interval; ok is false when d is not one.
func (d Date) End() (end Point, ok bool) { return d.end, d.IsInterval() }

// IsInterval reports whether d is an interval.
func (d Date) IsInterval() bool { return d.end != Point{} }

// IsZero reports whether d is the zero Date.
func (d Date) IsZero() bool { return d == Date{} }

// anchor returns the point d is filed under: its start, or its end when the
// start is open or unknown.
func (d Date) anchor() Point {
	if d.IsInterval() && !d.start.isDate() {
		return d.end
	}
	return d.start
}

// Precision returns the precision of the point d is filed under: its start,
// or its end when the start is open or unknown. It is 0 for the zero Date.
func (d Date) Precision() Precision { return d.anchor().prec }

// Earliest returns the earliest day d may denote, at midnight UTC: the
// earliest day of its start. For an open or unknown start it is 1 January
// of year -1,000,000,000; for the zero Date, the zero time.Time.
func (d Date) Earliest() time.Time { return d.start.Earliest() }

// Latest returns the latest day d may denote, at midnight UTC: the latest
// day of its end, or of the point. For an open or unknown end it is
// 31 December of year 1,000,000,000; for the zero Date, the zero
// time.Time.
func (d Date) Latest() time.Time {
	if d.IsInterval() {
		return d.end.Latest()
	}
	return d.start.Latest()
}

// String returns the canonical EDTF form of d, "" for the zero Date.
func (d Date) String() string {
	if !d.IsInterval() {
		return d.start.String()
	}
	return d.start.String() + "/" + d.end.String()
}

// MarshalText implements encoding.TextMarshaler; it returns d.String().
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler with Parse, except that
// empty text gives the zero Date, so that the zero Date round-trips.
func (d *Date) UnmarshalText(text []byte) error {
	if len(text) == 0 {
		*d = Date{}
		return nil
	}
	v, err := Parse(string(text))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// GobEncode implements gob.GobEncoder as MarshalText does, so that values
// holding dates can be cached.
func (d Date) GobEncode() ([]byte, error) { return d.MarshalText() }

// GobDecode implements gob.GobDecoder as UnmarshalText does.
func (d *Date) GobDecode(b []byte) error { return d.UnmarshalText(b) }

func utcDate(y, m, d int) time.Time {
	return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
}

// maxYear is the largest magnitude of a year Parse accepts: Y and nine
// digits.
const maxYear = 999_999_999

// farPast and farFuture bound open and unknown interval ends, a year
// beyond any year Parse accepts.
func farPast() time.Time   { return utcDate(-maxYear-1, 1, 1) }
func farFuture() time.Time { return utcDate(maxYear+1, 12, 31) }
