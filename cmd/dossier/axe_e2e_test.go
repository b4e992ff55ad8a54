package main

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// axeViolation is one axe-core rule a page breaks.
type axeViolation struct {
	ID, Impact, Help string
	Targets          []string // the first few elements, as selectors
	Count            int      // how many elements break the rule
}

// runAxe runs axe-core, already injected, over the page.
const runAxe = `axe.run(document, {resultTypes: ["violations"]}).then(r => r.violations.map(v => ({
	ID: v.id, Impact: v.impact || "", Help: v.help, Count: v.nodes.length,
	Targets: v.nodes.slice(0, 3).map(n => n.target.join(" ") + (n.failureSummary ? " — " + n.failureSummary.split("\n").slice(1, 2).join("").trim() : "")),
})))`

// TestAxe injects axe-core into one page of every kind of the built
// sample, and of a generated dossier (tables, code), at 375 and 1280 px,
// in light and dark mode, and fails on any violation of impact serious or
// critical; others are logged. Skipped without Chromium or axe-core
// unless DOSSIER_E2E=1.
func TestAxe(t *testing.T) {
	requireChromium(t)
	src, err := os.ReadFile(requireNodeModule(t, "axe-core/axe.min.js"))
	if err != nil {
		t.Fatal(err)
	}
	b := newBrowser(t)
	t.Run("sample", func(t *testing.T) { checkAxe(t, b, string(src), serveSample(t), pageKinds) })
	t.Run("generated", func(t *testing.T) {
		site, pages := serveGenerated(t)
		checkAxe(t, b, string(src), site, pages)
	})
}

func checkAxe(t *testing.T, b *browser, axe, site string, pages []pageKind) {
	runs := 0
	for _, p := range pages {
		for _, width := range []int64{phone, desktop} {
			for _, dark := range []bool{false, true} {
				b.open(t, site+p.path, width, dark)
				eval[bool](t, b, axe+"\n;true")
				where := fmt.Sprintf("%s (/%s) at %d px, %s", p.kind, p.path, width, map[bool]string{false: "light", true: "dark"}[dark])
				for _, v := range eval[[]axeViolation](t, b, runAxe) {
					msg := fmt.Sprintf("%s: %s (%s, %d elements): %s\n\t%s", where, v.ID, v.Impact, v.Count, v.Help, strings.Join(v.Targets, "\n\t"))
					if v.Impact == "serious" || v.Impact == "critical" {
						t.Error(msg)
					} else {
						t.Log(msg)
					}
				}
				runs++
			}
		}
	}
	t.Logf("axe-core ran %d times (%d pages × 2 widths × 2 schemes)", runs, len(pages))
}
