package rules_test

import (
	"context"
	"os"
	"testing"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/provinces"
	"github.com/icpcheck/beian/rules"
	"github.com/icpcheck/beian/rules/names"
)

// BenchmarkRulesOnTypicalFiling measures each rule on the typical clean
// filing of internal/bench, a fresh pass each time (Reset included: the
// "reset" case is Reset alone).
func BenchmarkRulesOnTypicalFiling(b *testing.B) {
	data, err := os.ReadFile("../examples/icpcheck/testdata/clean_enterprise.json")
	if err != nil {
		b.Fatal(err)
	}
	f, err := beian.ParseFiling(data)
	if err != nil {
		b.Fatal(err)
	}
	cfg := &rules.Config{Policies: provinces.DefaultPolicies(), Dictionary: names.DefaultDictionary()}
	ctx := context.Background()
	pass := rules.NewPass(ctx, f, f, cfg, f.SubmittedAt)
	b.Run("reset", func(b *testing.B) {
		for b.Loop() {
			pass.Reset(ctx, f, f, cfg, f.SubmittedAt)
		}
	})
	for _, r := range rules.All() {
		if r.Needs != 0 {
			continue
		}
		b.Run(r.Name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				pass.Reset(ctx, f, f, cfg, f.SubmittedAt)
				pass.Rule = r
				_ = r.Run(pass)
			}
			for _, rej := range pass.Rejections() {
				if rej.Severity != rules.Notice {
					b.Fatalf("%s rejects the clean filing: %v", r.Name, rej)
				}
			}
		})
	}
}
