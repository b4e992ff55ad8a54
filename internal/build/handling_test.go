package build

import (
	"bytes"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// The handling guard, output by output. A dossier has public pages and
// hidden ones: drafts of every kind (one of them TLP:AMBER) that name,
// link to, tag and relate to the public pages. Everything hidden is
// marked "Xqz" (in titles, aliases, summaries, tags, analysts, bodies and
// slugs), a string the public pages and default templates never hold.

const hiddenMark = "xqz"

// publicPages is a small dossier with a page of every kind.
var publicPages = map[string]string{
	"dossier.yaml":                "title: Handling dossier\nbase_url: https://example.org/\n",
	"content/_index.md":           "---\ntitle: Home\n---\nSee [[pub]].\n",
	"content/briefs/pub.md":       "---\ntitle: Public brief\ndate: 2025-10-01\nactors: [kim]\nevents: [pub-event]\nsources: [src]\ntags: [shared]\n---\nAbout [[kim]].\n",
	"content/actors/kim.md":       "---\ntitle: Kim\nkind: person\n---\nAn actor.\n",
	"content/actors/lee.md":       "---\ntitle: Lee\nkind: person\nrelations:\n  - {to: kim, type: ally of}\n---\nAnother actor.\n",
	"content/events/pub-event.md": "---\ntitle: Public event\ndate: 2025-10-02\nactors: [kim]\n---\nIt happened.\n",
	"content/sources/src.md":      "---\ntitle: Public source\npublisher: P\nreliability: B\ncredibility: 2\n---\nA source on [[kim]].\n",
	"content/commentary/pub-c.md": "---\ntitle: Public commentary\nanalyst: Ann\ndate: 2025-10-03\nactors: [kim]\n---\nOn [[kim]].\n",
}

// hiddenPages are drafts of every kind that point at the public pages.
var hiddenPages = map[string]string{
	"content/briefs/xqz-brief.md": "---\ntitle: Xqz brief\ndraft: true\nsummary: Xqz summary\ndate: 2025-10-04\nactors: [kim]\nevents: [pub-event]\n" +
		"sources: [src]\ntags: [shared, xqz-tag]\nkey_judgments:\n  - {text: Xqz judgment, likelihood: likely, confidence: low, sources: [src]}\n---\nXqz body on [[kim]], [[pub]], [[src]] and [[Lee]].\n",
	"content/briefs/xqz-amber.md": "---\ntitle: Xqz amber brief\ndraft: true\ntlp: TLP:AMBER\ndate: 2025-10-05\nactors: [kim]\n---\nXqz amber body on [[kim]].\n",
	"content/events/xqz-event.md": "---\ntitle: Xqz event\ndraft: true\ndate: 2025-10-06\nactors: [kim]\nsources: [src]\n---\nXqz event body, [[pub-event]].\n",
	"content/actors/xqz-actor.md": "---\ntitle: Xqz actor\ndraft: true\nkind: person\naliases: [Xqz alias]\nrelations:\n  - {to: kim, type: ally of}\n---\nXqz actor body.\n",
	"content/sources/xqz-src.md":  "---\ntitle: Xqz source\ndraft: true\npublisher: Xqz publisher\n---\nXqz source body on [[kim]].\n",
	"content/commentary/xqz-c.md": "---\ntitle: Xqz commentary\ndraft: true\nanalyst: Xqz analyst\ndate: 2025-10-07\nactors: [kim]\n---\nXqz comment on [[kim]].\n",
}

// handlingOutputs are the outputs the guard must keep hidden pages out
// of: a file, or the part of it from the string from to the string to,
// with what it shows of the public pages (so that an empty or missing
// output cannot pass). The home page and 404 page name no page: the home
// page's counts leave the drafts out.
var handlingOutputs = []struct{ name, path, from, to, public string }{
	{"home: section counts", "index.html", "", "", `Briefs <span class="count">1</span>`},
	{"brief list", "briefs/index.html", "", "", "Public brief"},
	{"actor list", "actors/index.html", "", "", "Lee"},
	{"actor network graph", "actors/index.html", "<svg", "</svg>", "Kim"},
	{"event list", "events/index.html", "", "", "Public event"},
	{"commentary list", "commentary/index.html", "", "", "Public commentary"},
	{"source list", "sources/index.html", "", "", "Public source"},
	{"tag list", "tags/index.html", "", "", "shared"},
	{"tag page", "tags/shared/index.html", "", "", "Public brief"},
	{"chronology page", "chronology/index.html", "", "", "Public event"},
	{"chronology JSON", "chronology.json", "", "", "Public event"},
	{"search index", searchIndexFiles, "", "", "Public brief"},
	{"feed", "feed.xml", "", "", "Public brief"},
	{"sitemap", "sitemap.xml", "", "", "/briefs/pub/"},
	{"print", "print/index.html", "", "", "Public commentary"},
	{"actor graph on an actor page", "actors/kim/index.html", "<svg", "</svg>", "Lee"},
	{"actor page: chronology", "actors/kim/index.html", `id="chronology"`, "</section>", "Public brief"},
	{"actor page: named in", "actors/kim/index.html", `id="named-in"`, "</section>", "Public commentary"},
	{"actor page: linked from", "actors/kim/index.html", `id="linked-from"`, "</section>", "Public source"},
	{"actor page: relations", "actors/kim/index.html", `id="relations"`, "</section>", "Lee"},
	{"event page: backlinks", "events/pub-event/index.html", `id="referenced-by"`, "</section>", "Public brief"},
	{"source page: cited by", "sources/src/index.html", `id="cited-by"`, "</section>", "Public brief"},
	{"brief page: backlinks", "briefs/pub/index.html", `id="referenced-by"`, "</section>", "Home"},
	{"404 page", "404.html", "", "", "Briefs"},
}

// searchIndexFiles names the search index among the outputs: search.json, or
// the files under search/ that hold it.
const searchIndexFiles = "(search index)"

// outputData returns the output file name of files, or with searchIndexFiles
// all the files of the search index.
func outputData(files map[string][]byte, name string) []byte {
	if name != searchIndexFiles {
		return files[name]
	}
	var all []byte
	for _, p := range slices.Sorted(maps.Keys(files)) {
		if p == "search.json" || strings.HasPrefix(p, "search/") && p != "search/index.html" {
			all = append(all, files[p]...)
		}
	}
	return all
}

// part returns data from the first from to the first to after it, or
// all of data when from is "".
func part(data []byte, from, to string) []byte {
	if from == "" {
		return data
	}
	i := bytes.Index(data, []byte(from))
	if i < 0 {
		return nil
	}
	j := bytes.Index(data[i:], []byte(to))
	if j < 0 {
		return nil
	}
	return data[i : i+j+len(to)]
}

// TestHandlingGuardDraftsInNoOutput: built without -drafts, no hidden
// page shows in any output, nor is any file written for it; built with
// -drafts (the control), every output shows them.
func TestHandlingGuardDraftsInNoOutput(t *testing.T) {
	files := maps.Clone(publicPages)
	maps.Copy(files, hiddenPages)
	res, diags := generate(t, memFS(mapFS(files)), Options{})
	if res == nil {
		t.Fatal(diags)
	}
	for _, o := range handlingOutputs {
		data := part(outputData(res.Files, o.path), o.from, o.to)
		switch {
		case data == nil:
			t.Errorf("%s: no %s, or no %s in it", o.name, o.path, o.from)
		case !bytes.Contains(data, []byte(o.public)):
			t.Errorf("%s (%s) lacks the public %q", o.name, o.path, o.public)
		case bytes.Contains(bytes.ToLower(data), []byte(hiddenMark)):
			t.Errorf("%s (%s) shows a draft: %s", o.name, o.path, around(data, hiddenMark))
		}
	}
	for path, data := range res.Files {
		if strings.Contains(path, hiddenMark) || bytes.Contains(bytes.ToLower(data), []byte(hiddenMark)) {
			t.Errorf("%s shows a draft", path)
		}
	}

	delete(files, "content/briefs/xqz-amber.md") // above the limit: the guard's own test
	res, diags = generate(t, memFS(mapFS(files)), Options{Drafts: true})
	if res == nil {
		t.Fatal(diags)
	}
	for _, o := range handlingOutputs {
		data := part(outputData(res.Files, o.path), o.from, o.to)
		if o.path != "404.html" && o.path != "index.html" && !bytes.Contains(bytes.ToLower(data), []byte(hiddenMark)) {
			t.Errorf("control: built with -drafts, %s (%s) shows no draft: the check above proves nothing", o.name, o.path)
		}
	}
}

// around returns some text around the first case-insensitive mark in data.
func around(data []byte, mark string) string {
	i := bytes.Index(bytes.ToLower(data), []byte(mark))
	return string(data[max(i-80, 0):min(i+80, len(data))])
}

// TestHandlingGuardAboveLimitWritesNothing: a page above publish_max_tlp
// fails a publishing build, which writes nothing and leaves the last
// site byte for byte; the preview shows the page, with a warning.
func TestHandlingGuardAboveLimitWritesNothing(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "site")
	b := NewBuilder(Options{})
	defer b.Close()
	if res, diags := buildInto(t, b, memFS(mapFS(publicPages)), out, nil); res == nil {
		t.Fatal(diags)
	}
	before := readFiles(t, out)

	files := maps.Clone(publicPages)
	files["content/briefs/xqz-amber.md"] = "---\ntitle: Xqz amber brief\ntlp: TLP:AMBER\nactors: [kim]\n---\nXqz amber body on [[kim]] and [[pub]].\n"
	res, diags := buildInto(t, b, memFS(mapFS(files)), out, nil)
	if res != nil || !strings.Contains(diags.Errors().String(), "content/briefs/xqz-amber.md:3:6: page is TLP:AMBER, above publish_max_tlp TLP:CLEAR") {
		t.Fatalf("the publishing build of an amber page: result %v, errors:\n%s", res != nil, diags.Errors())
	}
	after := readFiles(t, out)
	if !maps.EqualFunc(before, after, bytes.Equal) {
		t.Error("the failed build changed the site")
	}
	if entries, _ := os.ReadDir(parent); len(entries) != 1 {
		t.Errorf("beside the site: %v", entries)
	}

	preview, diags := generate(t, memFS(mapFS(files)), Options{Preview: true})
	if preview == nil || !strings.Contains(diags.Warnings().String(), "xqz-amber.md:3:6: warning: page is TLP:AMBER, above publish_max_tlp TLP:CLEAR: shown in this preview only") {
		t.Fatalf("preview: result %v, warnings:\n%s", preview != nil, diags)
	}
	if page := preview.Files["briefs/xqz-amber/index.html"]; !bytes.Contains(page, []byte("TLP:AMBER")) {
		t.Error("the preview does not show the amber page with its label")
	}
}

// mapFS makes a dossier in memory from name -> contents.
func mapFS(files map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for name, src := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(src)}
	}
	return fsys
}
