package config

import (
	"strings"
	"testing"
)

// TestYAMLProblemsNameTheFile checks that dossier.yaml's problems are
// reported at dossier.yaml, in an editor's words, and never as "front
// matter"; a key in the wrong case is an error, since the setting it
// means would otherwise be ignored.
func TestYAMLProblemsNameTheFile(t *testing.T) {
	tests := []struct{ src, want string }{
		{"title: T\ntitle: U\n", `dossier.yaml:2:1: duplicate key "title" (first at line 1) (keep one of them)`},
		{"title: [T\nbase_url: /\n", `dossier.yaml:1:8: unclosed "[": the list that starts here has no "]" (add "]" after its last item)`},
		{"title: T\nPublish_Max_TLP: TLP:RED\n", `dossier.yaml:2:1: key "Publish_Max_TLP" is not read: keys are case-sensitive (write "publish_max_tlp")`},
		{"title: T\nlimits:\n  Nesting: 5\n", `dossier.yaml:3:3: key "Nesting" is not read: keys are case-sensitive (write "nesting")`},
		{"title: T\nlimits:\n  nesting: deep\n", `dossier.yaml:3:12: nesting: expected a number, found text`},
	}
	for _, tt := range tests {
		cfg, diags := Parse([]byte(tt.src))
		if got := strings.TrimSuffix(diags.String(), "\n"); cfg != nil || got != tt.want {
			t.Errorf("%q:\n got %s\nwant %s", tt.src, got, tt.want)
		}
	}
	_, diags := Parse([]byte("title: T\ntitel: U\n"))
	if got := diags.String(); got != "dossier.yaml:2:1: warning: unknown key \"titel\" (did you mean \"title\"?)\n" {
		t.Errorf("unknown key: %s", got)
	}
}
