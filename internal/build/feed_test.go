package build

import (
	"encoding/xml"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/dossier-project/dossier/internal/content"
)

// The test's own view of an Atom document, independent of feed.go's types.
type testFeed struct {
	XMLName xml.Name    `xml:"feed"`
	Lang    string      `xml:"lang,attr"`
	ID      string      `xml:"id"`
	Title   string      `xml:"title"`
	Updated string      `xml:"updated"`
	Authors []struct{}  `xml:"author"`
	Links   []testLink  `xml:"link"`
	Entries []testEntry `xml:"entry"`
}

type testLink struct {
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr"`
	Href string `xml:"href,attr"`
}

type testEntry struct {
	ID      string     `xml:"id"`
	Title   []string   `xml:"title"`
	Updated []string   `xml:"updated"`
	Links   []testLink `xml:"link"`
	Summary string     `xml:"summary"`
}

func decodeFeed(t *testing.T, data []byte) testFeed {
	t.Helper()
	var f testFeed
	if err := xml.Unmarshal(data, &f); err != nil {
		t.Fatalf("feed.xml is not well-formed XML: %v", err)
	}
	if f.XMLName.Space != atomNS {
		t.Fatalf("root element is {%s}%s, want {%s}feed", f.XMLName.Space, f.XMLName.Local, atomNS)
	}
	return f
}

// TestFeedSample checks the sample's feed against RFC 4287's required
// elements and the site it describes.
func TestFeedSample(t *testing.T) {
	const base = "https://example.org/dossier/"
	res := buildSample(t, Options{BaseURL: base})
	f := decodeFeed(t, res.Files["feed.xml"])
	if f.ID != base || f.Title == "" || len(f.Authors) == 0 || f.Lang != "en" {
		t.Errorf("feed id %q, title %q, %d authors, lang %q: want id %s, a title, an author, lang en", f.ID, f.Title, len(f.Authors), f.Lang, base)
	}
	feedUpdated := checkTime(t, "feed updated", f.Updated)
	if self := linkOf(f.Links, "self"); self != base+"feed.xml" {
		t.Errorf("self link %q, want %sfeed.xml", self, base)
	}
	want := map[string]bool{}
	for _, n := range append(res.Graph.ByKind(content.Brief), res.Graph.ByKind(content.Commentary)...) {
		want[base+n.URL] = true
	}
	latest := time.Unix(0, 0).UTC()
	seen := map[string]bool{}
	for _, e := range f.Entries {
		if len(e.Title) != 1 || e.Title[0] == "" || len(e.Updated) != 1 || e.Summary == "" {
			t.Errorf("entry %s: want exactly one title and updated, and a summary", e.ID)
			continue
		}
		if u := checkTime(t, "entry updated", e.Updated[0]); u.After(latest) {
			latest = u
		}
		alt := linkOf(e.Links, "alternate")
		if !want[alt] || e.ID != alt || seen[e.ID] {
			t.Errorf("entry id %q, alternate %q: want a unique absolute URL of a brief or commentary", e.ID, alt)
		}
		seen[e.ID] = true
		if _, ok := res.Files[strings.TrimPrefix(alt, base)+"index.html"]; !ok {
			t.Errorf("entry link %s names no page", alt)
		}
	}
	if len(seen) != len(want) {
		t.Errorf("%d entries, want one per brief and commentary (%d)", len(seen), len(want))
	}
	if !feedUpdated.Equal(latest) {
		t.Errorf("feed updated %v, want the latest entry's %v", feedUpdated, latest)
	}
}

// TestFeedDates checks the updated rule: an exact day, else the epoch.
func TestFeedDates(t *testing.T) {
	root := writeDossier(t, smallDossier("title: T\nbase_url: https://example.org/\n"))
	res, _ := generateAt(t, root, Options{})
	f := decodeFeed(t, res.Files["feed.xml"])
	got := map[string]string{}
	for _, e := range f.Entries {
		got[e.ID] = e.Updated[0]
	}
	if got["https://example.org/briefs/alpha/"] != "2025-10-09T00:00:00Z" {
		t.Errorf("alpha (2025-10-09) updated %q", got["https://example.org/briefs/alpha/"])
	}
	if got["https://example.org/briefs/beta/"] != "1970-01-01T00:00:00Z" {
		t.Errorf("beta (2025-10~) updated %q, want the epoch", got["https://example.org/briefs/beta/"])
	}
	if f.Updated != "2025-10-09T00:00:00Z" {
		t.Errorf("feed updated %q, want 2025-10-09T00:00:00Z", f.Updated)
	}
	if len(f.Entries) < 2 || f.Entries[0].ID != "https://example.org/briefs/alpha/" {
		t.Errorf("entries are not newest first")
	}
}

// TestFeedWithoutOrigin checks the ids when base_url is "/".
func TestFeedWithoutOrigin(t *testing.T) {
	root := writeDossier(t, smallDossier("title: T\n"))
	res, _ := generateAt(t, root, Options{})
	f := decodeFeed(t, res.Files["feed.xml"])
	for _, e := range f.Entries {
		if !strings.HasPrefix(e.ID, "urn:uuid:") {
			t.Errorf("entry id %q, want a urn:uuid", e.ID)
		}
		if alt := linkOf(e.Links, "alternate"); !strings.HasPrefix(alt, "/briefs/") {
			t.Errorf("entry link %q, want root-relative", alt)
		}
	}
	// The value Python's uuid.uuid5(uuid.NAMESPACE_URL, "T\x00briefs/a/") gives.
	if got, want := nameUUID("T\x00briefs/a/"), "urn:uuid:0eadaf63-c06d-5adb-a3ab-d31cd6897e8a"; got != want {
		t.Errorf("nameUUID = %s, want %s", got, want)
	}
}

func linkOf(links []testLink, rel string) string {
	for _, l := range links {
		if l.Rel == rel || (rel == "alternate" && l.Rel == "") {
			return l.Href
		}
	}
	return ""
}

// checkTime parses an RFC 3339 instant (Atom's date construct).
func checkTime(t *testing.T, what, s string) time.Time {
	t.Helper()
	v, err := time.Parse(time.RFC3339, s)
	if err != nil {
		t.Errorf("%s %q is not an RFC 3339 date-time: %v", what, s, err)
	}
	return v
}

// absolute reports whether s is an absolute http(s) URL.
func absolute(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}
