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
	benchRulesOn(b, "clean_enterprise.json", func(b *testing.B, r *rules.Rule, pass *rules.Pass) {
		for _, rej := range pass.Rejections() {
			if rej.Severity != rules.Notice {
				b.Fatalf("%s rejects the clean filing: %v", r.Name, rej)
			}
		}
	})
}

// BenchmarkRulesOnRejectedFiling is BenchmarkRulesOnTypicalFiling on
// internal/bench's rejected filing, each rule given the raw filing and its
// cleaned copy as the validator gives them: each rule's share of a
// rejected validation, reports included.
func BenchmarkRulesOnRejectedFiling(b *testing.B) {
	benchRulesOn(b, "rejected_enterprise.json", nil)
}

func benchRulesOn(b *testing.B, file string, check func(*testing.B, *rules.Rule, *rules.Pass)) {
	data, err := os.ReadFile("../examples/icpcheck/testdata/" + file)
	if err != nil {
		b.Fatal(err)
	}
	f, err := beian.ParseFiling(data)
	if err != nil {
		b.Fatal(err)
	}
	clean := rules.CleanTextShared(f)
	cfg := &rules.Config{Policies: provinces.DefaultPolicies(), Dictionary: names.DefaultDictionary()}
	ctx := context.Background()
	pass := rules.NewPass(ctx, f, clean, cfg, f.SubmittedAt)
	b.Run("reset", func(b *testing.B) {
		for b.Loop() {
			pass.Reset(ctx, f, clean, cfg, f.SubmittedAt)
		}
	})
	for _, r := range rules.All() {
		if r.Needs != 0 {
			continue
		}
		b.Run(r.Name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				pass.Reset(ctx, f, clean, cfg, f.SubmittedAt)
				pass.Rule = r
				_ = r.Run(pass)
			}
			if check != nil {
				check(b, r, pass)
			}
		})
	}
}
