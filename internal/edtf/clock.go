package edtf

import (
	"fmt"
	"time"
)

// Time returns the time of day of a point of precision Second, as written
// (1985-04-12T23:20:30-04 gives 23, 20, 30); ok is false for other points.
func (p Point) Time() (hour, min, sec int, ok bool) {
	if p.prec != Second {
		return 0, 0, 0, false
	}
	return int(p.hour), int(p.min), int(p.sec), true
}

// Zone returns the time shift of a time of day, in seconds east of UTC
// (Z gives 0, -04 gives -14400, +04:30 gives 16200); ok is false when no
// shift was written (local time) and for points without a time of day.
func (p Point) Zone() (offset int, ok bool) {
	if p.prec != Second || p.zone == localTime {
		return 0, false
	}
	return int(p.offset) * 60, true
}

// Instant returns the instant a time of day with a shift denotes, in a
// fixed zone of that shift; ok is false for a local time (its instant
// depends on a place that was not written) and for points without a time
// of day.
func (p Point) Instant() (time.Time, bool) {
	offset, ok := p.Zone()
	if !ok {
		return time.Time{}, false
	}
	zone := time.FixedZone(p.zoneName(), offset)
	return time.Date(int(p.year), time.Month(p.month), int(p.day), int(p.hour), int(p.min), int(p.sec), 0, zone), true
}

// utcSeconds orders the times of day of one date: seconds since the
// date's midnight, less the shift (a local time counts as UTC).
func (p Point) utcSeconds() int {
	return (int(p.hour)*60+int(p.min))*60 + int(p.sec) - int(p.offset)*60
}

// compareClocks orders points of the same day: those without a time of
// day first, then by the instant, a local time counting as UTC.
func compareClocks(a, b Point) int {
	switch at, bt := a.prec == Second, b.prec == Second; {
	case !at && !bt:
		return 0
	case !at:
		return -1
	case !bt:
		return +1
	}
	return a.utcSeconds() - b.utcSeconds()
}

// clockWords writes the time of day and its shift: "23:20:30 UTC",
// "23:20:30 UTC+04:30", "23:20:30 UTC−04", or "23:20:30" for local time.
func (p Point) clockWords() string {
	s := fmt.Sprintf("%02d:%02d:%02d", p.hour, p.min, p.sec)
	if p.zone == localTime {
		return s
	}
	return s + " " + p.shiftWords()
}

// shiftWords names the time shift as written: "UTC", "UTC+04:30",
// "UTC−04" (with a minus sign), "" for local time.
func (p Point) shiftWords() string {
	switch p.zone {
	case localTime:
		return ""
	case utcZ:
		return "UTC"
	}
	sign, off := "+", int(p.offset)
	if off < 0 {
		sign, off = "−", -off
	}
	s := fmt.Sprintf("UTC%s%02d", sign, off/60)
	if p.zone == shiftHM {
		s += fmt.Sprintf(":%02d", off%60)
	}
	return s
}

// zoneName names the fixed zone of Instant: "UTC" for Z, otherwise the
// shift as written ("+04:30", "-04").
func (p Point) zoneName() string {
	if p.zone == utcZ {
		return "UTC"
	}
	b := p.appendClock(nil)
	return string(b[len("T00:00:00"):])
}

// appendClock appends the time of day of a point of precision Second and
// its shift, as written.
func (p Point) appendClock(b []byte) []byte {
	b = append(b, 'T')
	b = append2(b, int(p.hour))
	b = append2(append(b, ':'), int(p.min))
	b = append2(append(b, ':'), int(p.sec))
	switch p.zone {
	case utcZ:
		return append(b, 'Z')
	case shiftH, shiftHM:
		sign, off := byte('+'), int(p.offset)
		if off < 0 {
			sign, off = '-', -off
		}
		b = append2(append(b, sign), off/60)
		if p.zone == shiftHM {
			b = append2(append(b, ':'), off%60)
		}
	}
	return b
}

// append2 appends v, 0–99, as two digits.
func append2(b []byte, v int) []byte {
	return append(b, byte('0'+v/10), byte('0'+v%10))
}
