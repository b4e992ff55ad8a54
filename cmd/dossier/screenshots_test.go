package main

import (
	"context"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// TestScreenshots is not a check but a way to look: with
// DOSSIER_SCREENSHOTS=DIR it writes PNGs of one page of every kind of
// the sample at 375 and 1280 px, light and dark, into DIR, in tiles of
// at most 1600 px (DOSSIER_SCREENSHOT_TILES tiles a page, 3 by default),
// named kind-width-scheme-tile.png. Without the variable it is skipped.
//
//	DOSSIER_SCREENSHOTS=/tmp/shots go test -run TestScreenshots ./cmd/dossier
func TestScreenshots(t *testing.T) {
	dir := os.Getenv("DOSSIER_SCREENSHOTS")
	if dir == "" {
		t.Skip("set DOSSIER_SCREENSHOTS=DIR to write screenshots of every page kind into DIR")
	}
	requireChromium(t)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	tiles := 3
	if n, err := fmt.Sscan(os.Getenv("DOSSIER_SCREENSHOT_TILES"), &tiles); n == 0 && err != nil {
		tiles = 3
	}
	site := serveSample(t)
	b := newBrowser(t)
	for _, p := range pageKinds {
		for _, width := range []int64{phone, desktop} {
			for _, dark := range []bool{false, true} {
				b.open(t, site+p.path, width, dark)
				scheme := map[bool]string{false: "light", true: "dark"}[dark]
				name := fmt.Sprintf("%s-%d-%s", strings.ReplaceAll(p.kind, " ", "-"), width, scheme)
				shoot(t, b, filepath.Join(dir, name), float64(width), tiles)
			}
		}
	}
}

// shoot writes the page in tiles of 1600 px: base-1.png, base-2.png …
func shoot(t *testing.T, b *browser, base string, width float64, tiles int) {
	t.Helper()
	const tile = 1600
	height := eval[float64](t, b, `document.documentElement.scrollHeight`)
	for i := 0; i < tiles && float64(i*tile) < height; i++ {
		h := math.Min(tile, height-float64(i*tile))
		ctx, cancel := context.WithTimeout(b.ctx, stepDeadline)
		res, err := chromedp.Call(ctx, page.CaptureScreenshot, page.CaptureScreenshotParams{
			Clip:                  &page.Viewport{X: 0, Y: float64(i * tile), Width: width, Height: h, Scale: 1},
			CaptureBeyondViewport: ptrTo(true)})
		cancel()
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(fmt.Sprintf("%s-%d.png", base, i+1), res.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func ptrTo[T any](v T) *T { return &v }
