package view

import (
	"testing"

	"github.com/dossier-project/dossier/internal/edtf"
)

// TestMachineDate checks the datetime attribute of <time> for each EDTF
// form: only what HTML's datetime syntax can hold.
func TestMachineDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2025", "2025"},
		{"2025-10", "2025-10"},
		{"2025-10-09", "2025-10-09"},
		{"0001-01-01", "0001-01-01"},
		{"1985-04-12T23:20:30", "1985-04-12T23:20:30"},
		{"1985-04-12T23:20:30Z", "1985-04-12T23:20:30Z"},
		{"1985-04-12T23:20:30+00", "1985-04-12T23:20:30Z"},
		{"1985-04-12T23:20:30-04", "1985-04-12T23:20:30-04:00"},
		{"1985-04-12T23:20:30+04:30", "1985-04-12T23:20:30+04:30"},
		{"2025-10~", ""},
		{"2025-10-XX", ""},
		{"2025-09-02/2025-09-04", ""},
		{"2001-21", ""},
		{"0000", ""},
		{"-1985", ""},
		{"Y170000002", ""},
	}
	for _, tt := range tests {
		d, err := edtf.Parse(tt.in)
		if err != nil {
			t.Fatalf("Parse(%q): %v", tt.in, err)
		}
		if got := machineDate(d); got != tt.want {
			t.Errorf("machineDate(%s) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if got := machineDate(edtf.Date{}); got != "" {
		t.Errorf("machineDate(zero) = %q", got)
	}
}
