package rules_test

import (
	"context"
	"os"
	"testing"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/provinces"
	"github.com/icpcheck/beian/rules"
)

// BenchmarkTextRejected measures the text pass of the typical rejected
// filing of internal/bench (one website name holding U+200B): the
// engine's cleaned copy (CleanTextShared) and the text rule's report of
// the field, the rejection recorded.
func BenchmarkTextRejected(b *testing.B) {
	data, err := os.ReadFile("../examples/icpcheck/testdata/rejected_enterprise.json")
	if err != nil {
		b.Fatal(err)
	}
	f, err := beian.ParseFiling(data)
	if err != nil {
		b.Fatal(err)
	}
	cfg := &rules.Config{Policies: provinces.DefaultPolicies()}
	pass := rules.NewPass(context.Background(), f, f, cfg, f.SubmittedAt)
	b.ReportAllocs()
	for b.Loop() {
		clean := rules.CleanTextShared(f)
		if clean == f {
			b.Fatal("nothing cleaned")
		}
		pass.Recycle()
		pass.Reset(context.Background(), f, clean, cfg, f.SubmittedAt)
		pass.Rule = rules.TextFields
		if err := rules.TextFields.Run(pass); err != nil || len(pass.Rejections()) == 0 {
			b.Fatal("nothing reported", err)
		}
	}
}
