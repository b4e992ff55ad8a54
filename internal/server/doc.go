// Package server is the preview server: it serves the last good build from
// memory, shows build errors in the browser, and reloads open pages when
// the site changes. It is the only package that speaks HTTP, and uses the
// standard library only.
//
// # Snapshots
//
// Publish hands the server a complete build: files keyed by slash path
// relative to the site root ("index.html", "briefs/x/index.html",
// "static/style.css", "404.html"). The snapshot is swapped in atomically,
// so a request never sees half of one build and half of another. Fail
// records a failed build: assets are still served from the last good
// snapshot, but HTML requests get an error page (status 500) that lists
// every diagnostic as "path:line:col: message" with the offending source
// line and a caret under the column. The next Publish clears the failure.
// Before the first Publish or Fail, requests get a 503 "building" page.
//
// # Serving
//
// The site is served as GitHub Pages would serve it, under Options.BasePath
// (the path of base_url, "/" by default):
//
//   - "/" redirects (302) to BasePath; other paths outside BasePath are 404.
//   - "x/" serves "x/index.html"; "x" redirects (301) to "x/" when
//     "x/index.html" exists. There are no directory listings.
//   - A missing file gets the snapshot's "404.html" with status 404.
//   - Content types come from the extension (text/plain when unknown);
//     every response has "Cache-Control: no-store" and
//     "X-Content-Type-Options: nosniff".
//   - Only GET and HEAD are allowed (405 otherwise); HEAD sends no body.
//   - Paths with "." or ".." segments, empty segments, backslashes or NUL,
//     and escaped slashes, backslashes, dots or NUL ("%2f", "%5c", "%2e",
//     "%00") are refused with 400.
//
// # Live reload
//
// HTML responses get a small inline script just before "</body>" (or at
// the end when there is none). The script is added when serving and is
// never part of a snapshot, so it never reaches site/. It listens with
// EventSource to "<BasePath>__dossier/events", a server-sent event stream
// (retry: 500, a comment heartbeat every 15s) that sends:
//
//   - "hello" on connect, with the version of the site being served;
//   - "reload" when a build changed anything but stylesheets, or failed,
//     or succeeded after a failure: the page calls location.reload();
//   - "css" when only ".css" files changed (by content hash): the page
//     re-sets the href of each stylesheet link with a cache-busting query,
//     without reloading.
//
// Every event carries the new version. A page remembers the version it
// was served with; when its stream reconnects (EventSource retries by
// itself) after a server restart or a missed build, "hello" brings a
// different version and the page reloads. A build identical to the last
// sends nothing.
//
// The event hub belongs to the Server and never blocks: each client has a
// buffer of one event, and an event for a client whose buffer is full is
// merged with the pending one ("reload" wins over "css", the newest
// version wins). A client is removed when its request ends. Close ends
// every stream; call it before http.Server.Shutdown, which waits for them.
//
// A Server is safe for concurrent use.
package server
