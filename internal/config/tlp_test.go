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
			`dossier.yaml:2:6: tlp "red" is not a TLP 2.0 label: use TLP:CLEAR, TLP:GREEN, TLP:AMBER, TLP:AMBER+STRICT or TLP:RED (write TLP:RED)`},
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

func TestLimits(t *testing.T) {
	cfg, diags := Parse([]byte("title: T\nlimits:\n  file_size: 2MB\n  nesting: 20\n"))
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	if l := cfg.Limits(); l.FileBytes != 2<<20 || l.Nesting != 20 || l.Links != 100_000 {
		t.Errorf("limits = %+v", l)
	}
	_, diags = Parse([]byte("title: T\nlimits:\n  file_size: lots\n"))
	if len(diags) != 1 || diags[0].String() != `dossier.yaml:3:14: file_size "lots" is not a size (write a number of bytes, or one with KB or MB: file_size: 20MB)` {
		t.Errorf("diagnostics = %v", diags)
	}
	if _, diags = Parse([]byte("title: T\nlimits:\n  file_size: 1024MB\n")); len(diags) > 0 {
		t.Errorf("1024MB: %v", diags)
	}
	_, diags = Parse([]byte("title: T\nlimits:\n  file_size: 1025MB\n"))
	if len(diags) != 1 || diags[0].String() != `dossier.yaml:3:14: file_size "1025MB" is over 1GB, the largest file dossier can read (write at most file_size: 1024MB)` {
		t.Errorf("diagnostics = %v", diags)
	}
}
