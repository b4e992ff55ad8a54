package edtf

import (
	"fmt"
	"strconv"
	"time"
)

// YearName returns year y, in the astronomical numbering of EDTF and ISO
// 8601, in plain English as Display writes it: "2025", "850", "1 BCE"
// for 0, "1986 BCE" for -1985, "170,000,002" for 170000002. Numbers of
// five digits or more are grouped by commas.
func YearName(y int) string {
	return yearWords(y, false)
}

// yearWords writes year y; ce adds "CE" to a year of the common era, for
// the end of an interval that starts before it.
func yearWords(y int, ce bool) string {
	switch {
	case y <= 0:
		return number(1-y) + " BCE"
	case ce:
		return number(y) + " CE"
	}
	return number(y)
}

// yearRange writes the years first to last, which differ: "2000–2099",
// "2100–2001 BCE", "1 BCE – 99 CE".
func yearRange(first, last int) string {
	switch {
	case first > 0:
		return number(first) + "–" + number(last)
	case last <= 0:
		return number(1-first) + "–" + number(1-last) + " BCE"
	}
	return yearWords(first, false) + " – " + yearWords(last, true)
}

// number writes n ≥ 0 in digits, grouped by commas from five digits on:
// "2025", "12,345", "170,000,002".
func number(n int) string {
	s := strconv.Itoa(n)
	if len(s) < 5 {
		return s
	}
	b := make([]byte, 0, len(s)+len(s)/3)
	for i := range len(s) {
		if i > 0 && (len(s)-i)%3 == 0 {
			b = append(b, ',')
		}
		b = append(b, s[i])
	}
	return string(b)
}

// monthYear writes a month and its year: "October 2025", "March 45 BCE".
func monthYear(y, m int, ce bool) string {
	return fmt.Sprintf("%s %s", time.Month(m), yearWords(y, ce))
}

// seasonName names season v, 21–24: "spring", "summer", "autumn",
// "winter".
func seasonName(v int) string {
	switch v {
	case Spring:
		return "spring"
	case Summer:
		return "summer"
	case Autumn:
		return "autumn"
	case Winter:
		return "winter"
	}
	return "season " + strconv.Itoa(v)
}
