//go:build linux

package names_test

import (
	"runtime"
	"syscall"
	"testing"

	"github.com/icpcheck/beian/rules/names"
)

// threadCPU returns the CPU time the calling thread has used (Linux's
// RUSAGE_THREAD).
func threadCPU() int64 {
	var ru syscall.Rusage
	_ = syscall.Getrusage(1, &ru)
	return ru.Utime.Nano() + ru.Stime.Nano()
}

// typicalNames are 20-character names as typed, one per way of typing.
var typicalNames = []struct{ name, text string }{
	{"normal", "深圳市示例网络科技有限公司官方网站信息服"},
	{"traditional", "深圳市示例網絡科技有限公司官方網站信息服"},
	{"fullwidth", "ＡＢＣ示例网络科技有限公司官方网站信息"},
	{"spaced", "深圳市 示例网络科技 有限公司 官方网站信息服"},
	{"zerowidth", "深圳市示例\u200b网络科技有限公司官方网站信息服"},
	{"accented", "Café深圳市示例网络科技有限公司官方网站"},
	{"lookalike", "Cаsinо深圳市示例网络科技有限公司官网"},
}

// BenchmarkNormalizeFind normalises and scans typical names. Besides the
// wall-clock ns/op it reports cpu-ns/op, the thread CPU time per call,
// which a machine shared with other work inflates far less: the figure
// the ≤ 1 µs targets are read from.
func BenchmarkNormalizeFind(b *testing.B) {
	d := names.DefaultDictionary()
	for _, x := range typicalNames {
		b.Run(x.name, func(b *testing.B) {
			runtime.LockOSThread()
			defer runtime.UnlockOSThread()
			b.ReportAllocs()
			start := threadCPU()
			for b.Loop() {
				d.Find(names.Normalize(x.text))
			}
			b.ReportMetric(float64(threadCPU()-start)/float64(b.N), "cpu-ns/op")
		})
	}
}
