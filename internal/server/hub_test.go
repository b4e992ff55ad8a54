package server

import (
	"fmt"
	"testing"
)

func TestOfferCoalesces(t *testing.T) {
	for _, tc := range []struct {
		kinds []eventKind
		want  eventKind
	}{
		{[]eventKind{evCSS, evCSS, evCSS}, evCSS},
		{[]eventKind{evCSS, evReload, evCSS}, evReload},
		{[]eventKind{evReload, evCSS}, evReload},
	} {
		var h hub
		h.clients = map[*client]struct{}{}
		c := h.add()
		for i, k := range tc.kinds {
			h.broadcast(event{kind: k, version: fmt.Sprint(i)})
		}
		if len(c.ch) != 1 {
			t.Fatalf("%v: %d pending events, want 1", tc.kinds, len(c.ch))
		}
		got := <-c.ch
		if want := fmt.Sprint(len(tc.kinds) - 1); got.kind != tc.want || got.version != want {
			t.Errorf("%v: pending %v %s, want %v %s", tc.kinds, got.kind, got.version, tc.want, want)
		}
	}
}

func TestBroadcastManyToIdleClient(t *testing.T) {
	var h hub
	h.clients = map[*client]struct{}{}
	c := h.add()
	for i := range 100 {
		h.broadcast(event{kind: evCSS + eventKind(i%2), version: fmt.Sprint(i)})
	}
	if got := <-c.ch; got.kind != evReload || got.version != "99" || len(c.ch) != 0 {
		t.Errorf("pending %+v and %d more, want one reload at version 99", got, len(c.ch))
	}
	h.broadcast(event{kind: evNone})
	if len(c.ch) != 0 {
		t.Error("evNone was sent")
	}
}

func TestChangeKind(t *testing.T) {
	for _, tc := range []struct {
		changed []string
		want    eventKind
	}{
		{nil, evNone},
		{[]string{"s.css"}, evCSS},
		{[]string{"s.css", "t.css"}, evCSS},
		{[]string{"index.html", "s.css"}, evReload},
		{[]string{"index.html"}, evReload},
	} {
		if got := changeKind(tc.changed); got != tc.want {
			t.Errorf("changeKind(%q) = %v, want %v", tc.changed, got, tc.want)
		}
	}
}
