package view

import (
	"runtime"
	"sync"
	"weak"
)

// weakMemo shares one value per key while some view holds it: it holds
// each value weakly and forgets it once it is collected. Views are made
// a page at a time and dropped once the page is written, so a memo that
// held every value it made would hold a good part of a dossier's views
// to the end of the build.
type weakMemo[K comparable, V any] struct {
	mu   sync.Mutex
	held map[K]weak.Pointer[V]
}

// get returns k's value: the one held, or one made by newValue.
func (m *weakMemo[K, V]) get(k K, newValue func() *V) *V {
	m.mu.Lock()
	v := m.held[k].Value()
	m.mu.Unlock()
	if v != nil {
		return v
	}
	v = newValue()
	m.mu.Lock()
	defer m.mu.Unlock()
	if held := m.held[k].Value(); held != nil {
		return held // made meanwhile by another page
	}
	if m.held == nil {
		m.held = map[K]weak.Pointer[V]{}
	}
	m.held[k] = weak.Make(v)
	runtime.AddCleanup(v, m.forget, k)
	return v
}

// forget drops k's entry once its value is collected, unless a new one
// took its place.
func (m *weakMemo[K, V]) forget(k K) {
	m.mu.Lock()
	if m.held[k].Value() == nil {
		delete(m.held, k)
	}
	m.mu.Unlock()
}

// len is the number of values held.
func (m *weakMemo[K, V]) len() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return len(m.held)
}
