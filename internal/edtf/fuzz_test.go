package edtf

import (
	"errors"
	"strings"
	"testing"
)

func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"", "2025", "2025-10", "2025-10-09", "2025-10-09~", "2025?", "2025-10%",
		"201X", "20XX", "2025-XX", "2025-XX-XX", "2025-10-XX",
		"2025-09-02/2025-09-04", "../2025-10", "2025-10/..", "/2025-10", "2025-10/",
		"2024-02-29", "2023-02-29", "2025-13", "2025-04-31", "0000", "9999-12-31/..",
		"../..", "/", "2025/2024", "99XX", "00XX/0000", "2025-10-09T12:00",
		"-1985", "-0004-02-29", "-201X", "-000X", "-0000", "Y170000002", "Y-170000002",
		"1985-04-12T23:20:30", "1985-04-12T23:20:30Z", "1985-04-12T23:20:30-04",
		"1985-04-12T23:20:30+04:30", "1985-04-12T23:20:30+0430", "1985-04-12T23:20:30-00",
		"1985-04-12T23:59:60Z", "1985-04-12T10:00:00/1985-04-13",
		"Y12345/..", "2001-21", "2001-24", "2001-25", "-0044-22", "2001-21~", "2001-21/2001-22", "Y1234", "Y0123456", "-0100/-0050", "-0001/0001",
	} {
		f.Add(s)
	}
	for _, tt := range specValid {
		f.Add(tt.in)
	}
	for _, tt := range specInvalid {
		f.Add(tt.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := Parse(s)
		if err != nil {
			var se *SyntaxError
			if !errors.As(err, &se) || se.Input != s || se.Offset < 0 || se.Offset > len(s) || se.Msg == "" {
				t.Fatalf("Parse(%q): bad error %#v", s, err)
			}
			if !d.IsZero() {
				t.Fatalf("Parse(%q): non-zero Date with error", s)
			}
			return
		}
		checkAccepted(t, s, d)
	})
}

// checkAccepted checks the invariants of a Date that Parse accepted from s.
func checkAccepted(t *testing.T, s string, d Date) {
	str := d.String()
	if str != s {
		t.Fatalf("Parse(%q).String() = %q, want the input (accepted forms are canonical)", s, str)
	}
	d2, err := Parse(str)
	if err != nil || d2 != d {
		t.Fatalf("Parse(%q) = %+v, %v; want %+v", str, d2, err, d)
	}
	if d.IsZero() {
		t.Fatalf("Parse(%q) gave the zero Date", s)
	}
	if d.Latest().Before(d.Earliest()) {
		t.Fatalf("%q: Latest %v before Earliest %v", s, d.Latest(), d.Earliest())
	}
	for _, p := range []Point{d.start, d.end} {
		if p.isDate() && p.Latest().Before(p.Earliest()) {
			t.Fatalf("%q: point %v: Latest before Earliest", s, p)
		}
	}
	if disp := d.Display(); disp == "" || strings.Contains(disp, "%!") || strings.Contains(disp, "season ") {
		t.Fatalf("%q: bad Display %q", s, disp)
	}
	if Compare(d, d) != 0 || Compare(d, Date{}) != -1 || Compare(Date{}, d) != 1 {
		t.Fatalf("%q: Compare with itself or the zero Date is wrong", s)
	}
	if p := d.Precision(); p < Year || p > Second {
		t.Fatalf("%q: Precision %v", s, p)
	}
	if _, _, _, ok := d.Start().Time(); ok && d.IsInterval() {
		t.Fatalf("%q: an interval with a time of day", s)
	}
	if y, m, ok := d.YearMonth(); ok && (m < 0 || m > 12 || y < -maxYear || y > maxYear) {
		t.Fatalf("%q: YearMonth = %d, %d", s, y, m)
	}
	var u Date
	if b, _ := d.MarshalText(); u.UnmarshalText(b) != nil || u != d {
		t.Fatalf("%q: text round trip gave %+v", s, u)
	}
}
