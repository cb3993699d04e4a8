//go:build race

package beian_test

// raceSlowdown is how much slower the race detector makes decoding: the
// hostile shapes' test decodes smaller inputs under it.
const raceSlowdown = 10
