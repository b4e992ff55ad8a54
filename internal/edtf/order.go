package edtf

import (
	"cmp"
	"strings"
)

// Compare returns -1, 0 or +1 as a sorts before, with or after b in a
// chronology: by the earliest day of the point each is filed under (the
// start, or the end when the start is open or unknown), then the less
// precise first (the filed point spanning more days), then the later latest
// possible day first, then seasons after the other dates of their span in
// the order spring, summer, autumn, winter, then times of day after the
// other dates of their day, by instant (a local time counting as UTC),
// then by canonical string. Compare(a, b) == 0 only when a == b, so
// callers that sort by title on ties are sorting equal dates. Zero Dates
// sort after all others. Compare suits slices.SortFunc.
func Compare(a, b Date) int {
	switch az, bz := a.IsZero(), b.IsZero(); {
	case az && bz:
		return 0
	case az:
		return +1
	case bz:
		return -1
	}
	pa, pb := a.anchor(), b.anchor()
	if c := pa.Earliest().Compare(pb.Earliest()); c != 0 {
		return c
	}
	if c := pb.Latest().Compare(pa.Latest()); c != 0 {
		return c
	}
	if c := b.Latest().Compare(a.Latest()); c != 0 {
		return c
	}
	if c := cmp.Compare(pa.season, pb.season); c != 0 {
		return c
	}
	if c := compareClocks(pa, pb); c != 0 {
		return cmp.Compare(c, 0)
	}
	return strings.Compare(a.String(), b.String())
}

// YearMonth returns the year and month a chronology files d under: those of
// its start, or of its end when the start is open or unknown (../2025-10 is
// filed under October 2025). The year is astronomical (-1985 is 1986 BCE;
// see YearName). month is 0 when only the year is known, and for a season.
// A time of day is filed under its date as written. ok is false for the
// zero Date and when the year itself has X digits (201X, 20XX), which
// callers should list apart rather than under a year.
func (d Date) YearMonth() (year, month int, ok bool) {
	p := d.anchor()
	if !p.isDate() || p.x == yearX1 || p.x == yearX2 {
		return 0, 0, false
	}
	return int(p.year), int(p.month), true
}

// TimelineStart returns the known parts of the point d is filed under (its
// start, or its end when the start is open or unknown), for a TimelineJS3
// start_date: month and day are 0 when not known, and a year with X digits
// is given as the first year it may be (201X gives 2010, -201X gives
// -2019). Years are astronomical, as TimelineJS3 counts them (-1985 is
// 1986 BCE). A season gives its year only; a time of day gives its date
// (Start().Time() gives the clock). All three are 0 for the zero Date.
func (d Date) TimelineStart() (year, month, day int) {
	return d.anchor().timeline()
}

// TimelineEnd returns the known parts of the end of an interval, for a
// TimelineJS3 end_date, as TimelineStart does. ok is false when d is not an
// interval, when its end is open or unknown, and when its start is open or
// unknown (TimelineStart then already gives the end).
func (d Date) TimelineEnd() (year, month, day int, ok bool) {
	if !d.start.isDate() || !d.end.isDate() {
		return 0, 0, 0, false
	}
	year, month, day = d.end.timeline()
	return year, month, day, true
}

// timeline returns the known parts of p for TimelineJS3.
func (p Point) timeline() (year, month, day int) {
	first, _ := p.years()
	return first, int(p.month), int(p.day)
}
