package server

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// reloadScript returns the live-reload script for a page served at
// version, listening to the event stream at events. json.Marshal escapes
// '<' and '>', so the strings cannot end the script element.
func reloadScript(events, version string) []byte {
	ev, _ := json.Marshal(events)
	v, _ := json.Marshal(version)
	return fmt.Appendf(nil, `<script data-dossier-live-reload>
(function () {
  var v = %s, es = new EventSource(%s);
  function on(name, f) { es.addEventListener(name, function (e) { f(e.data); }); }
  on("hello", function (d) { if (d !== v) location.reload(); });
  on("reload", function () { location.reload(); });
  on("css", function (d) {
    v = d;
    document.querySelectorAll('link[rel~="stylesheet"]').forEach(function (l) {
      var u = new URL(l.href);
      u.searchParams.set("dossier-reload", Date.now());
      l.href = u.href;
    });
  });
})();
</script>
`, v, ev)
}

// inject returns a copy of page with script inserted just before the last
// "</body>" (in any case), or appended when there is none.
func inject(page, script []byte) []byte {
	i := lastBodyEnd(page)
	out := make([]byte, 0, len(page)+len(script))
	out = append(out, page[:i]...)
	out = append(out, script...)
	return append(out, page[i:]...)
}

// lastBodyEnd returns the offset of the last "</body>" in page, compared
// without case, or len(page) when there is none.
func lastBodyEnd(page []byte) int {
	const tag = "</body>"
	for i := len(page) - len(tag); i >= 0; i-- {
		if page[i] == '<' && bytes.EqualFold(page[i:i+len(tag)], []byte(tag)) {
			return i
		}
	}
	return len(page)
}
