//go:build race

package beian_test

// raceSlowdown scales the time budgets of the fuzz targets under the race
// detector.
const raceSlowdown = 10
