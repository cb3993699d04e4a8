package main

import (
	"encoding/json"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/icpcheck/beian/internal/machine"
	"github.com/icpcheck/beian/internal/testenv"
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
	if l, ok := machine.LoadAverage(); ok {
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

// BenchmarkNodeCompiled counts the WebAssembly V8 compiles at first call
// (Liftoff, lazily, on the thread that calls) in each phase of a page's
// life, from node --trace-wasm-compilation-times over testdata/compiled.mjs:
// start-KB and start-funcs while the package loads and the program starts
// (the Go runtime and the package inits), first-KB and first-funcs for
// the first answer (the page's example filing, before the word tables
// are in), later-KB and later-funcs for every example filing in zh and
// en after it. KB are of function bodies in the .wasm. Unlike the times
// of BenchmarkNodeStart, these do not depend on the machine's load: a
// change that links or runs less code at start shows here first. One
// iteration is enough:
//
//	go test -run '^$' -bench NodeCompiled -benchtime 1x ./examples/web/wasm
func BenchmarkNodeCompiled(b *testing.B) {
	node, err := exec.LookPath("node")
	if err != nil {
		testenv.SkipUnavailable(b, "node is not installed")
	}
	dir := buildPackageB(b)
	files, err := filepath.Glob(filepath.Join("..", "..", "icpcheck", "testdata", "*.json"))
	if err != nil || len(files) == 0 {
		b.Fatal("no example filings", err)
	}
	// The page's own filing first, as the page checks it.
	page, err := filepath.Abs(filepath.Join("testdata", "page-filing.json"))
	if err != nil {
		b.Fatal(err)
	}
	script, err := filepath.Abs(filepath.Join("testdata", "compiled.mjs"))
	if err != nil {
		b.Fatal(err)
	}
	var phases map[string][2]float64
	for i := 0; i < b.N; i++ {
		args := append([]string{node, "--trace-wasm-compilation-times", script, dir, filepath.Join(dir, "beian.wasm"), page}, files...)
		// V8 prints through C's stdio, fully buffered into a pipe, and
		// the phase marks through Node's own writes: line buffering keeps
		// them in order.
		if stdbuf, err := exec.LookPath("stdbuf"); err == nil {
			args = append([]string{stdbuf, "-oL"}, args...)
		}
		out, err := exec.Command(args[0], args[1:]...).CombinedOutput()
		if err != nil {
			b.Fatalf("node: %v\n%s", err, out)
		}
		phases = compiledByPhase(out)
	}
	for _, p := range []string{"start", "first", "later"} {
		b.ReportMetric(phases[p][1]/1000, p+"-KB")
		b.ReportMetric(phases[p][0], p+"-funcs")
	}
	b.ReportMetric(0, "ns/op")
}

// compiledByPhase sums V8's "Compiled function … using Liftoff …
// bodysize N" lines by the "=== phase" line before them: the count of
// functions and their body bytes.
func compiledByPhase(log []byte) map[string][2]float64 {
	phases := map[string][2]float64{}
	phase := ""
	for _, line := range strings.Split(string(log), "\n") {
		if p, ok := strings.CutPrefix(line, "=== "); ok {
			phase = p
			continue
		}
		if !strings.Contains(line, "using Liftoff") {
			continue
		}
		_, size, ok := strings.Cut(line, "bodysize ")
		if !ok {
			continue
		}
		size, _, _ = strings.Cut(size, " ")
		n, err := strconv.Atoi(size)
		if err != nil {
			continue
		}
		v := phases[phase]
		phases[phase] = [2]float64{v[0] + 1, v[1] + float64(n)}
	}
	return phases
}
