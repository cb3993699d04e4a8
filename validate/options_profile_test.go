package validate_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/rules"
	"github.com/icpcheck/beian/validate"
	"github.com/icpcheck/beian/validate/validatetest"
)

// TestWithProfile: a fourth-level App domain is refused by default
// (UCloud's third level, the strictest sourced value), taken by Huawei,
// and a warning for Tencent, whose level no source gives.
func TestWithProfile(t *testing.T) {
	ctx := context.Background()
	deep := validatetest.Edit(func(f *beian.Filing) {
		f.Apps[0].Platforms[0].Domains = []string{"a.b.api." + f.Domains[0].Domain}
	})
	f := validatetest.NewFiling(t, "粤", beian.NatureEnterprise, validatetest.App("示例记账本"), deep)
	const field = "apps[0].platforms[0].domains[0]"

	r := validatetest.RequireRejected(t, validate.New().Validate(ctx, f), rules.CodeDomainInvalid, field)
	assert.Equal(t, rules.Error, r.Severity)
	validatetest.RequireOK(t, validate.New(validate.WithProfile("huawei")).Validate(ctx, f))
	r = validatetest.RequireRejected(t, validate.New(validate.WithProfile("tencent")).Validate(ctx, f), rules.CodeDomainInvalid, field)
	assert.Equal(t, rules.Warning, r.Severity)

	rep := validate.New(validate.WithProfile("ucloud")).Validate(ctx, f)
	validatetest.RequireRejected(t, rep, rules.CodeCheckUnavailable, "")
	validatetest.RequireRejected(t, rep, rules.CodeDomainInvalid, field) // the default applies
	assert.False(t, rep.Complete())
}
