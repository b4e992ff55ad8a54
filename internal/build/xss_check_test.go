package build

import (
	"bytes"
	"encoding/json"
	"fmt"
	"path"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// siteScripts are the only scripts a built page may load: the site's
// own, from /static/. A build ships no inline script.
var siteScripts = map[string]bool{"/static/search.js": true, "/static/search-index.js": true, "/static/chronology.js": true}

// forbiddenElements run or load content by their nature.
var forbiddenElements = map[string]bool{"iframe": true, "frame": true, "frameset": true, "object": true,
	"embed": true, "applet": true, "base": true, "portal": true}

// urlAttributes hold URLs that a browser follows or loads.
var urlAttributes = map[string]bool{"href": true, "src": true, "action": true, "formaction": true,
	"xlink:href": true, "poster": true, "data": true, "srcset": true, "background": true, "cite": true, "ping": true}

// outputProblems lists what in an output file could run script.
func outputProblems(name string, data []byte) []string {
	switch path.Ext(name) {
	case ".html":
		return htmlProblems(data)
	case ".xml", ".json", ".txt":
		var out []string
		if bytes.Contains(bytes.ToLower(data), []byte("<script")) {
			out = append(out, `holds "<script" unescaped`)
		}
		if name == "chronology.json" {
			out = append(out, timelineProblems(data)...)
		}
		if name == "search.json" {
			out = append(out, searchProblems(data)...)
		}
		return out
	}
	return nil
}

// htmlProblems parses a page and checks every element.
func htmlProblems(data []byte) []string {
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		return []string{"not HTML: " + err.Error()}
	}
	var out []string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			out = append(out, elementProblems(n)...)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return out
}

// elementProblems checks one element: what it is and its attributes.
func elementProblems(n *html.Node) []string {
	var out []string
	name := strings.ToLower(n.Data)
	switch {
	case name == "script":
		if src := attrOf(n, "src"); !siteScripts[src] || n.FirstChild != nil {
			out = append(out, fmt.Sprintf("a <script> that is not the site's (src %q, text %q)", src, textOf(n)))
		}
	case forbiddenElements[name]:
		out = append(out, "a <"+name+"> element")
	case name == "meta" && strings.EqualFold(attrOf(n, "http-equiv"), "refresh"):
		out = append(out, "a <meta http-equiv=refresh>")
	case name == "style" && dangerousCSS(textOf(n)):
		out = append(out, "a <style> with script in it")
	}
	for _, a := range n.Attr {
		key := strings.ToLower(a.Key)
		if a.Namespace != "" {
			key = a.Namespace + ":" + key
		}
		switch {
		case strings.HasPrefix(key, "on"):
			out = append(out, fmt.Sprintf("<%s %s=%q>: an event handler", name, key, a.Val))
		case urlAttributes[key] && dangerousURL(a.Val):
			out = append(out, fmt.Sprintf("<%s %s=%q>: a dangerous URL", name, key, a.Val))
		case key == "style" && dangerousCSS(a.Val):
			out = append(out, fmt.Sprintf("<%s style=%q>: script in CSS", name, a.Val))
		}
	}
	return out
}

// dangerousURL reports whether a browser would run u as script or as an
// HTML document: javascript:, vbscript:, or data: other than an image.
// Spaces and control characters, which browsers drop, are dropped first.
func dangerousURL(u string) bool {
	s := strings.Map(func(r rune) rune {
		if r <= ' ' {
			return -1
		}
		return r
	}, strings.ToLower(u))
	if strings.HasPrefix(s, "javascript:") || strings.HasPrefix(s, "vbscript:") {
		return true
	}
	return strings.HasPrefix(s, "data:") && (!strings.HasPrefix(s, "data:image/") || strings.HasPrefix(s, "data:image/svg"))
}

func dangerousCSS(s string) bool {
	s = strings.ToLower(s)
	return strings.Contains(s, "javascript:") || strings.Contains(s, "expression(")
}

func attrOf(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func textOf(n *html.Node) string {
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
		b.WriteString(textOf(c))
	}
	return b.String()
}

// timelineProblems checks each string of chronology.json as HTML, which
// is how TimelineJS shows headlines, texts, groups and display dates.
func timelineProblems(data []byte) []string {
	var v any
	if err := json.Unmarshal(data, &v); err != nil {
		return []string{"not JSON: " + err.Error()}
	}
	var out []string
	for _, s := range jsonStrings(v) {
		out = append(out, htmlProblems([]byte(s))...)
	}
	return out
}

// searchProblems checks search.json's URLs, which search.js makes links.
func searchProblems(data []byte) []string {
	var entries []struct{ URL string }
	if err := json.Unmarshal(data, &entries); err != nil {
		return []string{"not JSON: " + err.Error()}
	}
	var out []string
	for _, e := range entries {
		if dangerousURL(e.URL) || !strings.HasPrefix(e.URL, "/") {
			out = append(out, fmt.Sprintf("a search result links to %q", e.URL))
		}
	}
	return out
}

// jsonStrings returns every string in a decoded JSON value.
func jsonStrings(v any) []string {
	switch v := v.(type) {
	case string:
		return []string{v}
	case []any:
		var out []string
		for _, e := range v {
			out = append(out, jsonStrings(e)...)
		}
		return out
	case map[string]any:
		var out []string
		for _, e := range v {
			out = append(out, jsonStrings(e)...)
		}
		return out
	}
	return nil
}

// htmlTitle returns the text of a page's <title>.
func htmlTitle(t *testing.T, page []byte) string {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var title string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "title" && title == "" {
			title = textOf(n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return title
}

// TestXSSCheckerFindsVectors: the checker itself finds what it looks for.
func TestXSSCheckerFindsVectors(t *testing.T) {
	for _, bad := range []string{
		`<script>alert(1)</script>`, `<script src="/static/x.js"></script>`, `<img src=x onerror=alert(1)>`,
		`<svg><g onload="alert(1)"></g></svg>`, `<a href=" JaVa&#09;Script:alert(1)">x</a>`, `<a href="vbscript:x">x</a>`,
		`<iframe src="/x"></iframe>`, `<form action="javascript:x"></form>`, `<button formaction="javascript:x">b</button>`,
		`<a href="data:text/html,x">x</a>`, `<img src="data:image/svg+xml,x">`, `<svg><a xlink:href="javascript:x">x</a></svg>`,
		`<p style="background:url(javascript:x)">x</p>`, `<meta http-equiv="refresh" content="0;url=javascript:x">`,
	} {
		if len(htmlProblems([]byte(bad))) == 0 {
			t.Errorf("no problem found in %s", bad)
		}
	}
	for _, good := range []string{`<script src="/static/search.js" defer></script>`, `<img src="data:image/png;base64,AAAA">`,
		`<a href="https://example.org/javascript:x">x</a>`, `<p>&lt;script&gt;alert(1)&lt;/script&gt; javascript:alert(1)</p>`} {
		if p := htmlProblems([]byte(good)); len(p) > 0 {
			t.Errorf("problems found in %s: %v", good, p)
		}
	}
}
