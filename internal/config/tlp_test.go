package config

import "testing"

func TestTLPLabels(t *testing.T) {
	tests := []struct {
		src, tlp, max, diag string
	}{
		{"title: T\n", "TLP:CLEAR", "TLP:CLEAR", ""},
		{"title: T\ntlp: tlp:green\npublish_max_tlp: \"Tlp:Amber\"\n", "TLP:GREEN", "TLP:AMBER", ""},
		{"title: T\npublish_max_tlp: TLP:ORANGE\n", "", "",
			`dossier.yaml:2:18: publish_max_tlp "TLP:ORANGE" is not a TLP 2.0 label: use TLP:CLEAR, TLP:GREEN, TLP:AMBER, TLP:AMBER+STRICT or TLP:RED`},
		{"title: T\ntlp: red\n", "", "",
			`dossier.yaml:2:6: tlp "red" is not a TLP 2.0 label: use TLP:CLEAR, TLP:GREEN, TLP:AMBER, TLP:AMBER+STRICT or TLP:RED (did you mean "TLP:RED"?)`},
	}
	for _, tt := range tests {
		cfg, diags := Parse([]byte(tt.src))
		if tt.diag != "" {
			if cfg != nil || len(diags) != 1 || diags[0].String() != tt.diag {
				t.Errorf("%q: diagnostics %q, want %q", tt.src, diags, tt.diag)
			}
			continue
		}
		if cfg == nil || cfg.TLP.Value != tt.tlp || cfg.PublishMaxTLP.Value != tt.max {
			t.Errorf("%q: got %+v (%v), want tlp %s max %s", tt.src, cfg, diags, tt.tlp, tt.max)
		}
	}
}
