package build

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// inParallel calls f(i) for every i in [0, n) on GOMAXPROCS workers, each
// taking the next index when it is free, and returns when all are done.
// A fixed set of workers, not a goroutine per item: a preview's rebuild
// runs tens of thousands of items that mostly find their output kept,
// where starting a goroutine for each costs more than the item.
func inParallel(n int, f func(i int)) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), n) {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < n; i = int(next.Add(1) - 1) {
				f(i)
			}
		})
	}
	wg.Wait()
}
