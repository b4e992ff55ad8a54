package edtf

import (
	"testing"
	"time"
)

func TestClock(t *testing.T) {
	tests := []struct {
		in      string
		h, m, s int
		timeOK  bool
		offset  int
		zoneOK  bool
		instant string // RFC 3339, "" when not ok
	}{
		{"1985-04-12T23:20:30", 23, 20, 30, true, 0, false, ""},
		{"1985-04-12T23:20:30Z", 23, 20, 30, true, 0, true, "1985-04-12T23:20:30Z"},
		{"1985-04-12T23:20:30-04", 23, 20, 30, true, -4 * 3600, true, "1985-04-12T23:20:30-04:00"},
		{"1985-04-12T23:20:30+04:30", 23, 20, 30, true, 16200, true, "1985-04-12T23:20:30+04:30"},
		{"1985-04-12T23:20:30-00:30", 23, 20, 30, true, -1800, true, "1985-04-12T23:20:30-00:30"},
		{"1985-04-12", 0, 0, 0, false, 0, false, ""},
		{"1985", 0, 0, 0, false, 0, false, ""},
	}
	for _, tt := range tests {
		p := mustParse(t, tt.in).Start()
		if h, m, s, ok := p.Time(); h != tt.h || m != tt.m || s != tt.s || ok != tt.timeOK {
			t.Errorf("%s: Time = %d, %d, %d, %v", tt.in, h, m, s, ok)
		}
		if off, ok := p.Zone(); off != tt.offset || ok != tt.zoneOK {
			t.Errorf("%s: Zone = %d, %v", tt.in, off, ok)
		}
		inst, ok := p.Instant()
		if got := ""; ok {
			got = inst.Format(time.RFC3339)
			if got != tt.instant {
				t.Errorf("%s: Instant = %s, want %s", tt.in, got, tt.instant)
			}
		} else if tt.instant != "" {
			t.Errorf("%s: Instant not ok", tt.in)
		}
	}
	if inst, _ := mustParse(t, "1985-04-12T23:20:30-04").Start().Instant(); !inst.Equal(time.Date(1985, 4, 13, 3, 20, 30, 0, time.UTC)) {
		t.Errorf("Instant = %v, want 03:20:30 UTC the next day", inst)
	}
}
