// Package highlight colours code blocks with chroma and caches the result.
//
// Code is highlighted into HTML that carries CSS classes, never inline
// colours: the colours come from Stylesheet, a light style and a dark one
// under prefers-color-scheme, generated once. So the HTML of a block
// depends only on its language, its code and the chroma version, and is
// cached under the SHA-256 of those three:
//
//   - for the rest of the process (serve, build -watch), in a spool (a
//     temporary file, package spool) that memory only indexes, or in
//     memory where the spool cannot take them; Sweep drops the entries
//     that the last build did not use, and Close removes the spool;
//   - on disk, in the cache folder given to New (by default the user's
//     cache folder, as cmd/dossier chooses it), in one pack file that Save writes
//     atomically (see diskCache). An entry carries a SHA-256 of its key
//     and HTML and is checked when read: a corrupt or truncated entry is
//     ignored and highlighted again, never served.
//
// A block whose language chroma does not know is escaped as plain text.
// A Highlighter is safe for concurrent use.
package highlight

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"html"
	"maps"
	"runtime/debug"
	"strings"
	"sync"

	"github.com/alecthomas/chroma/v2"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/alecthomas/chroma/v2/styles"
	"github.com/dossier-project/dossier/internal/spool"
)

// Highlighter highlights code blocks through its caches.
type Highlighter struct {
	disk      *diskCache            // nil: no disk cache
	version   string                // chroma's module version, part of every key
	formatter *chromahtml.Formatter // one for all blocks: it caches the style's classes and is safe for concurrent use

	kept *spool.Spool // the HTML of the blocks in use, by key
	mu   sync.Mutex
	mem  map[[sha256.Size]byte]string // the blocks the spool could not take
	used map[[sha256.Size]byte]bool   // keys asked for since the last Sweep
}

// New returns a Highlighter whose disk cache lives in dir ("" for none).
func New(dir string) *Highlighter {
	h := &Highlighter{version: chromaVersion(), formatter: formatter(), kept: spool.New(),
		mem: map[[sha256.Size]byte]string{}, used: map[[sha256.Size]byte]bool{}}
	if dir != "" {
		h.disk = newDiskCache(dir)
	}
	return h
}

// Code returns the HTML of a code block: a <pre class="chroma"> element
// with classes, or an escaped <pre><code> when chroma does not know lang.
func (h *Highlighter) Code(lang, code string) string {
	lang = strings.ToLower(strings.TrimSpace(lang))
	key := h.key(lang, code)
	h.mu.Lock()
	out, ok := h.mem[key]
	h.used[key] = true
	h.mu.Unlock()
	if ok {
		return out
	}
	if html, ok, err := h.kept.Get(key); ok && err == nil {
		return string(html)
	}
	if h.disk != nil {
		if out, ok = h.disk.take(key); ok {
			h.remember(key, out)
			return out
		}
	}
	out = render(h.formatter, lang, code)
	h.remember(key, out)
	if h.disk != nil {
		h.disk.added()
	}
	return out
}

// Save writes the disk cache when a block was highlighted since the last
// Save: the blocks in memory and the older ones it still keeps. Failing
// to write only costs the next process its reuse.
func (h *Highlighter) Save() {
	if h.disk == nil || !h.disk.needsSave() {
		return // nothing to write: the kept blocks need not be read back
	}
	h.mu.Lock()
	inUse := maps.Clone(h.mem)
	h.mu.Unlock()
	for _, k := range h.kept.Keys() {
		if html, ok, err := h.kept.Get(k); ok && err == nil {
			inUse[k] = string(html)
		}
	}
	h.disk.save(inUse)
}

// Close removes the Highlighter's temporary file where it has a name (on
// Windows); elsewhere the file has none, and closes when the Highlighter
// is collected.
func (h *Highlighter) Close() error { return h.kept.Close() }

// remember keeps a block's HTML for the rest of the process.
func (h *Highlighter) remember(key [sha256.Size]byte, out string) {
	if h.kept.Put(key, []byte(out)) {
		return
	}
	h.mu.Lock()
	h.mem[key] = out
	h.mu.Unlock()
}

// Sweep forgets every block not asked for since the last Sweep, so a long
// preview session keeps only the blocks in use (and its spool stays
// within about twice their size, see spool.Compact).
func (h *Highlighter) Sweep() {
	h.mu.Lock()
	defer h.mu.Unlock()
	for k := range h.mem {
		if !h.used[k] {
			delete(h.mem, k)
		}
	}
	h.kept.Retain(func(k [sha256.Size]byte) bool { return h.used[k] })
	clear(h.used)
	_, _ = h.kept.Compact() // a spool that cannot be compacted only stays larger
}

// key is the cache key of a block: chroma's version, the language and the
// code, length-prefixed so no two inputs share a key.
func (h *Highlighter) key(lang, code string) [sha256.Size]byte {
	s := sha256.New()
	for _, f := range []string{"dossier-highlight/classes", h.version, lang, code} {
		s.Write(binary.BigEndian.AppendUint64(nil, uint64(len(f))))
		s.Write([]byte(f))
	}
	return [sha256.Size]byte(s.Sum(nil))
}

// render highlights code with chroma, or escapes it.
func render(f *chromahtml.Formatter, lang, code string) string {
	lexer := lexers.Get(lang)
	if lang == "" || lexer == nil {
		return plain(lang, code)
	}
	it, err := chroma.Coalesce(lexer).Tokenise(nil, code)
	if err != nil {
		return plain(lang, code)
	}
	var b bytes.Buffer
	if err := f.Format(&b, styles.Fallback, it); err != nil {
		return plain(lang, code)
	}
	return b.String()
}

// plain is an unhighlighted block.
func plain(lang, code string) string {
	var b strings.Builder
	b.WriteString("<pre><code")
	if lang != "" {
		b.WriteString(` class="language-` + html.EscapeString(lang) + `"`)
	}
	b.WriteString(">")
	b.WriteString(html.EscapeString(code))
	b.WriteString("</code></pre>\n")
	return b.String()
}

// chromaVersion is the chroma module's version from the binary's build
// information ("" when unknown, as in some test binaries).
func chromaVersion() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return ""
	}
	for _, d := range info.Deps {
		if d.Path == "github.com/alecthomas/chroma/v2" {
			return d.Version
		}
	}
	return ""
}

// formatter is chroma's HTML formatter as dossier uses it: classes, not
// inline styles (the stylesheet is written once, see Stylesheet).
func formatter() *chromahtml.Formatter { return chromahtml.New(chromahtml.WithClasses(true)) }
