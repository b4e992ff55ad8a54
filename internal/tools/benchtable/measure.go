package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/dossier-project/dossier/internal/synthetic"
)

// table holds the figures measured.
type table struct {
	runs  int
	bin   string
	sizes []int
	rows  map[string]map[int]figure // measure -> briefs -> figure
	links figure
}

// figure is a median and its unit.
type figure struct {
	value float64
	unit  string // "s", "ms", "MB"
}

// goBuild builds the dossier command into bin.
func goBuild(bin string) error {
	cmd := exec.Command("go", "build", "-o", bin, "./cmd/dossier")
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	return cmd.Run()
}

// run runs the dossier binary once and returns its wall time and peak
// resident memory.
func (t *table) run(args ...string) (time.Duration, float64, error) {
	cmd := exec.Command(t.bin, args...)
	var out strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &out
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	if err != nil {
		return 0, 0, fmt.Errorf("dossier %s: %v\n%s", strings.Join(args, " "), err, out.String())
	}
	ru := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	return wall, float64(ru.Maxrss) / 1024, nil // Maxrss is in KiB on Linux
}

// measure measures every row for a dossier of n briefs.
func (t *table) measure(work string, n int) error {
	fmt.Fprintf(os.Stderr, "benchtable: %d briefs\n", n)
	dir := filepath.Join(work, fmt.Sprintf("d%d", n))
	if err := synthetic.Default(n).Write(dir); err != nil {
		return err
	}
	t.sizes = append(t.sizes, n)
	cold, mem, err := t.repeat(func(i int) []string {
		tag := fmt.Sprintf("cold%d-%d", n, i)
		return []string{"build", "-src", dir, "-out", filepath.Join(work, tag, "site"), "-cache", filepath.Join(work, tag, "cache")}
	})
	if err != nil {
		return err
	}
	t.set("cold", n, figure{median(cold), "s"})
	t.set("memory", n, figure{median(mem), "MB"})
	out, cache := filepath.Join(work, fmt.Sprintf("warm%d", n), "site"), filepath.Join(work, fmt.Sprintf("warm%d", n), "cache")
	warm, _, err := t.repeat(func(int) []string { return []string{"build", "-src", dir, "-out", out, "-cache", cache} })
	if err != nil {
		return err
	}
	t.set("warm", n, figure{median(warm), "s"})
	edit := filepath.Join(dir, synthetic.BriefFile(n/2))
	oneChange, _, err := t.repeat(func(i int) []string {
		if err := synthetic.Revise(edit, 1000+i); err != nil {
			panic(err)
		}
		return []string{"build", "-src", dir, "-out", out, "-cache", cache}
	})
	if err != nil {
		return err
	}
	t.set("warm-one", n, figure{median(oneChange), "s"})
	return t.measureServe(work, dir, n)
}

// repeat runs the command args(i) gives once to warm up and t.runs times
// counted, and returns the counted wall times (s) and peak memories (MB).
func (t *table) repeat(args func(i int) []string) (walls, mems []float64, err error) {
	for i := range t.runs + 1 {
		wall, mem, err := t.run(args(i)...)
		if err != nil {
			return nil, nil, err
		}
		if i > 0 {
			walls, mems = append(walls, wall.Seconds()), append(mems, mem)
		}
	}
	return walls, mems, nil
}

func (t *table) set(row string, n int, f figure) {
	if t.rows == nil {
		t.rows = map[string]map[int]figure{}
	}
	if t.rows[row] == nil {
		t.rows[row] = map[int]figure{}
	}
	t.rows[row][n] = f
}

func median(xs []float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	return s[len(s)/2]
}

func numCPU() int { return runtime.NumCPU() }
