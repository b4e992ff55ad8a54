package view

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"github.com/dossier-project/dossier/internal/markdown"
	"github.com/dossier-project/dossier/internal/xref"
	"hash"
	"math"
	"reflect"
	"slices"
	"strings"
	"sync"
)

// Hasher.Key returns the SHA-256 of v's data: every exported field of every
// struct reachable from v, by value, in declaration order, each with its
// length or kind marked so that no two different values share a key.
// Fields tagged `hash:"-"` are left out: they hold what is derived from
// the hashed fields at render time (a body's HTML) or a handle to
// immutable input whose identity another field carries (a Doc, by its
// hash). Maps are hashed in key order. A value of a type the hasher
// cannot see into (a func, a chan, an interface holding one) is a
// programming error and panics, so a view can never hide data from its
// key.
//
// A Hasher keeps what it learnt of each struct type; it is safe for
// concurrent use.
type Hasher struct {
	plans   sync.Map  // reflect.Type -> []int
	buffers sync.Pool // *[]byte: hasher.pending
}

// Key hashes v; see Hasher.
func (hs *Hasher) Key(v any) [sha256.Size]byte {
	h := hasher{Hash: sha256.New(), plans: &hs.plans, pending: hs.buffer()}
	defer hs.release(h.pending)
	h.value(reflect.ValueOf(v))
	return h.sum()
}

// KeyDeps hashes v like Key and also returns its dependencies: the pages
// whose data v shows — every Card it holds names its page's card
// ("card:kind/slug", see CardDep), every Cite its source and every Body
// the pages its links show ("kind/slug"). A view's data from other pages
// always travels inside one of these (see Deps). A card dependency is on
// the card alone: a page that shows another only as a card need not
// change when that page's body does.
func (hs *Hasher) KeyDeps(v any) ([sha256.Size]byte, []string) {
	h := hasher{Hash: sha256.New(), plans: &hs.plans, deps: map[string]bool{}, pending: hs.buffer()}
	defer hs.release(h.pending)
	h.value(reflect.ValueOf(v))
	deps := make([]string, 0, len(h.deps))
	for d := range h.deps {
		deps = append(deps, d)
	}
	slices.Sort(deps)
	return h.sum(), deps
}

// buffer lends a hasher's pending bytes.
func (hs *Hasher) buffer() []byte {
	if b, ok := hs.buffers.Get().(*[]byte); ok {
		return (*b)[:0]
	}
	return make([]byte, 0, 9<<10)
}

// release takes a buffer back, unless one long string grew it: the pool
// keeps only the buffer, not the hasher that used it.
func (hs *Hasher) release(b []byte) {
	if cap(b) <= 64<<10 {
		hs.buffers.Put(&b)
	}
}

type hasher struct {
	hash.Hash
	plans *sync.Map
	buf   [9]byte
	deps  map[string]bool // nil: not recorded
	// pending are bytes not yet given to Hash: a view is hashed in a few
	// large writes, not one per field (each a call into SHA-256, and a
	// copy of every string to a byte slice).
	pending []byte
}

// write adds p to what is hashed.
func (h *hasher) write(p []byte) {
	h.pending = append(h.pending, p...)
	h.flushFull()
}

// writeString adds s to what is hashed, without copying it to a slice
// of its own first.
func (h *hasher) writeString(s string) {
	h.pending = append(h.pending, s...)
	h.flushFull()
}

// flushFull hashes the pending bytes once there are many.
func (h *hasher) flushFull() {
	if len(h.pending) >= 8<<10 {
		h.Write(h.pending)
		h.pending = h.pending[:0]
	}
}

// sum hashes what is pending and returns the hash.
func (h *hasher) sum() [sha256.Size]byte {
	h.Write(h.pending)
	h.pending = h.pending[:0]
	return [sha256.Size]byte(h.Sum(nil))
}

func (h *hasher) tag(b byte, n uint64) {
	h.buf[0] = b
	binary.LittleEndian.PutUint64(h.buf[1:], n)
	h.write(h.buf[:])
}

func (h *hasher) value(v reflect.Value) {
	switch v.Kind() {
	case reflect.Invalid:
		h.tag('0', 0)
	case reflect.String:
		h.str(v.String())
	case reflect.Bool:
		h.boolean(v.Bool())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		h.tag('i', uint64(v.Int()))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		h.tag('u', v.Uint())
	case reflect.Float32, reflect.Float64:
		h.tag('f', math.Float64bits(v.Float()))
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			h.tag('n', 0)
			return
		}
		h.tag('p', 0)
		h.value(v.Elem())
	case reflect.Slice, reflect.Array:
		if v.Type() == reflect.TypeFor[[]markdown.LinkView]() && v.CanInterface() {
			h.linkViews(v.Interface().([]markdown.LinkView))
			return
		}
		h.sequence(v)
	case reflect.Map:
		h.mapping(v)
	case reflect.Struct:
		h.structure(v)
	default:
		panic(fmt.Sprintf("view: cannot hash a %s in a view", v.Type()))
	}
}

func (h *hasher) sequence(v reflect.Value) {
	if v.Type().Elem().Kind() == reflect.Uint8 {
		h.tag('y', uint64(v.Len()))
		if v.Kind() == reflect.Slice {
			h.write(v.Bytes())
		} else {
			for i := range v.Len() {
				h.pending = append(h.pending, byte(v.Index(i).Uint()))
			}
		}
		return
	}
	h.tag('l', uint64(v.Len()))
	for i := range v.Len() {
		h.value(v.Index(i))
	}
}

func (h *hasher) mapping(v reflect.Value) {
	keys := v.MapKeys()
	slices.SortFunc(keys, func(a, b reflect.Value) int { return strings.Compare(fmt.Sprint(a), fmt.Sprint(b)) })
	h.tag('m', uint64(len(keys)))
	for _, k := range keys {
		h.value(k)
		h.value(v.MapIndex(k))
	}
}

func (h *hasher) structure(v reflect.Value) {
	if v.Type() == reflect.TypeFor[Body]() && v.CanInterface() {
		if b := pointerTo[Body](v); b.lazy != nil {
			v = reflect.ValueOf(b.filled())
		}
	}
	if h.deps != nil {
		h.depend(v)
	}
	if k, ok := sealedKey(v); ok {
		h.tag('K', 0)
		h.write(k[:])
		return
	}
	fields := h.plan(v.Type())
	h.tag('{', uint64(len(fields)))
	for _, i := range fields {
		h.value(v.Field(i))
	}
}

// linkViews hashes a body's link views as the reflective walk would (a
// test checks that), only without reflection: bodies hold many.
func (h *hasher) linkViews(ls []markdown.LinkView) {
	h.tag('l', uint64(len(ls)))
	for _, l := range ls {
		h.tag('{', 7)
		h.str(l.Href)
		h.str(l.Text)
		h.str(l.Class)
		h.str(l.Title)
		h.boolean(l.Citation)
		h.boolean(l.Missing)
		h.boolean(l.Isolate)
	}
}

func (h *hasher) str(s string) {
	h.tag('s', uint64(len(s)))
	h.writeString(s)
}

func (h *hasher) boolean(b bool) {
	if b {
		h.tag('b', 1)
	} else {
		h.tag('b', 0)
	}
}

// sealedKey returns the hash a Card or Cite was made with: the hash of
// its exported fields, so a view holding it hashes the same as if it held
// the fields (a Merkle tree), only faster. A zero key (a value made
// without New) is hashed field by field.
func sealedKey(v reflect.Value) ([32]byte, bool) {
	var k [32]byte
	switch v.Type() {
	case reflect.TypeFor[Card]():
		if v.CanInterface() {
			k = pointerTo[Card](v).key
		}
	case reflect.TypeFor[Cite]():
		if v.CanInterface() {
			k = pointerTo[Cite](v).key
		}
	}
	return k, k != [32]byte{}
}

// pointerTo returns v's address, or a copy's when v has none: v.Interface
// would copy every struct it is asked for onto the heap.
func pointerTo[T any](v reflect.Value) *T {
	if v.CanAddr() {
		return v.Addr().Interface().(*T)
	}
	x := v.Interface().(T)
	return &x
}

// depend records the pages a Card, Cite or Body shows.
func (h *hasher) depend(v reflect.Value) {
	if !v.CanInterface() {
		return
	}
	switch v.Type() {
	case reflect.TypeFor[Card]():
		c := pointerTo[Card](v)
		h.deps[CardDep(c.Kind+"/"+c.Slug)] = true
	case reflect.TypeFor[Cite]():
		h.deps[pointerTo[Cite](v).src] = true
	case reflect.TypeFor[Body]():
		for _, t := range pointerTo[Body](v).targets {
			h.deps[t] = true
		}
	}
}

// CardDep names the card of the page "kind/slug" as a dependency.
func CardDep(page string) string { return "card:" + page }

// CardKey is the key of n's card: the hash of what other pages show of
// it.
func (b *Builder) CardKey(n *xref.Node) [32]byte { return b.cards[n].key }

// seal sets a Card's or Cite's key.
func (hs *Hasher) sealCard(c *Card) { c.key = [32]byte{}; c.key = hs.Key(*c) }
func (hs *Hasher) sealCite(c *Cite) { c.key = [32]byte{}; c.key = hs.Key(*c) }

// plan returns the indices of t's hashed fields: exported, not tagged
// `hash:"-"`.
func (h *hasher) plan(t reflect.Type) []int {
	if p, ok := h.plans.Load(t); ok {
		return p.([]int)
	}
	var idx []int
	for i := range t.NumField() {
		f := t.Field(i)
		if f.IsExported() && f.Tag.Get("hash") != "-" {
			idx = append(idx, i)
		}
	}
	h.plans.Store(t, idx)
	return idx
}

func sha256New() hash.Hash { return sha256.New() }
