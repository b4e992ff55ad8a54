package content

import (
	"io"
	"io/fs"
	"strings"
	"testing"
	"time"
)

// endlessFS holds one file that states a size of 0 bytes, as files in
// /proc do, and never ends.
type endlessFS struct{ read *int64 }

func (e endlessFS) Open(name string) (fs.File, error) {
	return &endlessFile{read: e.read}, nil
}

type endlessFile struct{ read *int64 }

func (f *endlessFile) Stat() (fs.FileInfo, error) { return endlessInfo{}, nil }
func (f *endlessFile) Close() error               { return nil }
func (f *endlessFile) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = 'x'
	}
	*f.read += int64(len(p))
	return len(p), nil
}

type endlessInfo struct{}

func (endlessInfo) Name() string       { return "endless.md" }
func (endlessInfo) Size() int64        { return 0 }
func (endlessInfo) Mode() fs.FileMode  { return 0o644 }
func (endlessInfo) ModTime() time.Time { return time.Time{} }
func (endlessInfo) IsDir() bool        { return false }
func (endlessInfo) Sys() any           { return nil }

var _ io.Reader = (*endlessFile)(nil)

// TestReadFileStopsAtTheLimit: a file that holds more than its stated
// size is read no further than the limit, and refused.
func TestReadFileStopsAtTheLimit(t *testing.T) {
	var read int64
	limits := Limits{FileBytes: 1 << 20}
	src, diags := ReadFile(endlessFS{&read}, "content/briefs/endless.md", limits)
	if src != nil || !strings.Contains(diags.String(), "content/briefs/endless.md: file holds more than the limit of 1.0 MB: not read") {
		t.Errorf("got %d bytes, diagnostics %q", len(src), diags)
	}
	if read > limits.FileBytes+64<<10 {
		t.Errorf("read %d bytes of an endless file under a limit of %d", read, limits.FileBytes)
	}
}
