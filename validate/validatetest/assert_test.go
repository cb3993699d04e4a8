package validatetest_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/rules"
	"github.com/icpcheck/beian/validate"
	"github.com/icpcheck/beian/validate/validatetest"
)

// recorder is a TestingT that records failures instead of failing the
// test, so that the assertions themselves can be tested.
type recorder struct {
	errors int
	failed bool
}

func (r *recorder) Errorf(string, ...any) { r.errors++ }
func (r *recorder) FailNow()              { r.failed = true }
func (r *recorder) Helper()               {}

// TestAssertions runs each assertion on a report that satisfies it and on
// one that does not: only the second fails, and only the Require forms
// stop the test.
func TestAssertions(t *testing.T) {
	v := validate.New()
	ctx := context.Background()
	clean := v.Validate(ctx, validatetest.NewFiling(t, "44", beian.NatureEnterprise))
	rejected := v.Validate(ctx, validatetest.NewFiling(t, "44", beian.NatureEnterprise, validatetest.CertificateFrom("北京")))
	const code, field = rules.CodeCrossProvince, beian.Path("subject.cert_number")
	// Without the notice that a linked principal always gets, the clean
	// filing has no rejection at all.
	spotless := validate.New(validate.WithRules(withoutRule(rules.PrincipalLink)...)).Validate(ctx, validatetest.NewFiling(t, "44", beian.NatureEnterprise))

	tests := []struct {
		name     string
		check    func(validatetest.TestingT, *validate.Report)
		pass     *validate.Report
		fail     *validate.Report
		stopping bool
	}{
		{"RequireOK", func(t validatetest.TestingT, r *validate.Report) { validatetest.RequireOK(t, r) }, clean, rejected, true},
		{"AssertOK", func(t validatetest.TestingT, r *validate.Report) { validatetest.AssertOK(t, r) }, clean, rejected, false},
		{"RequireClean", func(t validatetest.TestingT, r *validate.Report) { validatetest.RequireClean(t, r) }, spotless, clean, true},
		{"RequireRejected", func(t validatetest.TestingT, r *validate.Report) { validatetest.RequireRejected(t, r, code, field) }, rejected, clean, true},
		{"AssertRejected", func(t validatetest.TestingT, r *validate.Report) { validatetest.AssertRejected(t, r, code, field) }, rejected, clean, false},
		{"AssertRejected any field", func(t validatetest.TestingT, r *validate.Report) { validatetest.AssertRejected(t, r, code, "") }, rejected, clean, false},
		{"RequireNotRejected", func(t validatetest.TestingT, r *validate.Report) { validatetest.RequireNotRejected(t, r, code, field) }, clean, rejected, true},
		{"RequireClean nil", func(t validatetest.TestingT, r *validate.Report) { validatetest.RequireClean(t, r) }, spotless, nil, true},
		{"RequireOK nil", func(t validatetest.TestingT, r *validate.Report) { validatetest.RequireOK(t, r) }, clean, nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ok recorder
			tt.check(&ok, tt.pass)
			assert.Zero(t, ok.errors, "on the report that satisfies it")
			assert.False(t, ok.failed)

			var bad recorder
			tt.check(&bad, tt.fail)
			assert.Equal(t, 1, bad.errors, "on the report that does not satisfy it")
			assert.Equal(t, tt.stopping, bad.failed, "stops the test")
		})
	}
	// AssertRejected on the wrong field fails even though the code is there.
	var wrong recorder
	assert.False(t, validatetest.AssertRejected(&wrong, rejected, code, "subject.name"))
	assert.Equal(t, 1, wrong.errors)
}

// TestSubmittedAt moves the day of submission and the dates derived from
// it: a filing built for another day is as clean on that day.
func TestSubmittedAt(t *testing.T) {
	day := beian.NewDate(2027, 3, 15)
	f := validatetest.NewFiling(t, "44", beian.NatureEnterprise, validatetest.SubmittedAt(day))
	assert.Equal(t, day, f.SubmittedAt)
	for i, d := range f.Domains {
		assert.True(t, d.VerifiedAt.Before(day), "domains[%d].verified_at %s before %s", i, d.VerifiedAt, day)
	}
	validatetest.RequireOK(t, validate.New().Validate(context.Background(), f))
}

// withoutRule returns every rule but skip.
func withoutRule(skip *rules.Rule) []*rules.Rule {
	var out []*rules.Rule
	for _, r := range rules.All() {
		if r != skip {
			out = append(out, r)
		}
	}
	return out
}

// TestSpansAndFixes: a pasted URL and an invisible character are fixed
// by ApplyFixes, and RequireSpan finds the invisible character where it
// was typed (after an astral character, two UTF-16 units).
func TestSpansAndFixes(t *testing.T) {
	v := validate.New()
	name := "𠀀示例\u200b科技官网"
	f := validatetest.NewFiling(t, "44", beian.NatureEnterprise,
		validatetest.Domain("https://www.shilikeji.cn/"), validatetest.SiteName(name))
	rep := v.Validate(context.Background(), f)
	r := validatetest.RequireRejected(t, rep, rules.CodeTextInvalid, "websites[0].name")
	validatetest.RequireSpan(t, r, name, "\u200b")
	assert.Equal(t, 4, r.Span.Start16, "𠀀 is two UTF-16 units, 示例 two more")

	var bad recorder
	validatetest.RequireSpan(&bad, r, name, "示例")
	assert.True(t, bad.failed, "a wrong span fails")

	fixed := validatetest.ApplyFixes(t, f, rep)
	assert.Equal(t, name, f.Websites[0].Name, "the filing is not modified")
	after := v.Validate(context.Background(), fixed)
	validatetest.RequireNotRejected(t, after, rules.CodeTextInvalid, "websites[0].name")
	validatetest.RequireNotRejected(t, after, rules.CodeDomainInvalid, "")
	validatetest.RequireOK(t, after)
}
