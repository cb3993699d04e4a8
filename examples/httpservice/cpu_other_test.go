//go:build !unix

package main

import "time"

// processCPU is 0 where getrusage is not available: cpu-us/req is then
// not reported.
func processCPU() time.Duration { return 0 }
