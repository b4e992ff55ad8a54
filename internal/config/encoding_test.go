package config

import (
	"strings"
	"testing"
)

// TestEncodings: dossier.yaml may start with a byte-order mark (its keys
// and positions are as without it); a byte that is not UTF-8 is an error
// at its line and column.
func TestEncodings(t *testing.T) {
	cfg, diags := Parse([]byte("\uFEFFtitle: T\nbase_url: ftp://x\n"))
	if cfg != nil || strings.TrimSpace(diags.String()) != `dossier.yaml:2:11: base_url "ftp://x" must start with https:// (or http://)` {
		t.Errorf("with a BOM: %v", diags)
	}
	if cfg, diags := Parse([]byte("\uFEFFtitle: T\n")); cfg == nil || cfg.Title != "T" || len(diags) != 0 {
		t.Errorf("with a BOM: %+v, %v", cfg, diags)
	}
	cfg, diags = Parse([]byte("title: T\nauthor: Ann\xe9\n"))
	if cfg != nil || strings.TrimSpace(diags.String()) != "dossier.yaml:2:12: invalid UTF-8: byte 0xe9 is not part of a character (save the file as UTF-8)" {
		t.Errorf("invalid UTF-8: %v", diags)
	}
}
