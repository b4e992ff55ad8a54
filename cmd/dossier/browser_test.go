package main

import (
	"os"
	"testing"
)

// requireChromium skips a browser test when Chromium is missing, or fails
// it when DOSSIER_E2E=1 (as in CI), and skips it in -short mode unless
// DOSSIER_E2E=1.
func requireChromium(t *testing.T) {
	t.Helper()
	required := os.Getenv("DOSSIER_E2E") == "1"
	if _, err := os.Stat(chromiumPath); err != nil {
		if required {
			t.Fatalf("DOSSIER_E2E=1 but Chromium is missing: %v", err)
		}
		t.Skipf("Chromium is not installed at %s", chromiumPath)
	}
	if testing.Short() && !required {
		t.Skip("the browser test is skipped in -short mode")
	}
}
