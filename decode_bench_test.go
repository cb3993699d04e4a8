package beian_test

import (
	"bytes"
	"io"
	"os"
	"testing"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/internal/machine"
)

// benchInputs are the filings BenchmarkDecodeFiling and
// BenchmarkParseFiling decode: the typical one-site enterprise filing of
// icpcheck's examples and the rejected one (the service's load), and three hostile shapes of 100 KB (a long list of
// websites, unknown keys to skip, a site name written in \u escapes).
func benchInputs(b *testing.B) []struct {
	name string
	data []byte
	ok   bool
} {
	typical, err := os.ReadFile("examples/icpcheck/testdata/clean_enterprise.json")
	if err != nil {
		b.Fatal(err)
	}
	rejected, err := os.ReadFile("examples/icpcheck/testdata/rejected_enterprise.json")
	if err != nil {
		b.Fatal(err)
	}
	ins := []struct {
		name string
		data []byte
		ok   bool
	}{{"typical", typical, true}, {"rejected", rejected, true}}
	for _, shape := range hostileShapes {
		switch shape.name {
		case "many websites", "many unknown keys", "escaped Han site name":
			ins = append(ins, struct {
				name string
				data []byte
				ok   bool
			}{"hostile=" + shape.name, shape.build(100 << 10), shape.ok})
		}
	}
	return ins
}

// body hides the length of its reader, as an HTTP request's body does.
type body struct{ r io.Reader }

func (b body) Read(p []byte) (int, error) { return b.r.Read(p) }

// BenchmarkDecodeFiling decodes from a reader: a bytes.Reader, and the
// same behind a reader that does not tell its length (an HTTP body).
func BenchmarkDecodeFiling(b *testing.B) {
	opts := beian.DecodeOptions{MaxItems: -1}
	for _, in := range benchInputs(b) {
		for _, r := range []struct {
			name string
			wrap func(*bytes.Reader) io.Reader
		}{
			{"bytes", func(r *bytes.Reader) io.Reader { return r }},
			{"body", func(r *bytes.Reader) io.Reader { return body{r} }},
		} {
			b.Run(in.name+"/"+r.name, func(b *testing.B) {
				b.SetBytes(int64(len(in.data)))
				b.ReportAllocs()
				rd := bytes.NewReader(in.data)
				defer reportCPU(b)()
				for b.Loop() {
					rd.Reset(in.data)
					f, err := opts.Decode(r.wrap(rd))
					if (err == nil) != in.ok || (err == nil) != (f != nil) {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// BenchmarkParseFiling decodes from memory.
func BenchmarkParseFiling(b *testing.B) {
	opts := beian.DecodeOptions{MaxItems: -1}
	for _, in := range benchInputs(b) {
		b.Run(in.name, func(b *testing.B) {
			b.SetBytes(int64(len(in.data)))
			b.ReportAllocs()
			defer reportCPU(b)()
			for b.Loop() {
				f, err := opts.Parse(in.data)
				if (err == nil) != in.ok || (err == nil) != (f != nil) {
					b.Fatal(err)
				}
			}
		})
	}
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
