package server

import (
	"fmt"
	"io"
	"net/http"
	"time"
)

// eventsPath is where the event stream lives, relative to BasePath.
const eventsPath = "__dossier/events"

// serveEvents streams server-sent events to one page until the request
// ends or the server closes.
func (s *Server) serveEvents(w http.ResponseWriter, r *http.Request) {
	rc := http.NewResponseController(w)
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("X-Accel-Buffering", "no")
	if r.Method == http.MethodHead {
		w.WriteHeader(http.StatusOK)
		return
	}
	_ = rc.SetWriteDeadline(time.Time{}) // a stream outlives write timeouts
	c := s.hub.add()
	defer s.hub.remove(c)
	w.WriteHeader(http.StatusOK)
	fmt.Fprintf(w, "retry: 500\n\n")
	writeEvent(w, "hello", s.state.Load().version)
	if err := rc.Flush(); err != nil {
		s.log("server: event stream: %v", err)
		return
	}
	tick := time.NewTicker(s.heartbeat)
	defer tick.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case <-s.done:
			return
		case e := <-c.ch:
			writeEvent(w, e.kind.String(), e.version)
		case <-tick.C:
			io.WriteString(w, ": heartbeat\n\n")
		}
		if err := rc.Flush(); err != nil {
			return // the page is gone
		}
	}
}

// writeEvent writes one event with a one-line data field.
func writeEvent(w io.Writer, name, data string) {
	fmt.Fprintf(w, "event: %s\ndata: %s\n\n", name, data)
}
