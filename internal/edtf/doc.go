// Package edtf parses, orders and displays dates that keep their precision,
// written in the Library of Congress Extended Date/Time Format (EDTF).
//
// # Accepted forms
//
// Parse accepts EDTF level 0 dates (without times) plus the level 1
// features that analysts need, and nothing else:
//
//	2025                  a year          (precision Year)
//	2025-10               a month         (precision Month)
//	2025-10-09            a day           (precision Day)
//	2025-10-09~           approximate     (qualifier ~ at the end)
//	2025-10?              uncertain       (qualifier ?)
//	2025%                 both            (qualifier %)
//	201X, 20XX            unspecified last digit(s) of a year: a decade, a century
//	2025-XX, 2025-XX-XX   unspecified month (and day) of a known year
//	2025-10-XX            unspecified day of a known month
//	2025-09-02/2025-09-04 an interval; each end is any of the forms above
//	../2025-10, 2025/..   an interval with an open start or end
//	/2025-10, 2025-10/    an interval with an unknown start or end
//	-1985, -0044-03-15    a negative year (astronomical: -1985 is 1986 BCE)
//	Y170000002, Y-170000002  a year of five to nine digits, alone
//	2001-21 … 2001-24     a season: spring, summer, autumn, winter (precision Season)
//	1985-04-12T23:20:30   a day and a local time of day (precision Second)
//	1985-04-12T23:20:30Z, …-04, …+04:30  a time in UTC, or with a time shift
//
// Years have four digits (0000–9999), with an optional minus sign; months
// and days exactly two. Year zero has no sign (-0000 is rejected). A year
// of more than four digits is written with the letter Y and no leading
// zero, stands alone (no month, day, X digit or qualifier, and not as an
// interval end) and has at most nine digits. A season (21–24 in place of the month, independent of
// location) has no day and no qualifier, and is not an interval end: EDTF
// level 1 defines none of these; the level 2 sub-year groupings 25–41 are
// rejected. A time of day follows a complete date without X or qualifier:
// T, then hh:mm:ss with all three fields (00–23, 00–59, 00–59; no leap
// second, no fraction), then nothing (local time), Z, or a shift of hours
// (+04, -05) or hours and minutes (+04:30) written with a colon, between
// −12:00 and +14:00; a zero shift has a plus sign. A time cannot be
// qualified and is not an interval end (EDTF excludes times from
// intervals).
// X may replace only the last one or two digits of a year that has no
// month, the whole month (then the day, if written, is XX too), or the whole
// day. At most one qualifier ends each point. Months and days must exist:
// 2025-13, 2025-04-31 and 2023-02-29 are rejected. An interval needs at
// least one known end, and its end may not lie wholly before its start.
// Parse is strict, so every accepted string is already canonical:
// Parse(s).String() == s.
//
// Errors are *SyntaxError values carrying the 0-based byte offset of the
// problem within the input, so that a caller can add it to the column of the
// YAML scalar the date came from.
//
// # Display
//
// Display renders a date in plain English and never invents a part that was
// not written: "2025", "September 2025", "9 October 2025". Years are
// astronomical, as in ISO 8601: year 0 is "1 BCE", -1985 is "1986 BCE",
// Y170000002 is "170,000,002" (numbers of five digits or more are grouped
// by commas); an interval from BCE into the common era marks its end
// "CE": "2 BCE – 1 CE". Seasons read "spring 2001", "winter 45 BCE". An
// approximate
// date is prefixed "c. ", an uncertain one is suffixed "(uncertain)", and
// unspecified digits are named: "October 2025 (day unknown)",
// "2025 (month unknown)", "2010s" (201X), "2000–2099" (20XX),
// "2020–2011 BCE" (-201X), "1 BCE – 99 CE" (00XX). Intervals
// share what their ends share: "9–11 October 2025",
// "30 September – 2 October 2025", "September – October 2025",
// "2024 – 2025"; open ends read "before October 2025" (../2025-10) and
// "after October 2025" (2025-10/..); unknown ends read
// "until October 2025 (start unknown)" and "from October 2025 (end unknown)".
// Ends that carry qualifiers or X digits are shown in full on both sides.
//
// # Order and grouping
//
// A date is filed under its anchor: its start, or its end when the start is
// open or unknown. YearMonth reports the anchor's year and month, the
// chronology heading the date belongs under. Compare orders dates by the
// earliest day of their anchor, then puts the less precise first (the anchor
// spanning more days: a year before its months, a month before its days, so
// that "October 2025" heads the days of October), then the date whose latest
// possible day is later, then by canonical string. Compare is therefore a
// total order consistent with ==. A list sorted by Compare keeps the dates
// of each YearMonth together, with year-only dates at the head of their
// year and month-only dates at the head of their month. Qualifiers do not
// affect the earliest and latest possible days. A season is not tied to
// any month, because EDTF level 1 seasons are independent of location
// (spring is March to May in the north, September to November in the
// south): its earliest and latest days are those of its year, and the
// seasons of a year sort after the year's other whole-year dates (2025,
// 2025-XX, 2025?), in the order spring, summer, autumn, winter, before
// its months. YearMonth files a season under its year, with month 0.
//
// All types are small comparable values, safe for concurrent use; the zero
// Date means "no date".
package edtf
