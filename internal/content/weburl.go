package content

import (
	"net/url"
	"strings"

	"github.com/dossier-project/dossier/internal/diag"
	"github.com/dossier-project/dossier/internal/yamlfile"
)

// checkWebURLs warns about a source's url and archive_url when they are
// not web addresses (https://host/…): a reader cannot follow them, and
// the page does not link them as given (a javascript: or data: URL is
// neutralised by the template; one without a scheme would be read as a
// path on the site).
func (p *Page) checkWebURLs(keys []yamlfile.Key) diag.List {
	var diags diag.List
	for _, f := range []struct{ key, value string }{{"url", p.Meta.URL}, {"archive_url", p.Meta.ArchiveURL}} {
		if f.value == "" || isWebURL(f.value) {
			continue
		}
		d := diag.Warnf(p.keyPos(keys, f.key), "%s %q is not a web address: readers cannot follow it", f.key, f.value)
		d.Suggestion = "write the whole address, starting with https://"
		diags.Add(d)
	}
	return diags
}

// isWebURL reports whether s is an absolute http or https URL with a host.
func isWebURL(s string) bool {
	u, err := url.Parse(strings.TrimSpace(s))
	return err == nil && (u.Scheme == "https" || u.Scheme == "http") && u.Host != "" && s == strings.TrimSpace(s)
}
