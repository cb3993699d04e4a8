//go:build !unix

package beian_test

import "time"

// processCPU reports nothing where getrusage is missing: the benchmarks
// then leave out cpu-ns/op.
func processCPU() time.Duration { return 0 }
