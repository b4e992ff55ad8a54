package edtf

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// mustParse parses s or fails the test.
func mustParse(t testing.TB, s string) Date {
	t.Helper()
	d, err := Parse(s)
	if err != nil {
		t.Fatalf("Parse(%q): %v", s, err)
	}
	return d
}

func pt(y, m, d int, prec Precision) Point {
	return Point{year: int32(y), month: int32(m), day: int32(d), prec: prec}
}

func TestParseValid(t *testing.T) {
	oct := pt(2025, 10, 0, Month)
	tests := []struct {
		in   string
		want Date
	}{
		{"2025", Date{start: pt(2025, 0, 0, Year)}},
		{"0000", Date{start: pt(0, 0, 0, Year)}},
		{"9999-12-31", Date{start: pt(9999, 12, 31, Day)}},
		{"2025-10", Date{start: oct}},
		{"2025-10-09", Date{start: pt(2025, 10, 9, Day)}},
		{"2024-02-29", Date{start: pt(2024, 2, 29, Day)}},
		{"2000-02-29", Date{start: pt(2000, 2, 29, Day)}},
		{"2025-04-30", Date{start: pt(2025, 4, 30, Day)}},
		{"2025~", Date{start: Point{year: 2025, prec: Year, approx: true}}},
		{"2025-10?", Date{start: Point{year: 2025, month: 10, prec: Month, uncertain: true}}},
		{"2025-10-09%", Date{start: Point{year: 2025, month: 10, day: 9, prec: Day, approx: true, uncertain: true}}},
		{"201X", Date{start: Point{year: 2010, prec: Year, x: yearX1}}},
		{"20XX", Date{start: Point{year: 2000, prec: Year, x: yearX2}}},
		{"201X~", Date{start: Point{year: 2010, prec: Year, x: yearX1, approx: true}}},
		{"2025-XX", Date{start: Point{year: 2025, prec: Month, x: monthX}}},
		{"2025-XX-XX", Date{start: Point{year: 2025, prec: Day, x: monthX}}},
		{"2025-10-XX", Date{start: Point{year: 2025, month: 10, prec: Day, x: dayX}}},
		{"2025-10-XX?", Date{start: Point{year: 2025, month: 10, prec: Day, x: dayX, uncertain: true}}},
		{"2025-09-02/2025-09-04", Date{start: pt(2025, 9, 2, Day), end: pt(2025, 9, 4, Day)}},
		{"2025-10-09/2025-10-09", Date{start: pt(2025, 10, 9, Day), end: pt(2025, 10, 9, Day)}},
		{"2025-10/2025-10-05", Date{start: oct, end: pt(2025, 10, 5, Day)}},
		{"2025-10-05/2025-10", Date{start: pt(2025, 10, 5, Day), end: oct}},
		{"../2025-10", Date{start: Point{kind: open}, end: oct}},
		{"2025-10/..", Date{start: oct, end: Point{kind: open}}},
		{"/2025-10", Date{start: Point{kind: unknown}, end: oct}},
		{"2025-10/", Date{start: oct, end: Point{kind: unknown}}},
		{"2025-10~/2025-11?", Date{
			start: Point{year: 2025, month: 10, prec: Month, approx: true},
			end:   Point{year: 2025, month: 11, prec: Month, uncertain: true}}},
		{"-1985", Date{start: Point{year: -1985, neg: true, prec: Year}}},
		{"2001-21", Date{start: Point{year: 2001, season: Spring, prec: Season}}},
		{"1985-04-12T23:20:30", Date{start: Point{year: 1985, month: 4, day: 12, hour: 23, min: 20, sec: 30, prec: Second}}},
		{"1985-04-12T00:00:00Z", Date{start: Point{year: 1985, month: 4, day: 12, zone: utcZ, prec: Second}}},
		{"1985-04-12T23:20:30+00", Date{start: Point{year: 1985, month: 4, day: 12, hour: 23, min: 20, sec: 30, zone: shiftH, prec: Second}}},
		{"1985-04-12T23:20:30+00:00", Date{start: Point{year: 1985, month: 4, day: 12, hour: 23, min: 20, sec: 30, zone: shiftHM, prec: Second}}},
		{"1985-04-12T23:20:30-04", Date{start: Point{year: 1985, month: 4, day: 12, hour: 23, min: 20, sec: 30, zone: shiftH, offset: -240, prec: Second}}},
		{"1985-04-12T23:20:30-00:30", Date{start: Point{year: 1985, month: 4, day: 12, hour: 23, min: 20, sec: 30, zone: shiftHM, offset: -30, prec: Second}}},
		{"1985-04-12T23:59:59+14:00", Date{start: Point{year: 1985, month: 4, day: 12, hour: 23, min: 59, sec: 59, zone: shiftHM, offset: 840, prec: Second}}},
		{"1985-04-12T23:59:59-12:00", Date{start: Point{year: 1985, month: 4, day: 12, hour: 23, min: 59, sec: 59, zone: shiftHM, offset: -720, prec: Second}}},
		{"-0044-03-15T11:00:00", Date{start: Point{year: -44, month: 3, day: 15, neg: true, hour: 11, prec: Second}}},
		{"2001-24", Date{start: Point{year: 2001, season: Winter, prec: Season}}},
		{"-0044-22", Date{start: Point{year: -44, season: Summer, neg: true, prec: Season}}},
		{"-0004-02-29", Date{start: Point{year: -4, month: 2, day: 29, neg: true, prec: Day}}},
		{"0000-02-29", Date{start: pt(0, 2, 29, Day)}},
		{"-0044-03-15~", Date{start: Point{year: -44, month: 3, day: 15, neg: true, prec: Day, approx: true}}},
		{"-201X", Date{start: Point{year: -2010, neg: true, prec: Year, x: yearX1}}},
		{"-000X", Date{start: Point{year: 0, neg: true, prec: Year, x: yearX1}}},
		{"-0100/-0050", Date{start: Point{year: -100, neg: true, prec: Year}, end: Point{year: -50, neg: true, prec: Year}}},
		{"Y170000002", Date{start: pt(170000002, 0, 0, Year)}},
		{"Y-170000002", Date{start: Point{year: -170000002, neg: true, prec: Year}}},
		{"Y10000", Date{start: pt(10000, 0, 0, Year)}},
		{"Y-10000", Date{start: Point{year: -10000, neg: true, prec: Year}}},
		{"Y999999999", Date{start: pt(999999999, 0, 0, Year)}},
	}
	for _, tt := range tests {
		got, err := Parse(tt.in)
		if err != nil {
			t.Errorf("Parse(%q): %v", tt.in, err)
			continue
		}
		if got != tt.want {
			t.Errorf("Parse(%q) = %+v, want %+v", tt.in, got, tt.want)
		}
		if s := got.String(); s != tt.in {
			t.Errorf("Parse(%q).String() = %q", tt.in, s)
		}
	}
}

func TestParseInvalid(t *testing.T) {
	tests := []struct {
		in     string
		offset int
		msg    string // a substring of the message
	}{
		{"", 0, "empty"},
		{"garbage", 0, `unexpected 'g' in the year`},
		{"202", 0, "four digits"},
		{"202-10", 3, `unexpected '-'`},
		{"20255", 4, "year has too many digits"},
		{"2025-13", 5, "month 13 is out of range 01–12"},
		{"2025-00", 5, "month 00"},
		{"2025-1", 5, "month must have two digits"},
		{"2025-", 5, "month must have two digits"},
		{"2025-1X", 5, "two digits or XX"},
		{"2025-101", 7, "month has too many digits"},
		{"2025-04-31", 8, "day 31 is out of range for April 2025 (30 days)"},
		{"2025-09-31", 8, "September 2025 (30 days)"},
		{"2023-02-29", 8, "day 29 is out of range for February 2023 (28 days)"},
		{"1900-02-29", 8, "February 1900 (28 days)"},
		{"2025-10-00", 8, "day 00"},
		{"2025-10-32", 8, "day 32"},
		{"2025-10-9", 8, "day must have two digits"},
		{"2025-10-09-", 10, "after the day"},
		{"2025-10-09x", 10, "written X"},
		{"2025-10-09T10:00", 16, "needs hours, minutes and seconds"},
		{"2025-10-09T10", 13, "needs hours, minutes and seconds"},
		{"2025-10-09T", 11, "hour must have two digits"},
		{"2025-10-09T1:00:00", 11, "hour must have two digits"},
		{"2025-10-09T24:00:00", 11, "hour 24 is out of range 00–23"},
		{"2025-10-09T23:60:00", 14, "minute 60 is out of range 00–59"},
		{"2025-10-09T23:59:60", 17, "leap second"},
		{"2025-10-09T23:59:61", 17, "second 61 is out of range 00–59"},
		{"2025-10-09T235959", 13, "colon must come before the minutes"},
		{"2025-10-09T23:5959", 16, "colon must come before the seconds"},
		{"2025-10-09T23-59-59", 13, `unexpected '-' before the minutes`},
		{"2025-10-09T23:59:59.5", 19, "fractions of a second"},
		{"2025-10-09T23:59:59,5", 19, "fractions of a second"},
		{"2025-10-09T23:59:59:00", 19, "ends with the seconds"},
		{"2025-10-09T23:59:59z", 19, "capital Z"},
		{"2025-10-09t23:59:59", 10, "capital T"},
		{"2025-10-09 23:59:59", 10, "begins with T, not a space"},
		{"2025-10-09T23:59:59ZZ", 20, `unexpected 'Z'`},
		{"2025-10-09T23:59:591", 19, "the second has too many digits"},
		{"2025-10-09T23:59:59+05:301", 25, "the time shift has too many digits"},
		{"2025-10-09T23:59:59+051", 22, "colon must separate"},
		{"2025-10-09T23:59:59+0530", 22, "colon must separate the time shift's hours and minutes: +05:30"},
		{"2025-10-09T23:59:59+5", 20, "time shift must have two digits"},
		{"2025-10-09T23:59:59+05:3", 23, "time shift's minutes must have two digits"},
		{"2025-10-09T23:59:59+05:60", 23, "minute 60 of the time shift"},
		{"2025-10-09T23:59:59-00", 19, "zero is written Z or with a plus sign"},
		{"2025-10-09T23:59:59-00:00", 19, "zero is written Z"},
		{"2025-10-09T23:59:59+15", 19, "time shift +15 is out of range −12:00 to +14:00"},
		{"2025-10-09T23:59:59+14:30", 19, "out of range"},
		{"2025-10-09T23:59:59-12:30", 19, "out of range"},
		{"2025-10-09T23:59:59~", 19, "not times of day"},
		{"2025-10-09T23:59:59Z?", 20, "not times of day"},
		{"2025-10-09~T23:59:59", 11, "a qualified date cannot have a time"},
		{"2025-10T10:00:00", 7, "needs a complete date"},
		{"2025T10:00:00", 4, "needs a complete date"},
		{"2025-21T10:00:00", 7, "needs a complete date"},
		{"2025-10-XXT10:00:00", 10, "complete date, without X"},
		{"2025-XX-XXT10:00:00", 10, "complete date, without X"},
		{"2025-10-09T10:00:00/2025-10-10", 10, "excludes times of day from intervals"},
		{"2025-10-09/2025-10-10T10:00:00Z", 21, "excludes times of day from intervals"},
		{"../2025-10-10T10:00:00Z", 13, "excludes times of day from intervals"},
		{"2025-10-09~?", 11, "only one qualifier"},
		{"2025 ", 4, "unexpected ' '"},
		{" 2025", 0, "unexpected ' '"},
		{"2025\xff", 4, "byte 0xff"},
		{"2X25", 2, "digit cannot follow X"},
		{"1XXX", 1, "last two digits"},
		{"XXXX", 0, "last two digits"},
		{"201X-05", 4, "cannot have a month"},
		{"20XX-XX", 4, "cannot have a month"},
		{"2025-XX-05", 8, "must be XX"},
		{"2025-10-X5", 8, "two digits or XX"},
		{"2025~5", 5, "unexpected '5'"},
		{"..", 0, "only in an interval"},
		{"/", 0, "at least one known end"},
		{"../..", 0, "at least one known end"},
		{"../", 0, "at least one known end"},
		{"2025/2026/2027", 9, "only one /"},
		{"2025-10-09/2025-10-01", 11, "ends before it starts"},
		{"2025/2024-12", 5, "ends before it starts"},
		{"2025-10-09/2025-13", 16, "month 13"},
		{"2025-10-09/2", 11, "four digits"},
		{"2025-10-09/2025-1", 16, "two digits"},
		{"2025-13/2026", 5, "month 13"},
		// Unspecified digits in an interval are EDTF level 2 (its Interval
		// section shows 2004-06-XX/2004-07-03).
		{"201X/2025", 3, "unspecified digits (X) in an interval are EDTF level 2"},
		{"20XX/2025", 2, "(X) in an interval"},
		{"2025-10-XX/2025-11-XX", 8, "(X) in an interval"},
		{"2025-09/2025-10-XX", 16, "(X) in an interval"},
		{"2025-10-XX~/", 8, "(X) in an interval"},
		{"../2025-XX", 8, "(X) in an interval"},
		{"open/2025", 0, "2012 draft"},
		{"[2025]", 0, "sets of dates"},
		{"{2025,2026}", 0, "sets of dates"},
		{"~2025", 0, "a qualifier before a date (~2004) is EDTF level 2"},
		{"2025-10-?09", 8, "qualifying one part of a date (? before the day)"},
		{"2025-10%-09", 7, "qualifying part of a date (% before -)"},
		{"2025S2", 4, "significant digits"},
		{"-2025S2", 5, "significant digits"},
		{"Y12345S2", 6, "significant digits"},
		{"Y12E3", 3, "exponential years"},
		{"y12345", 0, "capital Y"},
		{"20251009", 4, "with hyphens (extended format): 2025-10-..."},
		{"-20251009", 5, "with hyphens"},
		{"2025/unknown", 5, "leaves an unknown end empty"},
		{"..2025", 0, `unexpected '.'`},
		{"2025/...", 5, `unexpected '.'`},
		{"2021-20", 5, "month 20 is out of range 01–12"},
		{"2021-42", 5, "month 42 is out of range 01–12"},
		{"2021-25", 5, "25 (spring, northern hemisphere) is an EDTF level 2 sub-year grouping"},
		{"2021-32", 5, "32 (winter, southern hemisphere) is an EDTF level 2"},
		{"2021-33", 5, "(quarter 1)"},
		{"2021-39", 5, "(quadrimester 3)"},
		{"2021-41", 5, "(semester 2)"},
		{"2021-21-05", 7, "a season has no day"},
		{"2021-21~", 7, "does not qualify a season"},
		{"2021-24%", 7, "does not qualify a season"},
		{"2021-2X", 5, "two digits or XX"},
		{"202X-21", 4, "cannot have a month"},
		{"2021-21/2021-22", 5, "no seasons in intervals"},
		{"2021/2021-22", 10, "no seasons in intervals"},
		{"../2021-22", 8, "no seasons in intervals"},
		{"2021-21/", 5, "no seasons in intervals"},
		{"-0000", 0, "year zero has no sign"},
		{"-0000-05", 0, "write 0000"},
		{"-202", 1, "four digits"},
		{"--2025", 1, `unexpected '-' in the year`},
		{"+2025", 0, `unexpected '+' in the year`},
		{"-2X25", 3, "digit cannot follow X"},
		{"-1XXX", 2, "last two digits"},
		{"-201X-05", 5, "cannot have a month"},
		{"-2023-02-29", 9, "February 2024 BCE (28 days)"},
		{"-0001-02-29", 9, "February 2 BCE (28 days)"},
		{"Y", 1, "Y must be followed by the digits"},
		{"Y-", 2, "Y must be followed by the digits"},
		{"Y2025", 0, "write 2025"},
		{"Y-2025", 0, "write -2025"},
		{"Y-0", 0, "write 0000"},
		{"Y012345", 1, "no leading zero"},
		{"Y1234567890", 10, "more than nine digits"},
		{"Y12345-01", 6, "stands alone"},
		{"Y12345~", 6, "no qualifier"},
		{"Y1234X", 0, "write 1234"},
		{"Y12345X", 6, "no X digits"},
		{"Y12345 ", 6, `unexpected ' '`},
		{"Y12345/..", 0, "not an interval end"},
		{"../Y-12345", 3, "not an interval end"},
		{"2025/Y12345", 5, "not an interval end"},
		{"y12345", 0, `unexpected 'y'`},
	}
	for _, tt := range tests {
		d, err := Parse(tt.in)
		var se *SyntaxError
		if !errors.As(err, &se) {
			t.Errorf("Parse(%q) = %v, %v; want *SyntaxError", tt.in, d, err)
			continue
		}
		if se.Offset != tt.offset || !strings.Contains(se.Msg, tt.msg) || se.Input != tt.in {
			t.Errorf("Parse(%q): offset %d, msg %q, input %q; want offset %d, msg containing %q",
				tt.in, se.Offset, se.Msg, se.Input, tt.offset, tt.msg)
		}
		if !d.IsZero() {
			t.Errorf("Parse(%q) returned non-zero Date %v with error", tt.in, d)
		}
	}
}

func TestSyntaxErrorMessage(t *testing.T) {
	_, err := Parse("2025-13")
	want := `edtf: invalid date "2025-13" at offset 5: month 13 is out of range 01–12`
	if err == nil || err.Error() != want {
		t.Errorf("Parse error = %v, want %s", err, want)
	}
}

func TestEarliestLatest(t *testing.T) {
	tests := []struct {
		in               string
		earliest, latest string
	}{
		{"2025", "2025-01-01", "2025-12-31"},
		{"2024-02", "2024-02-01", "2024-02-29"},
		{"2025-02", "2025-02-01", "2025-02-28"},
		{"2025-10-09~", "2025-10-09", "2025-10-09"},
		{"201X", "2010-01-01", "2019-12-31"},
		{"20XX", "2000-01-01", "2099-12-31"},
		{"2025-XX", "2025-01-01", "2025-12-31"},
		{"2025-XX-XX", "2025-01-01", "2025-12-31"},
		{"2025-04-XX", "2025-04-01", "2025-04-30"},
		{"2025-09-30/2025-10", "2025-09-30", "2025-10-31"},
		{"../2025-10", "-1000000000-01-01", "2025-10-31"},
		{"/2025-10", "-1000000000-01-01", "2025-10-31"},
		{"2025-10/..", "2025-10-01", "1000000000-12-31"},
		{"2025-10/", "2025-10-01", "1000000000-12-31"},
		{"-1985", "-1985-01-01", "-1985-12-31"},
		{"2001-21", "2001-01-01", "2001-12-31"},
		{"1985-04-12T23:20:30-04", "1985-04-12", "1985-04-12"},
		{"1985-04-12T01:00:00+14:00", "1985-04-12", "1985-04-12"},
		{"2001-24", "2001-01-01", "2001-12-31"},
		{"-0001-02", "-0001-02-01", "-0001-02-28"},
		{"-0004-02", "-0004-02-01", "-0004-02-29"},
		{"-201X", "-2019-01-01", "-2010-12-31"},
		{"-20XX", "-2099-01-01", "-2000-12-31"},
		{"-000X", "-0009-01-01", "0000-12-31"},
		{"Y-170000002", "-170000002-01-01", "-170000002-12-31"},
	}
	for _, tt := range tests {
		d := mustParse(t, tt.in)
		e, l := d.Earliest(), d.Latest()
		if got := e.Format(time.DateOnly); got != tt.earliest || e.Location() != time.UTC || e.Hour() != 0 {
			t.Errorf("%s: Earliest = %v, want %s UTC midnight", tt.in, e, tt.earliest)
		}
		if got := l.Format(time.DateOnly); got != tt.latest || l.Location() != time.UTC || l.Hour() != 0 {
			t.Errorf("%s: Latest = %v, want %s UTC midnight", tt.in, l, tt.latest)
		}
	}
	var zero Date
	if !zero.Earliest().IsZero() || !zero.Latest().IsZero() {
		t.Errorf("zero Date: Earliest %v, Latest %v; want zero times", zero.Earliest(), zero.Latest())
	}
}

func TestAccessors(t *testing.T) {
	d := mustParse(t, "../2025-10-09%")
	s := d.Start()
	e, ok := d.End()
	if !ok || !d.IsInterval() || !s.IsOpen() || s.IsUnknown() || s.Precision() != 0 {
		t.Fatalf("%v: start %+v, end ok %v", d, s, ok)
	}
	if e.Year() != 2025 || e.Month() != 10 || e.Day() != 9 || e.Precision() != Day ||
		e.Unspecified() || !e.Approximate() || !e.Uncertain() {
		t.Errorf("%v: end %+v", d, e)
	}
	if x := mustParse(t, "2025-10-XX%").Start(); x.Year() != 2025 || x.Month() != 10 || x.Day() != 0 ||
		x.Precision() != Day || !x.Unspecified() || !x.Approximate() || !x.Uncertain() {
		t.Errorf("2025-10-XX%%: %+v", x)
	}
	if d.Precision() != Day {
		t.Errorf("%v: Precision = %v, want day", d, d.Precision())
	}
	p := mustParse(t, "2025-10")
	if _, ok := p.End(); ok || p.IsInterval() || p.Start().Unspecified() || p.Precision() != Month {
		t.Errorf("%v: End ok %v, IsInterval %v, Precision %v", p, ok, p.IsInterval(), p.Precision())
	}
	if e, _ := mustParse(t, "2025/").End(); !e.IsUnknown() || e.IsOpen() {
		t.Errorf("2025/: end is not unknown")
	}
	if (Date{}).IsZero() != true || p.IsZero() {
		t.Errorf("IsZero wrong")
	}
	sp := mustParse(t, "2001-23").Start()
	if sp.Season() != Autumn || sp.Month() != 0 || sp.Precision() != Season || sp.Year() != 2001 {
		t.Errorf("2001-23: season %d, month %d, precision %v", sp.Season(), sp.Month(), sp.Precision())
	}
	if s := p.Start().Season(); s != 0 {
		t.Errorf("%v: Season = %d", p, s)
	}
	for p, want := range map[Precision]string{Year: "year", Season: "season", Month: "month", Day: "day",
		Second: "second", 0: "Precision(0)"} {
		if p.String() != want {
			t.Errorf("Precision(%d).String() = %q, want %q", int(p), p.String(), want)
		}
	}
}

func TestText(t *testing.T) {
	var d Date
	if err := d.UnmarshalText([]byte("2025-09-02/2025-09-04")); err != nil {
		t.Fatal(err)
	}
	if b, _ := d.MarshalText(); string(b) != "2025-09-02/2025-09-04" {
		t.Errorf("MarshalText = %q", b)
	}
	if err := d.UnmarshalText(nil); err != nil || !d.IsZero() {
		t.Errorf("UnmarshalText(empty) = %v, date %v; want zero", err, d)
	}
	var se *SyntaxError
	if err := d.UnmarshalText([]byte("2025-02-30")); !errors.As(err, &se) || se.Offset != 8 {
		t.Errorf("UnmarshalText(2025-02-30) = %v", err)
	}
	if b, _ := (Date{}).MarshalText(); len(b) != 0 {
		t.Errorf("zero MarshalText = %q", b)
	}
}

// TestDayMonthYear: a date written day or month first is refused with the
// year-first form to write instead.
func TestDayMonthYear(t *testing.T) {
	for in, want := range map[string]string{
		"10/10/2025": "dates are written year first: 2025-10-10",
		"25/12/2025": "dates are written year first: 2025-12-25",
		"12/25/2025": "dates are written year first: 2025-12-25",
		"3.10.2025":  "dates are written year first: 2025-03-10 if the month comes first, 2025-10-03 if the day does",
		"10-03-2025": "dates are written year first: 2025-10-03 if the month comes first, 2025-03-10 if the day does",
	} {
		_, err := Parse(in)
		var se *SyntaxError
		if !errors.As(err, &se) || se.Msg != want {
			t.Errorf("Parse(%q) = %v, want %q", in, err, want)
		}
	}
	for _, ok := range []string{"2025-10-10", "1985/1990", "2025-10/2025-12"} {
		if _, err := Parse(ok); err != nil {
			t.Errorf("Parse(%q): %v", ok, err)
		}
	}
}
