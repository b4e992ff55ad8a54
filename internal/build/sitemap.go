package build

import (
	"encoding/xml"
	"fmt"
	"slices"
	"strings"

	"github.com/dossier-project/dossier/internal/view"
)

// sitemapNS is the namespace of the sitemaps.org 0.9 schema.
const sitemapNS = "http://www.sitemaps.org/schemas/sitemap/0.9"

// maxSitemapURLs is the protocol's limit of URLs in one sitemap file.
const maxSitemapURLs = 50000

// urlset is a sitemap: the urlset element of the 0.9 schema.
type urlset struct {
	XMLName xml.Name     `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
	URLs    []sitemapURL `xml:"url"`
}

// sitemapURL is one page. LastMod is a W3C date (YYYY-MM-DD) or empty.
type sitemapURL struct {
	Loc     string `xml:"loc"`
	LastMod string `xml:"lastmod,omitempty"`
}

// sitemapOf lists every HTML page except 404.html, by absolute URL in
// byte order. A content page's lastmod is when it last changed (see
// modified.go): its updated: key, its file's last commit or
// SOURCE_DATE_EPOCH; a brief's or commentary's own exact day serves last.
// An event's date is when the event happened and a source's dates are
// those of someone else's document, so neither is used.
func sitemapOf(s *site, jobs []view.Job) urlset {
	var set urlset
	for _, j := range jobs {
		if j.Out == "404.html" {
			continue
		}
		u := sitemapURL{Loc: absURL(s, strings.TrimSuffix(j.Out, "index.html"))}
		if n := j.Node; n != nil {
			if day, ok := s.dates.of(n.Page); ok {
				u.LastMod = day.Format("2006-01-02")
			}
		}
		set.URLs = append(set.URLs, u)
	}
	slices.SortFunc(set.URLs, func(a, b sitemapURL) int { return strings.Compare(a.Loc, b.Loc) })
	return set
}

func marshalSitemap(v any) ([]byte, error) {
	if n := len(v.(urlset).URLs); n > maxSitemapURLs {
		return nil, fmt.Errorf("%d pages: a sitemap holds at most %d", n, maxSitemapURLs)
	}
	return marshalXML(v)
}

// marshalXML encodes v as an indented UTF-8 XML document ending in a
// newline.
func marshalXML(v any) ([]byte, error) {
	out, err := xml.MarshalIndent(v, "", "  ")
	if err != nil {
		return nil, err
	}
	out = append([]byte(xml.Header), out...)
	return append(out, '\n'), nil
}
