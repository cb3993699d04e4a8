package rules_test

import (
	"context"
	"regexp"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/provinces"
	"github.com/icpcheck/beian/rules"
)

// today is the day of submission the rule tests assume.
var today = beian.NewDate(2026, 11, 20)

// cleanFiling returns a new enterprise filing in Guangdong that every
// rule accepts.
func cleanFiling() *beian.Filing {
	return &beian.Filing{
		FilingType:  beian.FilingNew,
		Province:    "44",
		SubmittedAt: today,
		Subject: beian.Subject{
			Nature:              beian.NatureEnterprise,
			Name:                "深圳市示例科技有限公司",
			CertType:            beian.CertUSCC,
			CertNumber:          "91440300MA5F12342Q",
			CertAddress:         "广东省深圳市南山区科技园路1号",
			LegalRepresentative: "张三",
			Principal: beian.Principal{
				Name: "张三", CertType: beian.CertIDCard, CertNumber: "44030519900101123X",
				Mobile: "13660123456", Phone: "0755-26888888", Email: "zhangsan@shilikeji.cn",
				IsLegalRepresentative: true,
			},
		},
		Websites: []beian.Website{{
			Name:                   "示例科技官网",
			Domains:                []string{"shilikeji.cn"},
			PrincipalSameAsSubject: true,
		}},
		Domains: []beian.DomainRecord{{
			Domain: "shilikeji.cn", HolderName: "深圳市示例科技有限公司",
			HolderCertType: beian.CertUSCC, HolderCertNumber: "91440300MA5F12342Q",
			VerifiedAt: beian.NewDate(2026, 10, 8), ExpiresAt: beian.NewDate(2028, 10, 8),
		}},
	}
}

// found is one rejection as the tests compare them: path and code.
type found struct {
	Field beian.Path
	Code  rules.Code
}

// run runs rule over f with the default configuration and returns what
// it reported. It fails the test when the rule errs or when a message or
// remedy has a placeholder left unfilled.
func run(t *testing.T, rule *rules.Rule, f *beian.Filing) []rules.Rejection {
	t.Helper()
	return runWith(t, rule, f, &rules.Config{Policies: provinces.DefaultPolicies()})
}

func runWith(t *testing.T, rule *rules.Rule, f *beian.Filing, cfg *rules.Config) []rules.Rejection {
	t.Helper()
	today := f.SubmittedAt
	pass := rules.NewPass(context.Background(), f, rules.CleanText(f), cfg, today)
	pass.Rule = rule
	require.NoError(t, rule.Run(pass))
	rs := pass.Rejections()
	for _, r := range rs {
		require.Contains(t, rule.Codes, r.Code, "rule %s reported a code it does not declare", rule.Name)
		for _, tag := range []language.Tag{language.Chinese, language.English} {
			for _, s := range []string{r.Message(tag), r.Remedy(tag)} {
				require.False(t, placeholder.MatchString(s), "%s at %s: unfilled placeholder in %q", r.Code, r.Field, s)
			}
		}
	}
	return rs
}

var placeholder = regexp.MustCompile(`\{[a-z_]+\}`)

// foundIn returns the (field, code) pairs of rs, sorted.
func foundIn(rs []rules.Rejection) []found {
	out := make([]found, 0, len(rs))
	for _, r := range rs {
		out = append(out, found{r.Field, r.Code})
	}
	slices.SortFunc(out, func(a, b found) int {
		if c := a.Field.Compare(b.Field); c != 0 {
			return c
		}
		if a.Code < b.Code {
			return -1
		}
		if a.Code > b.Code {
			return 1
		}
		return 0
	})
	return out
}

// withCode returns the rejections of rs with code.
func withCode(rs []rules.Rejection, code rules.Code) []rules.Rejection {
	var out []rules.Rejection
	for _, r := range rs {
		if r.Code == code {
			out = append(out, r)
		}
	}
	return out
}
