package main

import (
	"crypto/sha256"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/dossier-project/dossier/internal/synthetic"
)

// TestKilledBuildsLeaveTheSite builds a dossier of 200 briefs with the
// dossier binary, then rebuilds it 20 times, each killed with SIGKILL:
// half after a random delay shorter than a build of its kind (with or
// without a cache), half at random
// within 3 ms of the moment the new folder is complete (its marker file
// is written just before the swap), where a swap that is not atomic
// would be caught. After every kill the
// site folder is there in full: exactly the files of the first build,
// byte for byte, with modes 0755 and 0644 (the rebuilds are of the same
// dossier, so the old and the new site are the same bytes). Half the
// builds keep a cache (their new site is mostly hard links to the old
// one). The next build that finishes leaves nothing beside the site.
func TestKilledBuildsLeaveTheSite(t *testing.T) {
	if testing.Short() {
		t.Skip("kills 20 builds of a 200-brief dossier (about 20 s); skipped in -short mode")
	}
	start := time.Now()
	bin := buildBinary(t)
	dir := t.TempDir()
	spec := synthetic.Spec{Briefs: 200, Actors: 60, Events: 120, Sources: 20, Paragraphs: 10, Commentary: 10}
	if err := spec.Write(dir); err != nil {
		t.Fatal(err)
	}
	parent := t.TempDir()
	out := filepath.Join(parent, "site")
	cache := t.TempDir()
	buildArgs := func(i int) []string {
		args := []string{"build", "-src", dir, "-out", out, "-cache", ""}
		if i%2 == 1 {
			args[len(args)-1] = cache
		}
		return args
	}
	whole := time.Now()
	if msg, err := exec.Command(bin, buildArgs(0)...).CombinedOutput(); err != nil {
		t.Fatalf("the first build: %v\n%s", err, msg)
	}
	full := time.Since(whole)
	want := siteSums(t, out)
	t.Logf("a whole build takes %v and writes %d files", full.Round(time.Millisecond), len(want))
	// A build with a cache of the same files keeps the site in a tenth of
	// that: its kills are timed by its own length.
	cached := full
	for range 2 {
		start := time.Now()
		if msg, err := exec.Command(bin, buildArgs(1)...).CombinedOutput(); err != nil {
			t.Fatalf("a build with a cache: %v\n%s", err, msg)
		}
		cached = time.Since(start)
	}

	killed := 0
	for i := range 20 {
		length := full
		if i%2 == 1 {
			length = cached
		}
		delay := time.Duration(rand.Int64N(int64(length)))
		atCommit := i%4 >= 2
		if atCommit {
			delay = time.Duration(rand.Int64N(int64(3 * time.Millisecond)))
		}
		if killBuild(t, bin, buildArgs(i), delay, atCommit, parent) {
			killed++
		}
		if got := siteSums(t, out); !sameSums(got, want) {
			t.Fatalf("kill %d, after %v: the site is not the previous one (%d files, want %d)", i+1, delay, len(got), len(want))
		}
		checkModes(t, out)
	}
	if msg, err := exec.Command(bin, buildArgs(0)...).CombinedOutput(); err != nil {
		t.Fatalf("the build after the kills: %v\n%s", err, msg)
	}
	if !sameSums(siteSums(t, out), want) {
		t.Error("the build after the kills wrote another site")
	}
	if entries, _ := os.ReadDir(parent); len(entries) != 1 {
		t.Errorf("left beside the site after a finished build: %v", entries)
	}
	if killed < 10 {
		t.Errorf("only %d of 20 builds were killed before they finished: the test proves little", killed)
	}
	t.Logf("%d of 20 builds killed mid-way; the test took %v", killed, time.Since(start).Round(time.Millisecond))
}

// buildBinary builds the dossier command into a temporary folder.
func buildBinary(t *testing.T) string {
	t.Helper()
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command to build the dossier binary with")
	}
	bin := filepath.Join(t.TempDir(), "dossier")
	if msg, err := exec.Command(gobin, "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, msg)
	}
	return bin
}

// killBuild starts a build and kills it after delay, counted from its
// start or, atCommit, from when a new site folder in parent is complete;
// it reports whether the build was still running then.
func killBuild(t *testing.T, bin string, args []string, delay time.Duration, atCommit bool, parent string) bool {
	t.Helper()
	cmd := exec.Command(bin, args...)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	stale, _ := os.ReadDir(parent) // left by an earlier kill: not this build's
	exited := make(chan struct{})
	var err error
	go func() { err = cmd.Wait(); close(exited) }()
	if atCommit {
		waitComplete(parent, stale, exited)
	}
	time.Sleep(delay)
	_ = cmd.Process.Signal(syscall.SIGKILL)
	<-exited
	if status, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); ok && status.Signaled() {
		return true
	}
	if err != nil {
		t.Fatalf("dossier %s: %v", strings.Join(args, " "), err)
	}
	return false
}

// waitComplete polls parent until a new site folder there, not one of
// stale, holds the marker a build writes last, or until the build has
// exited.
func waitComplete(parent string, stale []os.DirEntry, exited <-chan struct{}) {
	for {
		entries, _ := os.ReadDir(parent)
		for _, e := range entries {
			old := slices.ContainsFunc(stale, func(s os.DirEntry) bool { return s.Name() == e.Name() })
			if strings.HasPrefix(e.Name(), ".site.new-") && !old {
				if _, err := os.Stat(filepath.Join(parent, e.Name(), ".dossier-site")); err == nil {
					return
				}
			}
		}
		select {
		case <-exited:
			return
		case <-time.After(100 * time.Microsecond):
		}
	}
}

// siteSums returns the SHA-256 of every file under dir, by slash path.
func siteSums(t *testing.T, dir string) map[string][sha256.Size]byte {
	t.Helper()
	out := map[string][sha256.Size]byte{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = sha256.Sum256(data)
		return err
	})
	if err != nil {
		t.Fatalf("reading the site: %v", err)
	}
	return out
}

func sameSums(a, b map[string][sha256.Size]byte) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

// checkModes checks that the site's folders are 0755 and its files 0644.
func checkModes(t *testing.T, dir string) {
	t.Helper()
	_ = filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		fi, err := d.Info()
		if err != nil {
			return err
		}
		want := os.FileMode(0o644)
		if d.IsDir() {
			want = 0o755
		}
		if fi.Mode().Perm() != want {
			t.Errorf("%s: mode %v, want %v", p, fi.Mode().Perm(), want)
			return filepath.SkipAll
		}
		return nil
	})
}
