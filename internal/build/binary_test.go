package build

import (
	"os"
	"runtime"
	"strings"
	"testing"
)

// TestExecutableHash: the caches' trust rests on this value naming the
// running code. On Linux it comes from the Go build ID, which holds the
// hash of the binary's content.
func TestExecutableHash(t *testing.T) {
	a, b := executableHash(), executableHash()
	if a != b || a == [32]byte{} {
		t.Fatalf("executableHash not stable or zero: %x %x", a, b)
	}
	if runtime.GOOS != "linux" {
		return
	}
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	id, ok := goBuildID(exe)
	if !ok || strings.Count(string(id), "/") < 1 {
		t.Errorf("no Go build ID read from %s: %q", exe, id)
	}
	if _, ok := goBuildID(os.DevNull); ok {
		t.Error("a build ID read from /dev/null")
	}
}
