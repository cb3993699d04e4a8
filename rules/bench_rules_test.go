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

// BenchmarkRulesOnCleanFiling measures each rule's share of validating a
// clean one-site enterprise filing.
func BenchmarkRulesOnCleanFiling(b *testing.B) {
	f := cleanFiling()
	cfg := &rules.Config{Policies: provinces.DefaultPolicies(), Dictionary: names.DefaultDictionary()}
	for _, r := range rules.All() {
		b.Run(r.Name, func(b *testing.B) {
			if r.Needs != 0 {
				b.Skip("needs outside help the benchmark does not give")
			}
			pass := rules.NewPass(context.Background(), f, f, cfg, today)
			pass.Rule = r
			b.ReportAllocs()
			for b.Loop() {
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

// BenchmarkCleanText measures CleanText's check of the typical clean
// filing of internal/bench (nothing to remove: f itself).
func BenchmarkCleanText(b *testing.B) {
	data, err := os.ReadFile("../examples/icpcheck/testdata/clean_enterprise.json")
	if err != nil {
		b.Fatal(err)
	}
	f, err := beian.ParseFiling(data)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if rules.CleanText(f) != f {
			b.Fatal("the clean filing was cleaned")
		}
	}
}
