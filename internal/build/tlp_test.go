package build

import (
	"strings"
	"testing"
)

// TestTLPGuard checks that a build refuses pages above publish_max_tlp,
// at the page's tlp: value, and then writes nothing.
func TestTLPGuard(t *testing.T) {
	brief := func(tlp string, draft bool) string {
		s := "---\ntitle: B\n"
		if draft {
			s += "draft: true\n"
		}
		if tlp != "" {
			s += "tlp: " + tlp + "\n"
		}
		return s + "---\n"
	}
	const hint = " (keep it out of this site with draft: true; raise publish_max_tlp in dossier.yaml only if the site is not public)"
	tests := []struct {
		name   string
		config string
		page   string
		opts   Options
		want   string
	}{
		{"amber page, default limit", "title: T\n", brief("TLP:AMBER", false), Options{},
			"content/briefs/b.md:3:6: page is TLP:AMBER, above publish_max_tlp TLP:CLEAR: it would be published" + hint},
		{"red page, lower-case", "title: T\npublish_max_tlp: TLP:AMBER+STRICT\n", brief("tlp:red", false), Options{},
			"content/briefs/b.md:3:6: page is TLP:RED, above publish_max_tlp TLP:AMBER+STRICT: it would be published" + hint},
		{"green page under a green limit", "title: T\npublish_max_tlp: TLP:GREEN\n", brief("TLP:GREEN", false), Options{}, ""},
		{"amber draft left out", "title: T\n", brief("TLP:AMBER", true), Options{}, ""},
		{"amber draft built with -drafts", "title: T\n", brief("TLP:AMBER", true), Options{Drafts: true},
			"content/briefs/b.md:4:6: page is TLP:AMBER, above publish_max_tlp TLP:CLEAR: it would be published (it is a draft: build without -drafts to leave it out)"},
		{"the preview shows it, with a warning", "title: T\n", brief("TLP:AMBER", true), Options{Drafts: true, Preview: true}, ""},
		{"site default above the limit", "title: T\ntlp: TLP:AMBER\n", brief("TLP:CLEAR", false), Options{},
			"dossier.yaml:2:6: the site's default tlp is TLP:AMBER, above publish_max_tlp TLP:CLEAR: the pages without their own tlp (1) would be published (lower tlp in dossier.yaml if it was set too high; raise publish_max_tlp only if this site is not public)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, diags := generateFiles(t, map[string]string{
				"dossier.yaml":        tt.config,
				"content/_index.md":   "---\ntitle: Home\n---\n",
				"content/briefs/b.md": tt.page,
			}, tt.opts)
			got := strings.TrimSpace(diags.Errors().String())
			if got != tt.want {
				t.Errorf("errors:\n got: %s\nwant: %s", got, tt.want)
			}
			if (res == nil) != (tt.want != "") {
				t.Errorf("result = %v, want nil exactly when the guard fires", res != nil)
			}
			if tt.opts.Preview && !strings.Contains(diags.Warnings().String(), "b.md:4:6: warning: page is TLP:AMBER, above publish_max_tlp TLP:CLEAR: shown in this preview only") {
				t.Errorf("preview warnings = %s", diags.Warnings())
			}
		})
	}
}
