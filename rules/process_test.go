package rules_test

import (
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/rules"
)

func TestResubmissionWindow(t *testing.T) {
	for _, tt := range []struct {
		daysAgo int
		want    bool
	}{{0, false}, {1, false}, {44, false}, {45, false}, {46, true}, {400, true}, {-3, false}} {
		f := cleanFiling()
		f.RejectedAt = today.AddDays(-tt.daysAgo)
		rs := run(t, rules.Resubmission, f)
		if !tt.want {
			assert.Empty(t, rs, "%d days", tt.daysAgo)
			continue
		}
		if assert.Equal(t, []found{{"rejected_at", rules.CodeResubmissionWindowExpired}}, foundIn(rs), "%d days", tt.daysAgo) {
			assert.Equal(t, strconv.Itoa(tt.daysAgo), argEN(rs[0], "days"))
		}
	}
	// natural days: a window over the National Day holiday counts every day
	f := cleanFiling()
	f.SubmittedAt = beian.NewDate(2026, 11, 16)
	f.RejectedAt = beian.NewDate(2026, 9, 30) // 47 days, 8 of them holidays
	assert.Len(t, run(t, rules.Resubmission, f), 1)
	f.RejectedAt = beian.Date{}
	assert.Empty(t, run(t, rules.Resubmission, f), "never rejected")
}

func TestPrincipalLinkNotice(t *testing.T) {
	f := cleanFiling()
	f.Websites = append(f.Websites,
		beian.Website{Name: "示例科技商城", Domains: []string{"shilishop.cn"}, Principal: sitePrincipal()},
		beian.Website{Name: "示例科技论坛", Domains: []string{"shilibbs.cn"}, PrincipalSameAsSubject: true})
	assert.Equal(t, []found{
		{"websites[0].principal_same_as_subject", rules.CodePrincipalLinkedNotice},
		{"websites[2].principal_same_as_subject", rules.CodePrincipalLinkedNotice},
	}, foundIn(run(t, rules.PrincipalLink, f)))
	for _, r := range run(t, rules.PrincipalLink, f) {
		assert.Equal(t, rules.Notice, r.Severity)
	}
	p := personFiling("11", "110101199003074565")
	assert.Empty(t, run(t, rules.PrincipalLink, p), "a person is both principals")
}
