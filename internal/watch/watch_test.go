package watch

import (
	"fmt"
	"os"
	"testing"
	"time"
)

func TestWriteInPlace(t *testing.T) {
	f := newFixture(t)
	file, err := os.OpenFile(f.path("content/x.md"), os.O_WRONLY|os.O_TRUNC, 0)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 5 {
		fmt.Fprintf(file, "line %d\n", i)
		file.Sync()
	}
	file.Close()
	f.expectOne("content/x.md")
}

func TestAtomicSave(t *testing.T) {
	for _, tmp := range []string{"content/.x.md.tmp", "content/x.md.tmp123", "content/x.md___jb_tmp___"} {
		t.Run(tmp, func(t *testing.T) {
			f := newFixture(t)
			f.write(tmp, "# new x\n")
			f.rename(tmp, "content/x.md")
			f.expectOne("content/x.md")
		})
	}
}

func TestSedInPlace(t *testing.T) {
	f := newFixture(t)
	f.write("content/sedAbC123", "# edited by sed\n")
	f.rename("content/sedAbC123", "content/x.md")
	f.expectOne("content/x.md")
}

func TestVimBackupAndRename(t *testing.T) {
	f := newFixture(t)
	f.write("content/.x.md.swp", "swap")
	f.write("content/4913", "")
	f.remove("content/4913")
	f.rename("content/x.md", "content/x.md~")
	f.write("content/x.md", "# x by vim\n")
	f.remove("content/x.md~")
	f.expectOne("content/x.md")
}

func TestVimProbeThenWrite(t *testing.T) {
	f := newFixture(t)
	f.write("content/briefs/4913", "")
	f.remove("content/briefs/4913")
	f.write("content/briefs/a.md", "# a, saved\n")
	f.expectOne("content/briefs/a.md")
}

func TestEmacsSave(t *testing.T) {
	f := newFixture(t)
	if err := os.Symlink("user@host.1234", f.path("content/.#x.md")); err != nil {
		t.Fatal(err)
	}
	f.write("content/#x.md#", "autosave")
	f.write("content/x.md", "# x by emacs\n")
	f.remove("content/#x.md#")
	f.remove("content/.#x.md")
	f.expectOne("content/x.md")
}

func TestSwapOnlyGivesNoBatch(t *testing.T) {
	f := newFixture(t)
	for i := range 3 {
		f.write("content/.x.md.swp", fmt.Sprint("swap ", i))
	}
	f.write("content/.x.md.swx", "")
	f.remove("content/.x.md.swx")
	f.write("content/.DS_Store", "")
	f.write("content/.goutputstream-XYZ123", "")
	f.write("templates/base.html~", "")
	f.none()
}

func TestOutsidePathsGiveNoBatch(t *testing.T) {
	f := newFixture(t)
	f.write("site/index.html", "<p>built</p>")
	f.write("README.md", "# readme")
	f.write("contents/x.md", "not content/")
	f.none()
}

func TestCheckout(t *testing.T) {
	f := newFixture(t)
	var want []string
	for i := range 300 {
		rel := fmt.Sprintf("content/%s/f%03d.md", []string{"briefs", "actors", "events"}[i%3], i)
		f.write(rel, fmt.Sprint("# ", i))
		want = append(want, rel)
	}
	f.remove("content/x.md")
	f.write("templates/base.html", "<html><body></body></html>")
	f.write("dossier.yaml", "title: checked out\n")
	want = append(want, "content/x.md", "templates/base.html", "dossier.yaml")
	f.expectOne(want...)
}

func TestNewSubfolder(t *testing.T) {
	f := newFixture(t)
	f.write("content/new/deeper/n.md", "# n\n")
	f.expectOne("content/new/deeper/n.md")
	// The new folder is watched.
	f.write("content/new/deeper/m.md", "# m\n")
	f.expectOne("content/new/deeper/m.md")
}

func TestMissingPathCreated(t *testing.T) {
	f := newFixture(t)
	f.write("static/css/style.css", "body{}")
	f.expectOne("static/css/style.css")
	f.write("static/css/style.css", "body{color:red}")
	f.expectOne("static/css/style.css")
}

func TestSiteFile(t *testing.T) {
	f := newFixture(t)
	f.write("dossier.yaml", "title: changed\n")
	f.expectOne("dossier.yaml")
}

func TestDelete(t *testing.T) {
	f := newFixture(t)
	f.remove("content/x.md")
	f.expectOne("content/x.md")
}

func TestRename(t *testing.T) {
	f := newFixture(t)
	f.rename("content/briefs/a.md", "content/briefs/b.md")
	f.expectOne("content/briefs/a.md", "content/briefs/b.md")
}

func TestRenameFolder(t *testing.T) {
	f := newFixture(t)
	f.rename("content/briefs", "content/notes")
	f.expectOne("content/briefs", "content/notes/a.md")
	// The renamed folder is watched under its new name only.
	f.write("content/notes/a.md", "# a again\n")
	f.expectOne("content/notes/a.md")
}

func TestContinuousStreamIsCapped(t *testing.T) {
	root := t.TempDir()
	w, err := New(Options{Root: root, Debounce: debounce, MaxWait: 3 * debounce})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	stop := make(chan struct{})
	streaming := make(chan struct{})
	go func() {
		defer close(streaming)
		tick := time.NewTicker(debounce / 4)
		defer tick.Stop()
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			case <-tick.C:
				os.WriteFile(root+"/f.txt", []byte(fmt.Sprint(i)), 0o644)
			}
		}
	}()
	defer func() { close(stop); <-streaming }()
	select {
	case b := <-w.Batches():
		if len(b.Paths) != 1 || b.Paths[0] != "f.txt" {
			t.Errorf("batch = %q", b.Paths)
		}
	case <-time.After(deadline):
		t.Fatal("no batch during a continuous stream")
	}
}

func TestBusyReceiverGetsOneMergedBatch(t *testing.T) {
	f := newFixture(t)
	// The receiver is busy (building) while two rounds of changes, each
	// followed by a quiet period, come and go; then it receives once.
	f.write("content/x.md", "1")
	time.Sleep(quiet)
	f.write("content/briefs/a.md", "2")
	time.Sleep(quiet)
	f.expectOne("content/x.md", "content/briefs/a.md")
}

func TestCloseClosesChannels(t *testing.T) {
	f := newFixture(t)
	if err := f.w.Close(); err != nil {
		t.Fatal(err)
	}
	f.w.Close() // twice is fine
	select {
	case _, ok := <-f.w.Batches():
		if ok {
			t.Error("Batches not closed")
		}
	case <-time.After(deadline):
		t.Fatal("Batches not closed")
	}
	if _, ok := <-f.w.Errors(); ok {
		t.Error("Errors not closed")
	}
}

func TestNewErrors(t *testing.T) {
	if _, err := New(Options{Root: t.TempDir() + "/missing"}); err == nil {
		t.Error("New with a missing root succeeded")
	}
	if _, err := New(Options{Root: t.TempDir(), Paths: []string{"../up"}}); err == nil {
		t.Error("New with a path outside the root succeeded")
	}
}
