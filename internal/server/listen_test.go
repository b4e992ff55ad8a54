package server

import (
	"errors"
	"net"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
)

func TestListenBusyPort(t *testing.T) {
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	port := busy.Addr().(*net.TCPAddr).Port
	ln, err := Listen("127.0.0.1", port)
	if err == nil {
		ln.Close()
		t.Fatal("Listen on a busy port succeeded")
	}
	msg := err.Error()
	addr := "127.0.0.1:" + strconv.Itoa(port)
	if !strings.Contains(msg, addr) || !strings.Contains(msg, "-port 0") || !errors.Is(err, syscall.EADDRINUSE) {
		t.Errorf("error %q does not name %s and suggest -port 0 (or lost the cause)", msg, addr)
	}
	m := regexp.MustCompile(`-port (\d+), which is free`).FindStringSubmatch(msg)
	if m == nil || m[1] == strconv.Itoa(port) {
		t.Fatalf("error %q suggests no other port", msg)
	}
	// The suggestion is usable (unless someone took it meanwhile).
	free, _ := strconv.Atoi(m[1])
	if ln, err := Listen("127.0.0.1", free); err == nil {
		ln.Close()
	} else {
		t.Logf("suggested port taken meanwhile: %v", err)
	}
}

func TestListenAnyPort(t *testing.T) {
	ln, err := Listen("127.0.0.1", 0)
	if err != nil {
		t.Fatal(err)
	}
	ln.Close()
}

func TestIsLoopback(t *testing.T) {
	for bind, want := range map[string]bool{
		"127.0.0.1": true, "127.1.2.3": true, "::1": true, "[::1]": true,
		"localhost": true, "LocalHost": true, "dev.localhost": true,
		"": false, "0.0.0.0": false, "::": false, "192.168.1.2": false,
		"example.com": false, "localhost.example.com": false,
	} {
		if got := IsLoopback(bind); got != want {
			t.Errorf("IsLoopback(%q) = %v, want %v", bind, got, want)
		}
	}
}
