package main

import (
	"bufio"
	"context"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"time"

	"github.com/dossier-project/dossier/internal/synthetic"
)

// servingLine is what dossier serve prints once it serves and watches.
var servingLine = regexp.MustCompile(`serving .* at (http://\S+) \(Ctrl-C to stop\)`)

// served is a running dossier serve.
type served struct {
	cmd    *exec.Cmd
	url    string
	mu     sync.Mutex
	builds int // "built" lines on stderr so far
	events chan string
}

// measureServe times edits and unchanged saves in dossier serve.
func (t *table) measureServe(work, dir string, n int) error {
	s, err := t.startServe(dir, filepath.Join(work, fmt.Sprintf("serve%d-cache", n)))
	if err != nil {
		return err
	}
	defer s.stop()
	edit := filepath.Join(dir, synthetic.BriefFile(n/3))
	var reloads, unchanged []float64
	for i := range t.runs + 1 {
		start := time.Now()
		if err := synthetic.Revise(edit, 5000+i); err != nil {
			return err
		}
		if err := s.waitEvent("reload", 5*time.Minute); err != nil {
			return err
		}
		if i > 0 {
			reloads = append(reloads, float64(time.Since(start))/float64(time.Millisecond))
		}
	}
	data, err := os.ReadFile(edit)
	if err != nil {
		return err
	}
	for i := range t.runs + 1 {
		before := s.buildCount()
		start := time.Now()
		if err := os.WriteFile(edit, data, 0o644); err != nil {
			return err
		}
		for s.buildCount() == before {
			time.Sleep(100 * time.Microsecond)
		}
		if i > 0 {
			unchanged = append(unchanged, float64(time.Since(start))/float64(time.Millisecond))
		}
	}
	t.set("reload", n, figure{median(reloads), "ms"})
	t.set("unchanged", n, figure{median(unchanged), "ms"})
	return nil
}

// startServe starts dossier serve on 127.0.0.1 and connects to its
// event stream.
func (t *table) startServe(dir, cache string) (*served, error) {
	cmd := exec.Command(t.bin, "serve", "-src", dir, "-port", "0", "-cache", cache)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	stderr, err := cmd.StderrPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	s := &served{cmd: cmd, events: make(chan string, 100)}
	go s.countBuilds(stderr)
	sc := bufio.NewScanner(stdout)
	for sc.Scan() {
		if m := servingLine.FindStringSubmatch(sc.Text()); m != nil {
			s.url = m[1]
			break
		}
	}
	if s.url == "" {
		s.stop()
		return nil, fmt.Errorf("dossier serve did not say where it serves")
	}
	go func() {
		for sc.Scan() {
		}
	}()
	if err := s.listen(); err != nil {
		s.stop()
		return nil, err
	}
	return s, s.waitEvent("hello", time.Minute)
}

func (s *served) countBuilds(stderr interface{ Read([]byte) (int, error) }) {
	sc := bufio.NewScanner(stderr)
	for sc.Scan() {
		if strings.HasPrefix(sc.Text(), "built ") {
			s.mu.Lock()
			s.builds++
			s.mu.Unlock()
		}
	}
}

func (s *served) buildCount() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.builds
}

// listen reads the event stream's event names into s.events.
func (s *served) listen() error {
	resp, err := http.Get(s.url + "__dossier/events")
	if err != nil {
		return err
	}
	go func() {
		defer resp.Body.Close()
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			if name, ok := strings.CutPrefix(sc.Text(), "event: "); ok {
				s.events <- name
			}
		}
	}()
	return nil
}

// waitEvent waits for the event name.
func (s *served) waitEvent(name string, d time.Duration) error {
	ctx, cancel := context.WithTimeout(context.Background(), d)
	defer cancel()
	for {
		select {
		case got := <-s.events:
			if got == name {
				return nil
			}
		case <-ctx.Done():
			return fmt.Errorf("no %q event from dossier serve within %v", name, d)
		}
	}
}

func (s *served) stop() {
	_ = s.cmd.Process.Signal(os.Interrupt)
	done := make(chan error, 1)
	go func() { done <- s.cmd.Wait() }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		_ = s.cmd.Process.Kill()
	}
}
