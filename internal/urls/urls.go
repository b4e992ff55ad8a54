// Package urls makes every internal URL of a site from its base URL, so a
// site built for https://user.github.io/repo/ works under /repo/ and one
// built for https://example.org/ works at the root.
//
// Paths handed to a Base are site-relative and slash-separated, without a
// leading slash: "briefs/x/", "static/style.css", "" for the home page.
// Path returns a root-relative URL that includes the base path
// ("/repo/briefs/x/"); Abs returns an absolute URL for feeds, sitemaps and
// canonical links. A Base is a value and safe for concurrent use.
package urls

import (
	"net/url"
	"strings"
)

// Base is a parsed base URL.
type Base struct {
	origin string // "https://example.org", or "" for a bare "/"
	path   string // "/repo/": always starts and ends with "/"
}

// New parses a base URL such as "https://example.org/repo" or "/".
// Malformed input is treated as "/"; config validates it beforehand.
func New(raw string) Base {
	u, err := url.Parse(raw)
	if err != nil || raw == "" {
		return Base{path: "/"}
	}
	p := u.EscapedPath()
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	if !strings.HasSuffix(p, "/") {
		p += "/"
	}
	b := Base{path: p}
	if u.Scheme != "" && u.Host != "" {
		b.origin = u.Scheme + "://" + u.Host
	}
	return b
}

// Path returns the root-relative URL of a site-relative path.
func (b Base) Path(p string) string {
	return b.path + strings.TrimPrefix(p, "/")
}

// Abs returns the absolute URL of a site-relative path. Without an origin
// (base "/"), it returns the root-relative URL.
func (b Base) Abs(p string) string { return b.origin + b.Path(p) }

// Prefix is the base path, "/" or "/repo/".
func (b Base) Prefix() string { return b.path }

// HasOrigin reports whether the base URL is absolute.
func (b Base) HasOrigin() bool { return b.origin != "" }

// Escape percent-encodes the path of a URL made by Abs or Path, as feeds,
// sitemaps and canonical links require (tag slugs may hold non-ASCII
// letters). A URL that does not parse is returned as it is.
func Escape(u string) string {
	parsed, err := url.Parse(u)
	if err != nil {
		return u
	}
	return parsed.String()
}
