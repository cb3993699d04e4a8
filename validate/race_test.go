//go:build race

package validate_test

// raceEnabled tells whether the race detector runs; raceSlowdown scales
// the time budgets of the fuzz targets for it.
const (
	raceEnabled  = true
	raceSlowdown = 10
)
