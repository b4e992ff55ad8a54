package urls

import "testing"

func TestBase(t *testing.T) {
	tests := []struct {
		base, path, wantPath, wantAbs string
	}{
		{"https://example.org/", "briefs/x/", "/briefs/x/", "https://example.org/briefs/x/"},
		{"https://example.org", "", "/", "https://example.org/"},
		{"https://user.github.io/repo", "static/style.css", "/repo/static/style.css", "https://user.github.io/repo/static/style.css"},
		{"https://user.github.io/repo/", "/feed.xml", "/repo/feed.xml", "https://user.github.io/repo/feed.xml"},
		{"/", "actors/", "/actors/", "/actors/"},
		{"", "actors/", "/actors/", "/actors/"},
	}
	for _, tt := range tests {
		b := New(tt.base)
		if got := b.Path(tt.path); got != tt.wantPath {
			t.Errorf("New(%q).Path(%q) = %q, want %q", tt.base, tt.path, got, tt.wantPath)
		}
		if got := b.Abs(tt.path); got != tt.wantAbs {
			t.Errorf("New(%q).Abs(%q) = %q, want %q", tt.base, tt.path, got, tt.wantAbs)
		}
	}
}
