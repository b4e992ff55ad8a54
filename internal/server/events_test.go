package server

import (
	"fmt"
	"net"
	"strings"
	"testing"
	"time"
)

func TestEventsReloadAndCSS(t *testing.T) {
	s := New(Options{})
	publish(s, site())
	ts := startServer(t, s)
	st, hello := open(t, ts.URL+"/__dossier/events")
	if hello.Data != s.state.Load().version {
		t.Errorf("hello %q, want the current version %q", hello.Data, s.state.Load().version)
	}

	next := site()
	next["static/style.css"] = []byte("body { color: navy }")
	publish(s, next)
	css := st.expect(t, "css")
	if css.Data == hello.Data {
		t.Error("css event did not change the version")
	}

	next = site()
	next["static/style.css"] = []byte("body { color: navy }")
	next["briefs/y/index.html"] = []byte("<p>new page</p>")
	publish(s, next)
	st.expect(t, "reload")

	publish(s, next) // the same build again
	st.none(t)
}

func TestEventsFirstBuildReloads(t *testing.T) {
	s := New(Options{BasePath: "/repo/"})
	ts := startServer(t, s)
	st, _ := open(t, ts.URL+"/repo/__dossier/events")
	publish(s, map[string][]byte{"static/a.css": nil}) // even CSS only
	st.expect(t, "reload")
}

func TestEventsHelloCarriesVersion(t *testing.T) {
	// A page that reconnects after missing a build, or after the server
	// restarted, is greeted with a version other than its own.
	s := New(Options{})
	publish(s, site())
	ts := startServer(t, s)
	_, before := open(t, ts.URL+"/__dossier/events")
	next := site()
	next["index.html"] = []byte("<p>changed</p>")
	publish(s, next)
	_, after := open(t, ts.URL+"/__dossier/events")
	if before.Data == after.Data {
		t.Errorf("version %q did not change with a build", before.Data)
	}
	if restarted := New(Options{}); restarted.state.Load().version == New(Options{}).state.Load().version {
		t.Error("two servers share a version")
	}
}

func TestStalledClientsDoNotBlockPublish(t *testing.T) {
	s := New(Options{})
	publish(s, site())
	ts := startServer(t, s)
	// 50 pages whose connections are never read ...
	addr := strings.TrimPrefix(ts.URL, "http://")
	for range 50 {
		conn, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { conn.Close() })
		fmt.Fprintf(conn, "GET /__dossier/events HTTP/1.1\r\nHost: %s\r\n\r\n", addr)
	}
	// ... and 50 clients of the hub that never take their events.
	for range 50 {
		s.hub.add()
	}
	waitFor(t, "100 clients", func() bool { return s.hub.count() == 100 })
	st, _ := open(t, ts.URL+"/__dossier/events")

	done := make(chan struct{})
	go func() {
		defer close(done)
		for i := range 100 {
			next := site()
			next["index.html"] = fmt.Appendf(nil, "<p>build %d</p>", i)
			publish(s, next)
		}
	}()
	select {
	case <-done:
	case <-time.After(2 * time.Second):
		t.Fatal("Publish blocked on stalled clients")
	}
	final := s.state.Load().version
	for {
		m := st.expect(t, "reload")
		if m.Data == final {
			break
		}
	}
}

func TestBurstCoalesces(t *testing.T) {
	s := New(Options{})
	publish(s, site())
	ts := startServer(t, s)
	st, _ := open(t, ts.URL+"/__dossier/events")
	for i := range 100 {
		next := site()
		next["index.html"] = fmt.Appendf(nil, "<p>build %d</p>", i)
		publish(s, next)
	}
	final := s.state.Load().version
	n := 0
	for {
		n++
		if m := st.expect(t, "reload"); m.Data == final {
			break
		}
	}
	st.none(t)
	t.Logf("100 builds, %d events", n)
}

func TestHeartbeat(t *testing.T) {
	s := New(Options{})
	s.heartbeat = 10 * time.Millisecond
	ts := startServer(t, s)
	st, _ := open(t, ts.URL+"/__dossier/events")
	select {
	case m := <-st.msgs:
		if m.Event != ":" {
			t.Errorf("got %+v, want a comment", m)
		}
	case <-time.After(deadline):
		t.Fatal("no heartbeat")
	}
}

func TestClientRemovedWhenGone(t *testing.T) {
	s := New(Options{})
	ts := startServer(t, s)
	st, _ := open(t, ts.URL+"/__dossier/events")
	if s.hub.count() != 1 {
		t.Fatalf("%d clients, want 1", s.hub.count())
	}
	st.cancel()
	waitFor(t, "the client to be removed", func() bool { return s.hub.count() == 0 })
}

func TestCloseEndsStreams(t *testing.T) {
	s := New(Options{})
	ts := startServer(t, s)
	st, _ := open(t, ts.URL+"/__dossier/events")
	s.Close()
	timeout := time.After(deadline)
	for {
		select {
		case _, ok := <-st.msgs:
			if !ok {
				return
			}
		case <-timeout:
			t.Fatal("stream still open after Close")
		}
	}
}
