package layout

import (
	"bytes"
	"crypto/sha256"
	"html/template"
	"reflect"
	"sync"
)

// CachedFunc is the name of the template function that executes a
// template once per build and value: {{cached "card" .}} writes what
// {{template "card" .}} would, and executes "card" only the first time
// the Set is asked for it with that value, by a page set whose closure of
// "card" is the same (see closure.go). A template's output depends on
// nothing but its data and its set's templates and functions (see the
// package documentation), and a view is never changed once made, so a
// second execution would write the same bytes: a card that a thousand
// pages list is executed once, not a thousand times. That holds where a
// cached call is an action of its own in HTML text, and Load refuses one
// anywhere else (contexts.go), and one that names an undefined template
// or a template that can call back its caller (closure.go).
//
// A value that names its own content (Keyed) is remembered by that name,
// and the memo holds no reference to it. Any other pointer is remembered
// by its address, which the memo keeps from being reused by holding it;
// any other value is executed each time. Outputs of storeFrom bytes or
// more go to the Set's Store when it has one (KeepOutputsIn). The memo
// holds at most about memoBudget bytes in memory, and forgets everything
// when it would hold more: it saves work, it never decides what a page
// shows. At 1,000 briefs everything fits: each card and chronology item
// is executed once a build. At 10,000 the cards do not, and the memo
// starts again a few times a build; memory, not time, is the scarcer.
const CachedFunc = "cached"

// memoBudget bounds what a Set's memo holds in memory: outputs and
// entries.
const memoBudget = 4 << 20

// storeFrom is the size from which an output is kept in the Set's Store,
// when it has one, rather than in memory: a chronology item, say, not a
// card.
const storeFrom = 512

// Store keeps outputs out of memory (a spool): Put keeps bytes under a
// key, once, and reports whether it could; Get returns them.
type Store interface {
	Put(key [sha256.Size]byte, parts ...[]byte) bool
	Get(key [sha256.Size]byte) ([]byte, bool, error)
}

// KeepOutputsIn has the cached function keep its larger outputs in st,
// by the hash of their bytes, checked when read back: an output that
// cannot be read back, or not as it was, is executed again. Call it
// before executing any page.
func (s *Set) KeepOutputsIn(st Store) { s.memo.store = st }

// memo remembers the cached executions of a Set's page sets.
type memo struct {
	mu        sync.RWMutex
	byContent map[contentKey]memoOutput
	byValue   map[valueKey]memoOutput
	bytes     int64 // what the outputs take in memory, about
	budget    int64 // memoBudget, but in tests
	store     Store
}

// entryCost is about what an entry takes in memory besides its bytes.
const entryCost = 128

// Keyed is a value that names its content: two values of one type with
// the same key hold the same data, so a template writes the same bytes of
// either. The key must cover everything the type shows a template, its
// methods included. The zero key names nothing.
type Keyed interface {
	ContentKey() [sha256.Size]byte
}

// contentKey names an output by the closure of the template executed
// (see closureKeys) and the value's type and content key (Keyed): the
// memo holds no reference to the value.
type contentKey struct {
	closure, content [sha256.Size]byte
	typ              reflect.Type
}

// valueKey names an output by the value itself, which the memo holds,
// and by the closure, or, when that is not known, by the page's set and
// the template's name.
type valueKey struct {
	closure [sha256.Size]byte
	set     *template.Template
	name    string
	data    any
}

// memoOutput is an output in memory, or kept in the store by the hash
// of its bytes.
type memoOutput struct {
	html    string
	stored  [sha256.Size]byte
	inStore bool
}

// cachedFunc is the cached function of the page set t, whose closures are
// closures.
func (m *memo) cachedFunc(t *template.Template, closures map[string][sha256.Size]byte) func(string, any) (template.HTML, error) {
	return func(name string, data any) (template.HTML, error) {
		return m.execute(t, name, data, memoKeyOf(t, name, data, closures))
	}
}

// memoKeyOf is what an output of name with data is remembered by: a
// contentKey or a valueKey; nil when it is not remembered (a value that
// is not a pointer, or a nil pointer).
func memoKeyOf(t *template.Template, name string, data any, closures map[string][sha256.Size]byte) any {
	v := reflect.ValueOf(data)
	if v.Kind() != reflect.Pointer || v.IsNil() {
		return nil
	}
	closure, known := closures[name]
	if k, ok := data.(Keyed); ok && known && k.ContentKey() != [sha256.Size]byte{} {
		return contentKey{closure, k.ContentKey(), v.Type()}
	}
	if known {
		return valueKey{closure: closure, data: data}
	}
	return valueKey{set: t, name: name, data: data}
}

// execute executes name with data, or recalls its output under key (nil:
// not remembered).
func (m *memo) execute(t *template.Template, name string, data any, key any) (template.HTML, error) {
	inStore := true
	if key != nil {
		html, found, readable := m.recall(key)
		if found && readable {
			return html, nil
		}
		inStore = !found // kept in the store but not readable as it was: keep it in memory
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, name, data); err != nil {
		return "", err
	}
	html := buf.String()
	if key != nil {
		m.keep(key, html, inStore)
	}
	return template.HTML(html), nil
}

// recall returns the output remembered under key, whether there is one,
// and whether it could be read back as it was kept.
func (m *memo) recall(key any) (html template.HTML, found, readable bool) {
	var out memoOutput
	m.mu.RLock()
	switch k := key.(type) {
	case contentKey:
		out, found = m.byContent[k]
	case valueKey:
		out, found = m.byValue[k]
	}
	m.mu.RUnlock()
	if !found || !out.inStore {
		return template.HTML(out.html), found, true
	}
	b, ok, err := m.store.Get(out.stored)
	if !ok || err != nil || outputKey([]byte(b)) != out.stored {
		return "", true, false
	}
	return template.HTML(b), true, true
}

// keep remembers output under key: in the store when it is large, the
// store takes it and inStore allows it, else in memory. When what the
// memo holds in memory would pass its budget, it forgets everything
// first; an output larger than the whole budget is not kept.
func (m *memo) keep(key any, output string, inStore bool) {
	out, cost := memoOutput{html: output}, int64(entryCost+len(output))
	if inStore && m.store != nil && len(output) >= storeFrom {
		if stored := outputKey([]byte(output)); m.store.Put(stored, []byte(output)) {
			out, cost = memoOutput{stored: stored, inStore: true}, entryCost
		}
	}
	if cost > m.budget {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.bytes+cost > m.budget || m.byContent == nil {
		m.byContent, m.byValue, m.bytes = map[contentKey]memoOutput{}, map[valueKey]memoOutput{}, 0
	}
	m.bytes += cost
	switch k := key.(type) {
	case contentKey:
		m.byContent[k] = out
	case valueKey:
		m.byValue[k] = out
	}
}

// outputKey is the key of an output in the store.
func outputKey(output []byte) [sha256.Size]byte {
	h := sha256.New()
	h.Write([]byte("dossier layout output\x00"))
	h.Write(output)
	return [sha256.Size]byte(h.Sum(nil))
}
