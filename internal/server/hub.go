package server

import "sync"

// eventKind is what a page should do.
type eventKind int

const (
	evNone   eventKind = iota // nothing changed
	evCSS                     // swap stylesheets
	evReload                  // reload the page
)

func (k eventKind) String() string {
	switch k {
	case evCSS:
		return "css"
	case evReload:
		return "reload"
	}
	return "none"
}

// event is one message to the pages: what to do, and the site's version.
type event struct {
	kind    eventKind
	version string
}

// merge combines a pending event with a newer one: the stronger action
// and the newer version.
func merge(old, next event) event {
	return event{kind: max(old.kind, next.kind), version: next.version}
}

// hub fans events out to the connected pages without ever blocking.
type hub struct {
	mu      sync.Mutex
	clients map[*client]struct{}
}

// client is one connected page; ch holds at most one pending event.
type client struct {
	ch chan event
}

func (h *hub) add() *client {
	c := &client{ch: make(chan event, 1)}
	h.mu.Lock()
	h.clients[c] = struct{}{}
	h.mu.Unlock()
	return c
}

func (h *hub) remove(c *client) {
	h.mu.Lock()
	delete(h.clients, c)
	h.mu.Unlock()
}

// count returns the number of connected clients.
func (h *hub) count() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.clients)
}

// broadcast offers e to every client; evNone is not sent.
func (h *hub) broadcast(e event) {
	if e.kind == evNone {
		return
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	for c := range h.clients {
		c.offer(e)
	}
}

// offer puts e in the client's buffer, merged with the event already
// pending there, if any. Only the hub sends, under its lock, so once the
// pending event is taken out the send succeeds: offer never blocks.
func (c *client) offer(e event) {
	for {
		select {
		case c.ch <- e:
			return
		default:
		}
		select {
		case old := <-c.ch:
			e = merge(old, e)
		default: // the page took it meanwhile; try again
		}
	}
}
