package build

import (
	"encoding/xml"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// The test's own view of a sitemap, independent of sitemap.go's types.
type testURLSet struct {
	XMLName xml.Name `xml:"urlset"`
	URLs    []struct {
		Loc     []string `xml:"loc"`
		LastMod []string `xml:"lastmod"`
	} `xml:"url"`
}

// w3cDate matches the W3C Datetime profile of ISO 8601 that the schema's
// lastmod allows: a date, or a date-time with a time zone.
var w3cDate = regexp.MustCompile(`^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?)?)?$`)

// decodeSitemap decodes sitemap.xml and checks the rules of the 0.9 schema
// that encoding/xml can see: the namespace, one loc per url (an absolute
// http(s) URL, 12 to 2047 characters, percent-encoded), at most one
// lastmod in W3C Datetime form, at most 50,000 urls. It returns loc ->
// lastmod ("" when absent).
func decodeSitemap(t *testing.T, data []byte) map[string]string {
	t.Helper()
	var set testURLSet
	if err := xml.Unmarshal(data, &set); err != nil {
		t.Fatalf("sitemap.xml is not well-formed XML: %v", err)
	}
	if set.XMLName.Space != sitemapNS {
		t.Fatalf("root element is {%s}%s, want {%s}urlset", set.XMLName.Space, set.XMLName.Local, sitemapNS)
	}
	if len(set.URLs) == 0 || len(set.URLs) > 50000 {
		t.Fatalf("%d urls, want 1 to 50000", len(set.URLs))
	}
	out := map[string]string{}
	var locs []string
	for _, u := range set.URLs {
		if len(u.Loc) != 1 || len(u.LastMod) > 1 {
			t.Errorf("url with %d locs and %d lastmods", len(u.Loc), len(u.LastMod))
			continue
		}
		loc := u.Loc[0]
		if len(loc) < 12 || len(loc) >= 2048 || !absolute(loc) || strings.ContainsFunc(loc, func(r rune) bool { return r <= ' ' || r > '~' }) {
			t.Errorf("loc %q is not an absolute, escaped http(s) URL of 12 to 2047 characters", loc)
		}
		if _, dup := out[loc]; dup {
			t.Errorf("loc %s listed twice", loc)
		}
		out[loc] = ""
		if len(u.LastMod) == 1 {
			if !w3cDate.MatchString(u.LastMod[0]) {
				t.Errorf("lastmod %q of %s is not a W3C date", u.LastMod[0], loc)
			}
			out[loc] = u.LastMod[0]
		}
		locs = append(locs, loc)
	}
	if !slices.IsSorted(locs) {
		t.Error("locs are not sorted")
	}
	return out
}

// TestSitemapSample checks that the sample's sitemap lists exactly its
// pages, under the base URL.
func TestSitemapSample(t *testing.T) {
	for _, base := range []string{"https://example.org/dossier/", "https://example.org/"} {
		res := buildSample(t, Options{BaseURL: base})
		got := decodeSitemap(t, res.Files["sitemap.xml"])
		want := map[string]bool{}
		for name := range res.Files {
			if !strings.HasSuffix(name, ".html") || name == "404.html" {
				continue
			}
			u, err := url.Parse(base + strings.TrimSuffix(name, "index.html"))
			if err != nil {
				t.Fatal(err)
			}
			want[u.String()] = true
		}
		for loc := range got {
			if !want[loc] {
				t.Errorf("base %s: sitemap lists %s, which is not a page", base, loc)
			}
		}
		for loc := range want {
			if _, ok := got[loc]; !ok {
				t.Errorf("base %s: sitemap misses %s", base, loc)
			}
		}
	}
}

// TestSitemapLastmod checks that only exact days of briefs and commentary
// become lastmod.
func TestSitemapLastmod(t *testing.T) {
	files := smallDossier("title: T\nbase_url: https://example.org/\n")
	files["content/events/launch.md"] = mdPage("Launch.", `title: "Launch"`, `date: 2025-10-01`)
	files["content/_index.md"] = mdPage("See [[alpha]], [[beta]] and [[launch]].", `title: "Home"`)
	root := writeDossier(t, files)
	res, _ := generateAt(t, root, Options{})
	got := decodeSitemap(t, res.Files["sitemap.xml"])
	want := map[string]string{
		"https://example.org/briefs/alpha/":  "2025-10-09",
		"https://example.org/briefs/beta/":   "",
		"https://example.org/events/launch/": "",
		"https://example.org/":               "",
	}
	for loc, lastmod := range want {
		if got[loc] != lastmod {
			t.Errorf("%s: lastmod %q, want %q", loc, got[loc], lastmod)
		}
	}
}
