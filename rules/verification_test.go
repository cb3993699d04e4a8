package rules_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/provinces"
	"github.com/icpcheck/beian/rules"
	"github.com/icpcheck/beian/rules/workday"
)

func verificationFiling(verified, submitted beian.Date) *beian.Filing {
	f := cleanFiling()
	f.SubmittedAt = submitted
	f.Domains[0].VerifiedAt = verified
	return f
}

func arg(r rules.Rejection, name string) (rules.Text, bool) {
	for _, a := range r.Args {
		if a.Name == name {
			return a.Value, true
		}
	}
	return rules.Text{}, false
}

func TestVerificationNotVerified(t *testing.T) {
	f := cleanFiling()
	f.Domains[0].VerifiedAt = beian.Date{}
	assert.Equal(t, []found{{"domains[0].verified_at", rules.CodeDomainNotVerified}}, foundIn(run(t, rules.Verification, f)))

	// Several records: each is checked at its own index; an empty domain
	// is the fields rule's.
	f = cleanFiling()
	f.Websites = append(f.Websites, beian.Website{Name: "示例科技商城", Domains: []string{"shilishop.cn"}, PrincipalSameAsSubject: true})
	f.Domains = append(f.Domains,
		beian.DomainRecord{Domain: "shilishop.cn"},
		beian.DomainRecord{Domain: " "},
		beian.DomainRecord{Domain: "shilipay.cn", VerifiedAt: f.SubmittedAt.AddDays(-1)})
	assert.Equal(t, []found{
		{"domains[1].verified_at", rules.CodeDomainNotVerified},
		{"domains[3].verified_at", rules.CodeDomainVerificationPending},
	}, foundIn(run(t, rules.Verification, f)))
}

// TestVerificationNationalDay2026 is the acceptance case, day by
// day around the holiday.
func TestVerificationNationalDay2026(t *testing.T) {
	verified := beian.NewDate(2026, 9, 30)
	for day, pending := range map[int]bool{1: true, 7: true, 8: true, 9: true, 10: true, 11: false, 12: false, 13: false, 20: false} {
		submitted := beian.NewDate(2026, 10, day)
		got := foundIn(run(t, rules.Verification, verificationFiling(verified, submitted)))
		if pending {
			assert.Equal(t, []found{{"domains[0].verified_at", rules.CodeDomainVerificationPending}}, got, submitted.String())
		} else {
			assert.Empty(t, got, submitted.String())
		}
	}
	rs := run(t, rules.Verification, verificationFiling(verified, beian.NewDate(2026, 10, 8)))
	require.Len(t, rs, 1)
	for name, want := range map[string]string{"passed": "0", "ready_on": "2026-10-11", "ready_on_max": "2026-10-14", "calendar": ""} {
		v, ok := arg(rs[0], name)
		assert.True(t, ok, name)
		assert.Equal(t, want, v.ZH, name)
	}
	assert.Equal(t, rules.Warning, rs[0].Severity)
	assert.Contains(t, rs[0].Related, beian.Path("submitted_at"))
}

// TestVerificationEveryDay checks the rule against a day-by-day count for
// every day of the calendar's years and the weeks around them: pending
// exactly when fewer than 3 working days lie strictly between
// verification and submission.
func TestVerificationEveryDay(t *testing.T) {
	cal := workday.Default()
	cfg := &rules.Config{Policies: provinces.DefaultPolicies()}
	for v := beian.NewDate(workday.FirstYear-1, 12, 1); v.Before(beian.NewDate(workday.LastYear+1, 1, 20)); v = v.AddDays(1) {
		passed := 0
		for s := v; s.Before(v.AddDays(25)); s = s.AddDays(1) {
			f := verificationFiling(v, s)
			pass := rules.NewPass(context.Background(), f, f, cfg, s)
			pass.Rule = rules.Verification
			require.NoError(t, rules.Verification.Run(pass))
			pending := len(pass.Rejections()) == 1
			if pending != (passed < 3) {
				t.Fatalf("verified %s, submitted %s: %d working days between, pending %t", v, s, passed, pending)
			}
			if s != v && cal.IsWorkday(s) {
				passed++
			}
		}
	}
}

func TestVerificationOutsideCalendar(t *testing.T) {
	// 2028 is not in the built-in table: weekends only, and the rejection
	// says so. 2028-09-29 is a Friday; 2028-10-04 a Wednesday.
	f := verificationFiling(beian.NewDate(2028, 9, 29), beian.NewDate(2028, 10, 4))
	rs := run(t, rules.Verification, f)
	require.Len(t, rs, 1)
	note, _ := arg(rs[0], "calendar")
	assert.NotEmpty(t, note.ZH)
	assert.NotEmpty(t, note.EN)
	assert.Contains(t, rs[0].Message(language.English), "2023–2027")
	ready, _ := arg(rs[0], "ready_on")
	assert.Equal(t, "2028-10-05", ready.EN)

	// Straddling the end of the table is also approximate.
	rs = run(t, rules.Verification, verificationFiling(beian.NewDate(2027, 12, 30), beian.NewDate(2028, 1, 3)))
	require.Len(t, rs, 1)
	note, _ = arg(rs[0], "calendar")
	assert.NotEmpty(t, note.EN)
}

// TestVerificationCalendarOption: a caller's calendar with the 2028
// holidays changes the count.
func TestVerificationCalendarOption(t *testing.T) {
	cal, err := workday.Load(strings.NewReader(`edition,2027-11-01
year,2028,2027-11-01,,LOW,test
off,2028-10-02,国庆节
off,2028-10-03,国庆节
off,2028-10-04,国庆节
off,2028-10-05,国庆节
off,2028-10-06,国庆节
`))
	require.NoError(t, err)
	f := verificationFiling(beian.NewDate(2028, 9, 29), beian.NewDate(2028, 10, 9))
	assert.Empty(t, run(t, rules.Verification, f), "weekends only: 5 working days have passed")
	rs := runWith(t, rules.Verification, f, &rules.Config{Policies: provinces.DefaultPolicies(), Calendar: cal})
	require.Len(t, rs, 1, "with the holiday, none has")
	note, _ := arg(rs[0], "calendar")
	assert.Empty(t, note.ZH)
}

func TestVerificationSkipsUnrecordedDomains(t *testing.T) {
	f := cleanFiling()
	for _, typed := range []string{"https://WWW.ShiLiKeJi.cn./", "shilikeji。cn", " shilikeji.cn:443 "} { // the record's domain, as pasted
		f.Websites[0].Domains = []string{typed}
		pass := rules.NewPass(context.Background(), f, f, &rules.Config{Policies: provinces.DefaultPolicies()}, f.SubmittedAt)
		pass.Rule = rules.Verification
		require.NoError(t, rules.Verification.Run(pass))
		assert.Empty(t, pass.Skipped(), typed)
	}

	f.Websites[0].Domains = []string{"other.cn"}
	pass := rules.NewPass(context.Background(), f, f, &rules.Config{Policies: provinces.DefaultPolicies()}, f.SubmittedAt)
	pass.Rule = rules.Verification
	require.NoError(t, rules.Verification.Run(pass))
	var codes []rules.Code
	for _, s := range pass.Skipped() {
		codes = append(codes, s.Code)
	}
	assert.ElementsMatch(t, []rules.Code{rules.CodeDomainNotVerified, rules.CodeDomainVerificationPending}, codes)
}

// TestVerificationLargeFiling takes the map path of skipUnrecorded: every
// website domain with a record but the last one.
func TestVerificationLargeFiling(t *testing.T) {
	f := cleanFiling()
	f.Websites, f.Domains = nil, nil
	const n = 2000
	for i := range n {
		d := fmt.Sprintf("site%d.cn", i)
		f.Websites = append(f.Websites, beian.Website{Name: "示例科技官网", Domains: []string{"WWW." + d}})
		if i < n-1 {
			f.Domains = append(f.Domains, beian.DomainRecord{Domain: d, VerifiedAt: beian.NewDate(2026, 1, 5)})
		}
	}
	pass := rules.NewPass(context.Background(), f, f, &rules.Config{Policies: provinces.DefaultPolicies()}, f.SubmittedAt)
	pass.Rule = rules.Verification
	require.NoError(t, rules.Verification.Run(pass))
	assert.Empty(t, pass.Rejections())
	require.Len(t, pass.Skipped(), 2)
	assert.Contains(t, pass.Skipped()[0].Reason.EN, fmt.Sprintf("site%d.cn", n-1))
}
