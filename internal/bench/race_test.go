//go:build race

package bench_test

// raceEnabled tells whether the race detector runs.
const raceEnabled = true
