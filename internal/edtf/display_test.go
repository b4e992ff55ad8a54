package edtf

import "testing"

func TestDisplay(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2025", "2025"},
		{"2025-09", "September 2025"},
		{"2025-10-09", "9 October 2025"},
		{"0850-01-01", "1 January 850"},
		{"2025-10~", "c. October 2025"},
		{"2025-10?", "October 2025 (uncertain)"},
		{"2025-10%", "c. October 2025 (uncertain)"},
		{"2025-10-09~", "c. 9 October 2025"},
		{"2025?", "2025 (uncertain)"},
		{"2025-10-XX", "October 2025 (day unknown)"},
		{"2025-10-XX%", "c. October 2025 (day unknown, uncertain)"},
		{"2025-XX", "2025 (month unknown)"},
		{"2025-XX-XX", "2025 (month and day unknown)"},
		{"202X", "2020s"},
		{"201X~", "c. 2010s"},
		{"20XX", "2000–2099"},
		{"19XX?", "1900–1999 (uncertain)"},

		{"2001-21", "spring 2001"},
		{"2001-22", "summer 2001"},
		{"2001-23", "autumn 2001"},
		{"2001-24", "winter 2001"},
		{"-0044-21", "spring 45 BCE"},

		{"1985-04-12T23:20:30", "12 April 1985, 23:20:30 (local time)"},
		{"1985-04-12T23:20:00Z", "12 April 1985, 23:20:00 UTC"},
		{"1985-04-12T23:20:30+00", "12 April 1985, 23:20:30 UTC+00"},
		{"1985-04-12T23:20:30-04", "12 April 1985, 23:20:30 UTC−04"},
		{"1985-04-12T23:20:30+04:30", "12 April 1985, 23:20:30 UTC+04:30"},
		{"1985-04-12T23:20:30-00:30", "12 April 1985, 23:20:30 UTC−00:30"},
		{"-0044-03-15T11:00:00", "15 March 45 BCE, 11:00:00 (local time)"},

		// Years are astronomical: 0 is 1 BCE, -1985 is 1986 BCE.
		{"0000", "1 BCE"},
		{"0001", "1"},
		{"-0001", "2 BCE"},
		{"-1985", "1986 BCE"},
		{"-1985~", "c. 1986 BCE"},
		{"-0044-03", "March 45 BCE"},
		{"-0044-03-15?", "15 March 45 BCE (uncertain)"},
		{"-0044-XX", "45 BCE (month unknown)"},
		{"-201X", "2020–2011 BCE"},
		{"-20XX", "2100–2001 BCE"},
		{"-000X", "10–1 BCE"},
		{"000X", "1 BCE – 9 CE"},
		{"00XX", "1 BCE – 99 CE"},
		{"001X", "10s"},
		{"Y10000", "10,000"},
		{"Y170000002", "170,000,002"},
		{"Y-170000002", "170,000,003 BCE"},
		{"-9999", "10,000 BCE"},
		{"-0044-03-13/-0044-03-15", "13–15 March 45 BCE"},
		{"-0044-02/-0044-03", "February – March 45 BCE"},
		{"-0100/-0050", "101 BCE – 51 BCE"},
		{"-0001/0001", "2 BCE – 1 CE"},
		{"-0001-12-31/0001-01-01", "31 December 2 BCE – 1 January 1 CE"},
		{"-0001~/0001?", "c. 2 BCE – 1 CE (uncertain)"},
		{"0000/0001", "1 BCE – 1 CE"},
		{"../-0044", "before 45 BCE"},
		{"/-0044-03-15", "until 15 March 45 BCE (start unknown)"},

		{"2025-10-09/2025-10-11", "9–11 October 2025"},
		{"2025-09-02/2025-09-04", "2–4 September 2025"},
		{"2025-09-30/2025-10-02", "30 September – 2 October 2025"},
		{"2024-12-30/2025-01-02", "30 December 2024 – 2 January 2025"},
		{"2025-09/2025-10", "September – October 2025"},
		{"2024-12/2025-01", "December 2024 – January 2025"},
		{"2024/2025", "2024 – 2025"},
		{"2025-10-09/2025-10-09", "9 October 2025"},
		{"2025-10/2025-10", "October 2025"},
		{"2025/2025", "2025"},
		{"2025-09/2025-10-02", "September 2025 – 2 October 2025"},
		{"2025-09-30/2025-10", "30 September 2025 – October 2025"},
		{"2025-10-09~/2025-10-11", "c. 9 October 2025 – 11 October 2025"},
		{"2025-10-09/2025-10-11?", "9 October 2025 – 11 October 2025 (uncertain)"},

		{"../2025-10", "before October 2025"},
		{"2025-10/..", "after October 2025"},
		{"../2025-10-09~", "before c. 9 October 2025"},
		{"2025?/..", "after 2025 (uncertain)"},
		{"/2025-10", "until October 2025 (start unknown)"},
		{"2025-10/", "from October 2025 (end unknown)"},
		{"/2025-10?", "until October 2025 (uncertain, start unknown)"},
	}
	for _, tt := range tests {
		if got := mustParse(t, tt.in).Display(); got != tt.want {
			t.Errorf("Display(%s) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if got := (Date{}).Display(); got != "" {
		t.Errorf("zero Date Display = %q, want empty", got)
	}
}

func TestPointDisplay(t *testing.T) {
	d := mustParse(t, "../2025-10-09")
	e, _ := d.End()
	if got := d.Start().Display(); got != ".." {
		t.Errorf("open start Display = %q", got)
	}
	if got := e.Display(); got != "9 October 2025" {
		t.Errorf("end Display = %q", got)
	}
	d = mustParse(t, "2025/")
	e, _ = d.End()
	if got := e.Display(); got != "" {
		t.Errorf("unknown end Display = %q", got)
	}
}

func TestYearName(t *testing.T) {
	for y, want := range map[int]string{
		2025: "2025", 850: "850", 1: "1", 0: "1 BCE", -1: "2 BCE", -1985: "1986 BCE",
		9999: "9999", 10000: "10,000", 170000002: "170,000,002", -170000002: "170,000,003 BCE",
	} {
		if got := YearName(y); got != want {
			t.Errorf("YearName(%d) = %q, want %q", y, got, want)
		}
	}
}
