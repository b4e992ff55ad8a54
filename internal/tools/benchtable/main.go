// Command benchtable measures dossier as a user runs it and prints the
// performance table of the README: cold and warm builds, peak memory, and
// how long dossier serve takes from a saved file to the reload event, on
// synthetic dossiers of 1,000 and 10,000 briefs (package synthetic).
//
// Every figure is the median of five runs after one warm-up, of the real
// dossier binary run as a separate process: wall time from the process's
// start to its exit, and its peak resident memory from the operating
// system's own accounting (getrusage, as /usr/bin/time -v reports it).
// The serve figures time, inside one dossier serve process, the write of
// a brief to the reload event on its event stream (and, for a save that
// changes nothing, to the end of the rebuild it triggers).
//
// Run it with make bench, or: go run ./internal/tools/benchtable [-n 5]
// [-sizes 1000,10000]. It needs a few minutes and a quiet machine.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

func main() {
	runs := flag.Int("n", 5, "counted runs of each measure")
	sizes := flag.String("sizes", "1000,10000", "numbers of briefs to measure, comma-separated")
	flag.Parse()
	work, err := os.MkdirTemp("", "dossier-benchtable-")
	if err != nil {
		fail(err)
	}
	defer os.RemoveAll(work)
	bin := filepath.Join(work, "dossier")
	if err := goBuild(bin); err != nil {
		fail(err)
	}
	t := &table{runs: *runs, bin: bin}
	for _, s := range strings.Split(*sizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n <= 0 {
			fail(fmt.Errorf("-sizes: %q is not a number of briefs", s))
		}
		if err := t.measure(work, n); err != nil {
			fail(err)
		}
	}
	if err := t.manyLinks(work); err != nil {
		fail(err)
	}
	t.print(os.Stdout)
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "benchtable:", err)
	os.Exit(1)
}
