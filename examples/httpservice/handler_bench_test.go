package main

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"net/http"
	"os"
	"testing"

	"golang.org/x/text/language"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/internal/machine"
	"github.com/icpcheck/beian/validate"
)

// BenchmarkHandler splits a request's CPU between the service and the
// library, without the network and the client of BenchmarkServiceLoad:
//
//   - handler: the service's handler (middleware, routing, metrics, the
//     access log to io.Discard, the body's decoding, validation and the
//     report's encoding) answering a POST of the filing, as the built-in
//     records' service, to a ResponseWriter that drops what it is given;
//   - library: the library's part of that: the filing decoded from its
//     bytes (beian.DecodeOptions.Parse), validated with the same records,
//     the report encoded (validate.Report.AppendJSON) into a reused
//     buffer.
//
// handler minus library is what the service adds around the library.
// cpu-ns/op is the process's CPU time per op.
//
//	go -C examples/httpservice test -run '^$' -bench Handler -benchmem .
func BenchmarkHandler(b *testing.B) {
	reg, err := openRegistry(context.Background(), "", "", slog.New(slog.DiscardHandler))
	if err != nil {
		b.Fatal(err)
	}
	cfg, status := parseFlags(nil, io.Discard)
	if status != -1 {
		b.Fatal(status)
	}
	h, _ := newService(cfg, reg, newLogger(io.Discard))
	v := validate.New(validate.WithRegistry(reg))
	for _, file := range []string{"clean", "rejected"} {
		body, err := os.ReadFile("../icpcheck/testdata/" + file + "_enterprise.json")
		if err != nil {
			b.Fatal(err)
		}
		b.Run("handler/"+file, func(b *testing.B) {
			w := &discardWriter{header: http.Header{}}
			br := bytes.NewReader(body)
			req, err := http.NewRequest(http.MethodPost, "http://127.0.0.1/v1/filings:validate", br)
			if err != nil {
				b.Fatal(err)
			}
			req.Header.Set("Content-Type", "application/json")
			req.RemoteAddr = "127.0.0.1:40000"
			b.ReportAllocs()
			defer reportCPU(b)()
			for b.Loop() {
				br.Reset(body)
				req.Body = io.NopCloser(br)
				clear(w.header)
				w.status = 0
				h.ServeHTTP(w, req)
				if w.status != http.StatusOK {
					b.Fatalf("status %d", w.status)
				}
			}
		})
		b.Run("library/"+file, func(b *testing.B) {
			opts := beian.DecodeOptions{MaxBytes: cfg.maxBytes}
			var out []byte
			b.ReportAllocs()
			defer reportCPU(b)()
			for b.Loop() {
				f, err := opts.Parse(body)
				if err != nil {
					b.Fatal(err)
				}
				rep := v.Validate(context.Background(), f).In(language.SimplifiedChinese)
				out = rep.AppendJSON(out[:0])
			}
		})
	}
}

// discardWriter is a ResponseWriter that keeps the status and drops the
// body.
type discardWriter struct {
	header http.Header
	status int
}

func (w *discardWriter) Header() http.Header { return w.header }
func (w *discardWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
}

func (w *discardWriter) Write(b []byte) (int, error) {
	w.WriteHeader(http.StatusOK)
	return len(b), nil
}

// reportCPU reports the process's CPU time per op (cpu-ns/op: the
// benchmark's goroutine and the collector's), which holds on a busy
// machine where ns/op does not: defer reportCPU(b)() before the loop.
func reportCPU(b *testing.B) func() {
	cpu0, _ := machine.ProcessCPU()
	return func() {
		if cpu1, _ := machine.ProcessCPU(); cpu1 > cpu0 && b.N > 0 {
			b.ReportMetric(float64((cpu1-cpu0).Nanoseconds())/float64(b.N), "cpu-ns/op")
		}
	}
}
