package build

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite the expected output in testdata/golden/*.txtar")

// TestGolden builds each testdata/golden/*.txtar dossier and compares the
// <main> element of every page named "site/<path>" in the archive with
// what the build writes there. Input files are every other archive file.
// Run with -update to rewrite the expected sections, then review the diff.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/golden/*.txtar")
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden files: %v", err)
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			testGoldenFile(t, file)
		})
	}
}

func testGoldenFile(t *testing.T, file string) {
	ar, err := txtar.ParseFile(file)
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{}
	for _, f := range ar.Files {
		if !strings.HasPrefix(f.Name, "site/") {
			fsys[f.Name] = &fstest.MapFile{Data: f.Data}
		}
	}
	res, diags := generate(t, memFS(fsys), Options{})
	if res == nil {
		t.Fatalf("build failed:\n%s", diags)
	}
	changed := false
	for i, f := range ar.Files {
		name, ok := strings.CutPrefix(f.Name, "site/")
		if !ok {
			continue
		}
		out, ok := res.Files[name]
		if !ok {
			t.Errorf("%s: not written by the build", name)
			continue
		}
		got := mainElement(out)
		if *update {
			ar.Files[i].Data = got
			changed = true
			continue
		}
		if !bytes.Equal(got, f.Data) {
			t.Errorf("%s differs from %s (run go test -run TestGolden -update and review the diff)\n--- got\n%s\n--- want\n%s", name, file, got, f.Data)
		}
	}
	if changed {
		if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// mainElement returns the <main> element of a page, or the whole file
// when it has none (non-HTML outputs), ending in a newline.
func mainElement(page []byte) []byte {
	start := bytes.Index(page, []byte("<main"))
	end := bytes.LastIndex(page, []byte("</main>"))
	if start < 0 || end < start {
		return page
	}
	return append(bytes.Clone(page[start:end+len("</main>")]), '\n')
}
