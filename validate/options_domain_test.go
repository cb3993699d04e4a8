package validate_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/rules"
	"github.com/icpcheck/beian/rules/domain"
	"github.com/icpcheck/beian/validate"
)

func TestWithSuffixes(t *testing.T) {
	f := load(t, "warning_domain_disputed_suffix.json") // a .org site
	rep := validate.New().Validate(context.Background(), f)
	assert.Contains(t, codes(rep), "websites[0].domains[0] DOMAIN_TLD_NOT_FILABLE")

	list, err := domain.DefaultSuffixes().With(domain.Suffix{Name: "org", Status: domain.Filable, Sources: "M"})
	require.NoError(t, err)
	rep = validate.New(validate.WithSuffixes(list)).Validate(context.Background(), f)
	assert.NotContains(t, codes(rep), "websites[0].domains[0] DOMAIN_TLD_NOT_FILABLE")

	strict, err := domain.ParseSuffixList(strings.NewReader("# source M: test\norg,not_filable,M\n"))
	require.NoError(t, err)
	rep = validate.New(validate.WithSuffixes(strict)).Validate(context.Background(), f)
	require.Contains(t, codes(rep), "websites[0].domains[0] DOMAIN_TLD_NOT_FILABLE")
	assert.False(t, rep.OK(), "not filable is an error")

	// A nil list keeps the default.
	rep = validate.New(validate.WithSuffixes(nil)).Validate(context.Background(), f)
	assert.True(t, rep.OK())
}

func TestWithApprovedRegistrars(t *testing.T) {
	f := load(t, "clean_enterprise.json")
	f.Domains[0].Registrar = "阿里雲計算有限公司"
	skipped := func(rep *validate.Report) bool {
		for _, s := range rep.Skipped {
			if s.Code == rules.CodeDomainRegistrarNotApproved {
				return true
			}
		}
		return false
	}
	rep := validate.New().Validate(context.Background(), f)
	assert.True(t, rep.OK())
	assert.True(t, skipped(rep), "without a list the registrar check is skipped")

	rep = validate.New(validate.WithApprovedRegistrars("厦门三五互联科技股份有限公司"), validate.WithApprovedRegistrars("阿里云计算有限公司")).Validate(context.Background(), f)
	assert.True(t, rep.OK(), "%v", codes(rep))
	assert.False(t, skipped(rep))

	rep = validate.New(validate.WithApprovedRegistrars("厦门三五互联科技股份有限公司")).Validate(context.Background(), f)
	assert.Equal(t, []string{"domains[0].registrar DOMAIN_REGISTRAR_NOT_APPROVED"}, codes(rep))

	// No names at all: nobody is approved.
	rep = validate.New(validate.WithApprovedRegistrars()).Validate(context.Background(), f)
	assert.Equal(t, []string{"domains[0].registrar DOMAIN_REGISTRAR_NOT_APPROVED"}, codes(rep))
}

func ExampleWithSuffixes() {
	f, err := beian.ParseFiling([]byte(`{"filing_type": "new", "province": "44", "submitted_at": "2026-11-20",
		"subject": {"nature": "enterprise", "name": "深圳市示例科技有限公司", "cert_type": "uscc",
			"cert_number": "91440300MA5F12342Q", "cert_address": "广东省深圳市南山区科技园路1号", "legal_representative": "张三",
			"principal": {"name": "张三", "cert_type": "id_card", "cert_number": "44030519900101123X",
				"mobile": "13660123456", "email": "zhangsan@shilikeji.org", "is_legal_representative": true}},
		"websites": [{"name": "示例科技官网", "domains": ["shilikeji.org"], "principal": {"name": "李四", "cert_type": "id_card",
			"cert_number": "440304199203154320", "mobile": "13760123456", "email": "lisi@shilikeji.org"}}],
		"domains": [{"domain": "shilikeji.org", "holder_name": "深圳市示例科技有限公司", "holder_cert_type": "uscc",
			"holder_cert_number": "91440300MA5F12342Q", "verified_at": "2026-10-08", "expires_at": "2028-10-08"}]}`))
	if err != nil {
		panic(err)
	}
	// The console confirmed .org on MIIT's site: it extends the built-in list.
	list, err := domain.DefaultSuffixes().With(domain.Suffix{Name: "org", Status: domain.Filable, Sources: "M", Note: "checked on domain.miit.gov.cn"})
	if err != nil {
		panic(err)
	}
	for _, v := range []*validate.Validator{validate.New(), validate.New(validate.WithSuffixes(list))} {
		rep := v.Validate(context.Background(), f)
		fmt.Println(len(rep.Rejections), "rejections")
		for _, r := range rep.Rejections {
			fmt.Println(r.Severity, r.Code, r.Field)
		}
	}
	// Output:
	// 1 rejections
	// warning DOMAIN_TLD_NOT_FILABLE websites[0].domains[0]
	// 0 rejections
}

// BenchmarkValidateDomainShare measures, in one run, the typical filing
// with every rule and without the two domain rules: the difference is
// their share of the 5 µs budget.
func BenchmarkValidateDomainShare(b *testing.B) {
	f := load(b, "clean_enterprise.json")
	ctx := context.Background()
	for _, tc := range []struct {
		name string
		v    *validate.Validator
	}{
		{"all", validate.New()},
		{"without_domain_rules", validate.New(validate.WithoutRules("domain", "domainholder"))},
	} {
		b.Run(tc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				tc.v.Validate(ctx, f)
			}
		})
	}
}
