package machine

import (
	"runtime"
	"testing"
	"time"
)

// ProcessCPU counts work done: a busy loop of 20 ms of wall time adds CPU
// time (at least part of it: the loop may wait for a core).
func TestProcessCPU(t *testing.T) {
	before, ok := ProcessCPU()
	if !ok {
		t.Skipf("no process CPU time on %s", runtime.GOOS)
	}
	x := 0
	for start := time.Now(); time.Since(start) < 20*time.Millisecond; {
		x++
	}
	after, _ := ProcessCPU()
	if after <= before || x == 0 {
		t.Errorf("CPU time %v then %v after a busy loop", before, after)
	}
}

func TestLoadAverage(t *testing.T) {
	l, ok := LoadAverage()
	if !ok {
		t.Skip("no /proc/loadavg here")
	}
	if l < 0 {
		t.Errorf("load average %v", l)
	}
}
