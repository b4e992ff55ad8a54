// Package edtf parses, orders and displays dates that keep their precision,
// written in the Library of Congress Extended Date/Time Format (EDTF,
// https://www.loc.gov/standards/datetime/, February 2019): all of levels 0
// and 1, and nothing of level 2.
//
// # Accepted forms
//
//	2025                  a year                         (precision Year)
//	2025-10               a month                        (precision Month)
//	2025-10-09            a day                          (precision Day)
//	1985-04-12T23:20:30   a day and a local time of day  (precision Second)
//	1985-04-12T23:20:30Z  … in UTC
//	…T23:20:30-04, …T23:20:30+04:30  … with a time shift
//	2001-21 … 2001-24     spring, summer, autumn, winter (precision Season)
//	-1985, -0044-03-15    a negative year (-1985 is 1986 BCE)
//	Y170000002, Y-170000002  a year of more than four digits (precision Year)
//	2025-10-09~           approximate    (qualifier ~ at the end)
//	2025-10?              uncertain      (qualifier ?)
//	2025%                 both           (qualifier %)
//	201X, 20XX            unspecified last digit(s) of a year: a decade, a century
//	2025-XX, 2025-XX-XX   unspecified month (and day) of a known year
//	2025-10-XX            unspecified day of a known month
//	2025-09-02/2025-09-04 an interval
//	../2025-10, 2025/..   an interval with an open start or end
//	/2025-10, 2025-10/    an interval with an unknown start or end
//
// The rules, where the specification's text and examples leave a choice
// noted as such:
//
//   - Years have four digits (0000–9999) and an optional minus sign; year
//     zero has no sign (-0000 is rejected, as edtf.js does). Months and days
//     have two digits and must exist: 2025-13, 2025-04-31 and 2023-02-29 are
//     rejected (the calendar is the proleptic Gregorian one, so -0004-02-29
//     exists).
//   - A year beyond four digits is written Y, an optional minus sign and
//     five to nine digits without a leading zero (Y2025 is rejected: write
//     2025). It stands alone: no month, season, day, X digit or qualifier,
//     and it is not an interval end. The specification gives Y only "to
//     signify that the date is a year"; edtf.js reads it the same way.
//     Years of more than nine digits are not supported.
//   - A season, 21–24 in place of the month, is independent of location.
//     It has no day and no qualifier and is not an interval end: level 1
//     shows none of these, the 2012 draft made qualified seasons level 2, and
//     edtf.js counts qualified seasons and seasons in intervals as
//     non-standard. The level 2 sub-year groupings 25–41 are rejected by
//     name.
//   - A time of day follows a complete date without X or qualifier: T,
//     then hh:mm:ss with all three fields (hours 00–23; no leap second 60,
//     no fraction of a second), then nothing (local time), Z (UTC), or a
//     shift of hours (-04) or of hours and minutes with a colon (+04:30),
//     from −12:00 to +14:00. A zero shift has a plus sign (+00, +00:00), as
//     in ISO 8601. A time carries no qualifier, since level 1 qualifies
//     dates, and is not an interval end: level 0 says "Time of day is
//     excluded" from intervals.
//   - X may replace the last one or two digits of a year that has no month
//     (201X, -201X), the whole month (then the day, if written, is XX too),
//     or the whole day. X digits are not allowed in an interval end: the
//     specification's level 2 Interval section shows 2004-06-XX/2004-07-03.
//   - At most one qualifier ends each point; it applies to the whole date
//     and may follow X digits (201X~, 2025-10-XX%), which level 1 does not
//     forbid.
//   - An interval has one /. Each end is a date of the forms above but for
//     the exceptions named, or .. (open: none, or not specified), or empty
//     (unknown). At least one end is a date, and the end may not lie wholly
//     before the start.
//   - Dates are written in the extended format, with hyphens and colons.
//
// Parse is strict, so every accepted string is already canonical:
// Parse(s).String() == s. The shifts Z, +00 and +00:00 denote the same
// instant but are kept apart, as written.
//
// Errors are *SyntaxError values carrying the 0-based byte offset of the
// problem within the input, so that a caller can add it to the column of the
// YAML scalar the date came from. The message names the problem, and names
// level 2 forms as such: "significant digits (S) are EDTF level 2",
// "sets of dates, in [ ] or { }, are EDTF level 2".
//
// # Display
//
// Display renders a date in plain English and never invents a part that was
// not written: "2025", "September 2025", "9 October 2025", "spring 2001".
//
// Years are astronomical, as in ISO 8601: year 0 is 1 BCE, so "0000" reads
// "1 BCE", -1985 "1986 BCE" and -0044-03-15 "15 March 45 BCE". Years of
// five digits or more are grouped by commas: Y170000002 reads
// "170,000,002", Y-170000002 "170,000,003 BCE". An interval from BCE into
// the common era marks its end "CE": "2 BCE – 1 CE". YearName gives this
// rule to callers.
//
// A time of day follows the day after a comma, with its seconds, as
// written: "12 April 1985, 23:20:30 UTC" (Z), "12 April 1985, 23:20:30
// UTC+04:30", "12 April 1985, 23:20:30 UTC−04" (with a minus sign).
// Without a shift, the time is local to a place the date does not name:
// "12 April 1985, 23:20:30 (local time)".
//
// An approximate date is prefixed "c. ", an uncertain one is suffixed
// "(uncertain)", and unspecified digits are named: "October 2025 (day
// unknown)", "2025 (month unknown)", "2010s" (201X), "2000–2099" (20XX),
// "2020–2011 BCE" (-201X), "1 BCE – 99 CE" (00XX).
//
// Intervals share what their ends share: "9–11 October 2025",
// "30 September – 2 October 2025", "September – October 2025",
// "13–15 March 45 BCE", "2024 – 2025"; open ends read "before October 2025"
// (../2025-10) and "after October 2025" (2025-10/..); unknown ends read
// "until October 2025 (start unknown)" and "from October 2025 (end
// unknown)". Ends that carry qualifiers are shown in full on both sides.
//
// # Order and grouping
//
// A date is filed under its anchor: its start, or its end when the start is
// open or unknown. Compare orders dates by, in turn:
//
//  1. the earliest day of their anchor;
//  2. the less precise first: the anchor whose latest day is later, so a
//     year comes before its months, a month before its days, and
//     "October 2025" heads the days of October;
//  3. the date whose latest day is later (an interval before the point it
//     starts on);
//  4. seasons after the other dates of their span, in the order spring,
//     summer, autumn, winter;
//  5. times of day after the other dates of their day, by instant, a local
//     time counting as UTC;
//  6. the canonical string.
//
// Compare is therefore a total order consistent with ==. Qualifiers do not
// affect the earliest and latest days. Open and unknown ends lie beyond any
// year Parse accepts (Earliest and Latest give the years -1,000,000,000
// and 1,000,000,000).
//
// Negative years come before positive ones, in astronomical order. A
// season is not tied to any month, because level 1 seasons are independent
// of location (spring is March to May in the north, September to November
// in the south): its earliest and latest days are those of its year, so the
// seasons of a year follow the year's other whole-year dates (2025,
// 2025-XX, 2025?) and precede its months. A time of day is filed under the
// day as written, and Earliest and Latest give that day:
// 1985-04-12T23:20:30-04 is the instant 03:20:30 UTC on 13 April, but it
// sorts among the times of 12 April.
//
// YearMonth reports the anchor's year and month, the chronology heading the
// date belongs under: a season and a Y year give their year with month 0, a
// time gives its date's year and month, a negative year stays negative.
// TimelineStart and TimelineEnd give the known year, month and day for
// TimelineJS3, in astronomical years (month 0 for a season); Point.Time,
// Point.Zone and Point.Instant give the time of day, its shift and its
// instant.
//
// All types are small comparable values, safe for concurrent use; the zero
// Date means "no date".
package edtf
