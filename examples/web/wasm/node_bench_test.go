package main

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/icpcheck/beian/examples/web/internal/wasmbuild"
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
	var byFunc map[string]map[int]int
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
		phases, byFunc = compiledByPhase(out)
	}
	for _, p := range []string{"start", "first", "later"} {
		b.ReportMetric(phases[p][1]/1000, p+"-KB")
		b.ReportMetric(phases[p][0], p+"-funcs")
	}
	b.ReportMetric(0, "ns/op")
	logCompiledByPackage(b, dir, byFunc)
}

// logCompiledByPackage logs, for the start and the first answer, the KB
// of function bodies compiled in each Go package and the largest
// functions, named from a build of the same code with its function names
// kept (Build's flags without -s): what a change would have to cut. It
// says so and logs nothing else when the two builds' function bodies do
// not have the same sizes.
func logCompiledByPackage(b *testing.B, dir string, byFunc map[string]map[int]int) {
	shipped, err := os.ReadFile(filepath.Join(dir, "beian.wasm"))
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	root, err := wasmbuild.ModuleRoot(ctx, ".")
	if err != nil {
		b.Fatal(err)
	}
	named := filepath.Join(b.TempDir(), "named.wasm")
	if err := wasmbuild.BuildNamed(ctx, root, named); err != nil {
		b.Fatal(err)
	}
	module, err := os.ReadFile(named)
	if err != nil {
		b.Fatal(err)
	}
	fs, err := wasmbuild.FunctionNames(module)
	if err != nil {
		b.Fatal(err)
	}
	ship, err := wasmbuild.FunctionNames(shipped)
	if err != nil {
		b.Fatal(err)
	}
	if ship.Imports != fs.Imports || !slices.Equal(ship.BodySizes, fs.BodySizes) {
		b.Logf("the build with names is not the shipped code function for function (%d and %d functions): no breakdown", len(fs.BodySizes), len(ship.BodySizes))
		return
	}
	for _, phase := range []string{"start", "first"} {
		pkgs := map[string]int{}
		type fn struct {
			name string
			size int
		}
		var fns []fn
		for idx, size := range byFunc[phase] {
			name := fs.Names[idx]
			pkgs[wasmbuild.PackageOf(name)] += size
			fns = append(fns, fn{name, size})
		}
		names := slices.Collect(maps.Keys(pkgs))
		slices.SortFunc(names, func(x, y string) int { return cmp.Or(pkgs[y]-pkgs[x], strings.Compare(x, y)) })
		var sb strings.Builder
		for i, p := range names {
			if i == 20 {
				break
			}
			fmt.Fprintf(&sb, "\n\t%7.1f KB  %s", float64(pkgs[p])/1000, p)
		}
		b.Logf("%s: KB compiled by package (the first 20 of %d):%s", phase, len(names), sb.String())
		slices.SortFunc(fns, func(x, y fn) int { return cmp.Or(y.size-x.size, strings.Compare(x.name, y.name)) })
		sb.Reset()
		for i, f := range fns {
			if i == 20 {
				break
			}
			fmt.Fprintf(&sb, "\n\t%7.1f KB  %s", float64(f.size)/1000, f.name)
		}
		b.Logf("%s: the largest functions compiled:%s", phase, sb.String())
	}
}

// compiledByPhase sums V8's "Compiled function …#N using Liftoff …
// bodysize S" lines by the "=== phase" line before them: the count of
// functions and their body bytes; and, by phase, each function index N
// compiled with its body size S.
func compiledByPhase(log []byte) (map[string][2]float64, map[string]map[int]int) {
	phases := map[string][2]float64{}
	byFunc := map[string]map[int]int{}
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
		// "Compiled function 0x…#123 using Liftoff"
		head, _, _ := strings.Cut(line, " using Liftoff")
		if _, idx, ok := strings.Cut(head, "#"); ok {
			if i, err := strconv.Atoi(idx); err == nil {
				if byFunc[phase] == nil {
					byFunc[phase] = map[int]int{}
				}
				byFunc[phase][i] = n
			}
		}
	}
	return phases, byFunc
}
