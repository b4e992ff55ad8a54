package main

import (
	"context"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// TestServeRefusesOtherHosts runs dossier serve on 127.0.0.1 and asks it
// as a DNS-rebinding page would: with Host: rebind.attacker.example, a
// page (a TLP:AMBER one, which the preview shows), the search index, the
// feed, a static file and the event stream get 403 and none of the site;
// the preview's own names and the -allow-host name pass; the event stream
// also refuses another Origin.
func TestServeRefusesOtherHosts(t *testing.T) {
	files := map[string]string{
		"content/briefs/amber.md": "---\ntitle: Amber brief\ntlp: TLP:AMBER\n---\nRestricted words.\n",
	}
	for k, v := range smallDossier {
		files[k] = v
	}
	dir := writeDossier(t, files)
	s := startServe(t, stepDeadline, "-src", dir, "-port", "0", "-allow-host", "preview.lan")
	u, err := url.Parse(s.URL)
	if err != nil {
		t.Fatal(err)
	}
	refused := []string{"", "briefs/amber/", "search.json", "search/", "feed.xml", "static/style.css", "__dossier/events"}
	for _, host := range []string{"rebind.attacker.example", "rebind.attacker.example:" + u.Port(), "127.0.0.1.nip.io:" + u.Port(), "preview.lan:1"} {
		for _, p := range refused {
			code, body := hostGet(t, s.URL+p, host, "")
			if code != http.StatusForbidden || strings.Contains(body, "Restricted") || strings.Contains(body, "Amber") {
				t.Errorf("Host %s, GET /%s: %d (%d bytes), want 403 and nothing of the site", host, p, code, len(body))
			}
		}
	}
	for _, host := range []string{u.Host, "localhost:" + u.Port(), "preview.lan:" + u.Port()} {
		for _, p := range []string{"", "briefs/amber/", "feed.xml", "__dossier/events"} {
			if code, body := hostGet(t, s.URL+p, host, ""); code != http.StatusOK {
				t.Errorf("Host %s, GET /%s: %d %.200q, want 200", host, p, code, body)
			}
		}
		if _, body := hostGet(t, s.URL+"briefs/amber/", host, ""); !strings.Contains(body, "Restricted words.") {
			t.Errorf("Host %s: the amber page is not shown to the preview's own host", host)
		}
	}
	for origin, want := range map[string]int{
		"http://rebind.attacker.example": http.StatusForbidden,
		"null":                           http.StatusForbidden,
		"http://" + u.Host:               http.StatusOK,
	} {
		if code, _ := hostGet(t, s.URL+"__dossier/events", u.Host, origin); code != want {
			t.Errorf("event stream with Origin %s: %d, want %d", origin, code, want)
		}
	}
	if !strings.Contains(s.Stderr.String(), `refused Host "rebind.attacker.example"`) {
		t.Errorf("serve did not log the refused Host:\n%s", s.Stderr)
	}
}

// hostGet sends GET url with the Host header host (and Origin, when
// given) and returns the status and up to 64 KB of the body; the event
// stream is cut after its headers.
func hostGet(t *testing.T, rawURL, host, origin string) (int, string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), stepDeadline)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, rawURL, nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Host = host
	if origin != "" {
		req.Header.Set("Origin", origin)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if strings.HasPrefix(resp.Header.Get("Content-Type"), "text/event-stream") {
		return resp.StatusCode, ""
	}
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
	return resp.StatusCode, string(body)
}
