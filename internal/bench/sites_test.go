package bench_test

import (
	"context"
	"fmt"
	"io"
	"testing"

	"github.com/icpcheck/beian/internal/machine"
	"github.com/icpcheck/beian/validate"
)

// BenchmarkSites splits BenchmarkValidate's rejected filing at 100 and
// 1,000 websites into its parts, to see which of them grows faster than
// the websites: "validate" is the validation alone, "WriteJSON" and
// "MarshalJSON" the validation with the report written to io.Discard or
// returned, and "encode/WriteJSON", "encode/MarshalJSON" the encoding
// alone of a report made once. Run with -cpu 1: cpu-ns/op counts the
// collections the op causes.
func BenchmarkSites(b *testing.B) {
	v := validate.New()
	ctx := context.Background()
	warm(b, v)
	base := load(b, "rejected_enterprise.json")
	for _, n := range []int{100, 1000} {
		f := withWebsites(base, n)
		rep := v.Validate(ctx, f)
		for _, c := range []struct {
			name string
			op   func() error
		}{
			{"validate", func() error { v.Validate(ctx, f); return nil }},
			{"WriteJSON", func() error { return v.Validate(ctx, f).WriteJSON(io.Discard) }},
			{"MarshalJSON", func() error { _, err := v.Validate(ctx, f).MarshalJSON(); return err }},
			{"encode/WriteJSON", func() error { return rep.WriteJSON(io.Discard) }},
			{"encode/MarshalJSON", func() error { _, err := rep.MarshalJSON(); return err }},
		} {
			b.Run(fmt.Sprintf("%s/sites=%d", c.name, n), func(b *testing.B) {
				b.ReportAllocs()
				cpu0, ok := machine.ProcessCPU()
				for b.Loop() {
					if err := c.op(); err != nil {
						b.Fatal(err)
					}
				}
				reportCPU(b, cpu0, ok)
			})
		}
	}
}
