package server

import (
	"net/http"
	"testing"
)

// TestHostsRefused: a request naming another host (DNS rebinding) gets
// 403 for pages, data and the event stream; the loopback names and those
// allowed pass; with a port set, only that port.
func TestHostsRefused(t *testing.T) {
	s := New(Options{Port: 8080, AllowHosts: []string{"preview.example"}})
	files := site()
	files["search.json"] = []byte("[]")
	publish(s, files)
	for _, host := range []string{"rebind.attacker.example", "127.0.0.1.attacker.example", "localhost:9999", "127.0.0.1", "evil.example:8080", "[::2]:8080"} {
		for _, path := range []string{"/", "/briefs/x/", "/search.json", "/__dossier/events", "/static/style.css"} {
			if rec := get(s, "GET", path, "Host", host); rec.Code != http.StatusForbidden {
				t.Errorf("Host %s, GET %s: %d, want 403", host, path, rec.Code)
			}
		}
	}
	for _, host := range []string{"127.0.0.1:8080", "localhost:8080", "[::1]:8080", "LOCALHOST:8080", "app.localhost:8080", "preview.example:8080"} {
		if rec := get(s, "GET", "/", "Host", host); rec.Code != http.StatusOK {
			t.Errorf("Host %s: %d, want 200", host, rec.Code)
		}
	}
}

// TestEventStreamChecksOrigin: a page of another origin may not listen
// to the event stream; the preview's own pages (and clients that send no
// Origin) may.
func TestEventStreamChecksOrigin(t *testing.T) {
	s := New(Options{})
	publish(s, site())
	for _, origin := range []string{"https://attacker.example", "null", "http://127.0.0.1.attacker.example:8080"} {
		if rec := get(s, "GET", "/__dossier/events", "Origin", origin); rec.Code != http.StatusForbidden {
			t.Errorf("Origin %s: %d, want 403", origin, rec.Code)
		}
	}
	if rec := get(s, "HEAD", "/__dossier/events", "Origin", "http://127.0.0.1:8080"); rec.Code != http.StatusOK {
		t.Errorf("own origin: %d", rec.Code)
	}
}
