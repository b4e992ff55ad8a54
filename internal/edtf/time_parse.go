package edtf

// zoneKind records how the time shift of a time of day was written.
type zoneKind uint8

const (
	localTime zoneKind = iota // no shift: local time, zone not stated
	utcZ                      // Z
	shiftH                    // +04, -05: hours only
	shiftHM                   // +04:30: hours and minutes
)

// The time shifts Parse accepts, in minutes east of UTC: those in use on
// Earth, as in edtf.js.
const (
	minShift = -12 * 60
	maxShift = 14 * 60
)

// clock parses the time of day after the T at i-1 of a point pt of day
// precision: hh:mm:ss, complete as EDTF level 0 requires, and an optional
// time shift. It returns the index after them.
func (p *pointParser) clock(pt *Point, i int) (int, error) {
	fields := [3]struct {
		name string
		max  int
		v    *int8
	}{{"hour", 23, &pt.hour}, {"minute", 59, &pt.min}, {"second", 59, &pt.sec}}
	for k, f := range fields {
		if k > 0 {
			if err := p.clockColon(i, f.name); err != nil {
				return 0, err
			}
			i++
		}
		v, err := p.twoDigits(i, f.name)
		if err != nil {
			return 0, err
		}
		switch {
		case f.name == "second" && v == 60:
			return 0, p.errorf(i, "second 60 (a leap second) is not supported")
		case v > f.max:
			return 0, p.errorf(i, "%s %02d is out of range 00–%02d", f.name, v, f.max)
		}
		*f.v = int8(v)
		i += 2
	}
	switch p.at(i) {
	case '.', ',':
		return 0, p.errorf(i, "fractions of a second are not part of EDTF levels 0 and 1")
	case ':':
		return 0, p.errorf(i, "a time of day ends with the seconds: hh:mm:ss")
	}
	pt.prec = Second
	return p.shift(pt, i)
}

// clockColon checks the colon before the minutes or seconds at i.
func (p *pointParser) clockColon(i int, name string) error {
	switch c := p.at(i); {
	case c == ':':
		return nil
	case i >= len(p.s):
		return p.errorf(i, "a time of day needs hours, minutes and seconds: hh:mm:ss")
	case isDigit(c):
		return p.errorf(i, "a colon must come before the %ss: EDTF writes times as hh:mm:ss", name)
	}
	return p.errorf(i, "unexpected %s before the %ss (times are written hh:mm:ss)", quote(p.s[i]), name)
}

// twoDigits parses the two digits at i.
func (p *pointParser) twoDigits(i int, name string) (int, error) {
	if !isDigit(p.at(i)) || !isDigit(p.at(i+1)) {
		return 0, p.errorf(i, "the %s must have two digits", name)
	}
	return int(p.s[i]-'0')*10 + int(p.s[i+1]-'0'), nil
}

// shift parses an optional time shift at i into pt: Z, or a sign, two
// digits of hours and optionally a colon and two digits of minutes. It
// returns the index after it.
func (p *pointParser) shift(pt *Point, i int) (int, error) {
	switch c := p.at(i); c {
	case 'Z':
		pt.zone = utcZ
		return i + 1, nil
	case '+', '-':
		h, err := p.twoDigits(i+1, "time shift")
		if err != nil {
			return 0, err
		}
		j, m := i+3, 0
		pt.zone = shiftH
		switch {
		case p.at(j) == ':':
			if m, err = p.twoDigits(j+1, "time shift's minutes"); err != nil {
				return 0, err
			}
			if m > 59 {
				return 0, p.errorf(j+1, "minute %02d of the time shift is out of range 00–59", m)
			}
			j, pt.zone = j+3, shiftHM
		case isDigit(p.at(j)):
			return 0, p.errorf(j, "a colon must separate the time shift's hours and minutes: %c%02d:%s", c, h, p.s[j:min(j+2, len(p.s))])
		}
		off := h*60 + m
		if c == '-' {
			off = -off
		}
		switch {
		case c == '-' && off == 0:
			return 0, p.errorf(i, "a time shift of zero is written Z or with a plus sign (+00:00)")
		case off < minShift || off > maxShift:
			return 0, p.errorf(i, "time shift %s is out of range −12:00 to +14:00", p.s[i:j])
		}
		pt.offset = int16(off)
		return j, nil
	}
	return i, nil
}
