package main

import (
	"bytes"
	"crypto/rand"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// secretVar is the environment variable that carries a test secret into
// a process's /proc/self/environ.
const secretVar = "DOSSIER_TEST_SECRET"

// inSecretProcess makes the calling test run in a process whose
// environment holds a secret from its start, so that /proc/self/environ
// shows it (os.Setenv would not: the kernel's copy is the one the process
// started with). In that child it returns the secret and true; in the
// parent it runs the child, fails the test when the child fails, and
// returns false: the caller returns at once.
func inSecretProcess(t *testing.T) (string, bool) {
	t.Helper()
	if s := os.Getenv(secretVar); s != "" {
		environ, err := os.ReadFile("/proc/self/environ")
		if err != nil || !bytes.Contains(environ, []byte(s)) {
			t.Fatalf("the secret is not in /proc/self/environ (%v): the test would prove nothing", err)
		}
		return s, true
	}
	if _, err := os.Stat("/proc/self/environ"); err != nil {
		t.Skip("no /proc/self/environ on this system")
	}
	secret := "dossier-secret-" + rand.Text()
	args := []string{"-test.run=^" + t.Name() + "$", "-test.count=1", "-test.v"}
	if testing.Short() {
		args = append(args, "-test.short")
	}
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), secretVar+"="+secret)
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "--- PASS: "+t.Name()) {
		t.Fatalf("%s in a process with %s set: %v\n%s", t.Name(), secretVar, err, out)
	}
	return "", false
}
