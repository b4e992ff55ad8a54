package markdown

import (
	"bytes"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/dossier-project/dossier/internal/highlight"
)

// TestLinkKinds checks which links a Doc lists, with their kinds and
// numbers, and that each renders through its own LinkView.
func TestLinkKinds(t *testing.T) {
	r := New(highlight.New(""))
	src := "[[a]] [rel](../actors/b.md#x) [root](/briefs/c/) [ext](https://example.org/) [frag](#top) ![map](/static/m.png) [[d|D]]\n"
	d := r.Parse([]byte(src), Options{})
	var got []string
	for _, l := range d.Links {
		got = append(got, fmt.Sprintf("%d:%s", l.Kind, l.Target))
	}
	want := "0:a 1:../actors/b.md#x 2:/briefs/c/ 2:/static/m.png 0:d"
	if strings.Join(got, " ") != want {
		t.Fatalf("links = %v, want %s", got, want)
	}
	views := []LinkView{{Href: "/r/actors/a/"}, {Href: "/r/actors/b/#x"}, {Href: "/r/briefs/c/"}, {Href: "/r/static/m.png"}, {Href: "/r/d/", Text: "ignored"}}
	html := render(t, r, d, views)
	for _, want := range []string{`<a href="/r/actors/a/">a</a>`, `<a href="/r/actors/b/#x">rel</a>`, `<a href="/r/briefs/c/">root</a>`,
		`<a href="https://example.org/">ext</a>`, `<a href="#top">frag</a>`, `<img src="/r/static/m.png" alt="map">`, `<a href="/r/d/">ignored</a>`} {
		if !strings.Contains(html, want) {
			t.Errorf("missing %s in\n%s", want, html)
		}
	}
}

// TestDangerousURLsDropped: links and images with script URLs keep no
// href or src.
func TestDangerousURLsDropped(t *testing.T) {
	r := New(highlight.New(""))
	for _, src := range []string{"[x](javascript:alert(1))", "[x](JavaScript:alert(1))", "[x](vbscript:msgbox)", "![x](data:text/html;base64,PHNjcmlwdD4=)", "[x](data:image/svg+xml,<svg onload=alert(1)>)", "<script>alert(1)</script>", "<a href=\"javascript:x\">y</a>"} {
		html := render(t, r, r.Parse([]byte(src), Options{}), nil)
		low := strings.ToLower(html)
		for _, bad := range []string{`href="javascript:`, `href="vbscript:`, `src="data:text`, `href="data:image/svg`, "<script", "<a href=\"javascript"} {
			if strings.Contains(low, bad) {
				t.Errorf("%q rendered %q", src, html)
			}
		}
	}
}

// TestDocIsImmutableAndRendersConcurrently renders one Doc from many
// goroutines with different views (run under -race) and checks the Doc
// is unchanged and each render got its own links.
func TestDocIsImmutableAndRendersConcurrently(t *testing.T) {
	r := New(highlight.New(""))
	src := "## Head\n\nText [[a]] and [b](../x/b.md).\n\n```go\nfunc f() {}\n```\n"
	d := r.Parse([]byte(src), Options{})
	before := fmt.Sprintf("%+v", *d)
	var wg sync.WaitGroup
	for i := range 16 {
		wg.Go(func() {
			views := []LinkView{{Href: fmt.Sprintf("/%d/", i)}, {Href: fmt.Sprintf("/%d/b/", i)}}
			html := render(t, r, d, views)
			if !strings.Contains(html, fmt.Sprintf(`href="/%d/"`, i)) || !strings.Contains(html, fmt.Sprintf(`href="/%d/b/"`, i)) {
				t.Errorf("render %d got other links:\n%s", i, html)
			}
		})
	}
	wg.Wait()
	if after := fmt.Sprintf("%+v", *d); after != before {
		t.Errorf("Doc changed by rendering:\n%s\n%s", before, after)
	}
}

func TestQuotesAndText(t *testing.T) {
	r := New(highlight.New(""))
	d := r.Parse([]byte("He said “a strong bond” [[article#p4]] and [[Kim]] met Xi.\n\n> “quoted”, [[src#p2]]\n"), Options{})
	if d.Links[0].Quote != "a strong bond" || d.Links[1].Quote != "" || d.Links[2].Quote != "quoted" {
		t.Errorf("quotes = %q, %q, %q", d.Links[0].Quote, d.Links[1].Quote, d.Links[2].Quote)
	}
	if u, _ := d.Unlinked(); strings.Contains(u, "Kim") || !strings.Contains(u, "met Xi") {
		t.Errorf("unlinked text = %q", u)
	}
}

func TestNumberedParagraphs(t *testing.T) {
	r := New(highlight.New(""))
	d := r.Parse([]byte("First para.\n\nSecond [[x]] para.\n\n- a list\n\nThird.\n"), Options{NumberParagraphs: true})
	if len(d.Paragraphs) != 3 || d.Paragraphs[1] != "Second x para." {
		t.Fatalf("paragraphs = %q", d.Paragraphs)
	}
	html := render(t, r, d, []LinkView{{Href: "/x/"}})
	if !strings.Contains(html, `<p id="p2" data-p="2" class="para">`) {
		t.Errorf("no numbered paragraph in\n%s", html)
	}
}

// BenchmarkManyLinks parses and renders one body of 100,000 wikilinks in
// one paragraph: every step must stay linear.
func BenchmarkManyLinks(b *testing.B) {
	src := []byte(strings.Repeat("“q” [[a#p1]] ", 100_000))
	r := New(highlight.New(""))
	views := make([]LinkView, 100_000)
	for b.Loop() {
		d := r.Parse(src, Options{})
		if len(d.Links) != 100_000 {
			b.Fatal(len(d.Links))
		}
		if err := r.Render(discard{}, d, views); err != nil {
			b.Fatal(err)
		}
	}
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }

// TestSnapshotRestores: a Doc restored from its snapshot and source is the
// Doc parsed, and renders the same.
func TestSnapshotRestores(t *testing.T) {
	r := New(highlight.New(""))
	src := []byte("## H\n\nText “q” [[a#p1]] and [b](../x/b.md).\n")
	d := r.Parse(src, Options{NumberParagraphs: true, ReservedIDs: []string{"h"}})
	snap, err := d.Snapshot()
	if err != nil {
		t.Fatal(err)
	}
	back := Restore(snap, src)
	if fmt.Sprintf("%+v", *back) != fmt.Sprintf("%+v", *d) {
		t.Errorf("restored\n%+v\nparsed\n%+v", *back, *d)
	}
	views := []LinkView{{Href: "/a/"}, {Href: "/b/"}}
	if render(t, r, back, views) != render(t, r, d, views) {
		t.Error("the restored Doc renders differently")
	}
}

// TestSetAside: a Doc set aside renders exactly as the Doc it came from,
// reading its Markdown once per render, and gives the same text; bytes
// that come back changed, or not at all, fail the render rather than
// show another text.
func TestSetAside(t *testing.T) {
	r := New(highlight.New(""))
	src := []byte("## Kim–Xi\n\nText [[a]] é.\n\n```go\nfunc f() {}\n```\n")
	d := r.Parse(src, Options{NumberParagraphs: true})
	views := []LinkView{{Href: "/a/"}}
	want := render(t, r, d, views)
	wantText, _ := d.Text()
	wantUnlinked, _ := d.Unlinked()
	held := &testAside{md: bytes.Clone(src), text: []byte(wantText)}
	aside := d.SetAside(held)
	if aside.src != nil || aside.text != "" || aside.Hash != d.Hash || len(aside.Links) != 1 {
		t.Fatalf("set aside: holds %d bytes and %q, hash %x, %d links", len(aside.src), aside.text, aside.Hash, len(aside.Links))
	}
	if got := render(t, r, aside, views); got != want || held.loads != 1 {
		t.Errorf("set aside, %d loads, renders:\n%s\nwant:\n%s", held.loads, got, want)
	}
	if text, err := aside.Text(); text != wantText || err != nil {
		t.Errorf("set aside, Text() = %q, %v; want %q", text, err, wantText)
	}
	if u, err := aside.Unlinked(); u != wantUnlinked || err != nil || !strings.Contains(wantUnlinked, "Text   é") {
		t.Errorf("set aside, Unlinked() = %q, %v; want %q", u, err, wantUnlinked)
	}
	if snap, err := aside.Snapshot(); snap.Text != wantText || err != nil {
		t.Errorf("set aside, the snapshot's text = %q, %v", snap.Text, err)
	}
	if d.src == nil || d.text == "" {
		t.Error("SetAside changed the Doc it was called on")
	}
	for name, a := range map[string]*testAside{
		"changed": {md: []byte("## Other\n")},
		"lost":    {err: fmt.Errorf("spool gone")},
	} {
		var out strings.Builder
		if err := r.Render(&out, d.SetAside(a), views); err == nil || out.Len() != 0 {
			t.Errorf("%s: Render = %v with %q, want an error and nothing written", name, err, out.String())
		}
	}
	if _, err := d.SetAside(&testAside{err: fmt.Errorf("spool gone")}).Unlinked(); err == nil {
		t.Error("Unlinked hid that the text was lost")
	}
}

// testAside holds what a Doc set aside, and counts the reads of its
// Markdown.
type testAside struct {
	md, text []byte
	err      error
	loads    int
}

func (a *testAside) Markdown() ([]byte, error) { a.loads++; return bytes.Clone(a.md), a.err }
func (a *testAside) Text() ([]byte, error)     { return bytes.Clone(a.text), a.err }
