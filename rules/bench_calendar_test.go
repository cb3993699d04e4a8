package rules_test

import (
	"context"
	"testing"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/provinces"
	"github.com/icpcheck/beian/rules"
)

// threeDomainFiling has three websites, each with a verified domain
// record, one of them still pending.
func threeDomainFiling() *beian.Filing {
	f := cleanFiling()
	f.SubmittedAt = beian.NewDate(2026, 10, 12)
	f.Websites = nil
	f.Domains = nil
	for i, d := range []string{"shilikeji.cn", "shilishop.cn", "shilipay.cn"} {
		f.Websites = append(f.Websites, beian.Website{Name: "示例科技官网", Domains: []string{d}, PrincipalSameAsSubject: true})
		verified := beian.NewDate(2026, 9, 1)
		if i == 2 {
			verified = beian.NewDate(2026, 9, 30)
		}
		f.Domains = append(f.Domains, beian.DomainRecord{Domain: d, HolderName: f.Subject.Name, VerifiedAt: verified})
	}
	f.ICPNumber = "粤ICP备2023012345号"
	return f
}

// BenchmarkCalendarRules3Domains runs the verification and ICP-number
// rules on a three-domain filing (offline; the site rule needs a Prober).
func BenchmarkCalendarRules3Domains(b *testing.B) {
	f := threeDomainFiling()
	cfg := &rules.Config{Policies: provinces.DefaultPolicies()}
	for _, r := range []*rules.Rule{rules.Verification, rules.ICPNumber} {
		b.Run(r.Name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				pass := rules.NewPass(context.Background(), f, f, cfg, f.SubmittedAt)
				pass.Rule = r
				_ = r.Run(pass)
			}
		})
	}
}
