package build

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dossier-project/dossier/internal/content"
	"github.com/dossier-project/dossier/internal/diag"
	"github.com/dossier-project/dossier/internal/edtf"
	"golang.org/x/net/html"
)

// sampleRoot is the repository root, which holds the sample dossier; tests
// run in internal/build.
const sampleRoot = "../.."

// buildSample builds the sample dossier and fails the test on errors.
func buildSample(t *testing.T, opts Options) *built {
	t.Helper()
	res, diags := generate(t, dirFS(t, sampleRoot), opts)
	if res == nil {
		t.Fatalf("building the sample:\n%v", diags.Errors())
	}
	return res
}

// writeDossier writes files (slash paths to contents) into a new temporary
// dossier and returns its root.
func writeDossier(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for name, data := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

// mdPage makes a content file from front-matter lines and a body.
func mdPage(body string, frontMatter ...string) string {
	return "---\n" + strings.Join(frontMatter, "\n") + "\n---\n" + body + "\n"
}

// smallDossier is a dossier with a home page that links two briefs.
func smallDossier(yaml string) map[string]string {
	return map[string]string{
		"dossier.yaml":            yaml,
		"content/_index.md":       mdPage("See [[alpha]] and [[beta]].", `title: "Home"`),
		"content/briefs/alpha.md": mdPage("Alpha.", `title: "Alpha"`, `date: 2025-10-09`, `summary: "About alpha."`),
		"content/briefs/beta.md":  mdPage("Beta.", `title: "Beta"`, `date: 2025-10~`),
	}
}

// generateAt builds the dossier at root and fails the test on errors.
func generateAt(t *testing.T, root string, opts Options) (*built, diag.List) {
	t.Helper()
	res, diags := generate(t, dirFS(t, root), opts)
	if res == nil {
		t.Fatalf("build failed:\n%v", diags.Errors())
	}
	return res, diags
}

func TestPublishFiles(t *testing.T) {
	root := writeDossier(t, smallDossier("title: T\nbase_url: https://dossier.example.org/\ncname: dossier.example.org\n"))
	res, diags := generateAt(t, root, Options{})
	if w := diags.Warnings(); len(w) > 0 && strings.Contains(w.String(), "cname") {
		t.Errorf("unexpected cname warning: %v", w)
	}
	if got, ok := res.Files[".nojekyll"]; !ok || len(got) != 0 {
		t.Errorf(".nojekyll = %q, %v; want an empty file", got, ok)
	}
	if got := string(res.Files["CNAME"]); got != "dossier.example.org\n" {
		t.Errorf("CNAME = %q, want the domain and a newline", got)
	}
	robots := string(res.Files["robots.txt"])
	if !strings.Contains(robots, "\nSitemap: https://dossier.example.org/sitemap.xml\n") {
		t.Errorf("robots.txt does not name the sitemap by absolute URL:\n%s", robots)
	}
	for _, name := range []string{"sitemap.xml", "feed.xml", "404.html"} {
		if _, ok := res.Files[name]; !ok {
			t.Errorf("%s not written", name)
		}
	}
}

func TestPublishWithoutOrigin(t *testing.T) {
	root := writeDossier(t, smallDossier("title: T\n"))
	res, _ := generateAt(t, root, Options{})
	if _, ok := res.Files["CNAME"]; ok {
		t.Error("CNAME written without cname")
	}
	if _, ok := res.Files["sitemap.xml"]; ok {
		t.Error("sitemap.xml written without an absolute base_url")
	}
	if robots := string(res.Files["robots.txt"]); strings.Contains(robots, "Sitemap") {
		t.Errorf("robots.txt names a sitemap that was not written:\n%s", robots)
	}
	html := string(res.Files["briefs/alpha/index.html"])
	if !strings.Contains(html, `<link rel="canonical" href="/briefs/alpha/">`) {
		t.Errorf("canonical link should be root-relative without an origin")
	}
}

func TestCNAMEDiagnostics(t *testing.T) {
	root := writeDossier(t, smallDossier("title: T\nbase_url: https://user.github.io/repo/\ncname: dossier.example.org\n"))
	_, diags := generateAt(t, root, Options{})
	if w := diags.Warnings(); !strings.Contains(w.String(), "cname dossier.example.org differs from base_url's host user.github.io") {
		t.Errorf("want a warning about the cname and base_url mismatch, got %v", w)
	}
	root = writeDossier(t, smallDossier("title: T\ncname: https://dossier.example.org/\n"))
	res, diags := generate(t, dirFS(t, root), Options{})
	if res != nil || !strings.Contains(diags.String(), "must be a bare domain name") {
		t.Errorf("want an error for a cname with a scheme, got %v", diags)
	}
}

func TestDrafts(t *testing.T) {
	files := smallDossier("title: T\nbase_url: https://example.org/\n")
	files["content/briefs/gamma.md"] = mdPage("Gamma.", `title: "Gamma"`, `draft: true`)
	root := writeDossier(t, files)

	res, _ := generateAt(t, root, Options{})
	if _, ok := res.Files["briefs/gamma/index.html"]; ok {
		t.Error("draft page built without Drafts")
	}
	for _, name := range []string{"feed.xml", "sitemap.xml", "briefs/index.html"} {
		if bytes.Contains(res.Files[name], []byte("gamma")) {
			t.Errorf("%s lists the draft without Drafts", name)
		}
	}

	res, _ = generateAt(t, root, Options{Drafts: true, Preview: true})
	html := string(res.Files["briefs/gamma/index.html"])
	if !strings.Contains(html, `<p class="draft-mark">DRAFT`) {
		t.Errorf("a draft in preview has no visible DRAFT mark:\n%s", html)
	}
	if strings.Contains(string(res.Files["briefs/alpha/index.html"]), "draft-mark") {
		t.Error("a published page carries the DRAFT mark")
	}
}

func TestExactDay(t *testing.T) {
	tests := []struct {
		date string
		want string
	}{
		{"2025-10-09", "2025-10-09"},
		{"2025-10-09~", ""},
		{"2025-10-09?", ""},
		{"2025-10-09%", ""},
		{"2025-10", ""},
		{"2025", ""},
		{"2025-10-XX", ""},
		{"2025-10-09/2025-10-10", ""},
		{"../2025-10-09", ""},
		{"", ""},
		{"not a date", ""},
	}
	for _, tt := range tests {
		p := &content.Page{Kind: content.Brief}
		if d, err := edtf.Parse(tt.date); err == nil {
			p.Dates.Date = d // content leaves the zero Date for a bad or absent date
		}
		day, ok := exactDay(p)
		got := ""
		if ok {
			got = day.Format("2006-01-02")
		}
		if got != tt.want {
			t.Errorf("exactDay(%q) = %q, want %q", tt.date, got, tt.want)
		}
	}
}

// TestHeadMetadata checks every page's head: the language, the feed link,
// the canonical link and the OpenGraph properties.
func TestHeadMetadata(t *testing.T) {
	const base = "https://example.org/dossier/"
	res := buildSample(t, Options{BaseURL: base})
	for name, data := range res.Files {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		doc, err := html.Parse(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		head := headOf(doc)
		want := map[string]string{
			"lang":         "en",
			"alternate":    "/dossier/feed.xml",
			"canonical":    base + strings.TrimSuffix(name, "index.html"),
			"og:url":       base + strings.TrimSuffix(name, "index.html"),
			"og:site_name": res.Config.Title,
			"robots":       "",
			"og:type":      "article",
		}
		switch {
		case name == "404.html":
			want["canonical"], want["og:url"], want["robots"], want["og:type"] = "", "", "noindex", "website"
		case name == "index.html", strings.Count(name, "/") == 1, strings.HasPrefix(name, "tags/"):
			want["og:type"] = "website" // home, lists and tags
		}
		for key, w := range want {
			if head[key] != w {
				t.Errorf("%s: %s = %q, want %q", name, key, head[key], w)
			}
		}
		if head["og:title"] == "" || head["og:description"] == "" {
			t.Errorf("%s: og:title %q, og:description %q: want both", name, head["og:title"], head["og:description"])
		}
	}
}

// headOf collects the html element's lang and, from the head, the href of
// each link by rel and the content of each meta by property or name.
func headOf(doc *html.Node) map[string]string {
	out := map[string]string{}
	for n := range doc.Descendants() {
		if n.Type != html.ElementNode {
			continue
		}
		switch n.Data {
		case "html":
			out["lang"] = attr(n, "lang")
		case "link":
			if rel := attr(n, "rel"); rel == "canonical" || rel == "alternate" && attr(n, "type") == "application/atom+xml" {
				out[rel] = attr(n, "href")
			}
		case "meta":
			if key := attr(n, "property") + attr(n, "name"); key != "" {
				out[key] = attr(n, "content")
			}
		}
	}
	return out
}

// TestMisnamedTemplateWarns: a page template of the dossier's own whose
// name dossier does not use is a warning with the name it was probably
// meant to have; an override of a built-in name is not.
func TestMisnamedTemplateWarns(t *testing.T) {
	files := smallDossier("title: T\n")
	files["templates/breif.html"] = `{{define "main"}}<h1>{{.Title}}</h1>{{end}}`
	files["templates/brief.html"] = `{{define "main"}}<h1>{{.Title}}</h1>{{.Body.HTML}}{{end}}`
	_, diags := generateAt(t, writeDossier(t, files), Options{})
	var got []string
	for _, d := range diags {
		if strings.HasPrefix(d.Pos.File, "templates/") {
			got = append(got, d.String())
		}
	}
	if len(got) != 1 || !strings.HasPrefix(got[0], "templates/breif.html: warning: no page is made with this template") || !strings.HasSuffix(got[0], `(did you mean "brief.html"?)`) {
		t.Errorf("template diagnostics = %q", got)
	}
}
