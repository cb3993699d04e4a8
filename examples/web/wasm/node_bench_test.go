package main

import (
	"encoding/json"
	"path/filepath"
	"testing"
)

// BenchmarkNodeStart runs the shipped WebAssembly build in Node, one
// process an iteration, over every example filing: ms/first is start
// (the module's import) to the first answer, cpu-ms/first the process's
// CPU time to it (V8's compiler threads included), later-ms/median and
// later-ms/max the checks after each filing has run once. Run it as
//
//	go test -run '^$' -bench NodeStart -benchtime 5x ./examples/web/wasm
func BenchmarkNodeStart(b *testing.B) {
	dir := buildPackageB(b)
	files, err := filepath.Glob(filepath.Join("..", "..", "icpcheck", "testdata", "*.json"))
	if err != nil {
		b.Fatal(err)
	}
	var first, cpu, median, maxLater float64
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
		first += tm.First
		cpu += tm.FirstCPU
		median += tm.LaterMedian
		maxLater = max(maxLater, tm.LaterMax)
	}
	n := float64(b.N)
	b.ReportMetric(first/n, "ms/first")
	b.ReportMetric(cpu/n, "cpu-ms/first")
	b.ReportMetric(median/n, "later-ms/median")
	b.ReportMetric(maxLater, "later-ms/max")
	b.ReportMetric(0, "ns/op")
}
