package edtf

import (
	"math/rand/v2"
	"slices"
	"testing"
)

func TestCompareSort(t *testing.T) {
	want := []string{
		"20XX",
		"200X",
		"2000",
		"201X",
		"2024",
		"2024-12/2025-01",
		"2025/..",
		"2025",
		"2025-XX",
		"2025-XX-XX",
		"2025?",
		"2025-21",
		"2025-22",
		"2025-23",
		"2025-24",
		"2025-01",
		"2025-01-01",
		"2025-09",
		"2025-09-02/2025-09-04",
		"2025-09-02",
		"2025-09-30/2025-10-02",
		"2025-10/",
		"2025-10/..",
		"2025-10/2025-11",
		"../2025-10",
		"/2025-10",
		"2025-10",
		"2025-10%",
		"2025-10-XX",
		"2025-10?",
		"2025-10~",
		"2025-10-01",
		"2025-10-09/2025-10-11",
		"2025-10-09",
		"2025-10-09~",
		"../2025-10-10",
		"2025-10-31",
		"2025-11",
		"2026",
		"",
	}
	checkSorted(t, want)
}

// checkSorted checks that sorting the dates of want, shuffled, by Compare
// gives want, and that Compare is antisymmetric and 0 only on equal
// dates. An empty string stands for the zero Date.
func checkSorted(t *testing.T, want []string) {
	t.Helper()
	dates := make([]Date, len(want))
	for i, s := range want {
		if s != "" {
			dates[i] = mustParse(t, s)
		}
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 20 {
		shuffled := slices.Clone(dates)
		r.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		slices.SortFunc(shuffled, Compare)
		got := make([]string, len(shuffled))
		for i, d := range shuffled {
			got[i] = d.String()
		}
		if !slices.Equal(got, want) {
			t.Fatalf("sorted:\n got %q\nwant %q", got, want)
		}
	}
	for i, a := range dates {
		for j, b := range dates {
			if got, want := Compare(a, b), -Compare(b, a); got != want {
				t.Errorf("Compare(%v, %v) = %d, but Compare(%[2]v, %[1]v) = %[4]d", a, b, got, -want)
			}
			if (Compare(a, b) == 0) != (i == j) {
				t.Errorf("Compare(%v, %v) = %d", a, b, Compare(a, b))
			}
		}
	}
}

// TestSortedGroups checks that sorting keeps each YearMonth together.
func TestSortedGroups(t *testing.T) {
	in := []string{"2025-10-31", "../2025-10", "2025-09-30/2025-10-02", "2025", "2025-24", "2025-21",
		"2025-10", "2025-09", "2025-XX", "/2025-09-15", "2025-10-XX", "2025-09-30/..", "2025-01"}
	var dates []Date
	for _, s := range in {
		dates = append(dates, mustParse(t, s))
	}
	slices.SortFunc(dates, Compare)
	seen := map[[2]int]bool{}
	var prev [2]int
	for i, d := range dates {
		y, m, ok := d.YearMonth()
		if !ok {
			t.Fatalf("%v: YearMonth not ok", d)
		}
		key := [2]int{y, m}
		if i > 0 && key != prev && seen[key] {
			t.Errorf("group %v split: %v", key, dates)
		}
		seen[key], prev = true, key
	}
}

func TestCompareYears(t *testing.T) {
	want := []string{
		"Y-170000002",
		"Y-10000",
		"-20XX",
		"-2099",
		"-201X",
		"-2019",
		"-2010",
		"-1985",
		"-1985-12-31",
		"-000X",
		"-0009",
		"-0001",
		"000X",
		"0000",
		"0001",
		"1985",
		"9999",
		"Y10000",
		"Y170000002",
	}
	checkSorted(t, want)
}

func TestCompareTimes(t *testing.T) {
	want := []string{
		"1985-04-11T23:59:59",
		"1985-04-12/1985-04-13",
		"1985-04-12",
		"1985-04-12%",
		"1985-04-12~",
		"1985-04-12T00:00:00+14:00", // 11 April, 10:00 UTC
		"1985-04-12T00:00:00",       // local time, as if UTC
		"1985-04-12T00:00:00+00",
		"1985-04-12T00:00:00+00:00",
		"1985-04-12T00:00:00Z",
		"1985-04-12T02:00:00+01:00", // 01:00 UTC
		"1985-04-12T02:00:00",
		"1985-04-12T23:20:30-04", // 13 April, 03:20:30 UTC, but written on the 12th
		"1985-04-13",
		"1985-04-13T00:00:00-12:00",
	}
	checkSorted(t, want)
}

func TestYearMonth(t *testing.T) {
	tests := []struct {
		in          string
		year, month int
		ok          bool
	}{
		{"2025", 2025, 0, true},
		{"2025-10", 2025, 10, true},
		{"2025-10-09~", 2025, 10, true},
		{"2025-XX", 2025, 0, true},
		{"2025-10-XX", 2025, 10, true},
		{"2025-09-30/2025-10-02", 2025, 9, true},
		{"../2025-10", 2025, 10, true},
		{"/2025-11-02", 2025, 11, true},
		{"2025-10/..", 2025, 10, true},
		{"201X", 0, 0, false},
		{"20XX", 0, 0, false},
		{"-1985", -1985, 0, true},
		{"-0044-03-15", -44, 3, true},
		{"Y-170000002", -170000002, 0, true},
		{"-201X", 0, 0, false},
		{"2001-21", 2001, 0, true},
		{"1985-04-12T23:20:30-04", 1985, 4, true},
		{"-0044-24", -44, 0, true},
	}
	for _, tt := range tests {
		y, m, ok := mustParse(t, tt.in).YearMonth()
		if y != tt.year || m != tt.month || ok != tt.ok {
			t.Errorf("%s: YearMonth = %d, %d, %v; want %d, %d, %v", tt.in, y, m, ok, tt.year, tt.month, tt.ok)
		}
	}
	if _, _, ok := (Date{}).YearMonth(); ok {
		t.Errorf("zero Date: YearMonth ok")
	}
}

func TestTimeline(t *testing.T) {
	tests := []struct {
		in    string
		start [3]int
		end   [3]int
		endOK bool
	}{
		{"2025", [3]int{2025, 0, 0}, [3]int{}, false},
		{"2025-10", [3]int{2025, 10, 0}, [3]int{}, false},
		{"2025-10-09?", [3]int{2025, 10, 9}, [3]int{}, false},
		{"2025-10-XX", [3]int{2025, 10, 0}, [3]int{}, false},
		{"2025-XX-XX", [3]int{2025, 0, 0}, [3]int{}, false},
		{"201X", [3]int{2010, 0, 0}, [3]int{}, false},
		{"-201X", [3]int{-2019, 0, 0}, [3]int{}, false},
		{"2001-22", [3]int{2001, 0, 0}, [3]int{}, false},
		{"1985-04-12T23:20:30-04", [3]int{1985, 4, 12}, [3]int{}, false},
		{"-0044-03-15", [3]int{-44, 3, 15}, [3]int{}, false},
		{"Y170000002", [3]int{170000002, 0, 0}, [3]int{}, false},
		{"-0100/-0050", [3]int{-100, 0, 0}, [3]int{-50, 0, 0}, true},
		{"2025-09-02/2025-09-04", [3]int{2025, 9, 2}, [3]int{2025, 9, 4}, true},
		{"2025-09/2025-10", [3]int{2025, 9, 0}, [3]int{2025, 10, 0}, true},
		{"../2025-10", [3]int{2025, 10, 0}, [3]int{}, false},
		{"/2025-10-03", [3]int{2025, 10, 3}, [3]int{}, false},
		{"2025-10/..", [3]int{2025, 10, 0}, [3]int{}, false},
		{"2025-10/", [3]int{2025, 10, 0}, [3]int{}, false},
	}
	for _, tt := range tests {
		d := mustParse(t, tt.in)
		y, m, day := d.TimelineStart()
		if got := [3]int{y, m, day}; got != tt.start {
			t.Errorf("%s: TimelineStart = %v, want %v", tt.in, got, tt.start)
		}
		y, m, day, ok := d.TimelineEnd()
		if got := [3]int{y, m, day}; got != tt.end || ok != tt.endOK {
			t.Errorf("%s: TimelineEnd = %v, %v; want %v, %v", tt.in, got, ok, tt.end, tt.endOK)
		}
	}
}

// FuzzCompare checks that Compare is a total order on the dates Parse
// accepts: antisymmetric, transitive, and 0 only on equal dates.
func FuzzCompare(f *testing.F) {
	seeds := []string{"2025", "2025-21", "2025-XX", "2025?", "-1985", "Y-170000002", "0000",
		"1985-04-12", "1985-04-12T23:20:30-04", "1985-04-12T23:20:30", "1985-04-12/..", "../1985-04-12"}
	for _, tt := range specValid {
		seeds = append(seeds, tt.in)
	}
	for i, s := range seeds {
		f.Add(s, seeds[(i+1)%len(seeds)], seeds[(i+5)%len(seeds)])
	}
	f.Fuzz(func(t *testing.T, sa, sb, sc string) {
		a, errA := Parse(sa)
		b, errB := Parse(sb)
		c, errC := Parse(sc)
		if errA != nil || errB != nil || errC != nil {
			return
		}
		ab, bc, ac := Compare(a, b), Compare(b, c), Compare(a, c)
		switch {
		case ab != -Compare(b, a):
			t.Fatalf("Compare(%v, %v) = %d, reversed %d", a, b, ab, Compare(b, a))
		case (ab == 0) != (a == b):
			t.Fatalf("Compare(%v, %v) = %d", a, b, ab)
		case ab <= 0 && bc <= 0 && ac > 0:
			t.Fatalf("%v <= %v <= %v, but Compare(a, c) = %d", a, b, c, ac)
		}
	})
}
