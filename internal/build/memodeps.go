package build

import "crypto/sha256"

// depNames numbers the names of the pages and cards views depend on
// ("briefs/x", "card:briefs/x"), for the life of a Builder: a memo holds
// its dependencies by number, and a pass's versions are a table by
// number, so checking a memo against the pages that changed costs a slice
// index per dependency, not a string hash. Numbers are never reused; a
// name gone from the dossier keeps its number, unused.
type depNames struct {
	ids   map[string]int32
	names []string
}

// id returns name's number, giving it the next one when it has none.
func (d *depNames) id(name string) int32 {
	if id, ok := d.ids[name]; ok {
		return id
	}
	if d.ids == nil {
		d.ids = map[string]int32{}
	}
	id := int32(len(d.names))
	d.ids[name] = id
	d.names = append(d.names, name)
	return id
}

// depVersions is one pass's version of each dependency, by number.
type depVersions struct {
	version [][sha256.Size]byte
	known   []bool
}

// newDepVersions returns a table of n dependencies, none known yet.
func newDepVersions(n int) *depVersions {
	return &depVersions{version: make([][sha256.Size]byte, n), known: make([]bool, n)}
}

func (v *depVersions) set(id int32, version [sha256.Size]byte) {
	for int(id) >= len(v.known) {
		v.version = append(v.version, [sha256.Size]byte{})
		v.known = append(v.known, false)
	}
	v.version[id], v.known[id] = version, true
}

// get returns the version of dependency id, and whether this pass has it.
func (v *depVersions) get(id int32) ([sha256.Size]byte, bool) {
	if int(id) >= len(v.known) || !v.known[id] {
		return [sha256.Size]byte{}, false
	}
	return v.version[id], true
}
