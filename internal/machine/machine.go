// Package machine reads what a benchmark on a shared machine reports
// beside its wall times: the CPU time the process has used, which does
// not count the waits for a core, and the load average.
package machine

import (
	"os"
	"strconv"
	"strings"
)

// LoadAverage returns the one-minute load average (/proc/loadavg) and
// true, or false where the system does not give it.
func LoadAverage() (float64, bool) {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return 0, false
	}
	f := strings.Fields(string(b))
	if len(f) == 0 {
		return 0, false
	}
	l, err := strconv.ParseFloat(f[0], 64)
	return l, err == nil
}
