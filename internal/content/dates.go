package content

import (
	"errors"
	"slices"
	"strings"
	"time"

	"github.com/dossier-project/dossier/internal/diag"
	"github.com/dossier-project/dossier/internal/edtf"
	"github.com/dossier-project/dossier/internal/yamlfile"
)

// Dates are a page's front-matter dates parsed as EDTF (see package edtf),
// with the precision they were written with. A zero edtf.Date means the
// key was absent. Relation dates are parsed into Relation.SinceDate and
// UntilDate.
type Dates struct {
	// Date is when a brief or commentary was written, or when an event
	// happened. Events must have one.
	Date edtf.Date
	// Reported is when an event was first reported.
	Reported edtf.Date
	// Published and Accessed are a source's dates.
	Published edtf.Date
	Accessed  edtf.Date
	// Updated is when the page last changed, an exact day.
	Updated edtf.Date
}

// parseDates parses every EDTF date of p's front matter into p.Dates and
// the relations' SinceDate and UntilDate. A bad date is an error at the
// character where it goes wrong; an event without a date is an error at
// its date: key, or at the top of the file.
func (p *Page) parseDates(keys []yamlfile.Key) diag.List {
	var diags diag.List
	parse := func(key string, s Scalar) edtf.Date {
		if strings.TrimSpace(s.Value) == "" {
			return edtf.Date{}
		}
		d, err := edtf.Parse(s.Value)
		if err != nil {
			diags.Add(p.dateError(key, s, err))
		}
		return d
	}
	m := &p.Meta
	p.Dates = Dates{
		Date:      parse("date", m.Date),
		Reported:  parse("reported", m.Reported),
		Published: parse("published", m.Published),
		Accessed:  parse("accessed", m.Accessed),
		Updated:   parse("updated", m.Updated),
	}
	if d := p.Dates.Updated; !d.IsZero() && !isExactDay(d) {
		e := diag.Errorf(p.Pos(m.Updated), "updated %q must be one exact day", m.Updated.Value)
		e.Suggestion = updatedHint
		diags.Add(e)
		p.Dates.Updated = edtf.Date{}
	}
	for i := range m.Relations {
		r := &m.Relations[i]
		r.SinceDate = parse("since", r.Since)
		r.UntilDate = parse("until", r.Until)
	}
	if p.Kind == Event && strings.TrimSpace(m.Date.Value) == "" {
		d := diag.Errorf(keyPos(p, keys, "date"), "missing date: every event needs a date")
		d.Suggestion = "add date: in EDTF, e.g. 2025-10 (a month) or 2025-10-09 (a day)"
		diags.Add(d)
	}
	return diags
}

// isExactDay reports whether d is a single day, known in full and
// without qualifiers.
func isExactDay(d edtf.Date) bool {
	s := d.Start()
	return !d.IsInterval() && d.Precision() == edtf.Day && !s.Unspecified() && !s.Approximate() && !s.Uncertain()
}

// dateError reports err, an EDTF syntax error in the value of key, at the
// offending character.
func (p *Page) dateError(key string, s Scalar, err error) diag.Diagnostic {
	var se *edtf.SyntaxError
	if !errors.As(err, &se) {
		return diag.Errorf(p.Pos(s), "%s %q: %v", key, s.Value, err)
	}
	pos := diag.Pos{File: p.File, Line: int(s.Line), Col: s.ColAt(se.Offset)}
	d := diag.Errorf(pos, "%s %q is not an EDTF date: %s", key, s.Value, se.Msg)
	d.Suggestion = dateHint(key, s.Value)
	return d
}

// updatedHint is what updated: takes: the one day the page changed.
const updatedHint = "write the day the page changed, e.g. updated: 2025-10-14"

// dateHint suggests the EDTF form of a date written in words ("October
// 2025" -> 2025-10), or lists the accepted forms; for updated:, which
// takes one exact day, only a day.
func dateHint(key, s string) string {
	edtf, ok := wordDate(s)
	switch {
	case key == "updated" && (!ok || len(edtf) != len("2006-01-02")):
		return updatedHint
	case ok:
		return "write " + edtf
	}
	return "write a year (2025), a month (2025-10) or a day (2025-10-09); add ~ when approximate, ? when uncertain; an interval is 2025-09-02/2025-09-04"
}

// wordDate returns the EDTF form of a date written in words.
func wordDate(s string) (string, bool) {
	layouts := []struct{ layout, edtf string }{
		{"2 January 2006", "2006-01-02"}, {"January 2, 2006", "2006-01-02"},
		{"2 Jan 2006", "2006-01-02"}, {"Jan 2, 2006", "2006-01-02"},
		{"January 2006", "2006-01"}, {"Jan 2006", "2006-01"},
	}
	for _, l := range layouts {
		if t, err := time.Parse(l.layout, strings.TrimSpace(s)); err == nil {
			return t.Format(l.edtf), true
		}
	}
	return "", false
}

// keyPos is the position of the top-level key name, or the top of the
// file when the key is absent.
func keyPos(p *Page, keys []yamlfile.Key, name string) diag.Pos {
	if i := slices.IndexFunc(keys, func(k yamlfile.Key) bool { return k.Name == name }); i >= 0 {
		return diag.Pos{File: p.File, Line: keys[i].Line, Col: keys[i].Col}
	}
	return p.TopPos()
}
