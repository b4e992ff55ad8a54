package build

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// nestedList is a body of depth list items, each nested in the last.
func nestedList(depth int) string {
	var b strings.Builder
	for i := range depth {
		b.WriteString(strings.Repeat("  ", i) + "- item\n")
	}
	return b.String()
}

// nestedQuote is one line of depth blockquote markers.
func nestedQuote(depth int) string {
	return strings.Repeat("> ", depth) + "quoted\n"
}

// TestLimitErrors: each limit is an error at the file, line and column
// where it is passed, with what to do; a body at the limit builds.
func TestLimitErrors(t *testing.T) {
	const head = "---\ntitle: B\n---\n" // the body starts on line 4
	tests := []struct {
		name, config, body, want string
	}{
		{"file size", "limits: {file_size: 1KB}\n", strings.Repeat("word ", 400),
			"content/briefs/b.md: file is 2.0 KB, over the limit of 1.0 KB: not read (split it, or raise limits: file_size: in dossier.yaml)"},
		{"101 nested lists", "", nestedList(101),
			"content/briefs/b.md:104:201: lists and blockquotes nest more than 100 deep here (flatten the nesting, or raise limits: nesting: in dossier.yaml)"},
		{"101 nested blockquotes", "", "Text.\n\n" + nestedQuote(101),
			"content/briefs/b.md:6:201: lists and blockquotes nest more than 100 deep here (flatten the nesting, or raise limits: nesting: in dossier.yaml)"},
		{"blockquotes in lists", "limits: {nesting: 3}\n", "- a\n  - > > b\n",
			"content/briefs/b.md:5:7: lists and blockquotes nest more than 3 deep here (flatten the nesting, or raise limits: nesting: in dossier.yaml)"},
		{"links per file", "limits: {links: 10}\n", strings.Repeat("[[a]] ", 10) + "\nand [[a]]\n",
			"content/briefs/b.md:5:5: more than 10 links in one file (split the page, or raise limits: links: in dossier.yaml)"},
		{"100 nested lists", "", nestedList(100), ""},
		{"100 nested blockquotes", "", nestedQuote(100), ""},
		{"4 nested blockquotes in lists", "limits: {nesting: 4}\n", "- a\n  - > > b\n", ""},
		{"10 links", "limits: {links: 10}\n", strings.Repeat("[[a]] ", 10), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, diags := generateFiles(t, map[string]string{
				"dossier.yaml":        "title: T\n" + tt.config,
				"content/briefs/b.md": head + tt.body,
				"content/briefs/a.md": "---\ntitle: A\n---\n",
			}, Options{})
			got := strings.TrimSpace(diags.Errors().String())
			if got != tt.want {
				t.Errorf("errors:\n got: %s\nwant: %s", got, tt.want)
			}
			if (res == nil) != (tt.want != "") {
				t.Errorf("built: %v", res != nil)
			}
		})
	}
}

// TestFiftyMegabyteFileRefusedUnread: under the default limit of 10 MB,
// a 50 MB content file is an error, and the build never holds it: it
// allocates less than half the file's size in all.
func TestFiftyMegabyteFileRefusedUnread(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"dossier.yaml":           "title: T\n",
		"content/_index.md":      "---\ntitle: Home\n---\n",
		"content/briefs/huge.md": "---\ntitle: Huge\n---\n",
	})
	if err := os.Truncate(filepath.Join(dir, "content/briefs/huge.md"), 50<<20); err != nil {
		t.Fatal(err)
	}
	fsys := dirFS(t, dir)
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	res, diags := generate(t, fsys, Options{})
	runtime.ReadMemStats(&after)
	want := "content/briefs/huge.md: file is 50.0 MB, over the limit of 10.0 MB: not read (split it, or raise limits: file_size: in dossier.yaml)"
	if res != nil || strings.TrimSpace(diags.Errors().String()) != want {
		t.Errorf("errors:\n got: %s\nwant: %s", diags.Errors(), want)
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 25<<20 {
		t.Errorf("the build allocated %d MB", alloc>>20)
	}
}

// writeTree writes files (name -> contents) under dir.
func writeTree(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
