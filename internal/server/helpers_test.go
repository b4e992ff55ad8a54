package server

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"
)

// deadline bounds every wait for something that should happen.
const deadline = 10 * time.Second

// quiet is how long to wait to be sure that something does not happen.
const quiet = 300 * time.Millisecond

// site is a small built site.
func site() map[string][]byte {
	return map[string][]byte{
		"index.html":          []byte("<!doctype html><html><body><h1>Home</h1></body></html>"),
		"briefs/x/index.html": []byte("<!doctype html><html><body><h1>X</h1></body></html>"),
		"static/style.css":    []byte("body { color: black }"),
		"404.html":            []byte("<!doctype html><html><body><h1>Not here</h1></body></html>"),
	}
}

// startServer serves s over HTTP on 127.0.0.1 until the test ends.
func startServer(t *testing.T, s *Server) *httptest.Server {
	t.Helper()
	ts := httptest.NewServer(s)
	t.Cleanup(ts.Close)
	t.Cleanup(s.Close) // runs first: ends the streams that ts.Close waits for
	return ts
}

// msg is one server-sent event, or a comment (Event ":"), or a retry
// field (Event "retry").
type msg struct {
	Event, Data string
}

// stream is a connected event stream.
type stream struct {
	msgs   chan msg // closed at the end of the stream
	cancel context.CancelFunc
}

// connect opens the event stream at url and reads it in the background.
func connect(t *testing.T, url string) *stream {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	req, _ := http.NewRequestWithContext(ctx, "GET", url, nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	if ct := resp.Header.Get("Content-Type"); resp.StatusCode != 200 || ct != "text/event-stream" {
		t.Fatalf("events: %s, Content-Type %q", resp.Status, ct)
	}
	st := &stream{msgs: make(chan msg, 1000), cancel: cancel}
	go st.read(resp.Body)
	return st
}

// read parses the stream into msgs.
func (st *stream) read(body io.ReadCloser) {
	defer close(st.msgs)
	defer body.Close()
	sc := bufio.NewScanner(body)
	var m msg
	for sc.Scan() {
		line := sc.Text()
		field, value, _ := strings.Cut(line, ": ")
		switch {
		case line == "":
			if m.Event != "" {
				st.msgs <- m
			}
			m = msg{}
		case strings.HasPrefix(line, ":"):
			st.msgs <- msg{Event: ":", Data: strings.TrimSpace(line[1:])}
		case field == "retry":
			st.msgs <- msg{Event: "retry", Data: value}
		case field == "event":
			m.Event = value
		case field == "data":
			m.Data = value
		}
	}
}

// next returns the next message other than comments, failing after the
// deadline.
func (st *stream) next(t *testing.T) msg {
	t.Helper()
	timeout := time.After(deadline)
	for {
		select {
		case m, ok := <-st.msgs:
			if !ok {
				t.Fatal("event stream ended")
			}
			if m.Event != ":" {
				return m
			}
		case <-timeout:
			t.Fatal("no event within", deadline)
		}
	}
}

// expect waits for the next event and checks its name.
func (st *stream) expect(t *testing.T, name string) msg {
	t.Helper()
	m := st.next(t)
	if m.Event != name {
		t.Fatalf("event %q (data %q), want %q", m.Event, m.Data, name)
	}
	return m
}

// none asserts that no event comes within the quiet period.
func (st *stream) none(t *testing.T) {
	t.Helper()
	timeout := time.After(quiet)
	for {
		select {
		case m, ok := <-st.msgs:
			if ok && m.Event != ":" {
				t.Fatalf("unexpected event %q", m.Event)
			}
		case <-timeout:
			return
		}
	}
}

// open connects and consumes the greeting (retry and hello).
func open(t *testing.T, url string) (*stream, msg) {
	t.Helper()
	st := connect(t, url)
	if m := st.next(t); m.Event != "retry" || m.Data != "500" {
		t.Fatalf("first message %+v, want retry: 500", m)
	}
	return st, st.expect(t, "hello")
}

// waitFor polls cond until it holds, failing after the deadline.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	timeout := time.After(deadline)
	tick := time.NewTicker(5 * time.Millisecond)
	defer tick.Stop()
	for !cond() {
		select {
		case <-tick.C:
		case <-timeout:
			t.Fatal("timed out waiting for", what)
		}
	}
}

// get serves one request through s and returns the recorded response.
func get(s *Server, method, target string, header ...string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(method, target, nil)
	req.Host = "127.0.0.1:8080"
	for i := 0; i+1 < len(header); i += 2 {
		if header[i] == "Host" {
			req.Host = header[i+1]
			continue
		}
		req.Header.Set(header[i], header[i+1])
	}
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	return rec
}

// lastPublished remembers what each test server was last given, so that
// publish can say which paths changed, as the build does.
var lastPublished sync.Map // *Server -> map[string][]byte

// publish hands s a site of files, with the paths that changed since the
// last publish to s.
func publish(s *Server, files map[string][]byte) {
	var changed []string
	prev, _ := lastPublished.Load(s)
	old, _ := prev.(map[string][]byte)
	fsys := fstest.MapFS{}
	for name, data := range files {
		fsys[name] = &fstest.MapFile{Data: data}
		if o, ok := old[name]; !ok || !bytes.Equal(o, data) {
			changed = append(changed, name)
		}
	}
	for name := range old {
		if _, ok := files[name]; !ok {
			changed = append(changed, name)
		}
	}
	lastPublished.Store(s, files)
	s.Publish(fsys, changed)
}
