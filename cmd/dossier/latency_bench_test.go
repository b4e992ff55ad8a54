package main

import (
	"bufio"
	"context"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dossier-project/dossier/internal/synthetic"
)

// BenchmarkEditToReload measures what an editor waits for: the time from
// writing a brief to the "reload" event that tells the open page to
// reload. It runs the serve command in-process (watcher, 5ms debounce,
// incremental build, publish, server-sent events) on the sample dossier
// and on synthetic ones of 1,000 and 10,000 briefs, each written once per
// process.
//
// ns/op is the whole wait; build-ms/op is the part the serve command
// itself reports as its rebuild ("built N files in D"), and
// other-ms/op the rest (debounce, file events, publish, event delivery).
//
// The 10k dossier's first build takes a while: run with -benchtime=5x.
func BenchmarkEditToReload(b *testing.B) {
	for _, d := range latencyDossiers() {
		b.Run(d.name, func(b *testing.B) { benchEditToReload(b, d.dir(b), d.file) })
	}
}

// BenchmarkSavedUnchanged measures a save that changes nothing (an
// editor's save without edits): from the write to the end of the rebuild
// it triggers, which finds nothing to reload.
func BenchmarkSavedUnchanged(b *testing.B) {
	for _, d := range latencyDossiers() {
		b.Run(d.name, func(b *testing.B) { benchSavedUnchanged(b, d.dir(b), d.file) })
	}
}

type latencyDossier struct {
	name, file string
	dir        func(testing.TB) string
}

func latencyDossiers() []latencyDossier {
	return []latencyDossier{
		{"sample", sampleBrief, latencySample},
		{"1k-briefs", synthetic.BriefFile(500), latency1k},
		{"10k-briefs", synthetic.BriefFile(5000), latency10k},
	}
}

func benchSavedUnchanged(b *testing.B, dir, file string) {
	s := startServe(b, 10*time.Minute, "-src", dir, "-port", "0", "-cache", "")
	events := openEvents(b, s.URL+"__dossier/events")
	path := filepath.Join(dir, filepath.FromSlash(file))
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		builds := s.Stderr.Count("built ")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			b.Fatal(err)
		}
		for s.Stderr.Count("built ") == builds {
			time.Sleep(200 * time.Microsecond)
		}
	}
	b.StopTimer()
	select {
	case name := <-events.names:
		b.Fatalf("an unchanged save sent %q", name)
	default:
	}
}

func benchEditToReload(b *testing.B, dir, file string) {
	s := startServe(b, 10*time.Minute, "-src", dir, "-port", "0")
	events := openEvents(b, s.URL+"__dossier/events")
	path := filepath.Join(dir, filepath.FromSlash(file))
	buildsBefore := len(builtLine.FindAllString(s.Stderr.String(), -1))
	n := 0
	var waited time.Duration
	for b.Loop() {
		n++
		start := time.Now()
		if err := synthetic.Revise(path, latencyRevision()); err != nil {
			b.Fatal(err)
		}
		events.waitReload(b, 5*time.Minute, s)
		waited += time.Since(start)
	}
	var built time.Duration
	for _, m := range builtLine.FindAllStringSubmatch(s.Stderr.String(), -1)[buildsBefore:] {
		d, err := time.ParseDuration(m[1])
		if err != nil {
			b.Fatalf("serve reported %q: %v", m[0], err)
		}
		built += d
	}
	perOp := func(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) / float64(n) }
	b.ReportMetric(perOp(built), "build-ms/op")
	b.ReportMetric(perOp(waited-built), "other-ms/op")
}

// builtLine is what serve prints after each successful build.
var builtLine = regexp.MustCompile(`(?m)^built \d+ files in (\S+)`)

// eventStream is a connection to the server's event stream.
type eventStream struct {
	names chan string // event names, in order; closed at the end
}

// openEvents connects to the event stream at url until the benchmark
// ends, and waits for its "hello".
func openEvents(tb testing.TB, url string) *eventStream {
	tb.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	tb.Cleanup(cancel)
	req, err := http.NewRequestWithContext(ctx, "GET", url, nil)
	if err != nil {
		tb.Fatal(err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		tb.Fatal(err)
	}
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "text/event-stream" {
		resp.Body.Close()
		tb.Fatalf("GET %s: %s, Content-Type %q", url, resp.Status, resp.Header.Get("Content-Type"))
	}
	es := &eventStream{names: make(chan string, 100)}
	go func() {
		defer close(es.names)
		defer resp.Body.Close()
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			if name, ok := strings.CutPrefix(sc.Text(), "event: "); ok {
				es.names <- name
			}
		}
	}()
	select {
	case name := <-es.names:
		if name != "hello" {
			tb.Fatalf("first event %q, want hello", name)
		}
	case <-time.After(stepDeadline):
		tb.Fatalf("no hello from %s within %v", url, stepDeadline)
	}
	return es
}

// waitReload waits up to d for the next "reload" event.
func (es *eventStream) waitReload(tb testing.TB, d time.Duration, s *served) {
	tb.Helper()
	timeout := time.After(d)
	for {
		select {
		case name, ok := <-es.names:
			if !ok {
				tb.Fatal("the event stream ended")
			}
			if name == "reload" {
				return
			}
		case <-timeout:
			tb.Fatalf("no reload event within %v; serve's stderr:\n%s", d, s.Stderr)
		}
	}
}

// The benchmarks' dossiers are written once per process into temporary
// folders, which TestMain removes.
var (
	latencySample = latencyDir("sample", copySampleTo)
	latency1k     = latencyDir("1k", synthetic.Default(1000).Write)
	latency10k    = latencyDir("10k", synthetic.Default(10000).Write)
	latencyTemp   struct {
		mu   sync.Mutex
		dirs []string
		rev  int
	}
)

func latencyDir(name string, write func(dir string) error) func(testing.TB) string {
	var once sync.Once
	var dir string
	var err error
	return func(tb testing.TB) string {
		once.Do(func() {
			dir, err = os.MkdirTemp("", "dossier-bench-"+name+"-")
			if err != nil {
				return
			}
			latencyTemp.mu.Lock()
			latencyTemp.dirs = append(latencyTemp.dirs, dir)
			latencyTemp.mu.Unlock()
			err = write(dir)
		})
		if err != nil {
			tb.Fatal(err)
		}
		return dir
	}
}

// latencyRevision returns a new revision number for each edit of the
// process, so that every edit changes the page.
func latencyRevision() int {
	latencyTemp.mu.Lock()
	defer latencyTemp.mu.Unlock()
	latencyTemp.rev++
	return latencyTemp.rev
}

// TestMain gives the commands a cache folder of their own (not the
// user's), and removes it and the benchmarks' dossiers afterwards.
func TestMain(m *testing.M) {
	cache, err := os.MkdirTemp("", "dossier-test-cache-")
	if err == nil {
		os.Setenv("XDG_CACHE_HOME", cache)
		defer os.RemoveAll(cache)
	}
	code := m.Run()
	for _, dir := range latencyTemp.dirs {
		os.RemoveAll(dir)
	}
	if code != 0 {
		os.Exit(code)
	}
}
