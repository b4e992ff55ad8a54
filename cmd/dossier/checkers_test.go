package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// The checkers a web team runs come from npm: the W3C Nu HTML checker
// (vnu-jar, run with Java) and axe-core. .ci/run installs pinned versions
// into a cache folder and sets DOSSIER_NODE_MODULES to its node_modules;
// to run these tests by hand:
//
//	npm install --prefix ~/.cache/dossier-ci vnu-jar@VERSION axe-core@VERSION
//	DOSSIER_NODE_MODULES=~/.cache/dossier-ci/node_modules go test ./cmd/dossier
//
// (the versions are in .ci/run).

// requireNodeModule returns the path of a file of an npm package under
// DOSSIER_NODE_MODULES. Without it the test is skipped, unless
// DOSSIER_E2E=1, where it fails; in -short mode it is skipped unless
// DOSSIER_E2E=1.
func requireNodeModule(t *testing.T, rel string) string {
	t.Helper()
	missing := func(format string, args ...any) {
		t.Helper()
		if os.Getenv("DOSSIER_E2E") == "1" {
			t.Fatalf("DOSSIER_E2E=1 but "+format, args...)
		}
		t.Skipf(format, args...)
	}
	if testing.Short() && os.Getenv("DOSSIER_E2E") != "1" {
		t.Skip("the HTML and accessibility checkers are skipped in -short mode")
	}
	dir := os.Getenv("DOSSIER_NODE_MODULES")
	if dir == "" {
		missing("DOSSIER_NODE_MODULES is not set: it names the node_modules folder that holds %s (see .ci/run)", rel)
	}
	p := filepath.Join(dir, filepath.FromSlash(rel))
	if _, err := os.Stat(p); err != nil {
		missing("%s is not installed under DOSSIER_NODE_MODULES: %v", rel, err)
	}
	return p
}

// requireJava returns the java command, skipping or (under DOSSIER_E2E=1)
// failing the test without one.
func requireJava(t *testing.T) string {
	t.Helper()
	java, err := exec.LookPath("java")
	if err != nil {
		if os.Getenv("DOSSIER_E2E") == "1" {
			t.Fatalf("DOSSIER_E2E=1 but there is no Java runtime: %v", err)
		}
		t.Skipf("no Java runtime for the Nu HTML checker: %v", err)
	}
	return java
}
