package rules_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/icpcheck/beian/rules"
)

// TestSiteNameDomainAnyDot: a site name that is a domain is
// SITE_NAME_IS_DOMAIN alone, whatever dot a keyboard or an input method
// typed: the ASCII dot, the full-width one, the ideographic full stop 。
// and its half-width form ｡. Each domain spelling × each dot; a Chinese
// sentence ending in 。 is no domain.
func TestSiteNameDomainAnyDot(t *testing.T) {
	dots := []string{".", "．", "。", "｡"}
	spellings := []struct {
		name, domain string // domain: the filing's, "" for the clean filing's
	}{
		{"shilikeji.cn", ""},
		{"www.shilikeji.cn", ""},
		{"https://shilikeji.cn/", ""},
		{"SHILIKEJI.CN", ""},
		{"ｓｈｉｌｉｋｅｊｉ.ｃｎ", ""},
		{"example.com", ""},
		{"shili-keji.com.cn", ""},
		{"示例.中国", "示例.中国"},
		{"示例科技.公司", "示例科技.公司"},
	}
	for _, s := range spellings {
		for _, d := range dots {
			name := strings.ReplaceAll(s.name, ".", d)
			t.Run(name, func(t *testing.T) {
				f := named(name)
				if s.domain != "" {
					f.Websites[0].Domains = []string{s.domain}
					f.Domains[0].Domain = s.domain
				}
				assert.Equal(t, []rules.Code{rules.CodeSiteNameIsDomain}, codesAt(run(t, rules.SiteName, f), siteName))
			})
		}
	}
	// 。 ends a Chinese sentence: such a name is not read as a domain.
	for _, name := range []string{"示例科技。官网", "示例科技官网。", "示例。中国", "李四的读书笔记。记录"} {
		t.Run(name, func(t *testing.T) {
			assert.NotContains(t, codesAt(run(t, rules.SiteName, named(name)), siteName), rules.CodeSiteNameIsDomain)
		})
	}
}
