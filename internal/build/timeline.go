package build

// chronology.json at the site root holds the chronology for TimelineJS3
// (https://timeline.knightlab.com/docs/json-format.html): each slide's
// start_date and end_date carry only the date parts that are known, as
// strings of digits, never an invented month or day; display_date shows
// the date as the pages do ("c. October 2025").

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html"
	"strconv"
	"strings"

	"github.com/dossier-project/dossier/internal/content"
	"github.com/dossier-project/dossier/internal/view"
	"github.com/dossier-project/dossier/internal/xref"
)

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

// timelineOf makes the chronology's TimelineJS3 document.
func timelineOf(s *site) timeline {
	tl := timeline{
		Title:  &timelineSlide{Text: timelineText{Headline: html.EscapeString(content.Isolate(s.cfg.Title)), Text: html.EscapeString(content.Isolate(s.cfg.Description))}},
		Events: []timelineSlide{},
	}
	nodes := view.Dated(s.graph.Nodes)
	ids := map[string]int{}
	for _, n := range nodes {
		ids[n.Slug()]++
	}
	for _, n := range nodes {
		sl := timelineSlideOf(s, n)
		if ids[sl.UniqueID] > 1 {
			sl.UniqueID = string(n.Kind()) + "-" + sl.UniqueID
		}
		tl.Events = append(tl.Events, sl)
	}
	return tl
}

func marshalTimeline(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	err := enc.Encode(v)
	return buf.Bytes(), err
}

// timelineSlideOf makes the slide of one dated page.
func timelineSlideOf(s *site, n *xref.Node) timelineSlide {
	d := n.Page.Dates.Date
	sl := timelineSlide{DisplayDate: d.Display(), UniqueID: n.Slug(), Group: n.Kind().Plural()}
	sl.StartDate = timelineParts(d.TimelineStart())
	if y, m, day, ok := d.TimelineEnd(); ok {
		sl.EndDate = timelineParts(y, m, day)
	}
	if len(n.Actors) > 0 {
		sl.Group = html.EscapeString(content.Isolate(n.Actors[0].Title())) // TimelineJS shows it as HTML
	}
	sl.Text.Headline = html.EscapeString(content.Isolate(n.Title()))
	var text strings.Builder
	if sum := n.Page.Meta.Summary; sum != "" {
		fmt.Fprintf(&text, "<p>%s</p>", html.EscapeString(content.Isolate(sum)))
	}
	if dt := n.Page.Meta.DateText; dt != "" {
		fmt.Fprintf(&text, "<p>Date in the source’s words: “%s”</p>", html.EscapeString(dt))
	}
	fmt.Fprintf(&text, `<p><a href="%s">Read the %s</a></p>`, html.EscapeString(s.base.Path(n.URL)), n.Kind())
	sl.Text.Text = text.String()
	return sl
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
