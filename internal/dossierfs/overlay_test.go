package dossierfs

import (
	"io/fs"
	"testing"
	"testing/fstest"
)

func TestOverlayDiskWins(t *testing.T) {
	top := fstest.MapFS{"templates/brief.html": {Data: []byte("mine")}}
	bottom := fstest.MapFS{
		"templates/brief.html": {Data: []byte("default")},
		"templates/base.html":  {Data: []byte("base")},
	}
	o := Overlay{Top: top, Bottom: bottom}
	if b, _ := fs.ReadFile(o, "templates/brief.html"); string(b) != "mine" {
		t.Errorf("brief.html = %q, want the file on disk", b)
	}
	if b, _ := fs.ReadFile(o, "templates/base.html"); string(b) != "base" {
		t.Errorf("base.html = %q, want the embedded default", b)
	}
	entries, err := fs.ReadDir(o, "templates")
	if err != nil || len(entries) != 2 {
		t.Errorf("merged listing = %v, %v", entries, err)
	}
}
