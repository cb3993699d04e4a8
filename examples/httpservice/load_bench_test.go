package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"os"
	"reflect"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/internal/machine"
)

// BenchmarkServiceLoad is the service under a bounded loopback load beside
// a plain net/http server (the baseline of issue 20) that decodes the same
// JSON with encoding/json and writes a small reply: b.N requests from
// loadWorkers goroutines over kept-alive connections, for the typical
// clean filing and the rejected one. It reports requests per second and
// the median and 99th-percentile latency; ns/op is the wall time per
// request of the whole run; cpu-us/req the process's CPU time (client and
// server) per request, which holds better than req/s on a busy machine.
// Both servers run in this process, share its
// heap and collector, and are warmed up alike before anything is timed;
// the clients are the same (a new http.Transport per run, loadWorkers
// connections opened before the clock starts, the same body and headers).
// TestPlainBaselineDecodesTheFiling checks that the baseline decodes the
// whole filing.
//
//	go test -run '^$' -bench ServiceLoad -benchtime 2000x ./examples/httpservice
func BenchmarkServiceLoad(b *testing.B) {
	service := startService(b)
	plain := startPlain(b)
	bodies := map[string][]byte{}
	for _, file := range []string{"clean", "rejected"} {
		body, err := os.ReadFile("../icpcheck/testdata/" + file + "_enterprise.json")
		if err != nil {
			b.Fatal(err)
		}
		bodies[file] = body
	}
	// Both servers are warmed up alike before anything is timed: the
	// first requests in a fresh process pay for growing the heap, the
	// connections' goroutine stacks and buffers, and the validator's
	// lazily built tables, and the service's sub-benchmarks run first.
	for range 2 {
		for _, url := range []string{service, plain} {
			for _, file := range []string{"clean", "rejected"} {
				if _, _, _, err := load(url+"/v1/filings:validate", bodies[file], loadWarmup); err != nil {
					b.Fatal(err)
				}
			}
		}
	}
	for _, file := range []string{"clean", "rejected"} {
		for _, srv := range []struct{ name, url string }{{"service", service}, {"plain", plain}} {
			b.Run(srv.name+"/"+file, func(b *testing.B) {
				loadBench(b, srv.url+"/v1/filings:validate", bodies[file])
			})
		}
	}
}

// loadWorkers is the number of clients of BenchmarkServiceLoad.
const loadWorkers = 8

// loadWarmup is the number of requests of each filing sent to each server
// (twice over, alternating) before BenchmarkServiceLoad times any.
const loadWarmup = 500

func loadBench(b *testing.B, url string, body []byte) {
	b.ResetTimer()
	lat, elapsed, cpu, err := load(url, body, b.N)
	b.StopTimer()
	if err != nil {
		b.Fatal(err)
	}
	n := len(lat)
	slices.Sort(lat)
	b.ReportMetric(float64(n)/elapsed.Seconds(), "req/s")
	if cpu > 0 {
		b.ReportMetric(float64(cpu.Microseconds())/float64(n), "cpu-us/req")
	}
	b.ReportMetric(float64(lat[n/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(lat[(n-1)*99/100].Microseconds())/1000, "p99-ms")
}

// load sends n requests of body to url from loadWorkers goroutines over
// kept-alive connections of a new client (opened before the clock
// starts), and returns each request's latency, the time of them all and
// the CPU time the process used meanwhile (client and server: the same
// client for both servers, so the difference is the server's).
func load(url string, body []byte, n int) (lat []time.Duration, elapsed, cpu time.Duration, err error) {
	tr := &http.Transport{MaxIdleConnsPerHost: loadWorkers, MaxConnsPerHost: loadWorkers}
	defer tr.CloseIdleConnections()
	c := &http.Client{Transport: tr, Timeout: 30 * time.Second}
	send := func() (time.Duration, error) {
		t0 := time.Now()
		req, err := http.NewRequest(http.MethodPost, url, bytes.NewReader(body))
		if err != nil {
			return 0, err
		}
		req.Header.Set("Content-Type", "application/json")
		resp, err := c.Do(req)
		if err != nil {
			return 0, err
		}
		_, err = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if err == nil && resp.StatusCode != http.StatusOK {
			err = &statusError{resp.StatusCode}
		}
		return time.Since(t0), err
	}
	// Open the connections before timing: loadWorkers requests at once.
	var wg sync.WaitGroup
	var failed atomic.Value
	for range loadWorkers {
		wg.Go(func() {
			if _, err := send(); err != nil {
				failed.Store(err)
			}
		})
	}
	wg.Wait()
	if err, ok := failed.Load().(error); ok {
		return nil, 0, 0, err
	}
	lat = make([]time.Duration, n)
	var next atomic.Int64
	cpu0, _ := machine.ProcessCPU()
	begin := time.Now()
	for range loadWorkers {
		wg.Go(func() {
			for {
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				d, err := send()
				if err != nil {
					failed.Store(err)
					return
				}
				lat[i] = d
			}
		})
	}
	wg.Wait()
	elapsed = time.Since(begin)
	cpu1, _ := machine.ProcessCPU()
	cpu = cpu1 - cpu0
	if err, ok := failed.Load().(error); ok {
		return nil, 0, 0, err
	}
	return lat, elapsed, cpu, nil
}

type statusError struct{ status int }

func (e *statusError) Error() string { return http.StatusText(e.status) }

// startService runs the service on a loopback port with its default
// options (the built-in example records) and returns its URL.
func startService(b *testing.B) string {
	ctx, cancel := context.WithCancel(context.Background())
	addr := make(chan string, 1)
	done := make(chan int, 1)
	go func() { done <- run(ctx, []string{"--addr", "127.0.0.1:0"}, io.Discard, func(a string) { addr <- a }) }()
	b.Cleanup(func() { cancel(); <-done })
	select {
	case a := <-addr:
		return "http://" + a
	case code := <-done:
		b.Fatalf("the service exited with %d", code)
	}
	return ""
}

// startPlain runs the baseline: a net/http server that decodes the body
// into a beian.Filing with encoding/json and answers a small JSON reply.
func startPlain(b *testing.B) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var f beian.Filing
		if err := json.NewDecoder(r.Body).Decode(&f); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		_, _ = w.Write([]byte(`{"ok":true,"websites":` + itoa(len(f.Websites)) + "}\n"))
	})}
	go func() { _ = srv.Serve(ln) }()
	b.Cleanup(func() { _ = srv.Close() })
	return "http://" + ln.Addr().String()
}

// TestPlainBaselineDecodesTheFiling: the baseline does the service's
// decoding work: encoding/json fills the same Filing the library's
// decoder does, every field of both bodies of BenchmarkServiceLoad, and
// the server answers it.
func TestPlainBaselineDecodesTheFiling(t *testing.T) {
	for _, file := range []string{"clean", "rejected"} {
		body, err := os.ReadFile("../icpcheck/testdata/" + file + "_enterprise.json")
		if err != nil {
			t.Fatal(err)
		}
		want, err := beian.ParseFiling(body)
		if err != nil {
			t.Fatal(err)
		}
		var got beian.Filing
		if err := json.Unmarshal(body, &got); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(&got, want) {
			t.Errorf("%s: encoding/json decodes\n%+v\nthe library\n%+v", file, &got, want)
		}
		if want.Subject.Name == "" || len(want.Websites) == 0 || len(want.Websites[0].Domains) == 0 || len(want.Domains) == 0 {
			t.Errorf("%s: the body is not the filing expected", file)
		}
	}
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}
