//go:build linux

package names

import (
	"runtime"
	"syscall"
	"testing"
)

// threadCPUNanos returns the CPU time the calling thread has used.
func threadCPUNanos() int64 {
	var ru syscall.Rusage
	_ = syscall.Getrusage(1, &ru) // RUSAGE_THREAD
	return ru.Utime.Nano() + ru.Stime.Nano()
}

// cpuLoop runs f b.N times on a locked thread and reports cpu-ns/op, the
// thread CPU time per call: a machine shared with other work inflates it
// far less than the wall-clock ns/op.
func cpuLoop(b *testing.B, f func()) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	b.ReportAllocs()
	start := threadCPUNanos()
	for b.Loop() {
		f()
	}
	b.ReportMetric(float64(threadCPUNanos()-start)/float64(b.N), "cpu-ns/op")
}

// BenchmarkScanCPU is BenchmarkScan (a normalised 20-character name, the
// default dictionary, 100 and 10,000 words) with the thread CPU time per
// call, the figure SPEC §6's 150 ns is read from; and the cost of a name
// with a word found, meant or straddling.
func BenchmarkScanCPU(b *testing.B) {
	for _, x := range benchDictionaries(b) {
		b.Run(x.name, func(b *testing.B) { cpuLoop(b, func() { x.d.Find(benchName) }) })
	}
	d := DefaultDictionary()
	for _, x := range []struct{ name, text string }{
		{"hit-meant", "深圳市示例网络赌博有限公司官方网站"},
		{"hit-straddling", "深圳市示例紫色情怀有限公司官方网站"},
	} {
		b.Run(x.name, func(b *testing.B) { cpuLoop(b, func() { d.FindAll(x.text) }) })
	}
}
