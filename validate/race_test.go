//go:build race

package validate_test

// raceEnabled tells whether the race detector runs.
const raceEnabled = true
