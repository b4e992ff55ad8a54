package edtf

import (
	"errors"
	"strings"
	"testing"
)

// The examples of the Extended Date/Time Format (EDTF) Specification,
// Library of Congress, February 4, 2019
// (https://www.loc.gov/standards/datetime/), section by section.

// specValid are the specification's examples of levels 0 and 1, with the
// display and precision Parse gives them.
var specValid = []struct {
	in, display string
	prec        Precision
}{
	// Level 0, Date.
	{"1985-04-12", "12 April 1985", Day},
	{"1985-04", "April 1985", Month},
	{"1985", "1985", Year},

	// Level 0, Date and Time.
	{"1985-04-12T23:20:30", "12 April 1985, 23:20:30 (local time)", Second},
	{"1985-04-12T23:20:30Z", "12 April 1985, 23:20:30 UTC", Second},
	{"1985-04-12T23:20:30-04", "12 April 1985, 23:20:30 UTC−04", Second},
	{"1985-04-12T23:20:30+04:30", "12 April 1985, 23:20:30 UTC+04:30", Second},

	// Extended format (the example of the section that requires it).
	{"2005-09-24T10:00:00", "24 September 2005, 10:00:00 (local time)", Second},

	// Level 0, Time Interval. Precision is that of the start.
	{"1964/2008", "1964 – 2008", Year},
	{"2004-06/2006-08", "June 2004 – August 2006", Month},
	{"2004-02-01/2005-02-08", "1 February 2004 – 8 February 2005", Day},
	{"2004-02-01/2005-02", "1 February 2004 – February 2005", Day},
	{"2004-02-01/2005", "1 February 2004 – 2005", Day},
	{"2005/2006-02", "2005 – February 2006", Year},

	// Level 1, Letter-prefixed calendar year.
	{"Y170000002", "170,000,002", Year},
	{"Y-170000002", "170,000,003 BCE", Year},

	// Level 1, Seasons.
	{"2001-21", "spring 2001", Season},

	// Level 1, Qualification of a date (complete).
	{"1984?", "1984 (uncertain)", Year},
	{"2004-06~", "c. June 2004", Month},
	{"2004-06-11%", "c. 11 June 2004 (uncertain)", Day},

	// Level 1, Unspecified digit(s) from the right.
	{"201X", "2010s", Year},
	{"20XX", "2000–2099", Year},
	{"2004-XX", "2004 (month unknown)", Month},
	{"1985-04-XX", "April 1985 (day unknown)", Day},
	{"1985-XX-XX", "1985 (month and day unknown)", Day},

	// Level 1, Extended Interval: open end, open start, unknown end,
	// unknown start. Precision is that of the known end.
	{"1985-04-12/..", "after 12 April 1985", Day},
	{"1985-04/..", "after April 1985", Month},
	{"1985/..", "after 1985", Year},
	{"../1985-04-12", "before 12 April 1985", Day},
	{"../1985-04", "before April 1985", Month},
	{"../1985", "before 1985", Year},
	{"1985-04-12/", "from 12 April 1985 (end unknown)", Day},
	{"1985-04/", "from April 1985 (end unknown)", Month},
	{"1985/", "from 1985 (end unknown)", Year},
	{"/1985-04-12", "until 12 April 1985 (start unknown)", Day},
	{"/1985-04", "until April 1985 (start unknown)", Month},
	{"/1985", "until 1985 (start unknown)", Year},

	// Level 1, Negative calendar year.
	{"-1985", "1986 BCE", Year},

	// Level 2, Sub-year groupings: 21–24 are the level 1 seasons.
	{"2001-22", "summer 2001", Season},
	{"2001-23", "autumn 2001", Season},
	{"2001-24", "winter 2001", Season},

	// Level 2, Group Qualification, example 1: a level 1 form.
	{"2004-06-11%", "c. 11 June 2004 (uncertain)", Day},
}

// specInvalid are the specification's examples that are not levels 0 or
// 1, with the offset and a part of the message of their rejection.
var specInvalid = []struct {
	in     string
	offset int
	msg    string
}{
	// Extended format: "basic format" is not permitted.
	{"20050924T100000", 4, "EDTF writes dates with hyphens"},

	// Level 2, Exponential year.
	{"Y-17E7", 4, "exponential years (E) are EDTF level 2"},

	// Level 2, Significant digits.
	{"1950S2", 4, "significant digits (S) are EDTF level 2"},
	{"Y171010000S3", 10, "significant digits (S) are EDTF level 2"},
	{"Y3388E2S3", 5, "exponential years (E) are EDTF level 2"},

	// Level 2, Sub-year groupings 25–41.
	{"2001-34", 5, "34 (quarter 2) is an EDTF level 2 sub-year grouping"},
	{"2001-25", 5, "(spring, northern hemisphere)"},
	{"2001-29", 5, "(spring, southern hemisphere)"},
	{"2001-37", 5, "(quadrimester 1)"},
	{"2001-40", 5, "(semester 1)"},

	// Level 2, Set representation: one of a set, all members.
	{"[1667,1668,1670..1672]", 0, "sets of dates, in [ ] or { }, are EDTF level 2"},
	{"[..1760-12-03]", 0, "sets of dates"},
	{"[1760-12..]", 0, "sets of dates"},
	{"[1760-01,1760-02,1760-12..]", 0, "sets of dates"},
	{"[1667,1760-12]", 0, "sets of dates"},
	{"[..1984]", 0, "sets of dates"},
	{"{1667,1668,1670..1672}", 0, "sets of dates"},
	{"{1960,1961-12}", 0, "sets of dates"},
	{"{..1984}", 0, "sets of dates"},

	// Level 2, Qualification: group qualification and qualification of
	// an individual component.
	{"2004-06~-11", 7, "qualifying part of a date (~ before -) is EDTF level 2"},
	{"2004?-06-11", 4, "qualifying part of a date (? before -) is EDTF level 2"},
	{"?2004-06-~11", 0, "a qualifier before a date (?2004) is EDTF level 2"},
	{"2004-%06-11", 5, "qualifying one part of a date (% before the month) is EDTF level 2"},

	// Level 2, Unspecified Digit anywhere within a component.
	{"156X-12-25", 4, "a year with X digits cannot have a month (that is EDTF level 2)"},
	{"15XX-12-25", 4, "a year with X digits cannot have a month"},
	{"XXXX-12-XX", 0, "only the last two digits of the year may be X (other X digits are EDTF level 2)"},
	{"1XXX-XX", 1, "only the last two digits of the year may be X"},
	{"1XXX-12", 1, "only the last two digits of the year may be X"},
	{"1984-1X", 5, "the month must be two digits or XX (a partly unspecified month is EDTF level 2)"},

	// Level 2, Interval.
	{"2004-06-~01/2004-06-~20", 8, "qualifying one part of a date (~ before the day) is EDTF level 2"},
	{"2004-06-XX/2004-07-03", 8, "unspecified digits (X) in an interval are EDTF level 2"},
}

func TestSpecValid(t *testing.T) {
	for _, tt := range specValid {
		d, err := Parse(tt.in)
		if err != nil {
			t.Errorf("Parse(%q): %v", tt.in, err)
			continue
		}
		if got := d.Display(); got != tt.display {
			t.Errorf("Parse(%q).Display() = %q, want %q", tt.in, got, tt.display)
		}
		if got := d.Precision(); got != tt.prec {
			t.Errorf("Parse(%q).Precision() = %v, want %v", tt.in, got, tt.prec)
		}
		checkAccepted(t, tt.in, d)
	}
}

func TestSpecInvalid(t *testing.T) {
	for _, tt := range specInvalid {
		d, err := Parse(tt.in)
		var se *SyntaxError
		switch {
		case !errors.As(err, &se):
			t.Errorf("Parse(%q) = %v, %v; want a *SyntaxError", tt.in, d, err)
		case se.Offset != tt.offset || !strings.Contains(se.Msg, tt.msg):
			t.Errorf("Parse(%q): offset %d, %q; want offset %d, a message containing %q",
				tt.in, se.Offset, se.Msg, tt.offset, tt.msg)
		}
	}
}
