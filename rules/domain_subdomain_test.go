package rules_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/rules"
)

// TestSubdomainFiledAlone: only the registered domain is filed, and it
// covers its sub-domains (HW filing rules: sub-domains cannot be filed
// alone). A sub-domain in a website's domains or a domain record is
// DOMAIN_INVALID whose fix is the registered domain: an error for any
// label but www, a warning for the registered domain pasted with www.
// Every suffix level × labels before it × the forms a user types × both
// places a domain is written.
func TestSubdomainFiledAlone(t *testing.T) {
	registered := []string{"shilikeji.cn", "shilikeji.com.cn", "shilikeji.bj.cn", "shilikeji.net.cn", "shilikeji.com", "示例.中国", "示例科技.公司"}
	labels := []struct {
		prefix string
		sev    rules.Severity
	}{
		{"", -1}, {"www.", rules.Warning}, {"WWW.", rules.Warning}, {"blog.", rules.Error}, {"a.b.", rules.Error},
		{"www.m.", rules.Error}, {"m.www.", rules.Error}, {"wwww.", rules.Error}, {"博客.", rules.Error},
	}
	forms := []func(string) string{
		func(s string) string { return s },
		strings.ToUpper,
		func(s string) string { return s + "." },
		func(s string) string { return strings.ReplaceAll(s, ".", "。") },
	}
	for _, reg := range registered {
		for _, l := range labels {
			for k, form := range forms {
				for _, record := range []bool{false, true} {
					typed := form(l.prefix + reg)
					f := cleanFiling()
					at := beian.Path("websites[0].domains[0]")
					if record {
						f.Domains[0].Domain = typed
						at = "domains[0].domain"
					} else {
						f.Websites[0].Domains = []string{typed}
					}
					name := fmt.Sprintf("%s form %d record=%v", typed, k, record)
					var got []rules.Rejection
					for _, r := range run(t, rules.Domains, f) {
						if r.Code == rules.CodeDomainInvalid && r.Field == at {
							got = append(got, r)
						}
					}
					if l.sev < 0 {
						if k == 0 { // the registered domain as it is: nothing
							assert.Empty(t, got, name)
						}
						continue
					}
					if assert.Len(t, got, 1, name) {
						assert.Equal(t, l.sev, got[0].Severity, name)
						if assert.Len(t, got[0].Fixes, 1, name) {
							assert.Equal(t, at, got[0].Fixes[0].Field, name)
						}
					}
				}
			}
		}
	}
}

// TestInstitutionOnGovCN: a public institution's domain ends in .cn or
// .公益 (《互联网政务应用安全管理规定》); .gov.cn ends in .cn but is the
// government bodies' suffix, which an institution holds only when it
// performs a government body's functions: a warning, where .政务 (not under
// .cn) is an error, and an enterprise on .gov.cn is refused for certain.
func TestInstitutionOnGovCN(t *testing.T) {
	for _, tc := range []struct {
		nature beian.Nature
		domain string
		want   []sev
	}{
		{beian.NatureInstitution, "shilikeji.gov.cn", []sev{{"websites[0].domains[0]", rules.CodeDomainSuffixNatureMismatch, rules.Warning}}},
		{beian.NatureInstitution, "SHILIKEJI.GOV.CN", []sev{{"websites[0].domains[0]", rules.CodeDomainSuffixNatureMismatch, rules.Warning}}},
		{beian.NatureInstitution, "sz.gd.gov.cn", []sev{{"websites[0].domains[0]", rules.CodeDomainSuffixNatureMismatch, rules.Warning}}},
		{beian.NatureInstitution, "示例.政务", []sev{{"websites[0].domains[0]", rules.CodeDomainSuffixNatureMismatch, rules.Error}}},
		{beian.NatureInstitution, "shilikeji.cn", nil},
		{beian.NatureInstitution, "shilikeji.edu.cn", nil},
		{beian.NatureInstitution, "示例.公益", nil},
		{beian.NatureGovernment, "shilikeji.gov.cn", nil},
		{beian.NatureEnterprise, "shilikeji.gov.cn", []sev{{"websites[0].domains[0]", rules.CodeDomainSuffixNatureMismatch, rules.Error}}},
	} {
		f := cleanFiling()
		f.Subject.Nature = tc.nature
		f.Websites[0].Domains = []string{tc.domain}
		var got []sev
		for _, s := range sevsIn(run(t, rules.Domains, f)) {
			if s.Code == rules.CodeDomainSuffixNatureMismatch {
				got = append(got, s)
			}
		}
		assert.Equal(t, tc.want, got, "%s %s", tc.nature, tc.domain)
	}
}
