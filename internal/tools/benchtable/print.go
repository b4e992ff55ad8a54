package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// manyLinks times a cold build of a dossier whose one brief holds 100,000
// wikilinks.
func (t *table) manyLinks(work string) error {
	dir := filepath.Join(work, "links")
	body := strings.Repeat("See [[a]]. ", 100_000)
	files := map[string]string{
		"dossier.yaml":        "title: Links\n",
		"content/_index.md":   "---\ntitle: Home\n---\n[[b]]\n",
		"content/actors/a.md": "---\ntitle: A\n---\nText.\n",
		"content/briefs/b.md": "---\ntitle: B\n---\n" + body + "\n",
	}
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			return err
		}
	}
	walls, _, err := t.repeat(func(i int) []string {
		return []string{"build", "-src", dir, "-out", filepath.Join(work, fmt.Sprintf("links%d", i), "site"), "-cache", ""}
	})
	t.links = figure{median(walls), "s"}
	return err
}

// row is one line of the table: what, its target per size, how measured.
type row struct {
	key, what string
	targets   map[int]string
	command   string
}

func rows() []row {
	return []row{
		{"cold", "cold `dossier build` (empty caches)", map[int]string{1000: "≤ 0.35 s", 10000: "≤ 3.5 s"},
			"`dossier build -src D -out O -cache C` with a new O and C each run"},
		{"warm", "`dossier build` with a warm highlight/render cache, nothing changed", map[int]string{1000: "≤ 0.15 s", 10000: "≤ 1.0 s"},
			"the same command again, same O and C"},
		{"warm-one", "`dossier build` with warm caches, one brief changed", map[int]string{},
			"the same, after `synthetic.Revise` of one brief"},
		{"memory", "peak memory (RSS) of a cold build", map[int]string{1000: "≤ 100 MB", 10000: "≤ 500 MB"},
			"getrusage's ru_maxrss of the cold build's process"},
		{"reload", "`serve`: file write → reload event, one brief edited", map[int]string{1000: "≤ 30 ms", 10000: "≤ 100 ms"},
			"`dossier serve -src D -port 0`: write a brief, time to the `reload` event on /__dossier/events"},
		{"unchanged", "`serve`: a file saved unchanged → no reload, done in", map[int]string{1000: "≤ 10 ms", 10000: "≤ 50 ms"},
			"the same, writing a brief's own bytes back: time to the end of the rebuild it triggers"},
	}
}

// print writes the table in Markdown.
func (t *table) print(w io.Writer) {
	fmt.Fprintf(w, "Measured %s on %d cores; medians of %d runs after a warm-up (go run ./internal/tools/benchtable).\n\n", time.Now().UTC().Format("2006-01-02"), numCPU(), t.runs)
	fmt.Fprint(w, "| measure |")
	for _, n := range t.sizes {
		fmt.Fprintf(w, " N = %s | target |", thousands(n))
	}
	if len(t.sizes) == 2 {
		fmt.Fprint(w, " ratio |")
	}
	fmt.Fprint(w, "\n|---|")
	for range t.sizes {
		fmt.Fprint(w, "---|---|")
	}
	if len(t.sizes) == 2 {
		fmt.Fprint(w, "---|")
	}
	fmt.Fprintln(w)
	for _, r := range rows() {
		fmt.Fprintf(w, "| %s |", r.what)
		for _, n := range t.sizes {
			fmt.Fprintf(w, " %s | %s |", t.rows[r.key][n].String(), or(r.targets[n], "—"))
		}
		if len(t.sizes) == 2 {
			a, b := t.rows[r.key][t.sizes[0]], t.rows[r.key][t.sizes[1]]
			fmt.Fprintf(w, " %.1f× |", b.value/a.value)
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintf(w, "\nA brief with 100,000 wikilinks: cold build %s (target: under 1 s).\n\nHow each row is measured:\n", t.links.String())
	for _, r := range rows() {
		fmt.Fprintf(w, "- %s: %s.\n", r.what, r.command)
	}
}

func (f figure) String() string {
	switch f.unit {
	case "":
		return "—"
	case "s":
		return fmt.Sprintf("%.2f s", f.value)
	case "ms":
		return fmt.Sprintf("%.0f ms", f.value)
	}
	return fmt.Sprintf("%.0f %s", f.value, f.unit)
}

func or(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

func thousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
