package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"os"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/icpcheck/beian"
)

// BenchmarkServiceLoad is the service under a bounded loopback load beside
// a plain net/http server (the baseline of issue 20) that decodes the same
// JSON with encoding/json and writes a small reply: b.N requests from
// loadWorkers goroutines over kept-alive connections, for the typical
// clean filing and the rejected one. It reports requests per second and
// the median and 99th-percentile latency; ns/op is the wall time per
// request of the whole run.
//
//	go test -run '^$' -bench ServiceLoad -benchtime 2000x ./examples/httpservice
func BenchmarkServiceLoad(b *testing.B) {
	service := startService(b)
	plain := startPlain(b)
	for _, file := range []string{"clean", "rejected"} {
		body, err := os.ReadFile("../icpcheck/testdata/" + file + "_enterprise.json")
		if err != nil {
			b.Fatal(err)
		}
		for _, srv := range []struct{ name, url string }{{"service", service}, {"plain", plain}} {
			b.Run(srv.name+"/"+file, func(b *testing.B) {
				loadBench(b, srv.url+"/v1/filings:validate", body)
			})
		}
	}
}

// loadWorkers is the number of clients of BenchmarkServiceLoad.
const loadWorkers = 8

func loadBench(b *testing.B, url string, body []byte) {
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
	for range loadWorkers { // open the connections before timing
		if _, err := send(); err != nil {
			b.Fatal(err)
		}
	}
	n := b.N
	lat := make([]time.Duration, n)
	var next atomic.Int64
	var failed atomic.Value
	var wg sync.WaitGroup
	b.ResetTimer()
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
	elapsed := time.Since(begin)
	b.StopTimer()
	if err, ok := failed.Load().(error); ok {
		b.Fatal(err)
	}
	slices.Sort(lat)
	b.ReportMetric(float64(n)/elapsed.Seconds(), "req/s")
	b.ReportMetric(float64(lat[n/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(lat[(n-1)*99/100].Microseconds())/1000, "p99-ms")
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

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}
