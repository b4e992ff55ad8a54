//go:build race

package build

// raceEnabled: timings under the race detector say nothing of the code's.
const raceEnabled = true
