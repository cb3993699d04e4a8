package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// BenchmarkNodeStart runs the shipped WebAssembly build in Node, one
// process an iteration, over every example filing: ms/first is start
// (the module's import) to the first answer, cpu-ms/first the process's
// CPU time to it (V8's compiler threads included), later-ms/median and
// later-ms/max the checks after each filing has run once; each as the
// median of the iterations, and first's least and greatest as
// ms/first-min and ms/first-max. load-avg is the machine's one-minute
// load average at the end (Linux): on a shared machine the wall-clock
// figures grow with it. Run it as
//
//	go test -run '^$' -bench NodeStart -benchtime 5x ./examples/web/wasm
func BenchmarkNodeStart(b *testing.B) {
	dir := buildPackageB(b)
	files, err := filepath.Glob(filepath.Join("..", "..", "icpcheck", "testdata", "*.json"))
	if err != nil {
		b.Fatal(err)
	}
	var first, cpu, median, maxLater []float64
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		_, timing := runNode(b, dir, files)
		var tm struct {
			First       float64 `json:"first"`
			FirstCPU    float64 `json:"first_cpu"`
			LaterMedian float64 `json:"later_median"`
			LaterMax    float64 `json:"later_max"`
		}
		if err := json.Unmarshal(timing, &tm); err != nil {
			b.Fatal(err)
		}
		first = append(first, tm.First)
		cpu = append(cpu, tm.FirstCPU)
		median = append(median, tm.LaterMedian)
		maxLater = append(maxLater, tm.LaterMax)
	}
	b.ReportMetric(medianOf(first), "ms/first")
	b.ReportMetric(slices.Min(first), "ms/first-min")
	b.ReportMetric(slices.Max(first), "ms/first-max")
	b.ReportMetric(medianOf(cpu), "cpu-ms/first")
	b.ReportMetric(medianOf(median), "later-ms/median")
	b.ReportMetric(medianOf(maxLater), "later-ms/max")
	if l, ok := loadAverage(); ok {
		b.ReportMetric(l, "load-avg")
	}
	b.ReportMetric(0, "ns/op")
}

func medianOf(v []float64) float64 {
	s := slices.Clone(v)
	slices.Sort(s)
	if n := len(s); n%2 == 0 {
		return (s[n/2-1] + s[n/2]) / 2
	}
	return s[len(s)/2]
}

// loadAverage reads the one-minute load average from /proc/loadavg.
func loadAverage() (float64, bool) {
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
