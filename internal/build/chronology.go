package build

// The chronology (/chronology/) lists every event and dated brief under
// headings by year and month, in edtf.Compare order, then by title. Dates
// keep their precision: an item known only to its month heads that month,
// marked "day not known"; one known only to its year heads the year;
// decades and centuries (201X, 20XX) are listed apart at the end. Each
// item carries data-actors, the slugs of the actors it names, which
// static/chronology.js uses to filter by actor; without JavaScript the
// filter is a list of links to the actors' own chronologies, the section
// #chronology of each actor page (the same items, naming that actor).
//
// chronology.json at the site root holds the same items for TimelineJS3
// (https://timeline.knightlab.com/docs/json-format.html): each slide's
// start_date and end_date carry only the date parts that are known, as
// strings of digits, never an invented month or day; display_date shows
// the date as the pages do ("c. October 2025").

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"html"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/dossier-project/dossier/internal/content"
	"github.com/dossier-project/dossier/internal/diag"
	"github.com/dossier-project/dossier/internal/edtf"
	"github.com/dossier-project/dossier/internal/xref"
)

// chronoItem is one dated page in a chronology.
type chronoItem struct {
	Node *xref.Node
	Date edtf.Date
	// Note says what the date leaves out: "day not known" for an item
	// known only to its month, "month not known" for one known only to
	// its year, "year not known" for a decade or century.
	Note string
	// Actors is the space-separated slugs of the actors the page names.
	Actors string
}

type chronoMonth struct {
	Title, ID string
	Items     []chronoItem
}

type chronoYear struct {
	Year int
	ID   string
	// Items are known only to the year; they head it.
	Items  []chronoItem
	Months []chronoMonth
}

// chronoView is the chronology page's data.
type chronoView struct {
	Years []chronoYear
	// Other holds decades and centuries, which have no year to file under.
	Other []chronoItem
	// Actors are the actors the items name, by title, for the filter.
	Actors []*xref.Node
}

// chronologyJobs makes the chronology page.
func (r *renderer) chronologyJobs() []job {
	v := &pageView{Title: "Chronology", Path: "chronology/", Section: "chronology"}
	return []job{{template: "chronology", out: "chronology/index.html", view: v}}
}

// dated reports whether n belongs in a chronology: an event, or a brief
// with a date.
func dated(n *xref.Node) bool {
	return !n.Page.Dates.Date.IsZero() && (n.Kind() == content.Event || n.Kind() == content.Brief)
}

// chronoItems returns the dated nodes among nodes as items, in
// chronological order, then by title and slug.
func chronoItems(nodes []*xref.Node) []chronoItem {
	var items []chronoItem
	for _, n := range nodes {
		if !dated(n) {
			continue
		}
		it := chronoItem{Node: n, Date: n.Page.Dates.Date}
		switch _, _, ok := it.Date.YearMonth(); {
		case !ok:
			it.Note = "year not known"
		case it.Date.Precision() == edtf.Month:
			it.Note = "day not known"
		case it.Date.Precision() == edtf.Year:
			it.Note = "month not known"
		}
		slugs := make([]string, len(n.Actors))
		for i, a := range n.Actors {
			slugs[i] = a.Page.Slug
		}
		it.Actors = strings.Join(slugs, " ")
		items = append(items, it)
	}
	slices.SortFunc(items, func(a, b chronoItem) int {
		return cmp.Or(edtf.Compare(a.Date, b.Date), strings.Compare(a.Node.Title(), b.Node.Title()),
			strings.Compare(string(a.Node.Kind()), string(b.Node.Kind())), strings.Compare(a.Node.Page.Slug, b.Node.Page.Slug))
	})
	return items
}

// chronology groups every dated page by year and month; nil when there is
// none.
func (r *renderer) chronology() *chronoView {
	items := chronoItems(r.graph.Nodes)
	if len(items) == 0 {
		return nil
	}
	v := &chronoView{}
	for _, it := range items {
		y, m, ok := it.Date.YearMonth()
		if !ok {
			v.Other = append(v.Other, it)
			continue
		}
		v.add(y, m, it)
		for _, a := range it.Node.Actors {
			if !slices.Contains(v.Actors, a) {
				v.Actors = append(v.Actors, a)
			}
		}
	}
	slices.SortFunc(v.Actors, func(a, b *xref.Node) int {
		return cmp.Or(strings.Compare(a.Title(), b.Title()), strings.Compare(a.Page.Slug, b.Page.Slug))
	})
	return v
}

// add files an item under year y and month m (0: the year itself). Items
// arrive in order, so the last year and month are the ones to extend.
func (v *chronoView) add(y, m int, it chronoItem) {
	if len(v.Years) == 0 || v.Years[len(v.Years)-1].Year != y {
		v.Years = append(v.Years, chronoYear{Year: y, ID: fmt.Sprintf("y%04d", y)})
	}
	year := &v.Years[len(v.Years)-1]
	if m == 0 {
		year.Items = append(year.Items, it)
		return
	}
	id := fmt.Sprintf("m%04d-%02d", y, m)
	if len(year.Months) == 0 || year.Months[len(year.Months)-1].ID != id {
		title := fmt.Sprintf("%s %d", time.Month(m), y)
		year.Months = append(year.Months, chronoMonth{Title: title, ID: id})
	}
	month := &year.Months[len(year.Months)-1]
	month.Items = append(month.Items, it)
}

// actorChronology lists the events and dated briefs that name actor a in
// their front matter, in chronology order.
func actorChronology(a *xref.Node) []chronoItem {
	return chronoItems(a.NamedIn)
}

// dateTime is the machine-readable form of a plain date for a <time>
// element ("2025", "2025-10", "2025-10-09"), or "" for an interval or a
// date with qualifiers or X digits, which HTML cannot express.
func dateTime(d edtf.Date) string {
	s := d.Start()
	if d.IsZero() || d.IsInterval() || s.Approximate() || s.Uncertain() || s.Unspecified() {
		return ""
	}
	return d.String()
}

// displayDate shows an EDTF date as words; text that is not a date (it
// was reported when the page was read) is shown as written.
func displayDate(s string) string {
	d, err := edtf.Parse(s)
	if err != nil {
		return s
	}
	return d.Display()
}

// timeline is a TimelineJS3 document.
type timeline struct {
	Title  *timelineSlide  `json:"title,omitempty"`
	Events []timelineSlide `json:"events"`
}

type timelineSlide struct {
	StartDate   *timelineDate `json:"start_date,omitempty"`
	EndDate     *timelineDate `json:"end_date,omitempty"`
	DisplayDate string        `json:"display_date,omitempty"`
	Text        timelineText  `json:"text"`
	Group       string        `json:"group,omitempty"`
	UniqueID    string        `json:"unique_id,omitempty"`
}

// timelineDate holds the known parts of a date; TimelineJS3 requires the
// year.
type timelineDate struct {
	Year  string `json:"year"`
	Month string `json:"month,omitempty"`
	Day   string `json:"day,omitempty"`
}

type timelineText struct {
	Headline string `json:"headline"`
	Text     string `json:"text,omitempty"`
}

// chronologyJSON renders chronology.json.
func (r *renderer) chronologyJSON() ([]byte, error) {
	tl := timeline{
		Title:  &timelineSlide{Text: timelineText{Headline: html.EscapeString(r.cfg.Title), Text: html.EscapeString(r.cfg.Description)}},
		Events: []timelineSlide{},
	}
	items := chronoItems(r.graph.Nodes)
	ids := map[string]int{}
	for _, it := range items {
		ids[it.Node.Page.Slug]++
	}
	for _, it := range items {
		s := r.timelineSlide(it)
		if ids[s.UniqueID] > 1 {
			s.UniqueID = string(it.Node.Kind()) + "-" + s.UniqueID
		}
		tl.Events = append(tl.Events, s)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	err := enc.Encode(tl)
	return buf.Bytes(), err
}

// timelineSlide makes the slide of one item.
func (r *renderer) timelineSlide(it chronoItem) timelineSlide {
	n, d := it.Node, it.Date
	s := timelineSlide{DisplayDate: d.Display(), UniqueID: n.Page.Slug, Group: n.Kind().Plural()}
	s.StartDate = timelineParts(d.TimelineStart())
	if y, m, day, ok := d.TimelineEnd(); ok {
		s.EndDate = timelineParts(y, m, day)
	}
	if len(n.Actors) > 0 {
		s.Group = n.Actors[0].Title()
	}
	s.Text.Headline = html.EscapeString(n.Title())
	var text strings.Builder
	if sum := n.Page.Meta.Summary; sum != "" {
		fmt.Fprintf(&text, "<p>%s</p>", html.EscapeString(sum))
	}
	if dt := n.Page.Meta.DateText; dt != "" {
		fmt.Fprintf(&text, "<p>Date in the source’s words: “%s”</p>", html.EscapeString(dt))
	}
	fmt.Fprintf(&text, `<p><a href="%s">Read the %s</a></p>`, html.EscapeString(r.base.Path(n.URL)), n.Kind())
	s.Text.Text = text.String()
	return s
}

// timelineParts keeps the known parts of a date: month and day are 0 when
// not known and are then left out.
func timelineParts(year, month, day int) *timelineDate {
	d := &timelineDate{Year: strconv.Itoa(year)}
	if month > 0 {
		d.Month = strconv.Itoa(month)
		if day > 0 {
			d.Day = strconv.Itoa(day)
		}
	}
	return d
}

// chronologyFile adds chronology.json to the site.
func (r *renderer) chronologyFile() diag.List {
	data, err := r.chronologyJSON()
	if err != nil {
		return diag.List{diag.Errorf(diag.Pos{File: "chronology.json"}, "writing the chronology: %v", err)}
	}
	r.put("chronology.json", data)
	return nil
}
