package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// The load test's shape: clients, how long, how often the brief changes.
const (
	loadClients  = 200
	loadDuration = 10 * time.Second
	loadEvery    = 300 * time.Millisecond
)

var (
	versionRe = regexp.MustCompile(`var v = "([^"]+)"`)
	counterRe = regexp.MustCompile(`EDIT-COUNTER-(\d+)-END`)
)

// TestServeUnderLoad runs dossier serve on 127.0.0.1 with 200 clients,
// each holding the event stream open, as a browser does, and asking for a
// brief again and again for 10 s, while the brief is saved every 300 ms
// with a counter in its body. Every answer is a whole page (200, the
// length it says, ending in </html>, one reload script) with one counter;
// each client sees versions and counters that never go back; every
// answer of one version shows the same counter. There are no transport
// errors, and once serve stops the goroutines are back to where they were.
func TestServeUnderLoad(t *testing.T) {
	if testing.Short() {
		t.Skip("200 clients for 10 s; skipped in -short mode")
	}
	baseline := runtime.NumGoroutine()
	dir := copySample(t)
	brief := filepath.Join(dir, filepath.FromSlash(sampleBrief))
	original, err := os.ReadFile(brief)
	if err != nil {
		t.Fatal(err)
	}
	saveCounter(t, brief, original, 0)
	s, stop := startServeStoppable(t, "-src", dir, "-port", "0")
	pageURL := s.URL + "briefs/xi-letter-strategic-partnership/"
	tr := &http.Transport{MaxIdleConnsPerHost: 2 * loadClients}
	client := &http.Client{Transport: tr, Timeout: stepDeadline}
	eventually(t, stepDeadline, "the first page", func() bool {
		resp, body := get(t, client, pageURL)
		return resp.StatusCode == 200 && counterRe.MatchString(body)
	})

	ctx, cancel := context.WithTimeout(context.Background(), loadDuration)
	defer cancel()
	l := &loadRun{client: client, url: pageURL, versions: map[string]int{}}
	var wg sync.WaitGroup
	for range loadClients {
		wg.Go(func() { l.client1(ctx, s.URL+"__dossier/events") })
	}
	edits := editEvery(ctx, t, brief, original)
	wg.Wait()
	for _, e := range l.errors() {
		t.Error(e)
	}
	t.Logf("%d clients, %v: %d pages, %d edits, %d reload events, last counter seen %d",
		loadClients, loadDuration, l.pages.Load(), edits, l.reloads.Load(), l.maxCounter.Load())
	if l.maxCounter.Load() < int64(edits)/2 {
		t.Errorf("the pages fell behind: the last counter seen is %d after %d edits", l.maxCounter.Load(), edits)
	}
	eventually(t, stepDeadline, "the last edit served", func() bool {
		_, body := get(t, client, pageURL)
		return strings.Contains(body, fmt.Sprintf("EDIT-COUNTER-%d-END", edits))
	})
	stop()
	tr.CloseIdleConnections()
	eventually(t, stepDeadline, fmt.Sprintf("goroutines back to %d", baseline), func() bool {
		return runtime.NumGoroutine() <= baseline
	})
}

// saveCounter saves the brief with counter n at the end of its body, as
// an editor that writes a new file and renames it over the old one.
func saveCounter(t *testing.T, brief string, original []byte, n int) {
	t.Helper()
	data := fmt.Appendf(append([]byte(nil), original...), "\nEDIT-COUNTER-%d-END\n", n)
	tmp := filepath.Join(filepath.Dir(brief), ".saving.tmp")
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, brief); err != nil {
		t.Fatal(err)
	}
}

// editEvery saves the brief with a new counter every loadEvery until ctx
// ends, and returns the last counter.
func editEvery(ctx context.Context, t *testing.T, brief string, original []byte) int {
	tick := time.NewTicker(loadEvery)
	defer tick.Stop()
	n := 0
	for {
		select {
		case <-ctx.Done():
			return n
		case <-tick.C:
			n++
			saveCounter(t, brief, original, n)
		}
	}
}

// loadRun is what the clients of one load test saw.
type loadRun struct {
	client  *http.Client
	url     string
	pages   atomic.Int64
	reloads atomic.Int64

	maxCounter atomic.Int64
	mu         sync.Mutex
	versions   map[string]int // the counter each version showed
	problems   []string
}

func (l *loadRun) fail(format string, args ...any) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.problems) < 20 {
		l.problems = append(l.problems, fmt.Sprintf(format, args...))
	}
}

func (l *loadRun) errors() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.problems
}

// client1 is one client: an event stream held open, and pages asked for
// one after the other until ctx ends.
func (l *loadRun) client1(ctx context.Context, events string) {
	streamCtx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { defer close(done); l.listen(streamCtx, events) }()
	lastGen, lastCounter := -1, -1
	for ctx.Err() == nil {
		gen, counter, ok := l.page()
		if !ok {
			continue
		}
		if gen < lastGen || counter < lastCounter {
			l.fail("a client saw generation %d counter %d after generation %d counter %d", gen, counter, lastGen, lastCounter)
		}
		lastGen, lastCounter = gen, counter
	}
	cancel()
	<-done
}

// page asks for the brief once and checks the answer.
func (l *loadRun) page() (gen, counter int, ok bool) {
	resp, err := l.client.Get(l.url)
	if err != nil {
		l.fail("transport error: %v", err)
		return 0, 0, false
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	l.pages.Add(1)
	page := string(body)
	switch {
	case err != nil:
		l.fail("reading a page: %v", err)
	case resp.StatusCode != 200:
		l.fail("status %s", resp.Status)
	case resp.ContentLength != int64(len(body)) || !strings.HasSuffix(page, "</html>\n"):
		l.fail("a torn page: %d bytes of %d, ending %q", len(body), resp.ContentLength, page[max(len(page)-20, 0):])
	case strings.Count(page, "<script data-dossier-live-reload>") != 1:
		l.fail("a page with %d reload scripts", strings.Count(page, "<script data-dossier-live-reload>"))
	default:
		return l.agree(page)
	}
	return 0, 0, false
}

// agree checks that a page has one counter, and the same one as every
// other page of its version.
func (l *loadRun) agree(page string) (gen, counter int, ok bool) {
	counters := counterRe.FindAllStringSubmatch(page, -1)
	v := versionRe.FindStringSubmatch(page)
	if len(counters) != 1 || v == nil {
		l.fail("a page with %d counters and version %v", len(counters), v)
		return 0, 0, false
	}
	counter, _ = strconv.Atoi(counters[0][1])
	_, genText, _ := strings.Cut(v[1], ".")
	gen, _ = strconv.Atoi(genText)
	for c := l.maxCounter.Load(); int64(counter) > c && !l.maxCounter.CompareAndSwap(c, int64(counter)); c = l.maxCounter.Load() {
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if was, seen := l.versions[v[1]]; seen && was != counter {
		l.problems = append(l.problems, fmt.Sprintf("version %s showed counter %d and counter %d: a mixed page", v[1], was, counter))
	}
	l.versions[v[1]] = counter
	return gen, counter, true
}

// listen holds the event stream open until ctx ends, counting reloads.
func (l *loadRun) listen(ctx context.Context, url string) {
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	resp, err := l.client.Do(req)
	if err != nil {
		if ctx.Err() == nil {
			l.fail("event stream: %v", err)
		}
		return
	}
	defer resp.Body.Close()
	sc := bufio.NewScanner(resp.Body)
	for sc.Scan() {
		if sc.Text() == "event: reload" {
			l.reloads.Add(1)
		}
	}
}

// startServeStoppable is startServe with a stop function that cancels
// the command and waits for it to return.
func startServeStoppable(t *testing.T, args ...string) (*served, func()) {
	t.Helper()
	s := &served{Stdout: &syncBuffer{}, Stderr: &syncBuffer{}}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- run(ctx, append([]string{"serve"}, args...), s.Stdout, s.Stderr) }()
	var once sync.Once
	stop := func() {
		once.Do(func() {
			cancel()
			select {
			case err := <-done:
				if err != nil {
					t.Errorf("dossier serve: %v", err)
				}
			case <-time.After(stepDeadline):
				t.Errorf("dossier serve did not stop within %v", stepDeadline)
			}
		})
	}
	t.Cleanup(stop)
	eventually(t, stepDeadline, "serve's address", func() bool { return servingLine.MatchString(s.Stdout.String()) })
	s.URL = servingLine.FindStringSubmatch(s.Stdout.String())[1]
	return s, stop
}
