//go:build !unix

package machine

import "time"

// ProcessCPU returns the CPU time the process has used so far, and true;
// false here: this system does not give it.
func ProcessCPU() (time.Duration, bool) { return 0, false }
