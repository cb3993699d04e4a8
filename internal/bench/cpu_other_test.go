//go:build !unix

package bench_test

import "time"

// processCPU is not available here: BenchmarkValidate reports no CPU time.
func processCPU() (time.Duration, bool) { return 0, false }
