package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io/fs"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/dossier-project/dossier/internal/build"
	"github.com/dossier-project/dossier/internal/buildtest"
)

// TestNuHTMLChecker runs the W3C Nu HTML checker (vnu-jar) over every
// HTML page, stylesheet and SVG file of the built sample and of a
// generated dossier: no errors. Skipped without vnu-jar or Java unless
// DOSSIER_E2E=1 (see checkers_test.go).
func TestNuHTMLChecker(t *testing.T) {
	jar := requireNodeModule(t, "vnu-jar/build/dist/vnu.jar")
	java := requireJava(t)
	t.Run("sample", func(t *testing.T) {
		site, diags := buildtest.Build(t, "../..", build.Options{})
		if site == nil {
			t.Fatal(diags)
		}
		checkNu(t, java, jar, site.Dir)
	})
	t.Run("generated", func(t *testing.T) {
		site := buildtest.Generated(t, smallGeneratedSpec(), build.Options{})
		checkNu(t, java, jar, site.Dir)
	})
}

// nuReport is the checker's JSON output.
type nuReport struct {
	Messages []struct {
		Type, URL, Message, Extract string
		LastLine                    int
	}
}

// checkNu checks the site in dir and reports each error at its file and
// line; it fails when the checker skipped an HTML page.
func checkNu(t *testing.T, java, jar, dir string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	var stdout, stderr bytes.Buffer
	cmd := exec.CommandContext(ctx, java, "-jar", jar, "--errors-only", "--skip-non-html", "--also-check-css",
		"--also-check-svg", "--format", "json", "--verbose", dir)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	runErr := cmd.Run() // exits 1 when it finds errors
	var rep nuReport
	if err := json.Unmarshal(stderr.Bytes(), &rep); err != nil {
		t.Fatalf("the checker's output is not its JSON report (%v, %v):\n%.2000s", runErr, err, stderr.String())
	}
	checked := strings.Fields(stdout.String())
	for _, page := range htmlFiles(t, dir) {
		if !slices.Contains(checked, page) {
			t.Errorf("the checker did not check %s", page)
		}
	}
	perFile := map[string]int{}
	for _, m := range rep.Messages {
		file := strings.TrimPrefix(strings.TrimPrefix(m.URL, "file:"), dir+"/")
		perFile[file]++
		if perFile[file] <= 5 {
			t.Errorf("%s:%d: %s: %s\n\t%q", file, m.LastLine, m.Type, m.Message, m.Extract)
		}
	}
	t.Logf("checked %d files: %d errors in %d files", len(checked), len(rep.Messages), len(perFile))
	if len(rep.Messages) == 0 && runErr != nil {
		t.Errorf("the checker failed without reporting an error: %v\n%s", runErr, stderr.String())
	}
}

// htmlFiles lists the HTML files under dir.
func htmlFiles(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".html") {
			out = append(out, p)
		}
		return err
	})
	if err != nil || len(out) == 0 {
		t.Fatalf("no HTML files in %s: %v", dir, err)
	}
	return out
}
