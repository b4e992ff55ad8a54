// Command gen writes a synthetic dossier of N briefs into DIR, for
// benchmarks: go run ./internal/synthetic/gen -briefs 1000 DIR.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/dossier-project/dossier/internal/synthetic"
)

func main() {
	briefs := flag.Int("briefs", 1000, "number of briefs")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: gen [-briefs N] DIR")
		os.Exit(2)
	}
	if err := synthetic.Default(*briefs).Write(flag.Arg(0)); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
