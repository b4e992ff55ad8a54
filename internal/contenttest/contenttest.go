// Package contenttest loads a dossier's content from files given as
// strings, for the tests of the packages that work on parsed pages.
package contenttest

import (
	"testing"
	"testing/fstest"

	"github.com/dossier-project/dossier/internal/content"
)

// Load loads the content files of the maps (path -> source; a later map's
// file wins over an earlier one's) and fails the test on any diagnostic.
func Load(t testing.TB, files ...map[string]string) *content.Set {
	t.Helper()
	fsys := fstest.MapFS{}
	for _, m := range files {
		for name, src := range m {
			fsys[name] = &fstest.MapFile{Data: []byte(src)}
		}
	}
	set, diags := content.Load(fsys, content.Options{})
	if len(diags) > 0 {
		t.Fatalf("load: %v", diags)
	}
	return set
}
