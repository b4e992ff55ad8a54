package build

// When was a page last changed? Feeds and sitemaps want a day, and dossier
// never invents one: a page's date of change is, in order,
//
//  1. its updated: front-matter key (an exact day);
//  2. the time of the last commit that touched its file, when the dossier
//     is a git repository (one "git log" over content/ per Builder, in
//     Options.SourceDir; a shallow clone knows only its last commit, so
//     the Pages workflow fetches the whole history);
//  3. SOURCE_DATE_EPOCH, the reproducible-builds convention for "the time
//     of this source";
//  4. the date the page itself carries (date:), when it is an exact day.
//
// (4 serves only briefs and commentary: an event's date is when the event
// happened, a source's when someone else wrote it.) A page none of these
// dates has no sitemap lastmod; its feed entry gets the feed's own
// updated: the latest of the entries' dates, else the dossier's newest
// commit or SOURCE_DATE_EPOCH, else the last day the dossier's own dates
// reach (the latest possible day of its newest dated page). Every source
// of dates is fixed for a given commit, so builds stay reproducible. Only
// a dossier with no date at all to go by takes the time of the build for
// its feed, and the build warns about it.

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/dossier-project/dossier/internal/content"
)

// changeDates knows when each content file last changed in git.
type changeDates struct {
	once  sync.Once
	files map[string]time.Time // slash path from the dossier root
	last  time.Time            // the newest commit touching content/
	epoch time.Time            // SOURCE_DATE_EPOCH, or zero
}

// load runs git log once in dir ("" or not a repository: no dates).
func (c *changeDates) load(dir string) {
	c.once.Do(func() {
		c.files = map[string]time.Time{}
		if s := os.Getenv("SOURCE_DATE_EPOCH"); s != "" {
			if n, err := strconv.ParseInt(s, 10, 64); err == nil {
				c.epoch = time.Unix(n, 0).UTC()
			}
		}
		if dir == "" || !inGitWorkTree(dir) {
			return
		}
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		cmd := exec.CommandContext(ctx, "git", "-C", dir, "log", "--format=%x00%cI", "--name-only", "--relative", "--", content.Dir)
		out, err := cmd.Output()
		if err != nil {
			return
		}
		c.parse(out)
	})
}

// inGitWorkTree reports whether git could find a repository for dir: a
// .git in dir or a folder above it, or GIT_DIR set. Running git where
// there is none costs a process (about 8 ms) on every build.
func inGitWorkTree(dir string) bool {
	if os.Getenv("GIT_DIR") != "" {
		return true
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return true
	}
	for {
		if _, err := os.Lstat(filepath.Join(abs, ".git")); err == nil {
			return true
		}
		parent := filepath.Dir(abs)
		if parent == abs {
			return false
		}
		abs = parent
	}
}

// parse reads git log's output: a NUL and a commit time, then the files
// it touched, newest commit first, so the first time seen for a file is
// its last change.
func (c *changeDates) parse(out []byte) {
	var when time.Time
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		line := sc.Text()
		if rest, ok := strings.CutPrefix(line, "\x00"); ok {
			t, err := time.Parse(time.RFC3339, rest)
			if err == nil {
				when = t.UTC()
				if c.last.IsZero() {
					c.last = when
				}
			}
			continue
		}
		if line != "" && !when.IsZero() {
			if _, seen := c.files[line]; !seen {
				c.files[line] = when
			}
		}
	}
}

// writeTo writes every date it knows to w, for a key.
func (c *changeDates) writeTo(w io.Writer) {
	files := make([]string, 0, len(c.files))
	for f := range c.files {
		files = append(files, f)
	}
	slices.Sort(files)
	fmt.Fprintf(w, "dates %d %d %d\x00", c.last.UnixNano(), c.epoch.UnixNano(), len(files))
	for _, f := range files {
		fmt.Fprintf(w, "%q %d\x00", f, c.files[f].UnixNano())
	}
}

// of returns when p last changed, and whether anything says so.
func (c *changeDates) of(p *content.Page) (time.Time, bool) {
	if p.Kind != content.Brief && p.Kind != content.Commentary && p.Kind != content.Home {
		if p.Dates.Updated.IsZero() && c.files[p.File].IsZero() && c.epoch.IsZero() {
			return time.Time{}, false
		}
	}
	if d := p.Dates.Updated; !d.IsZero() {
		return d.Start().Earliest(), true
	}
	if t, ok := c.files[p.File]; ok {
		return t, true
	}
	if !c.epoch.IsZero() {
		return c.epoch, true
	}
	return exactDay(p)
}

// fallback is the date of a dossier none of whose pages has one: its
// newest commit, or SOURCE_DATE_EPOCH.
func (c *changeDates) fallback() (time.Time, bool) {
	switch {
	case !c.last.IsZero():
		return c.last, true
	case !c.epoch.IsZero():
		return c.epoch, true
	}
	return time.Time{}, false
}
