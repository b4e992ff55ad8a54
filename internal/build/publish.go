package build

// Publishing files. Besides the pages, every build writes what a static
// host needs:
//
//	.nojekyll        empty; tells GitHub Pages (branch deploys) not to run
//	                 Jekyll, which would drop files and folders that start with _ or .
//	CNAME            the custom domain and a newline, when dossier.yaml sets cname
//	robots.txt       allows everything and names the sitemap by absolute URL
//	sitemap.xml      every page (see sitemap.go)
//	feed.xml         an Atom 1.0 feed of briefs and commentary (see feed.go)
//	chronology.json  the chronology for TimelineJS3 (see timeline.go)
//	search/*.json    the full-text search index (see search.go)
//
// A sitemap must list absolute URLs, so when base_url has no origin (the
// default "/") sitemap.xml is not written and robots.txt does not name it.
//
// Dates. Sitemaps and feeds want a day; dossier dates keep their precision
// ("2025-10~" is an approximate month). Only a page's exact day — a single
// EDTF date of day precision, with no X digits and no ~, ? or % — is ever
// written as a sitemap lastmod or a feed updated. Nothing else is rounded
// to a day, and nothing reads the clock.

import (
	"crypto/sha256"
	"io"
	"net/url"
	"strings"
	"time"

	"github.com/dossier-project/dossier/internal/config"
	"github.com/dossier-project/dossier/internal/content"
	"github.com/dossier-project/dossier/internal/diag"
	"github.com/dossier-project/dossier/internal/edtf"
	"github.com/dossier-project/dossier/internal/view"
)

// publishOutputs are the files besides pages and static files.
// The search index's files are left out when searchLater: the caller
// then has them listed on request (see Builder.searchListing).
func (b *Builder) publishOutputs(s *site, jobs []view.Job, searchLater bool) []output {
	outs := []output{bytesOutput(".nojekyll", []byte{}), bytesOutput("robots.txt", robots(s))}
	if cname, _ := cnameOf(s.cfg); cname != "" {
		outs = append(outs, bytesOutput("CNAME", []byte(cname+"\n")))
	}
	if s.base.HasOrigin() {
		outs = append(outs, b.dataOutput("sitemap.xml", true, func() (any, func(any) ([]byte, error)) {
			return sitemapOf(s, jobs), marshalSitemap
		}))
	}
	outs = append(outs,
		b.dataOutput("feed.xml", true, func() (any, func(any) ([]byte, error)) { return feedOf(s), marshalFeed }),
		b.dataOutput("chronology.json", true, func() (any, func(any) ([]byte, error)) { return timelineOf(s), marshalTimeline }),
	)
	if searchLater {
		return outs
	}
	return append(outs, b.searchOutputs(s)...)
}

// publishDiags are the warnings and errors about the publishing files:
// a bad cname, a feed with no date to go by.
func publishDiags(s *site) diag.List {
	_, diags := cnameOf(s.cfg)
	return append(diags, undatedFeed(s)...)
}

// dataOutput is an output made from a value: its key is the value's hash.
// data returns the value and how to encode it. The feeds and indexes are
// all costly (each holds the whole dossier): a preview makes them when
// they are asked for.
func (b *Builder) dataOutput(path string, costly bool, data func() (any, func(any) ([]byte, error))) output {
	return output{path: path, costly: costly, prepare: func() ([sha256.Size]byte, func(io.Writer) error, error) {
		v, encode := data()
		key := b.hasher.Key(struct {
			Path string
			V    any
		}{path, v})
		return key, func(w io.Writer) error {
			out, err := encode(v)
			if err != nil {
				return diag.Errorf(diag.Pos{File: path}, "writing %s: %v", path, err)
			}
			_, err = w.Write(out)
			return err
		}, nil
	}}
}

// robots allows every crawler and names the sitemap when there is one.
// Crawlers read robots.txt only at a host's root, so on a project site
// (https://user.github.io/repo/) it is advisory.
func robots(s *site) []byte {
	out := "User-agent: *\nDisallow:\n"
	if s.base.HasOrigin() {
		out += "\nSitemap: " + s.base.Abs("sitemap.xml") + "\n"
	}
	return []byte(out)
}

// cnameOf returns the custom domain to write to CNAME, or "". It reports
// a value that is not a bare domain (an error) and a base_url on another
// host (a warning: links and the feed would point elsewhere).
func cnameOf(cfg *config.Config) (string, diag.List) {
	name := strings.TrimSpace(cfg.CNAME)
	if name == "" {
		return "", nil
	}
	pos := diag.Pos{File: config.File}
	if strings.ContainsAny(name, ":/ \t") {
		d := diag.Errorf(pos, "cname %q must be a bare domain name", name)
		d.Suggestion = "write only the domain, e.g. cname: dossier.example.org"
		return "", diag.List{d}
	}
	var diags diag.List
	u, err := url.Parse(cfg.BaseURL.Value)
	if err == nil && u.Host != "" && !strings.EqualFold(u.Hostname(), name) {
		d := diag.Warnf(pos, "cname %s differs from base_url's host %s", name, u.Hostname())
		d.Suggestion = "set base_url: https://" + name + "/"
		diags.Add(d)
	}
	return name, diags
}

// exactDay returns a page's date when it is one exact day (see the
// comment at the top of this file).
func exactDay(p *content.Page) (time.Time, bool) {
	d := p.Dates.Date
	if d.IsInterval() || d.Precision() != edtf.Day {
		return time.Time{}, false
	}
	s := d.Start()
	if s.Unspecified() || s.Approximate() || s.Uncertain() {
		return time.Time{}, false
	}
	return s.Earliest(), true
}

// undatedFeed warns when the feed has no date at all to go by, so that
// its updated is the time of the build (see modified.go).
func undatedFeed(s *site) diag.List {
	if _, ok := s.dates.fallback(); ok {
		return nil
	}
	for _, n := range s.graph.All() {
		if _, ok := s.dates.of(n.Page); ok || !n.Page.Dates.Date.IsZero() {
			return nil
		}
	}
	d := diag.Warnf(diag.Pos{File: config.File}, "no page has a date, so feed.xml's updated is the time of this build")
	d.Suggestion = "give pages updated: 2025-10-14, keep the dossier in git, or set SOURCE_DATE_EPOCH"
	return diag.List{d}
}
