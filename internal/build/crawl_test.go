package build

import (
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/dossier-project/dossier/internal/urls"
	"golang.org/x/net/html"
)

// maxClicks is how far from the home page every page must be.
const maxClicks = 3

// TestCrawl builds the sample for a base URL, writes it to disk, serves it
// under the base path with a plain file server and crawls it from the home
// page, as GitHub Pages would serve it.
func TestCrawl(t *testing.T) {
	for _, base := range []string{"https://example.org/dossier/", "https://example.org/"} {
		t.Run(base, func(t *testing.T) { crawlSample(t, base) })
	}
}

func crawlSample(t *testing.T, base string) {
	res := buildSample(t, Options{BaseURL: base})
	dir := res.Dir
	prefix := urls.New(base).Prefix()
	mux := http.NewServeMux()
	mux.Handle(prefix, http.StripPrefix(strings.TrimSuffix(prefix, "/"), http.FileServer(http.Dir(dir))))
	srv := httptest.NewServer(mux) // on 127.0.0.1
	defer srv.Close()

	c := newCrawler(t, srv, base)
	c.walk(prefix)
	c.checkNotFoundPage(res.Files["404.html"], prefix+"no/such/page/")
	c.checkPublished(res)
	c.checkRefs()
	c.checkReachable(dir, prefix)
}

// crawler fetches pages from a test server as if they lived at base.
type crawler struct {
	t      *testing.T
	client *http.Client
	server string   // "http://127.0.0.1:port"
	site   *url.URL // the base URL the site was built for
	// fetched maps an escaped path to its fetch; depth maps the path of
	// an HTML page to its clicks from the home page.
	fetched map[string]*fetched
	depth   map[string]int
}

// fetched is one fetched path: its status and, for HTML, its ids and the
// references it makes.
type fetched struct {
	status   int
	location string
	html     bool
	ids      map[string]bool
	refs     []ref
}

// ref is a URL in an attribute; click marks a link a reader follows.
type ref struct {
	attr, raw string
	target    *url.URL
	click     bool
}

func newCrawler(t *testing.T, srv *httptest.Server, base string) *crawler {
	site, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	client := srv.Client()
	client.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	return &crawler{t: t, client: client, server: srv.URL, site: site,
		fetched: map[string]*fetched{}, depth: map[string]int{}}
}

// walk visits every page reachable by links from start, breadth first,
// recording each page's distance in clicks.
func (c *crawler) walk(start string) {
	c.depth[start] = 0
	queue := []string{start}
	for len(queue) > 0 {
		p := queue[0]
		queue = queue[1:]
		for _, r := range c.visit(p).refs {
			next, ok := c.internal(r.target)
			if !ok || !r.click {
				continue
			}
			if _, seen := c.depth[next]; !seen && c.visit(next).html {
				c.depth[next] = c.depth[p] + 1
				queue = append(queue, next)
			}
		}
	}
}

// visit fetches an escaped path once and parses it when it is HTML.
func (c *crawler) visit(p string) *fetched {
	if f, ok := c.fetched[p]; ok {
		return f
	}
	f := &fetched{}
	c.fetched[p] = f
	resp, err := c.client.Get(c.server + p)
	if err != nil {
		c.t.Errorf("GET %s: %v", p, err)
		return f
	}
	defer resp.Body.Close()
	f.status, f.location = resp.StatusCode, resp.Header.Get("Location")
	body, err := io.ReadAll(resp.Body)
	if err != nil || resp.StatusCode != http.StatusOK {
		return f
	}
	if strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") {
		c.parse(f, p, body)
	}
	return f
}

// parse records a page's ids and references, resolved against the URL the
// page has on the published site.
func (c *crawler) parse(f *fetched, p string, body []byte) {
	doc, err := html.Parse(strings.NewReader(string(body)))
	if err != nil {
		c.t.Errorf("%s: %v", p, err)
		return
	}
	f.html, f.ids = true, map[string]bool{}
	at, err := url.Parse(p)
	if err != nil {
		c.t.Errorf("%s: %v", p, err)
		return
	}
	pageURL := c.site.ResolveReference(at)
	for n := range doc.Descendants() {
		if n.Type != html.ElementNode {
			continue
		}
		for _, a := range n.Attr {
			switch {
			case a.Key == "id", a.Key == "name" && n.Data == "a":
				f.ids[a.Val] = true
			case a.Key == "href", a.Key == "src", a.Key == "action",
				a.Key == "content" && attr(n, "property") == "og:url":
				target, err := pageURL.Parse(strings.TrimSpace(a.Val))
				if err != nil {
					c.t.Errorf("%s: <%s %s=%q>: %v", p, n.Data, a.Key, a.Val, err)
					continue
				}
				click := a.Key == "href" && (n.Data == "a" || n.Data == "area")
				f.refs = append(f.refs, ref{attr: "<" + n.Data + " " + a.Key + ">", raw: a.Val, target: target, click: click})
			}
		}
	}
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// internal returns the escaped path of a URL on the site, or false for
// other hosts and schemes.
func (c *crawler) internal(u *url.URL) (string, bool) {
	if u.Scheme != c.site.Scheme || u.Host != c.site.Host {
		return "", false
	}
	return u.EscapedPath(), true
}

// checkRefs checks every reference of every fetched HTML page, including
// pages found only through references, until nothing new turns up.
func (c *crawler) checkRefs() {
	checked := map[string]bool{}
	for {
		var todo []string
		for p, f := range c.fetched {
			if f.html && !checked[p] {
				todo = append(todo, p)
			}
		}
		if len(todo) == 0 {
			return
		}
		slices.Sort(todo)
		for _, p := range todo {
			checked[p] = true
			c.checkPage(p, c.fetched[p])
		}
	}
}

// checkPage reports each reference of a page that does not resolve: a
// path that is not served with 200, or a fragment with no such id.
func (c *crawler) checkPage(from string, f *fetched) {
	for _, r := range f.refs {
		p, ok := c.internal(r.target)
		if !ok {
			continue // another site, or mailto: and the like
		}
		g := c.visit(p)
		switch {
		case g.status != http.StatusOK:
			c.t.Errorf("%s: broken %s %q: %s gives %d %s", from, r.attr, r.raw, p, g.status, g.location)
		case r.target.Fragment != "" && (!g.html || !g.ids[r.target.Fragment]):
			c.t.Errorf("%s: %s %q: %s has no element with id %q", from, r.attr, r.raw, p, r.target.Fragment)
		}
	}
}

// checkNotFoundPage checks the 404 page's links as if it were served for
// a missing address deep inside the site, as GitHub Pages does.
func (c *crawler) checkNotFoundPage(page []byte, at string) {
	f := &fetched{status: http.StatusNotFound}
	c.parse(f, at, page)
	if len(f.refs) == 0 {
		c.t.Fatal("404.html has no links")
	}
	// A link to a fragment of the page itself ("#main", the skip link)
	// stays on the 404 page, whose ids are its own.
	f.refs = slices.DeleteFunc(f.refs, func(r ref) bool {
		if strings.HasPrefix(r.raw, "#") && !f.ids[r.target.Fragment] {
			c.t.Errorf("404.html: %q names no element of the page", r.raw)
		}
		return strings.HasPrefix(r.raw, "#")
	})
	c.checkPage("404.html served at "+at, f)
}

// checkPublished checks that the feed's and sitemap's URLs are served.
func (c *crawler) checkPublished(res *built) {
	var all []string
	for loc := range decodeSitemap(c.t, res.Files["sitemap.xml"]) {
		all = append(all, loc)
	}
	f := decodeFeed(c.t, res.Files["feed.xml"])
	for _, l := range f.Links {
		all = append(all, l.Href)
	}
	for _, e := range f.Entries {
		all = append(all, linkOf(e.Links, "alternate"))
	}
	slices.Sort(all)
	for _, raw := range all {
		u, err := url.Parse(raw)
		p, ok := c.internal(u)
		if err != nil || !ok {
			c.t.Errorf("feed or sitemap URL %q is not on the site %s", raw, c.site)
			continue
		}
		if g := c.visit(p); g.status != http.StatusOK {
			c.t.Errorf("feed or sitemap URL %s gives %d", raw, g.status)
		}
	}
}

// checkReachable checks that every HTML page on disk but 404.html was
// reached within maxClicks of the home page.
func (c *crawler) checkReachable(dir, prefix string) {
	pages, deepest := 0, 0
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		if rel == "404.html" {
			return nil
		}
		page := (&url.URL{Path: prefix + strings.TrimSuffix(rel, "index.html")}).EscapedPath()
		switch depth, ok := c.depth[page]; {
		case !ok:
			c.t.Errorf("%s (%s) cannot be reached from the home page", page, rel)
		case depth > maxClicks:
			c.t.Errorf("%s is %d clicks from the home page, more than %d", page, depth, maxClicks)
		}
		pages, deepest = pages+1, max(deepest, c.depth[page])
		return nil
	})
	if err != nil {
		c.t.Fatal(err)
	}
	c.t.Logf("%d pages, the farthest %d clicks from the home page; %d URLs fetched", pages, deepest, len(c.fetched))
}
