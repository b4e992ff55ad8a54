package synthetic_test

import (
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dossier-project/dossier/internal/build"
	"github.com/dossier-project/dossier/internal/buildtest"
	"github.com/dossier-project/dossier/internal/synthetic"
)

// TestValid checks that a synthetic dossier passes "dossier check" with
// no errors and no warnings: no orphans, no unknown references, every
// quotation found in its paragraph, only valid vocabulary.
func TestValid(t *testing.T) {
	spec := synthetic.Default(300)
	dir := t.TempDir()
	if err := spec.Write(dir); err != nil {
		t.Fatal(err)
	}
	res, diags := buildtest.Build(t, dir, build.Options{})
	if res == nil || len(diags) > 0 {
		t.Fatalf("%d diagnostics:\n%s", len(diags), diags)
	}
	want := 1 + spec.Briefs + spec.Actors + spec.Events + spec.Sources + spec.Commentary
	pages := 0
	for name := range res.Files {
		if strings.HasSuffix(name, "/index.html") && strings.Count(name, "/") == 2 &&
			!strings.HasPrefix(name, "tags/") {
			pages++
		}
	}
	if pages+1 != want { // +1: the home page, "index.html"
		t.Errorf("%d content pages, want %d", pages+1, want)
	}
}

// TestChecksBite makes sure the dossier exercises the quotation and
// anchor checks: breaking a quotation or a heading is an error.
func TestChecksBite(t *testing.T) {
	spec := synthetic.Default(30)
	for _, tc := range []struct{ name, file, old, new, want string }{
		{"quotation", synthetic.BriefFile(3), "\" [[source-", "zzz\" [[source-", "is not in source-"},
		{"anchor", synthetic.BriefFile(4), "## Evidence", "## Evidenz", "has no anchor #evidence"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := spec.Write(dir); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(dir, tc.file)
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			broken := strings.Replace(string(data), tc.old, tc.new, 1)
			if broken == string(data) {
				t.Fatalf("%s has no %q", tc.file, tc.old)
			}
			if err := os.WriteFile(path, []byte(broken), 0o644); err != nil {
				t.Fatal(err)
			}
			_, diags := buildtest.Build(t, dir, build.Options{})
			if !strings.Contains(diags.String(), tc.want) {
				t.Errorf("diagnostics lack %q:\n%s", tc.want, diags)
			}
		})
	}
}

func TestDeterministic(t *testing.T) {
	a, b := synthetic.Default(50).Files(), synthetic.Default(50).Files()
	if !maps.EqualFunc(a, b, func(x, y []byte) bool { return string(x) == string(y) }) {
		t.Error("two calls wrote different dossiers")
	}
	if _, ok := a[synthetic.BriefFile(49)]; !ok {
		t.Errorf("no %s", synthetic.BriefFile(49))
	}
}

func TestRevise(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.md")
	for _, tc := range []struct{ before, after string }{
		{"---\ntitle: A\n---\n\nText.\n\nRevision 0.\n", "---\ntitle: A\n---\n\nText.\n\nRevision 7.\n"},
		{"---\ntitle: A\n---\n\nText.\n", "---\ntitle: A\n---\n\nText.\n\nRevision 7.\n"},
		{"---\ntitle: A\n---\n\nText.", "---\ntitle: A\n---\n\nText.\n\nRevision 7.\n"},
	} {
		if err := os.WriteFile(path, []byte(tc.before), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := synthetic.Revise(path, 7); err != nil {
			t.Fatal(err)
		}
		got, _ := os.ReadFile(path)
		if string(got) != tc.after {
			t.Errorf("Revise(%q) = %q, want %q", tc.before, got, tc.after)
		}
	}
}
