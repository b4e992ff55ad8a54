package layout

import (
	"bytes"
	"crypto/sha256"
	"html/template"
	"reflect"
	"sync"
	"sync/atomic"
)

// CachedFunc is the name of the template function that executes a
// template once per build and value: {{cached "card" .}} writes what
// {{template "card" .}} would, and executes "card" only the first time a
// page set is asked for it with that value. A template's output depends on
// nothing but its data and its set's templates and functions (see the
// package documentation), and a view is never changed once made, so a
// second execution would write the same bytes: a card that a thousand
// pages list is executed once, not a thousand times.
//
// Only a pointer is remembered, by its address, which the memo keeps
// from being reused while it holds it; any other value is executed each
// time. The memo holds at most memoBudget bytes of output, and forgets
// everything when it would hold more: it saves work, it never decides
// what a page shows.
const CachedFunc = "cached"

// memoBudget bounds the bytes a Set's memo holds.
const memoBudget = 8 << 20

// memo remembers the cached executions of a Set's page sets.
type memo struct {
	outputs sync.Map // memoKey -> template.HTML
	bytes   atomic.Int64
	budget  int64 // memoBudget, but in tests
}

// memoKey is an output's key: the closure of the template executed (see
// closureKeys), or, when that is not known, the page's set and the
// template's name; and the value it was executed with.
type memoKey struct {
	closure [sha256.Size]byte
	set     *template.Template
	name    string
	data    any
}

// cachedFunc is the cached function of the page set t, whose closures are
// closures.
func (m *memo) cachedFunc(t *template.Template, closures map[string][sha256.Size]byte) func(string, any) (template.HTML, error) {
	return func(name string, data any) (template.HTML, error) {
		key := memoKey{set: t, name: name, data: data}
		if c, ok := closures[name]; ok {
			key = memoKey{closure: c, data: data}
		}
		return m.execute(t, name, key)
	}
}

func (m *memo) execute(t *template.Template, name string, key memoKey) (template.HTML, error) {
	data := key.data
	remember := data != nil && reflect.TypeOf(data).Kind() == reflect.Pointer
	if remember {
		if html, ok := m.outputs.Load(key); ok {
			return html.(template.HTML), nil
		}
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, name, data); err != nil {
		return "", err
	}
	html := template.HTML(buf.String())
	if remember {
		if m.bytes.Add(int64(len(html))) > m.budget {
			m.outputs.Clear()
			m.bytes.Store(int64(len(html)))
		}
		m.outputs.Store(key, html)
	}
	return html, nil
}
