package content

import (
	"strings"
	"testing"
)

// TestReadAllFitsTheFile: a source is read into an array of its size
// with no room to spare, and a file that shrank or grew since it was
// opened is read as it is now.
func TestReadAllFitsTheFile(t *testing.T) {
	for _, tt := range []struct {
		text string
		size int64
	}{{"", 0}, {"hello", 5}, {"hel", 5}, {"hello, world", 5}, {strings.Repeat("x", 10000), 4096}} {
		got, err := readAll(strings.NewReader(tt.text), tt.size)
		if err != nil || string(got) != tt.text {
			t.Errorf("%d bytes, stat %d: read %d bytes, %v", len(tt.text), tt.size, len(got), err)
		}
		if int64(len(tt.text)) == tt.size && cap(got) != len(got) {
			t.Errorf("%d bytes: read into room for %d", len(tt.text), cap(got))
		}
	}
}
