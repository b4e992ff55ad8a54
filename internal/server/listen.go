package server

import (
	"errors"
	"fmt"
	"net"
	"strconv"
	"strings"
	"syscall"
)

// Listen listens on TCP at bind:port (bind "" means every interface). When
// the port is busy, the error names the address and suggests a free port,
// or -port 0 to let the system pick one.
func Listen(bind string, port int) (net.Listener, error) {
	addr := net.JoinHostPort(bind, strconv.Itoa(port))
	ln, err := net.Listen("tcp", addr)
	if err == nil {
		return ln, nil
	}
	if !errors.Is(err, syscall.EADDRINUSE) {
		return nil, err
	}
	free, ferr := freePort(bind)
	return nil, &busyError{addr: addr, free: free, ok: ferr == nil, err: err}
}

// busyError says that an address is in use, and what to try instead.
type busyError struct {
	addr string
	free int
	ok   bool // free is a port that was free a moment ago
	err  error
}

func (e *busyError) Error() string {
	if !e.ok {
		return fmt.Sprintf("%s is already in use (another dossier serve?); try -port 0 to use any free port", e.addr)
	}
	return fmt.Sprintf("%s is already in use (another dossier serve?); try -port %d, which is free now, or -port 0", e.addr, e.free)
}

func (e *busyError) Unwrap() error { return e.err }

// freePort returns a port on bind that is free now, by listening on port 0.
func freePort(bind string) (int, error) {
	ln, err := net.Listen("tcp", net.JoinHostPort(bind, "0"))
	if err != nil {
		return 0, err
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port, nil
}

// IsLoopback reports whether bind only reaches this machine: "localhost"
// (or a name under .localhost) or a loopback IP such as 127.0.0.1 or ::1.
// The empty bind means every interface, so it is not.
func IsLoopback(bind string) bool {
	host := strings.TrimSuffix(strings.TrimPrefix(bind, "["), "]")
	lower := strings.ToLower(strings.TrimSuffix(host, "."))
	if lower == "localhost" || strings.HasSuffix(lower, ".localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
