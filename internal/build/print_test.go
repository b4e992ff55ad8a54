package build

import (
	"strings"
	"testing"
)

func TestPrintPageHoldsTheWholeDossier(t *testing.T) {
	res, diags := generate(t, dirFS(t, "../.."), Options{})
	if res == nil {
		t.Fatal(diags)
	}
	page := string(res.Files["print/index.html"])
	if page == "" {
		t.Fatal("no print/index.html")
	}
	for _, n := range res.Graph.Nodes {
		if !strings.Contains(page, `id="`+string(n.Kind())+"-"+n.Page.Slug+`"`) {
			t.Errorf("the print page lacks %s %s", n.Kind(), n.Page.Slug)
		}
	}
	for _, want := range []string{
		"Bottom line up front",
		`<p id="source-article--p4" data-p="4" class="para">In a letter to North Korean leader Kim Jong-un`, // a source's numbered text, its id prefixed
		`class="chrono-item`, // the chronology
		`<div class="tlp tlp-clear"`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the print page lacks %q", want)
		}
	}
	if strings.Count(page, `<div class="tlp `) != 2 {
		t.Error("the handling label must be at the top and the bottom")
	}
}
