package build

import (
	"encoding/xml"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
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

// TestFeedDates checks the rule of dates of change without git: an
// updated: key, else SOURCE_DATE_EPOCH, else a brief's exact day; a page
// with none takes the feed's updated, the latest of the entries'. Never
// 1970.
func TestFeedDates(t *testing.T) {
	files := smallDossier("title: T\nbase_url: https://example.org/\n")
	files["content/briefs/gamma.md"] = mdPage("Gamma, linked from [[alpha]].", `title: "Gamma"`, `date: 2025-09`, `updated: 2025-11-02`)
	files["content/briefs/alpha.md"] = mdPage("Alpha; see [[gamma]].", `title: "Alpha"`, `date: 2025-10-09`, `summary: "About alpha."`)
	root := writeDossier(t, files)
	f := feedEntries(t, root)
	want := map[string]string{
		"alpha": "2025-10-09T00:00:00Z", // its exact day
		"gamma": "2025-11-02T00:00:00Z", // updated: wins over date:
		"beta":  "2025-11-02T00:00:00Z", // 2025-10~: none of its own, the feed's
		"feed":  "2025-11-02T00:00:00Z",
	}
	for k, v := range want {
		if f[k] != v {
			t.Errorf("%s updated %q, want %q", k, f[k], v)
		}
	}
	t.Setenv("SOURCE_DATE_EPOCH", "1767225600") // 2026-01-01
	f = feedEntries(t, root)
	if f["alpha"] != "2026-01-01T00:00:00Z" || f["gamma"] != "2025-11-02T00:00:00Z" {
		t.Errorf("with SOURCE_DATE_EPOCH: alpha %q, gamma %q", f["alpha"], f["gamma"])
	}
}

// TestFeedAndSitemapDatesFromGit: in a git repository a page's date of
// change is its file's last commit (unless updated: says otherwise), for
// every kind of page in the sitemap.
func TestFeedAndSitemapDatesFromGit(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	root := writeDossier(t, smallDossier("title: T\nbase_url: https://example.org/\n"))
	git := func(date string, args ...string) {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-C", root, "-c", "user.name=T", "-c", "user.email=t@example.org"}, args...)...)
		cmd.Env = append(os.Environ(), "GIT_COMMITTER_DATE="+date, "GIT_AUTHOR_DATE="+date)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	git("2026-03-01T10:00:00Z", "init", "-q")
	git("2026-03-01T10:00:00Z", "add", ".")
	git("2026-03-01T10:00:00Z", "commit", "-q", "-m", "first")
	if err := os.WriteFile(filepath.Join(root, "content/briefs/beta.md"), []byte(mdPage("Beta, revised.", `title: "Beta"`, `date: 2025-10~`)), 0o644); err != nil {
		t.Fatal(err)
	}
	git("2026-04-15T08:30:00Z", "commit", "-q", "-am", "second")
	res, diags := generate(t, dirFS(t, root), Options{SourceDir: root})
	if res == nil {
		t.Fatal(diags)
	}
	f := decodeFeed(t, res.Files["feed.xml"])
	got := map[string]string{}
	for _, e := range f.Entries {
		got[e.ID] = e.Updated[0]
	}
	if got["https://example.org/briefs/beta/"] != "2026-04-15T08:30:00Z" || got["https://example.org/briefs/alpha/"] != "2026-03-01T10:00:00Z" {
		t.Errorf("entries from git: %v", got)
	}
	lastmod := decodeSitemap(t, res.Files["sitemap.xml"])
	if lastmod["https://example.org/briefs/beta/"] != "2026-04-15" || lastmod["https://example.org/"] != "2026-03-01" {
		t.Errorf("sitemap lastmod from git: %v", lastmod)
	}
}

// feedEntries builds root and returns each entry's updated by slug, and
// the feed's under "feed".
func feedEntries(t *testing.T, root string) map[string]string {
	t.Helper()
	res, diags := generateAt(t, root, Options{})
	if res == nil {
		t.Fatal(diags)
	}
	f := decodeFeed(t, res.Files["feed.xml"])
	out := map[string]string{"feed": f.Updated}
	for _, e := range f.Entries {
		out[strings.TrimSuffix(strings.TrimPrefix(e.ID, "https://example.org/briefs/"), "/")] = e.Updated[0]
	}
	return out
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

// TestUndatedFeedWarns: a dossier with no date of any kind (no git, no
// SOURCE_DATE_EPOCH, no dated page) still gets a valid feed, dated by the
// build, and one warning at dossier.yaml that says so and what to do;
// one dated page is enough to silence it.
func TestUndatedFeedWarns(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "")
	files := map[string]string{
		"dossier.yaml":            "title: T\n",
		"content/_index.md":       mdPage("See [[alpha]].", `title: "Home"`),
		"content/briefs/alpha.md": mdPage("Alpha.", `title: "Alpha"`),
	}
	res, diags := generateAt(t, writeDossier(t, files), Options{})
	var found []string
	for _, d := range diags {
		if strings.Contains(d.Message, "feed.xml's updated is the time of this build") {
			found = append(found, d.String())
		}
	}
	if len(found) != 1 || !strings.HasPrefix(found[0], "dossier.yaml: warning:") || !strings.Contains(found[0], "SOURCE_DATE_EPOCH") {
		t.Errorf("want one warning at dossier.yaml naming the remedies, got %q", found)
	}
	if u := decodeFeed(t, res.Files["feed.xml"]).Updated; strings.HasPrefix(u, "1970") || u == "" {
		t.Errorf("feed updated %q, want the time of the build", u)
	}
	files["content/briefs/alpha.md"] = mdPage("Alpha.", `title: "Alpha"`, `date: 2025-10`)
	_, diags = generateAt(t, writeDossier(t, files), Options{})
	for _, d := range diags {
		if strings.Contains(d.Message, "time of this build") {
			t.Errorf("a month-dated page should silence the warning: %s", d)
		}
	}
}
