//go:build !linux

package fold

// threadCPU is not measured here: the benchmarks report no cpu-ns/op.
func threadCPU() int64 { return 0 }
