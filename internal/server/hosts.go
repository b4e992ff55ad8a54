package server

import (
	"net"
	"net/url"
	"slices"
	"strconv"
	"strings"
)

// The preview answers only requests addressed to it by a name it was
// bound to, so a web page elsewhere cannot read it through DNS
// rebinding (a hostile name that resolves to 127.0.0.1 still sends its
// own name as Host). Allowed: localhost, 127.0.0.1 and [::1] (and names
// under .localhost), the names in Options.AllowHosts (the bind address
// when it is not loopback, and those given with -allow-host), each with
// Options.Port when it is set. Anything else gets 403. The event stream
// also checks Origin when the browser sends one: a page from another
// site may not listen to it.

// hostAllowed reports whether a request's Host header names this server.
func (s *Server) hostAllowed(hostport string) bool {
	host, port, err := net.SplitHostPort(hostport)
	if err != nil {
		host, port = hostport, ""
	}
	if s.port > 0 && port != strconv.Itoa(s.port) {
		return false
	}
	host = strings.ToLower(strings.TrimSuffix(strings.Trim(host, "[]"), "."))
	if host == "localhost" || strings.HasSuffix(host, ".localhost") || host == "127.0.0.1" || host == "::1" {
		return true
	}
	return slices.ContainsFunc(s.allowHosts, func(h string) bool { return strings.EqualFold(strings.Trim(h, "[]"), host) })
}

// originAllowed reports whether an Origin header is this server's.
func (s *Server) originAllowed(origin string) bool {
	u, err := url.Parse(origin)
	if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
		return false
	}
	return s.hostAllowed(u.Host)
}
