package rules_test

import (
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/provinces"
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

// TestResubmissionWindowProfiles (outsider18's F5): only Tencent's page
// gives the 45-day window; it is an error by default and under Tencent's
// profile, and a warning under the profiles that inherit it (Alibaba
// Cloud, Huawei Cloud), each citing Tencent's page. Every profile × days
// around the window.
func TestResubmissionWindowProfiles(t *testing.T) {
	for _, name := range append([]string{""}, rules.ProfileNames()...) {
		p, ok := rules.ProfileNamed(name)
		require.True(t, ok, name)
		want := rules.Warning
		if name == "" || name == "tencent" {
			want = rules.Error
		}
		for _, days := range []int{44, 45, 46, 47, 90} {
			f := cleanFiling()
			f.RejectedAt = today.AddDays(-days)
			rs := runWith(t, rules.Resubmission, f, &rules.Config{Policies: provinces.DefaultPolicies(), Profile: &p})
			if days <= 45 {
				assert.Empty(t, rs, "%q %d days", name, days)
				continue
			}
			if assert.Len(t, rs, 1, "%q %d days", name, days) {
				assert.Equal(t, want, rs[0].Severity, "%q %d days", name, days)
				assert.Equal(t, "tencent-order-validity", rs[0].Source.Key, name)
				assert.Equal(t, want == rules.Error, rs[0].Source.Certain, name)
				assert.Equal(t, "45", argEN(rs[0], "window"), name)
			}
		}
	}
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
