package main

import (
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"runtime/metrics"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// stepDeadline bounds each wait for something that should happen, on a
// loaded two-core machine.
const stepDeadline = 20 * time.Second

// sampleBrief is the sample dossier's brief that the tests edit.
const sampleBrief = "content/briefs/xi-letter-strategic-partnership.md"

// syncBuffer is an io.Writer that a command writes to while a test reads.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

// Count counts the occurrences of sub so far.
func (b *syncBuffer) Count(sub string) int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return bytes.Count(b.buf.Bytes(), []byte(sub))
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// copySample copies the sample dossier (dossier.yaml and content/ at the
// repository's root) into a fresh temporary folder and returns it.
func copySample(tb testing.TB) string {
	tb.Helper()
	dir := tb.TempDir()
	if err := copySampleTo(dir); err != nil {
		tb.Fatal(err)
	}
	return dir
}

func copySampleTo(dir string) error {
	root := filepath.Join("..", "..")
	if err := os.CopyFS(filepath.Join(dir, "content"), os.DirFS(filepath.Join(root, "content"))); err != nil {
		return err
	}
	data, err := os.ReadFile(filepath.Join(root, "dossier.yaml"))
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "dossier.yaml"), data, 0o644)
}

// served is a running "dossier serve".
type served struct {
	URL    string      // "http://127.0.0.1:PORT/BASE/", as printed
	Stdout *syncBuffer // everything the command printed so far
	Stderr *syncBuffer
}

var servingLine = regexp.MustCompile(`serving .* at (http://\S+) \(Ctrl-C to stop\)`)

// startServe runs "dossier serve ARGS" in the background until the test
// ends, and waits (up to firstBuild) for it to print where it serves.
func startServe(tb testing.TB, firstBuild time.Duration, args ...string) *served {
	tb.Helper()
	s := &served{Stdout: &syncBuffer{}, Stderr: &syncBuffer{}}
	p := startRun(tb, append([]string{"serve"}, args...), s.Stdout, s.Stderr)
	s.URL = p.waitOutput(tb, servingLine, firstBuild)[1]
	return s
}

// process is a command running in the background.
type process struct {
	args           []string
	stdout, stderr *syncBuffer
	done           chan struct{} // closed when run returns
	err            error         // run's result, once done
}

// startRun calls run(args) in a goroutine. When the test ends, the
// command's context is cancelled and the test waits for run to return.
func startRun(tb testing.TB, args []string, stdout, stderr *syncBuffer) *process {
	tb.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	p := &process{args: args, stdout: stdout, stderr: stderr, done: make(chan struct{})}
	go func() {
		defer close(p.done)
		p.err = run(ctx, args, stdout, stderr)
	}()
	tb.Cleanup(func() {
		cancel()
		select {
		case <-p.done:
			if p.err != nil {
				tb.Errorf("dossier %s: %v", strings.Join(args, " "), p.err)
			}
		case <-time.After(stepDeadline):
			tb.Errorf("dossier %s did not stop within %v of its cancellation", strings.Join(args, " "), stepDeadline)
		}
	})
	return p
}

// waitOutput polls stdout until re matches and returns the match; it
// fails after d, or when the command ends first.
func (p *process) waitOutput(tb testing.TB, re *regexp.Regexp, d time.Duration) []string {
	tb.Helper()
	deadline := time.After(d)
	tick := time.NewTicker(10 * time.Millisecond)
	defer tick.Stop()
	for {
		if m := re.FindStringSubmatch(p.stdout.String()); m != nil {
			return m
		}
		select {
		case <-p.done:
			tb.Fatalf("dossier %s ended before printing %q: %v\nstdout:\n%s\nstderr:\n%s", strings.Join(p.args, " "), re, p.err, p.stdout, p.stderr)
		case <-deadline:
			tb.Fatalf("no %q on stdout within %v\nstdout:\n%s\nstderr:\n%s", re, d, p.stdout, p.stderr)
		case <-tick.C:
		}
	}
}

// eventually polls cond every 20ms until it holds, failing after d.
func eventually(tb testing.TB, d time.Duration, what string, cond func() bool) {
	tb.Helper()
	deadline := time.Now().Add(d)
	for !cond() {
		if time.Now().After(deadline) {
			tb.Fatalf("%s: not within %v", what, d)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// breakTitle replaces the title line of the Markdown file at path with
// invalid YAML, and returns the file's bytes from before.
func breakTitle(tb testing.TB, path string) []byte {
	tb.Helper()
	good, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	broken := regexp.MustCompile(`(?m)^title:.*$`).ReplaceAllLiteral(good, []byte("title: [unclosed"))
	if bytes.Equal(broken, good) {
		tb.Fatalf("%s has no title line", path)
	}
	if err := os.WriteFile(path, broken, 0o644); err != nil {
		tb.Fatal(err)
	}
	return good
}

// appendTo appends text to the file at path.
func appendTo(tb testing.TB, path, text string) {
	tb.Helper()
	f, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		tb.Fatal(err)
	}
	if _, err := io.WriteString(f, text); err != nil {
		tb.Fatal(err)
	}
	if err := f.Close(); err != nil {
		tb.Fatal(err)
	}
}

func get(tb testing.TB, client *http.Client, url string) (*http.Response, string) {
	tb.Helper()
	resp, err := client.Get(url)
	if err != nil {
		tb.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		tb.Fatal(err)
	}
	return resp, string(body)
}

func TestServeHome(t *testing.T) {
	dir := copySample(t)
	s := startServe(t, stepDeadline, "-src", dir, "-port", "0")
	if !strings.HasPrefix(s.URL, "http://127.0.0.1:") || !strings.HasSuffix(s.URL, "/") {
		t.Fatalf("serving at %q, want http://127.0.0.1:PORT/", s.URL)
	}
	resp, body := get(t, http.DefaultClient, s.URL)
	if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") {
		t.Fatalf("GET %s: %s, Content-Type %q", s.URL, resp.Status, resp.Header.Get("Content-Type"))
	}
	for _, want := range []string{"China–DPRK Strategic Partnership", "<script data-dossier-live-reload>", `"/__dossier/events"`} {
		if !strings.Contains(body, want) {
			t.Errorf("home page lacks %q", want)
		}
	}
	if i, j := strings.Index(body, "data-dossier-live-reload"), strings.LastIndex(body, "</body>"); i < 0 || j < i {
		t.Errorf("the reload script is not inside <body>")
	}
	if strings.Contains(s.Stderr.String(), "warning: listening") {
		t.Errorf("loopback serve warned:\n%s", s.Stderr)
	}
	if !strings.Contains(s.Stderr.String(), "built ") {
		t.Errorf("stderr does not report the first build:\n%s", s.Stderr)
	}
}

func TestServeBasePath(t *testing.T) {
	dir := copySample(t)
	s := startServe(t, stepDeadline, "-src", dir, "-port", "0", "-base-url", "https://user.github.io/repo/")
	if !strings.HasSuffix(s.URL, "/repo/") {
		t.Fatalf("serving at %q, want the path of -base-url", s.URL)
	}
	noRedirect := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	root := strings.TrimSuffix(s.URL, "repo/")
	if resp, _ := get(t, noRedirect, root); resp.StatusCode != http.StatusFound || resp.Header.Get("Location") != "/repo/" {
		t.Errorf("GET %s: %s, Location %q; want a redirect to /repo/", root, resp.Status, resp.Header.Get("Location"))
	}
	resp, body := get(t, http.DefaultClient, s.URL)
	if resp.StatusCode != 200 || !strings.Contains(body, `"/repo/__dossier/events"`) {
		t.Errorf("GET %s: %s; the page should listen to /repo/__dossier/events", s.URL, resp.Status)
	}
}

// TestServeBindRefusedWithoutExpose: binding beyond loopback needs
// -expose (nothing listens otherwise), and -expose warns that drafts and
// restricted pages become visible. (Tests listen on 127.0.0.1 only, so
// the exposed case is checked without listening.)
func TestServeBindRefusedWithoutExpose(t *testing.T) {
	dir := copySample(t)
	var stdout, stderr bytes.Buffer
	err := run(context.Background(), []string{"serve", "-src", dir, "-port", "0", "-bind", "0.0.0.0"}, &stdout, &stderr)
	if code := exitCode(err, &stderr); code != 2 || !strings.Contains(stderr.String(), "add -expose to confirm") {
		t.Errorf("exit %d, stderr:\n%s", code, stderr.String())
	}
	var warn bytes.Buffer
	allow, err := checkBind("192.0.2.7", true, []string{"dev.example"}, &warn)
	if err != nil || !strings.Contains(warn.String(), "drafts and handling-restricted pages (TLP above publish_max_tlp) are visible to the network") {
		t.Errorf("checkBind with -expose: %v, warning %q", err, warn.String())
	}
	if strings.Join(allow, " ") != "dev.example 192.0.2.7" {
		t.Errorf("allowed hosts = %v, want the bind address added", allow)
	}
	if allow, err := checkBind("127.0.0.1", false, nil, &warn); err != nil || len(allow) != 0 {
		t.Errorf("loopback: %v, %v", allow, err)
	}
}

func TestServeBusyPort(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	busy := ln.Addr().(*net.TCPAddr).Port
	var stdout, stderr bytes.Buffer
	err = run(context.Background(), []string{"serve", "-src", copySample(t), "-port", strconv.Itoa(busy)}, &stdout, &stderr)
	if code := exitCode(err, &stderr); code != 1 {
		t.Fatalf("exit status %d, want 1 (err %v)", code, err)
	}
	re := regexp.MustCompile(`^dossier: 127\.0\.0\.1:(\d+) is already in use \(another dossier serve\?\); try -port (\d+), which is free now, or -port 0\n$`)
	m := re.FindStringSubmatch(stderr.String())
	if m == nil {
		t.Fatalf("stderr:\n%s\nwant a match for %s", stderr.String(), re)
	}
	if m[1] != strconv.Itoa(busy) || m[2] == m[1] || m[2] == "0" {
		t.Errorf("busy port %d: the message names %s busy and suggests %s", busy, m[1], m[2])
	}
	if stdout.Len() != 0 {
		t.Errorf("stdout: %q, want nothing", stdout.String())
	}
}

func TestBuildWatch(t *testing.T) {
	dir := copySample(t)
	out := filepath.Join(t.TempDir(), "site")
	stdout, stderr := &syncBuffer{}, &syncBuffer{}
	p := startRun(t, []string{"build", "-watch", "-src", dir, "-out", out}, stdout, stderr)
	p.waitOutput(t, regexp.MustCompile(`watching .* for changes`), stepDeadline)
	page := filepath.Join(out, "briefs", "xi-letter-strategic-partnership", "index.html")
	read := func() string {
		b, _ := os.ReadFile(page) // a missing file reads as ""
		return string(b)
	}
	if !strings.Contains(read(), "Xi's letter") {
		t.Fatalf("the first build did not write %s:\nstdout:\n%s\nstderr:\n%s", page, stdout, stderr)
	}

	const added = "A sentence added while watching."
	appendTo(t, filepath.Join(dir, sampleBrief), "\n"+added+"\n")
	eventually(t, stepDeadline, "site/ rebuilt with the new sentence", func() bool { return strings.Contains(read(), added) })

	// A failed build reports its error and leaves the last good site.
	breakTitle(t, filepath.Join(dir, "content", "briefs", "strategic-context.md"))
	eventually(t, stepDeadline, "the failed build reported", func() bool {
		return strings.Contains(stderr.String(), "content/briefs/strategic-context.md:")
	})
	if !strings.Contains(read(), added) {
		t.Error("a failed build changed the site")
	}
}

// TestServeBasePathWhenFirstBuildFails: a content error in the first build
// must not move the preview to "/": the error page shows under base_url's
// path, and the fixed site is served there.
func TestServeBasePathWhenFirstBuildFails(t *testing.T) {
	dir := copySample(t)
	yaml := filepath.Join(dir, "dossier.yaml")
	data, err := os.ReadFile(yaml)
	if err != nil {
		t.Fatal(err)
	}
	fixed := strings.Replace(string(data), "base_url: https://example.org/", "base_url: https://user.github.io/korea/", 1)
	if fixed == string(data) {
		t.Fatal("sample dossier.yaml has no base_url line to change")
	}
	if err := os.WriteFile(yaml, []byte(fixed), 0o644); err != nil {
		t.Fatal(err)
	}
	brief := filepath.Join(dir, "content", "briefs", "strategic-context.md")
	good := breakTitle(t, brief)
	s := startServe(t, stepDeadline, "-src", dir, "-port", "0")
	if !strings.HasSuffix(s.URL, "/korea/") {
		t.Fatalf("serving at %q, want /korea/ from dossier.yaml", s.URL)
	}
	if resp, body := get(t, http.DefaultClient, s.URL); resp.StatusCode != http.StatusInternalServerError || !strings.Contains(body, "content/briefs/strategic-context.md:") {
		t.Errorf("GET %s: %s; want the error page naming the broken file", s.URL, resp.Status)
	}
	if err := os.WriteFile(brief, good, 0o644); err != nil {
		t.Fatal(err)
	}
	eventually(t, stepDeadline, "the fixed site under /korea/", func() bool {
		resp, body := get(t, http.DefaultClient, s.URL)
		return resp.StatusCode == 200 && strings.Contains(body, `href="/korea/static/style.css"`)
	})
}

// TestServeNotADossier: serve in a folder without dossier.yaml exits 1
// with the error build gives, before it listens, instead of serving an
// error page forever.
func TestServeNotADossier(t *testing.T) {
	dir := t.TempDir()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	var serveOut, serveErr bytes.Buffer
	err := run(ctx, []string{"serve", "-src", dir, "-port", "0"}, &serveOut, &serveErr)
	if ctx.Err() != nil {
		t.Fatal("serve kept running in a folder that is not a dossier")
	}
	code := exitCode(err, &serveErr)
	buildCode, _, buildErr := runCmd(t, "build", "-src", dir, "-out", filepath.Join(t.TempDir(), "site"))
	want := dir + "/dossier.yaml: no dossier.yaml here: this folder is not a dossier (run dossier init DIR to start one, or pass -src DIR)\ndossier: 1 error\n"
	if code != 1 || serveErr.String() != want || buildCode != 1 || buildErr != want || serveOut.Len() != 0 {
		t.Errorf("serve: exit %d, stderr %q\nbuild: exit %d, stderr %q\nwant exit 1 and %q from both", code, serveErr.String(), buildCode, buildErr, want)
	}
}

// TestFirstBuildGarbageIsCollected: serve collects the first build's
// garbage as soon as it serves it, not during the first edits, which the
// collection would slow (at 10,000 briefs a first edit waited for the
// collection of a whole build's heap).
func TestFirstBuildGarbageIsCollected(t *testing.T) {
	forced := func() uint64 {
		s := []metrics.Sample{{Name: "/gc/cycles/forced:gc-cycles"}}
		metrics.Read(s)
		return s[0].Value.Uint64()
	}
	before := forced()
	startServe(t, stepDeadline, "-src", copySample(t), "-port", "0")
	eventually(t, stepDeadline, "a collection after the first build", func() bool { return forced() > before })
}
