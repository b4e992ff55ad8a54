package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/dossier-project/dossier/internal/build"
	"github.com/dossier-project/dossier/internal/buildtest"
	"github.com/dossier-project/dossier/internal/content"
	"github.com/dossier-project/dossier/internal/diag"
)

// runAt runs the command line with ctx, which may carry a clock.
func runAt(ctx context.Context, args ...string) (code int, stdout, stderr string) {
	var out, errOut bytes.Buffer
	err := run(ctx, args, &out, &errOut)
	return exitCode(err, &errOut), out.String(), errOut.String()
}

// on9October is a context whose clock reads 9 October 2025.
func on9October() context.Context {
	return context.WithValue(context.Background(), clockKey{}, time.Date(2025, 10, 9, 15, 0, 0, 0, time.UTC))
}

// TestNewPages creates one page of each kind in a new dossier and checks
// that each is where it should be, a draft, dated today where the kind has
// a date, and that the dossier still builds: without drafts, with no
// diagnostic at all; with them, with orphan warnings for the new pages
// and a warning at each placeholder left to replace.
func TestNewPages(t *testing.T) {
	dir := initDossier(t)
	tests := []struct {
		kind, title, path, dateLine string
	}{
		{"brief", "Xi’s letter: a “new stage”?", "content/briefs/xis-letter-a-new-stage.md", "date: 2025-10-09 "},
		{"actor", "Mina Sugiono", "content/actors/mina-sugiono.md", ""},
		{"event", "Réunion à Pyŏngyang", "content/events/reunion-a-pyongyang.md", "date: 2025-10-09 "},
		{"commentary", "Analysts: buffer state", "content/commentary/analysts-buffer-state.md", "date: 2025-10-09\n"},
		{"source", "KCNA, 10 October", "content/sources/kcna-10-october.md", "accessed: 2025-10-09\n"},
	}
	for _, tt := range tests {
		code, stdout, stderr := runAt(on9October(), "new", tt.kind, "-src", dir, tt.title)
		want := filepath.Join(dir, filepath.FromSlash(tt.path))
		if code != 0 || strings.TrimSpace(stdout) != want || !strings.Contains(stderr, "a draft (draft: true)") {
			t.Errorf("new %s %q: exit %d, stdout %q, stderr %q; want path %s and a word that it is a draft", tt.kind, tt.title, code, stdout, stderr, want)
			continue
		}
		data, _ := os.ReadFile(want)
		if !strings.HasPrefix(string(data), "---\ntitle: "+yamlString(tt.title)+"\ndraft: true ") || !strings.Contains(string(data), tt.dateLine) {
			t.Errorf("%s:\n%s", tt.path, data)
		}
	}
	if _, diags := buildtest.Build(t, dir, build.Options{}); len(diags) > 0 {
		t.Errorf("drafts left out, yet:\n%s", diags)
	}
	_, diags := buildtest.Build(t, dir, build.Options{Drafts: true})
	orphans, placeholders := 0, 0
	for _, d := range diags {
		switch {
		case d.Severity != diag.Warning:
			t.Errorf("not a warning in a draft: %s", d)
		case strings.Contains(d.Message, "orphan page"):
			orphans++
		case strings.HasPrefix(d.Message, "placeholder text from dossier new is still here"):
			placeholders++
		default:
			t.Errorf("unexpected diagnostic: %s", d)
		}
	}
	if orphans != len(tests) || placeholders != len(tests)+1 {
		t.Errorf("%d orphan and %d placeholder warnings, want %d and %d (one per body, and the brief's BLUF):\n%s",
			orphans, placeholders, len(tests), len(tests)+1, diags)
	}
}

// TestNewBriefPlaceholderStopsPublishing checks that a new brief whose
// draft mark is removed before its BLUF is written fails a publishing
// build (and check) at the BLUF and the body, and is a warning in the
// preview.
func TestNewBriefPlaceholderStopsPublishing(t *testing.T) {
	dir := initDossier(t)
	_, path, _ := runAt(on9October(), "new", "brief", "-src", dir, "Harbour deal")
	path = strings.TrimSpace(path)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	data = bytes.Replace(data, []byte("draft: true"), []byte("# ready"), 1)
	data = append(data, "\nSee [[port-agreement]].\n"...)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, _ := runCmd(t, "check", "-src", dir, "-format", "text")
	file := filepath.ToSlash(path)
	for _, want := range []string{
		file + ":6:1: placeholder text from dossier new is still here: the page would be published with it (replace it with your own words)",
		file + ":26:1: placeholder text from dossier new is still here: the page would be published with it (replace it with your own words)",
	} {
		if code != 1 || !strings.Contains(stdout, want) {
			t.Errorf("check: exit %d, want 1 and %q in:\n%s", code, want, stdout)
		}
	}
	if code, _, _ := runCmd(t, "build", "-src", dir, "-out", filepath.Join(t.TempDir(), "site")); code != 1 {
		t.Errorf("build: exit %d, want 1", code)
	}
	_, diags := buildtest.Build(t, dir, build.Options{Preview: true})
	if len(diags.Errors()) > 0 || !strings.Contains(diags.String(), "placeholder text from dossier new is still here") {
		t.Errorf("preview:\n%s", diags)
	}
}

func TestNewRefusals(t *testing.T) {
	dir := initDossier(t)
	brief := filepath.Join(dir, "content", "briefs", "port-agreement.md")
	before, _ := os.ReadFile(brief)
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"existing file", []string{"new", "brief", "-src", dir, "Port agreement"}, 1,
			`brief "port-agreement" already exists in content/briefs/port-agreement.md: choose another title or pass -slug`},
		{"existing slug under another file name", []string{"new", "actor", "-src", dir, "-slug", "northland", "North land"}, 1,
			`actor "northland" already exists in content/actors/northland.md`},
		{"not a dossier", []string{"new", "brief", "-src", t.TempDir(), "X"}, 1, "no dossier.yaml in"},
		{"unknown kind", []string{"new", "memo", "X"}, 2, `unknown kind "memo"`},
		{"no title", []string{"new", "brief"}, 2, "give a kind and a title"},
		{"no letters for a slug", []string{"new", "brief", "-src", dir, "김정은"}, 2, "pass -slug"},
		{"-slug not a file name", []string{"new", "brief", "-src", dir, "-slug", "Bad Slug", "Good title"}, 2,
			`-slug "Bad Slug" is not a file name: use only lowercase letters, digits and hyphens, e.g. -slug "bad-slug"`},
		{"-slug out of the folder", []string{"new", "brief", "-src", dir, "-slug", "../../escape", "Good title"}, 2,
			`-slug "../../escape" is not a file name`},
		{"-from on a brief", []string{"new", "brief", "-from", "a.txt", "X"}, 2, "-from imports a source"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := runAt(on9October(), tt.args...)
			if code != tt.code || !strings.Contains(stderr, tt.want) {
				t.Errorf("exit %d, stderr %q; want %d and %q", code, stderr, tt.code, tt.want)
			}
		})
	}
	if after, _ := os.ReadFile(brief); !bytes.Equal(before, after) {
		t.Error("an existing page was overwritten")
	}
}

func TestSlugify(t *testing.T) {
	tests := map[string]string{
		"Xi's letter to Kim Jong-un":         "xis-letter-to-kim-jong-un",
		"China–DPRK: strategic partnership!": "china-dprk-strategic-partnership",
		"Ça, c’est l’Œuvre de Łódź":          "ca-cest-loeuvre-de-lodz",
		"  80th anniversary  ":               "80th-anniversary",
		"김정은 visit":                          "visit",
	}
	for title, want := range tests {
		if got := slugify(title); got != want {
			t.Errorf("slugify(%q) = %q, want %q", title, got, want)
		}
	}
}

// TestNewSourceFrom imports an article whose text would be Markdown if it
// were not escaped, and checks that the source page has its paragraphs,
// in order and unchanged, and that the known and unknown names are listed.
func TestNewSourceFrom(t *testing.T) {
	dir := initDossier(t)
	article := "# Northland signs\n\nThe ministers of Northland and\nSouthland met in Harbourtown.\n\n" +
		"1. Officials said *two* ports [[are]] covered <b>now</b>.\n\n- Analysts in Harbourtown agree.\n\nSeparately, Southland's navy left on Monday.\n"
	file := filepath.Join(t.TempDir(), "article.txt")
	if err := os.WriteFile(file, []byte(article), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := runAt(on9October(), "new", "source", "-src", dir, "-from", file, "Harbour report")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	wantOut := filepath.Join(dir, "content", "sources", "harbour-report.md") + "\n" +
		"imported 5 paragraphs, cited as harbour-report#p1 to harbour-report#p5\n" +
		"actors it names:\n  Northland (northland)\n" +
		"names that match no actor (candidates for new actor pages):\n  Harbourtown (2)\n  Southland (2)\n"
	if stdout != wantOut {
		t.Errorf("stdout:\n%s\nwant:\n%s", stdout, wantOut)
	}
	res, diags := buildtest.Build(t, dir, build.Options{Drafts: true})
	if res == nil {
		t.Fatal(diags)
	}
	page := string(res.Files["sources/harbour-report/index.html"])
	want := []string{
		`<p id="p1" data-p="1" class="para"># Northland signs</p>`,
		`<p id="p2" data-p="2" class="para">The ministers of Northland and Southland met in Harbourtown.</p>`,
		`<p id="p3" data-p="3" class="para">1. Officials said *two* ports [[are]] covered &lt;b&gt;now&lt;/b&gt;.</p>`,
		`<p id="p4" data-p="4" class="para">- Analysts in Harbourtown agree.</p>`,
		`<p id="p5" data-p="5" class="para">Separately, Southland&rsquo;s navy left on Monday.</p>`,
	}
	for _, w := range want {
		if !strings.Contains(page, w) {
			t.Errorf("source page lacks %s", w)
		}
	}
	if n := len(res.Graph.Lookup(content.Source, "harbour-report").Doc.Paragraphs); n != len(want) {
		t.Errorf("%d numbered paragraphs, want %d", n, len(want))
	}
}

func TestSplitParagraphs(t *testing.T) {
	lines := splitParagraphs("One.\nTwo.\n\n\nThree.\r\n")
	blocks := splitParagraphs("One\nstill one.\n\nTwo.")
	if !slices.Equal(lines, []string{"One. Two.", "Three."}) {
		t.Errorf("lines = %q", lines)
	}
	if !slices.Equal(blocks, []string{"One still one.", "Two."}) {
		t.Errorf("blocks = %q", blocks)
	}
	if got := splitParagraphs("a\nb\n"); !slices.Equal(got, []string{"a", "b"}) {
		t.Errorf("lines without blank lines = %q", got)
	}
}
