// Command benchmd runs the benchmark suite and writes BENCHMARKS.md: the
// suite of internal/bench (ours, the peers and the floor), the service's
// loopback load beside a plain net/http server, and the cold start of
// icpcheck beside hello world, in rounds that alternate them, so that a
// change of the machine's load falls on ours and on the peer alike. Each
// figure is given as min / median / max over the rounds, each ratio as
// median against median (min against min in parentheses).
//
// From the repository root:
//
//	go run ./internal/bench/benchmd
//
// writes BENCHMARKS.md and, for benchstat, internal/bench/testdata/latest.txt
// (go run golang.org/x/perf/cmd/benchstat@latest internal/bench/testdata/latest.txt).
package main

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"log"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/icpcheck/beian/internal/machine"
)

// suite is the pattern of the benchmarks of internal/bench in the file.
const suite = `^(BenchmarkFailing|BenchmarkPeerValidator|BenchmarkValidateOnly|BenchmarkValidate|BenchmarkFloor|BenchmarkReportJSON|BenchmarkDecode|BenchmarkOddName|BenchmarkNew|BenchmarkCertificate|BenchmarkPhone|BenchmarkSensitive|BenchmarkCompaction|BenchmarkSites)$`

func main() {
	rounds := flag.Int("count", 8, "rounds")
	benchtime := flag.String("benchtime", "200ms", "benchtime of the suite's benchmarks (at 1,000 websites a few operations: less makes the CPU per site noisy)")
	requests := flag.Int("requests", 5000, "requests per load run (the p99 is the 50th slowest of 5,000)")
	out := flag.String("o", "BENCHMARKS.md", "the file to write")
	raw := flag.String("raw", "internal/bench/testdata/latest.txt", "the benchmark output, for benchstat")
	flag.Parse()
	log.SetFlags(0)

	tmp, err := os.MkdirTemp("", "benchmd")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(tmp)
	suiteBin := filepath.Join(tmp, "bench.test")
	serviceBin := filepath.Join(tmp, "service.test")
	icpcheck := filepath.Join(tmp, "icpcheck")
	probing := filepath.Join(tmp, "icpcheck-probe")
	hello := filepath.Join(tmp, "hello")
	must(run("go", "test", "-c", "-o", suiteBin, "./internal/bench"))
	// The service is a module of its own (examples/httpservice/go.mod):
	// its test binary is built in its directory.
	must(run("go", "-C", "examples/httpservice", "test", "-c", "-o", serviceBin, "."))
	must(run("go", "build", "-o", icpcheck, "./examples/icpcheck"))
	must(run("go", "build", "-tags", "icpcheck_probe", "-o", probing, "./examples/icpcheck"))
	helloDir := filepath.Join(tmp, "hellosrc")
	must(os.MkdirAll(helloDir, 0o755))
	must(os.WriteFile(filepath.Join(helloDir, "go.mod"), []byte("module hello\n\ngo 1.26\n"), 0o644))
	must(os.WriteFile(filepath.Join(helloDir, "main.go"), []byte("package main\n\nimport \"fmt\"\n\nfunc main() { fmt.Println(\"hello, world\") }\n"), 0o644))
	build := exec.Command("go", "build", "-o", hello, ".")
	build.Dir, build.Stderr = helloDir, os.Stderr
	must(build.Run())

	root, _ := os.Getwd()
	r := newResults()
	var rawOut bytes.Buffer
	load := []float64{loadAverage()}
	start := time.Now()
	for i := range *rounds {
		log.Printf("round %d of %d", i+1, *rounds)
		b := runIn(filepath.Join(root, "internal/bench"), suiteBin, "-test.run", "^$", "-test.bench", suite,
			"-test.benchmem", "-test.count", "1", "-test.cpu", "1", "-test.benchtime", *benchtime)
		rawOut.Write(b)
		r.parse(b, "") // -cpu 1: no suffix
		b = runIn(filepath.Join(root, "examples/httpservice"), serviceBin, "-test.run", "^$", "-test.bench", "^BenchmarkServiceLoad$",
			"-test.count", "1", "-test.benchtime", strconv.Itoa(*requests)+"x")
		rawOut.Write(b)
		r.parse(b, fmt.Sprintf("-%d", runtime.GOMAXPROCS(0)))
		for range 5 {
			r.add("cold/hello", "cpu-ms", cpu(hello))
			r.add("cold/icpcheck", "cpu-ms", cpu(icpcheck, "examples/icpcheck/testdata/clean_enterprise.json"))
			r.add("cold/icpcheck --version", "cpu-ms", cpu(icpcheck, "--version"))
			r.add("cold/icpcheck -tags icpcheck_probe", "cpu-ms", cpu(probing, "examples/icpcheck/testdata/clean_enterprise.json"))
		}
		// validate.New and the first validation, in a fresh process.
		b = runIn(filepath.Join(root, "internal/bench"), suiteBin, "-test.run", "^TestColdStart$", "-test.v", "-test.count", "1")
		r.parseCold(b)
		load = append(load, loadAverage())
	}
	end := time.Now()
	must(os.MkdirAll(filepath.Dir(*raw), 0o755))
	must(os.WriteFile(*raw, rawOut.Bytes(), 0o644))
	must(os.WriteFile(*out, []byte(r.markdown(*rounds, *benchtime, *requests, start, end, load)), 0o644))
	log.Printf("wrote %s and %s", *out, *raw)
}

func must(err error) {
	if err != nil {
		log.Fatal(err)
	}
}

func run(name string, args ...string) error {
	c := exec.Command(name, args...)
	c.Stdout, c.Stderr = os.Stderr, os.Stderr
	return c.Run()
}

func runIn(dir, bin string, args ...string) []byte {
	c := exec.Command(bin, args...)
	c.Dir, c.Stderr = dir, os.Stderr
	b, err := c.Output()
	if err != nil {
		log.Fatalf("%s %s: %v\n%s", bin, strings.Join(args, " "), err, b)
	}
	return b
}

// cpu runs a program and returns the CPU time (user and system) it took,
// in milliseconds.
func cpu(bin string, args ...string) float64 {
	c := exec.Command(bin, args...)
	if err := c.Run(); err != nil {
		if _, ok := err.(*exec.ExitError); !ok {
			log.Fatal(err)
		}
	}
	return float64(c.ProcessState.UserTime()+c.ProcessState.SystemTime()) / float64(time.Millisecond)
}

func loadAverage() float64 {
	l, ok := machine.LoadAverage()
	if !ok {
		return math.NaN()
	}
	return l
}

// results holds every value of every benchmark and unit.
type results struct {
	v     map[string]map[string][]float64
	order []string
}

func newResults() *results { return &results{v: map[string]map[string][]float64{}} }

func (r *results) add(name, unit string, x float64) {
	if r.v[name] == nil {
		r.v[name] = map[string][]float64{}
		r.order = append(r.order, name)
	}
	r.v[name][unit] = append(r.v[name][unit], x)
}

// parse reads the lines of go test -bench. suffix is what go test
// appends to each name for the run's GOMAXPROCS ("" with -cpu 1): cut
// off, and only it, so that a name ending in a hyphen and digits of its
// own (Phone/0755-26888888) keeps them.
func (r *results) parse(b []byte, suffix string) {
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 4 || !strings.HasPrefix(f[0], "Benchmark") {
			continue
		}
		name := strings.TrimPrefix(f[0], "Benchmark")
		if suffix != "" {
			name = strings.TrimSuffix(name, suffix)
		}
		for k := 2; k+1 < len(f); k += 2 {
			x, err := strconv.ParseFloat(f[k], 64)
			if err == nil {
				r.add(name, f[k+1], x)
			}
		}
	}
}

// parseCold reads TestColdStart's "cold: new N ns, first N ns" line.
func (r *results) parseCold(b []byte) {
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		line := sc.Text()
		i := strings.Index(line, "cold: new ")
		if i < 0 {
			continue
		}
		var n, first float64
		if _, err := fmt.Sscanf(line[i:], "cold: new %g ns, first %g ns", &n, &first); err == nil {
			r.add("cold/validate.New", "ms", n/1e6)
			r.add("cold/first Validate", "ms", first/1e6)
		}
	}
}

func stats(xs []float64) (lo, med, hi float64) {
	s := slices.Clone(xs)
	slices.Sort(s)
	if len(s) == 0 {
		return math.NaN(), math.NaN(), math.NaN()
	}
	med = s[len(s)/2]
	if len(s)%2 == 0 {
		med = (s[len(s)/2-1] + s[len(s)/2]) / 2
	}
	return s[0], med, s[len(s)-1]
}

// fmtTime writes nanoseconds in a readable unit.
func fmtTime(ns float64) string {
	switch {
	case math.IsNaN(ns):
		return "—"
	case ns >= 1e6:
		return fmt.Sprintf("%.3g ms", ns/1e6)
	case ns >= 1e3:
		return fmt.Sprintf("%.3g µs", ns/1e3)
	}
	return fmt.Sprintf("%.3g ns", ns)
}

func (r *results) get(name, unit string) []float64 { return r.v[name][unit] }

// span writes min / median / max of name's unit.
func (r *results) span(name, unit string) string {
	xs := r.get(name, unit)
	if len(xs) == 0 {
		return "—"
	}
	lo, med, hi := stats(xs)
	f := func(x float64) string { return fmt.Sprintf("%.3g", x) }
	if unit == "ns/op" {
		f = fmtTime
	}
	return f(lo) + " / " + f(med) + " / " + f(hi)
}

func (r *results) allocs(name string) string {
	xs := r.get(name, "allocs/op")
	if len(xs) == 0 {
		return "—"
	}
	_, med, _ := stats(xs)
	return strconv.FormatFloat(med, 'f', -1, 64)
}

// ratio is ours against the peer, median against median and min against
// min; inverse for rates, where more is better.
func (r *results) ratio(ours, peer, unit string) (med, lo float64) {
	a, b := r.get(ours, unit), r.get(peer, unit)
	if len(a) == 0 || len(b) == 0 {
		return math.NaN(), math.NaN()
	}
	alo, amed, _ := stats(a)
	blo, bmed, bhi := stats(b)
	if unit == "req/s" {
		_, _, ahi := stats(a)
		return amed / bmed, ahi / bhi
	}
	return amed / bmed, alo / blo
}

func verdict(x, target float64, more bool) string {
	switch {
	case math.IsNaN(x):
		return "not measured"
	case more && x >= target, !more && x <= target:
		return "**met**"
	}
	return "not met"
}

func (r *results) markdown(rounds int, benchtime string, requests int, start, end time.Time, load []float64) string {
	var b strings.Builder
	p := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	lmin, lmed, lmax := stats(load)
	p("# Benchmarks\n\n")
	p("Generated by `go run ./internal/bench/benchmd` (from the repository root; see its doc\n")
	p("comment): the suite of `internal/bench` (ours, the peers and the floor), the service's\n")
	p("loopback load beside a plain net/http server (`examples/httpservice`, `BenchmarkServiceLoad`)\n")
	p("and the cold start of `icpcheck` beside hello world, in %d rounds that alternate them. Do not\n", rounds)
	p("edit by hand. The raw output is in `internal/bench/testdata/latest.txt`\n")
	p("(`go run golang.org/x/perf/cmd/benchstat@latest internal/bench/testdata/latest.txt`).\n\n")
	p("- Machine: %s, %d CPUs, %s/%s, %s.\n", cpuModel(), runtime.NumCPU(), runtime.GOOS, runtime.GOARCH, runtime.Version())
	p("- Run: %s – %s UTC, %d rounds, `-benchtime %s -cpu 1` for the suite, %d requests per load run.\n",
		start.UTC().Format("2006-01-02 15:04"), end.UTC().Format("15:04"), rounds, benchtime, requests)
	p("- Load average (1 min) during the run: %.1f / %.1f / %.1f (min / median / max) on %d CPUs.\n", lmin, lmed, lmax, runtime.NumCPU())
	p("  The machine is shared: absolute times are inflated and spread; compare within a row.\n")
	p("- Figures are min / median / max over the rounds; ratios are median / median (min / min),\n")
	p("  ours over the peer measured in the same rounds.\n\n")

	p("## Against the targets of issue 20\n\n")
	p("The verdict is on the ratio of wall times. \"On CPU\" is the same ratio on the process's CPU\n")
	p("time per op (`cpu-ns/op`, user + system with `-cpu 1`), which does not count the waits for a core\n")
	p("of a loaded machine: where the two differ, the CPU ratio is the steadier one.\n\n")
	p("| target | ours | peer | ratio | on CPU | goal | |\n|---|---|---|---|---|---|---|\n")
	row := func(what, ours, peer, unit string, goal float64, more bool) {
		med, lo := r.ratio(ours, peer, unit)
		cmp := "≤"
		if more {
			cmp = "≥"
		}
		onCPU := "—"
		if cmed, clo := r.ratio(ours, peer, "cpu-ns/op"); !math.IsNaN(cmed) && unit == "ns/op" {
			onCPU = fmt.Sprintf("%.2f (%.2f)", cmed, clo)
		}
		if cmed, clo := r.ratio(peer, ours, "cpu-us/req"); !math.IsNaN(cmed) && unit == "req/s" {
			// The requests per second the CPU per request allows: the
			// peer's CPU over ours.
			onCPU = fmt.Sprintf("%.2f (%.2f)", cmed, clo)
		}
		p("| %s | `%s` %s | `%s` %s | %.2f (%.2f) | %s | %s %.3g | %s |\n", what, ours, r.span(ours, unit), peer, r.span(peer, unit), med, lo, onCPU, cmp, goal, verdict(med, goal, more))
	}
	for _, enc := range []string{"WriteJSON", "MarshalJSON", "json.Encoder", "json.Marshal"} {
		row("failing filing validated, report written by "+enc, "Failing/"+enc, "PeerValidator/failing", "ns/op", 2, false)
	}
	if med, lo := r.ratio("Compaction", "PeerValidator/failing", "ns/op"); !math.IsNaN(med) {
		// What json.Marshal and json.Encoder add to MarshalJSON whatever the
		// library does: their check and compaction of its output.
		p("| … of which encoding/json's compaction of the report's JSON alone (`json.Compact`; json.Marshal and json.Encoder run it on MarshalJSON's output) | `Compaction` %s | `PeerValidator/failing` %s | %.2f (%.2f) | — | — | |\n",
			r.span("Compaction", "ns/op"), r.span("PeerValidator/failing", "ns/op"), med, lo)
	}
	row("failing filing validated (no report)", "ValidateOnly/rejected", "PeerValidator/failing", "ns/op", 2, false)
	row("clean typical filing validated", "ValidateOnly/clean", "PeerValidator/clean", "ns/op", 1.5, false)
	row("clean typical filing validated, against the floor", "ValidateOnly/clean", "Floor/clean/file", "ns/op", 6, false)
	row("rejected filing validated, against the floor", "ValidateOnly/rejected", "Floor/rejected/file", "ns/op", 15, false)
	row("service, clean filing: requests per second", "ServiceLoad/service/clean", "ServiceLoad/plain/clean", "req/s", 0.8, true)
	row("service, rejected filing: requests per second", "ServiceLoad/service/rejected", "ServiceLoad/plain/rejected", "req/s", 0.8, true)
	row("service, clean filing: p99 latency (ms)", "ServiceLoad/service/clean", "ServiceLoad/plain/clean", "p99-ms", 1.5, false)
	row("service, rejected filing: p99 latency (ms)", "ServiceLoad/service/rejected", "ServiceLoad/plain/rejected", "p99-ms", 1.5, false)
	row("icpcheck on one file, cold: CPU (ms)", "cold/icpcheck", "cold/hello", "cpu-ms", 2, false)
	med, lo := r.ratio("cold/icpcheck -tags icpcheck_probe", "cold/hello", "cpu-ms")
	p("| … built with the prober (`-tags icpcheck_probe`: net/http, crypto/tls) | `cold/icpcheck -tags icpcheck_probe` %s | `cold/hello` %s | %.2f (%.2f) | — | — | |\n",
		r.span("cold/icpcheck -tags icpcheck_probe", "cpu-ms"), r.span("cold/hello", "cpu-ms"), med, lo)
	med, lo = r.ratio("cold/icpcheck --version", "cold/hello", "cpu-ms")
	p("| … of which the program's start (`icpcheck --version`: no validation) | `cold/icpcheck --version` %s | `cold/hello` %s | %.2f (%.2f) | — | — | |\n",
		r.span("cold/icpcheck --version", "cpu-ms"), r.span("cold/hello", "cpu-ms"), med, lo)
	nlo, nmed, nhi := stats(r.get("cold/validate.New", "ms"))
	p("| `validate.New`, first call in a process (ms) | %.3g / %.3g / %.3g | — | — | — | ≤ 1 ms | %s |\n", nlo, nmed, nhi, verdict(nmed, 1, false))
	flo, fmed, fhi := stats(r.get("cold/first Validate", "ms"))
	p("| the first validation in a process (ms; the tables loaded or built on first use) | %.3g / %.3g / %.3g | — | — | — | — | |\n\n", flo, fmed, fhi)

	r.specRows(p)

	p("## Websites: 1 → 1,000 (linear within 10 %%)\n\n")
	p("Validated with the report encoded (`Validate/…`), and the floor of the same filing. \"CPU per\n")
	p("site\" is the process's CPU time (user + system, GC included) per validation over the number of\n")
	p("websites, median of the rounds: unlike wall time it does not count the waits for a core of a\n")
	p("loaded machine. \"step\" is the median CPU at n over ten times that at n/10 (1.00 is linear;\n")
	p("within 10 %% is ≤ 1.10 from 10 to 1,000 websites).\n\n")
	p("| filing | sites | ours (wall) | allocs | floor (wall) | ours / floor | CPU per site | step |\n|---|---|---|---|---|---|---|---|\n")
	for _, f := range []string{"clean", "rejected"} {
		prev := math.NaN()
		for _, n := range []int{1, 10, 100, 1000} {
			name := fmt.Sprintf("Validate/%s/sites=%d", f, n)
			floor := fmt.Sprintf("Floor/%s/sites=%d", f, n)
			_, med, _ := stats(r.get(name, "cpu-ns/op"))
			ratio, _ := r.ratio(name, floor, "ns/op")
			step := "—"
			if !math.IsNaN(prev) {
				step = fmt.Sprintf("%.2f", med/(10*prev))
			}
			p("| %s | %d | %s | %s | %s | %.0f | %s | %s |\n", f, n, r.span(name, "ns/op"), r.allocs(name), r.span(floor, "ns/op"), ratio, fmtTime(med/float64(n)), step)
			prev = med
		}
	}

	p("\nThe rejected filing's row above returns each report as a new slice (`MarshalJSON`: a 1.8 MB\n")
	p("array an operation at 1,000 websites, which no pool can keep, since the caller owns it). Split\n")
	p("into its parts (`Sites/…`): the validation alone, the validation with the report written to a\n")
	p("writer (`WriteJSON`, what the service and `icpcheck` do), and with it returned (`MarshalJSON`).\n\n")
	p("| rejected filing | CPU per site, 100 sites | CPU per site, 1,000 sites | step | allocs at 1,000 |\n|---|---|---|---|---|\n")
	for _, part := range []string{"validate", "WriteJSON", "MarshalJSON"} {
		a, b := fmt.Sprintf("Sites/%s/sites=100", part), fmt.Sprintf("Sites/%s/sites=1000", part)
		_, ma, _ := stats(r.get(a, "cpu-ns/op"))
		_, mb, _ := stats(r.get(b, "cpu-ns/op"))
		p("| `%s` | %s | %s | %.2f | %s |\n", part, fmtTime(ma/100), fmtTime(mb/1000), mb/(10*ma), r.allocs(b))
	}

	p("\n## Every benchmark of the run\n\n")
	p("| benchmark | time (min / median / max) | B/op | allocs/op | other |\n|---|---|---|---|---|\n")
	for _, name := range r.order {
		if strings.HasPrefix(name, "cold/") {
			continue
		}
		other := ""
		for _, u := range []string{"cpu-ns/op", "req/s", "cpu-us/req", "p50-ms", "p99-ms", "MB/s"} {
			if len(r.get(name, u)) > 0 {
				other += u + " " + r.span(name, u) + "; "
			}
		}
		bop := "—"
		if xs := r.get(name, "B/op"); len(xs) > 0 {
			_, med, _ := stats(xs)
			bop = strconv.FormatFloat(med, 'f', -1, 64)
		}
		p("| `%s` | %s | %s | %s | %s |\n", name, r.span(name, "ns/op"), bop, r.allocs(name), strings.TrimSuffix(other, "; "))
	}
	for _, name := range []string{"cold/hello", "cold/icpcheck", "cold/icpcheck -tags icpcheck_probe", "cold/icpcheck --version"} {
		p("| %s (CPU ms, user + system) | %s | | | |\n", name, r.span(name, "cpu-ms"))
	}
	return b.String()
}

// specRows writes the section on SPEC §6's absolute numbers that the
// suite measures: each benchmark's median time and allocations against
// its row's bound, with a verdict, so that a row that no longer holds
// shows here as issue 20's do above.
func (r *results) specRows(p func(string, ...any)) {
	p("## The other numbers of SPEC §6 this run measures\n\n")
	p("Absolute bounds, judged on the median over the rounds (times on this shared machine are\n")
	p("inflated: the minimum is given beside it). Bytes are those allocated per operation\n")
	p("(`-benchmem`), which bound the memory a build keeps. The other rows of §6 are measured\n")
	p("elsewhere: the phone table's first lookup and init (`rules/phonenum`'s `TestColdCost`), the\n")
	p("WebAssembly build (`examples/web/README.md`), one uploaded document\n")
	p("(`validate`'s `TestHostileDocumentsBounded`), importing the library (`icpcheck --version`\n")
	p("and `validate.New` in the table above).\n\n")
	p("| SPEC §6 row | benchmark | time (min / median / max) | allocs | B/op | bound | |\n|---|---|---|---|---|---|---|\n")
	spec := func(row, name string, maxNs, maxAllocs, maxBytes float64) {
		_, med, _ := stats(r.get(name, "ns/op"))
		_, allocs, _ := stats(r.get(name, "allocs/op"))
		_, bytes, _ := stats(r.get(name, "B/op"))
		bound := "≤ " + fmtTime(maxNs)
		ok := !math.IsNaN(med) && med <= maxNs
		switch {
		case maxAllocs == 0:
			bound += ", no alloc"
		case maxAllocs == 1:
			bound += ", ≤ 1 alloc"
		case maxAllocs > 1:
			bound += fmt.Sprintf(", ≤ %g allocs", maxAllocs)
		}
		if maxAllocs >= 0 {
			ok = ok && !math.IsNaN(allocs) && allocs <= maxAllocs
		}
		if maxBytes >= 0 {
			bound += fmt.Sprintf(", ≤ %.3g MiB", maxBytes/(1<<20))
			ok = ok && !math.IsNaN(bytes) && bytes <= maxBytes
		}
		v := "not met"
		switch {
		case math.IsNaN(med):
			v = "not measured"
		case ok:
			v = "**met**"
		}
		p("| %s | `%s` | %s | %s | %s | %s | %s |\n", row, name, r.span(name, "ns/op"), r.allocs(name), strconv.FormatFloat(bytes, 'f', -1, 64), bound, v)
	}
	spec("validate a typical one-site enterprise filing, all offline rules", "ValidateOnly/clean", 5000, 25, -1)
	for _, in := range []string{"13660123456", "+86_136-6012-3456", "0755-26888888"} {
		spec("phone: parse + validate + province from the string as typed", "Phone/"+in, 300, 1, -1)
	}
	spec("ID card check", "Certificate/IDCard", 60, 0, -1)
	spec("credit code check", "Certificate/USCC", 60, 0, -1)
	spec("sensitive words, 10,000-word dictionary: build / memory", "Sensitive/build/words=10000", 50e6, -1, 8<<20)
	for _, name := range r.order {
		if strings.HasPrefix(name, "Sensitive/scan/") {
			spec("sensitive words: scan of a normalised 20-character name, whatever the dictionary's size", name, 150, 0, -1)
		}
	}
	spec("site-name normalisation + scan", "Sensitive/normalize+scan/accented", 1000, -1, -1)
	spec("a report with five rejections encoded to JSON, Chinese", "ReportJSON/zh-Hans", 5000, 20, -1)
	spec("a report with five rejections encoded to JSON, English", "ReportJSON/en", 5000, 20, -1)
	p("\n")
}

func cpuModel() string {
	b, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		return "unknown CPU"
	}
	for line := range strings.SplitSeq(string(b), "\n") {
		if k, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) == "model name" {
			return "`" + strings.TrimSpace(v) + "`"
		}
	}
	return "unknown CPU"
}
