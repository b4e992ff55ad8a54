package build

import (
	"cmp"
	"crypto/sha1"
	"encoding/xml"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/dossier-project/dossier/internal/content"
	"github.com/dossier-project/dossier/internal/urls"
	"github.com/dossier-project/dossier/internal/xref"
)

// The Atom feed (RFC 4287) lists the briefs and commentary, newest first.
//
// Ids are the pages' absolute URLs, and the feed's id is the home page's,
// so they stay put from build to build. Without an origin in base_url there
// is no absolute URL, and ids are name-based UUIDs (urn:uuid, version 5)
// of the dossier's title and the page's path; links are then root-relative,
// which readers resolve against the feed's own address.
//
// Atom requires an updated instant on the feed and every entry, and the
// build never reads the clock. An entry's updated is when its page last
// changed (see modified.go): its updated: key, its file's last commit,
// SOURCE_DATE_EPOCH or its own exact day. The feed's updated is the
// latest of its entries', or the dossier's newest commit; an entry with
// no date of its own gets the feed's.

// atomNS is the Atom namespace.
const atomNS = "http://www.w3.org/2005/Atom"

type atomFeed struct {
	XMLName   xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Lang      string      `xml:"http://www.w3.org/XML/1998/namespace lang,attr,omitempty"`
	ID        string      `xml:"id"`
	Title     string      `xml:"title"`
	Subtitle  string      `xml:"subtitle,omitempty"`
	Updated   string      `xml:"updated"`
	Links     []atomLink  `xml:"link"`
	Author    atomPerson  `xml:"author"`
	Generator string      `xml:"generator"`
	Entries   []atomEntry `xml:"entry"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomPerson struct {
	Name string `xml:"name"`
}

type atomCategory struct {
	Term string `xml:"term,attr"`
}

type atomEntry struct {
	ID         string         `xml:"id"`
	Title      string         `xml:"title"`
	Updated    string         `xml:"updated"`
	Links      []atomLink     `xml:"link"`
	Author     *atomPerson    `xml:"author,omitempty"`
	Summary    string         `xml:"summary"`
	Categories []atomCategory `xml:"category"`
}

// feedOf makes the feed of the briefs and commentary.
func feedOf(s *site) atomFeed {
	nodes := append(s.graph.ByKind(content.Brief), s.graph.ByKind(content.Commentary)...)
	entries := make([]atomEntry, 0, len(nodes))
	updated, _ := s.dates.fallback()
	var undated []int
	for _, n := range nodes {
		day, ok := s.dates.of(n.Page)
		if !ok {
			undated = append(undated, len(entries))
		} else if day.After(updated) {
			updated = day
		}
		entries = append(entries, feedEntry(s, n, day))
	}
	if updated.IsZero() {
		updated = contentReach(s)
	}
	for _, i := range undated {
		entries[i].Updated = atomTime(updated)
	}
	slices.SortFunc(entries, func(a, b atomEntry) int {
		return cmp.Or(strings.Compare(b.Updated, a.Updated), strings.Compare(a.Links[0].Href, b.Links[0].Href))
	})
	author := cmp.Or(s.cfg.Author, s.cfg.Title)
	return atomFeed{
		Lang: s.cfg.Language, ID: feedID(s, ""), Title: content.Isolate(s.cfg.Title), Subtitle: content.Isolate(s.cfg.Description),
		Updated: atomTime(updated), Author: atomPerson{Name: author}, Generator: "dossier",
		Links: []atomLink{
			{Rel: "self", Type: "application/atom+xml", Href: absURL(s, "feed.xml")},
			{Rel: "alternate", Type: "text/html", Href: absURL(s, "")},
		},
		Entries: entries,
	}
}

func marshalFeed(v any) ([]byte, error) { return marshalXML(v) }

// feedEntry makes the entry of one brief or commentary.
func feedEntry(s *site, n *xref.Node, updated time.Time) atomEntry {
	m := n.Page.Meta
	e := atomEntry{
		ID: feedID(s, n.URL), Title: content.Isolate(n.Title()), Updated: atomTime(updated),
		Links:   []atomLink{{Rel: "alternate", Type: "text/html", Href: absURL(s, n.URL)}},
		Summary: content.Isolate(cmp.Or(m.Summary, m.BLUF, n.Title())),
	}
	if m.Analyst != "" {
		e.Author = &atomPerson{Name: content.Isolate(m.Analyst)}
	}
	for _, t := range m.Tags {
		if t = strings.TrimSpace(t); t != "" {
			e.Categories = append(e.Categories, atomCategory{Term: t})
		}
	}
	return e
}

// feedID is the Atom id of a site path: its absolute URL, or a name-based
// UUID when base_url has no origin.
func feedID(s *site, p string) string {
	if s.base.HasOrigin() {
		return absURL(s, p)
	}
	return nameUUID(s.cfg.Title + "\x00" + p)
}

// absURL is the absolute URL of a site path with its path percent-encoded.
func absURL(s *site, p string) string { return urls.Escape(s.base.Abs(p)) }

// nameUUID returns the version 5 UUID of name in the URL namespace
// (RFC 9562), as a urn:uuid URI.
func nameUUID(name string) string {
	ns := []byte{0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8}
	sum := sha1.Sum(append(ns, name...))
	u := sum[:16]
	u[6] = u[6]&0x0f | 0x50
	u[8] = u[8]&0x3f | 0x80
	return fmt.Sprintf("urn:uuid:%x-%x-%x-%x-%x", u[0:4], u[4:6], u[6:8], u[8:10], u[10:16])
}

// atomTime formats an instant as RFC 3339 in UTC.
func atomTime(t time.Time) string { return t.UTC().Format(time.RFC3339) }

// contentReach is the last day the dossier's own dates reach: the latest
// possible day of its newest dated page; the time of the build when no
// page has a date (see modified.go; the build warns).
func contentReach(s *site) time.Time {
	var last time.Time
	for _, n := range s.graph.All() {
		if d := n.Page.Dates.Date; !d.IsZero() {
			if l := d.Latest(); l.After(last) && l.Year() < 10000 {
				last = l
			}
		}
	}
	if last.IsZero() {
		return time.Now().UTC().Truncate(time.Second)
	}
	return last
}
