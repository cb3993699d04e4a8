//go:build linux

package fold

import "syscall"

// threadCPU returns the CPU time the calling thread has used (Linux's
// RUSAGE_THREAD), for the cpu-ns/op metric of the benchmarks.
func threadCPU() int64 {
	var ru syscall.Rusage
	_ = syscall.Getrusage(1, &ru)
	return ru.Utime.Nano() + ru.Stime.Nano()
}
