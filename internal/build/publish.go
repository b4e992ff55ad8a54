package build

// Publishing files. Besides the pages, every build writes what a static
// host needs:
//
//	.nojekyll    empty; tells GitHub Pages (branch deploys) not to run Jekyll,
//	             which would drop files and folders that start with _ or .
//	CNAME        the custom domain and a newline, when dossier.yaml sets cname
//	robots.txt   allows everything and names the sitemap by absolute URL
//	sitemap.xml  every page (see sitemap.go)
//	feed.xml     an Atom 1.0 feed of briefs and commentary (see feed.go)
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
	"net/url"
	"strings"
	"time"

	"github.com/dossier-project/dossier/internal/config"
	"github.com/dossier-project/dossier/internal/content"
	"github.com/dossier-project/dossier/internal/diag"
	"github.com/dossier-project/dossier/internal/edtf"
)

// publish adds the publishing files for the rendered jobs.
func (r *renderer) publish(jobs []job) diag.List {
	var diags diag.List
	r.put(".nojekyll", []byte{})
	cname, d := r.cname()
	diags.Append(d)
	if cname != "" {
		r.put("CNAME", []byte(cname+"\n"))
	}
	if r.base.HasOrigin() {
		data, err := r.sitemap(jobs)
		if err != nil {
			diags.Add(diag.Errorf(diag.Pos{File: "sitemap.xml"}, "writing the sitemap: %v", err))
		}
		r.put("sitemap.xml", data)
	}
	r.put("robots.txt", r.robots())
	data, err := r.feed()
	if err != nil {
		diags.Add(diag.Errorf(diag.Pos{File: "feed.xml"}, "writing the feed: %v", err))
	}
	r.put("feed.xml", data)
	return diags
}

// robots allows every crawler and names the sitemap when there is one.
// Crawlers read robots.txt only at a host's root, so on a project site
// (https://user.github.io/repo/) it is advisory.
func (r *renderer) robots() []byte {
	s := "User-agent: *\nDisallow:\n"
	if r.base.HasOrigin() {
		s += "\nSitemap: " + r.base.Abs("sitemap.xml") + "\n"
	}
	return []byte(s)
}

// cname returns the custom domain to write to CNAME, or "". It reports a
// value that is not a bare domain (an error) and a base_url on another
// host (a warning: links and the feed would point elsewhere).
func (r *renderer) cname() (string, diag.List) {
	name := strings.TrimSpace(r.cfg.CNAME)
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
	u, err := url.Parse(r.cfg.BaseURL.Value)
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
