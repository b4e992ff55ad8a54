package build

import (
	"encoding/json"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/dossier-project/dossier/internal/diag"
)

// generateFiles builds a dossier given as file contents over the default
// templates. dossier.yaml and a home page are added unless given.
func generateFiles(t *testing.T, files map[string]string, opts Options) (*built, diag.List) {
	t.Helper()
	fsys := fstest.MapFS{
		"dossier.yaml":      {Data: []byte("title: T\n")},
		"content/_index.md": {Data: []byte("---\ntitle: Home\n---\n")},
	}
	for name, src := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(src)}
	}
	return generate(t, memFS(fsys), opts)
}

// chronologyDossier has dated events of every precision, a dated and an
// undated brief and a dated commentary (which a chronology leaves out).
func chronologyDossier() map[string]string {
	ev := func(title, date, extra string) string {
		return "---\ntitle: " + title + "\ndate: \"" + date + "\"\n" + extra + "---\n"
	}
	return map[string]string{
		"content/actors/kim.md":        "---\ntitle: Kim\n---\n",
		"content/actors/xi.md":         "---\ntitle: Xi\n---\n",
		"content/sources/a.md":         "---\ntitle: A source\nreliability: B\ncredibility: 2\n---\nOne.\n",
		"content/events/day.md":        ev("B day", "2025-10-09", "actors: [kim]\nsources: [a#p1]\n"),
		"content/events/month.md":      ev("Z month", "2025-10", "date_text: in October\n"),
		"content/events/approx.md":     ev("A approx", "2025-10~", ""),
		"content/events/year.md":       ev("Year only", "2025", "actors: [xi]\n"),
		"content/events/sep.md":        ev("Late September", "2025-09-30", ""),
		"content/events/interval.md":   ev("Across months", "2025-09-29/2025-10-02", "actors: [kim, xi]\n"),
		"content/events/before.md":     ev("Before October", "../2025-10", ""),
		"content/events/decade.md":     ev("Some decade", "201X", ""),
		"content/briefs/day.md":        "---\ntitle: A brief\ndate: 2025-10-09\nactors: [kim]\n---\n",
		"content/briefs/undated.md":    "---\ntitle: Undated brief\n---\n",
		"content/commentary/dated.md":  "---\ntitle: Dated commentary\ndate: 2025-10-09\n---\n",
		"content/events/earlier-yr.md": ev("Last year", "2024-12~", ""),
	}
}

// chronologyOutline reads headings and items, in page order, from a
// rendered chronology: "h2 2025", "item 3 September 2025 | Title | note".
func chronologyOutline(page string) []string {
	re := regexp.MustCompile(`(?s)<h([23]) id="[^"]*">([^<]*)</h[23]>|<span class="chrono-date">(.*?)</span>(?: <span class="badge precision">([^<]*)</span>)?.*?<p class="chrono-what"><a href="[^"]*">([^<]*)</a>`)
	tags := regexp.MustCompile(`<[^>]*>`)
	var out []string
	for _, m := range re.FindAllStringSubmatch(page, -1) {
		if m[1] != "" {
			out = append(out, "h"+m[1]+" "+m[2])
			continue
		}
		item := "item " + tags.ReplaceAllString(m[3], "") + " | " + m[5]
		if m[4] != "" {
			item += " | " + m[4]
		}
		out = append(out, item)
	}
	return out
}

func TestChronologyPage(t *testing.T) {
	res, diags := generateFiles(t, chronologyDossier(), Options{})
	if res == nil {
		t.Fatal(diags)
	}
	got := chronologyOutline(string(mainElement(res.Files["chronology/index.html"])))
	want := []string{
		"h2 2024",
		"h3 December 2024",
		"item c. December 2024 | Last year | day not known",
		"h2 2025",
		"item 2025 | Year only | month not known",
		"h3 September 2025",
		"item 29 September – 2 October 2025 | Across months",
		"item 30 September 2025 | Late September",
		"h3 October 2025",
		"item before October 2025 | Before October | day not known",
		"item October 2025 | Z month | day not known",
		"item c. October 2025 | A approx | day not known",
		"item 9 October 2025 | A brief",
		"item 9 October 2025 | B day",
		"h2 Decades and centuries",
		"item 2010s | Some decade | year not known",
	}
	if !slices.Equal(got, want) {
		t.Errorf("chronology outline:\n got: %q\nwant: %q", got, want)
	}
	page := string(res.Files["chronology/index.html"])
	for _, s := range []string{
		`<li class="chrono-item chrono-event" data-actors="kim xi">`,
		`<time datetime="2025-10-09">9 October 2025</time>`,
		`<span class="date-text">“in October”</span>`,
		`<a href="/actors/kim/#chronology" data-actor="kim">Kim</a>`,
		`<script src="/static/chronology.js" defer></script>`,
		`href="/sources/a/#p1"`,
	} {
		if !strings.Contains(page, s) {
			t.Errorf("chronology page lacks %s", s)
		}
	}
	if strings.Contains(page, "Undated brief") || strings.Contains(page, "Dated commentary") {
		t.Error("chronology lists an undated brief or a commentary")
	}
	if _, ok := res.Files["static/chronology.js"]; !ok {
		t.Error("static/chronology.js not in the site")
	}
}

func TestActorChronology(t *testing.T) {
	res, diags := generateFiles(t, chronologyDossier(), Options{})
	if res == nil {
		t.Fatal(diags)
	}
	var got []string
	for _, line := range chronologyOutline(string(mainElement(res.Files["actors/kim/index.html"]))) {
		if strings.HasPrefix(line, "item ") {
			got = append(got, line)
		}
	}
	want := []string{
		"item 29 September – 2 October 2025 | Across months",
		"item 9 October 2025 | A brief",
		"item 9 October 2025 | B day",
	}
	if !slices.Equal(got, want) {
		t.Errorf("kim's chronology:\n got: %q\nwant: %q", got, want)
	}
	if !strings.Contains(string(res.Files["actors/kim/index.html"]), `<h2 id="chronology">Chronology</h2>`) {
		t.Error("no #chronology section on the actor page")
	}
}

// TestChronologyJSON checks chronology.json against what the TimelineJS3
// loader expects: a title slide, events with a start_date whose year is
// present, date parts as strings of digits, unique ids; and that only the
// known parts of each date are given.
func TestChronologyJSON(t *testing.T) {
	res, diags := generateFiles(t, chronologyDossier(), Options{})
	if res == nil {
		t.Fatal(diags)
	}
	type date struct{ Year, Month, Day string }
	var tl struct {
		Title  *struct{ Text struct{ Headline string } }
		Events []struct {
			StartDate   *date  `json:"start_date"`
			EndDate     *date  `json:"end_date"`
			DisplayDate string `json:"display_date"`
			Text        struct{ Headline, Text string }
			Group       string
			UniqueID    string `json:"unique_id"`
		}
	}
	if err := json.Unmarshal(res.Files["chronology.json"], &tl); err != nil {
		t.Fatal(err)
	}
	if tl.Title == nil || tl.Title.Text.Headline != "T" {
		t.Errorf("title slide = %+v", tl.Title)
	}
	digits := regexp.MustCompile(`^[0-9]+$`)
	ids := map[string]bool{}
	got := map[string]string{}
	for _, e := range tl.Events {
		for _, d := range []*date{e.StartDate, e.EndDate} {
			if d == nil {
				continue
			}
			if !digits.MatchString(d.Year) || (d.Month != "" && !digits.MatchString(d.Month)) || (d.Day != "" && !digits.MatchString(d.Day)) || (d.Day != "" && d.Month == "") {
				t.Errorf("%s: date %+v is not year[/month[/day]] digits", e.UniqueID, d)
			}
		}
		if e.StartDate == nil || ids[e.UniqueID] || e.Text.Headline == "" {
			t.Errorf("event %q: missing start date, headline or unique id", e.UniqueID)
		}
		ids[e.UniqueID] = true
		s := e.StartDate.Year + "/" + e.StartDate.Month + "/" + e.StartDate.Day
		if e.EndDate != nil {
			s += " - " + e.EndDate.Year + "/" + e.EndDate.Month + "/" + e.EndDate.Day
		}
		got[e.UniqueID] = s + " " + e.DisplayDate + " [" + e.Group + "]"
	}
	want := map[string]string{
		"year":      "2025// 2025 [Xi]",
		"month":     "2025/10/ October 2025 [Events]",
		"approx":    "2025/10/ c. October 2025 [Events]",
		"before":    "2025/10/ before October 2025 [Events]",
		"interval":  "2025/9/29 - 2025/10/2 29 September – 2 October 2025 [Kim]",
		"event-day": "2025/10/9 9 October 2025 [Kim]",
		"brief-day": "2025/10/9 9 October 2025 [Kim]",
		"decade":    "2010// 2010s [Events]",
	}
	for id, w := range want {
		if got[id] != w {
			t.Errorf("%s = %q, want %q", id, got[id], w)
		}
	}
	if len(tl.Events) != 10 {
		t.Errorf("%d events, want 10", len(tl.Events))
	}
}
