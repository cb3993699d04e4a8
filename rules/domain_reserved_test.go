package rules_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/rules"
)

// TestClassReservedSuffix: every suffix MIIT's domain system reserves for
// bodies of a kind (中国互联网域名体系, 2018 No. 7: GOV for government
// bodies, MIL defence, EDU education, AC research; .政务 and .公益 as
// top-level domains: the public suffix list holds no 政务.cn or 公益.cn, so
// the domain package reads 示例.政务.cn as a sub-domain of 政务.cn) × every nature of subject × a website's domain
// and a native App's domain: DOMAIN_SUFFIX_NATURE_MISMATCH, an error where
// the nature is never registered the suffix (a person, an enterprise, a law
// firm), a warning where only some of its bodies are, nothing where the
// nature holds bodies of the suffix's kind. The expected matrix is written
// from the announcement, not from the rule's table. Government bodies and
// public institutions keep the rule of the suffixes they must use. Made to
// fail by not calling checkReservedSuffix (80 failures), and by taking
// every listed nature as certain (34).
func TestClassReservedSuffix(t *testing.T) {
	const (
		none = ""
		err  = "error"
		warn = "warning"
	)
	natures := []beian.Nature{beian.NaturePersonal, beian.NatureEnterprise, beian.NatureLawFirm,
		beian.NatureSocialGroup, beian.NaturePrivateNonEnterprise, beian.NatureFoundation, beian.NatureMilitary, beian.NatureOther}
	// By nature, in the order above.
	want := map[string][]string{
		"shilikeji.gov.cn":       {err, err, err, none, warn, warn, none, warn},
		"shilikeji.mil.cn":       {err, err, err, warn, warn, warn, none, warn},
		"shilikeji.edu.cn":       {err, err, err, none, none, none, none, none},
		"shilikeji.ac.cn":        {err, warn, err, none, none, none, none, none},
		"示例.政务":                  {err, err, err, none, warn, warn, none, warn},
		"示例.公益":                  {err, err, err, none, none, none, none, none},
		"shilikeji.com.cn":       {none, none, none, none, none, none, none, none},
		"shilikeji.org.cn":       {none, none, none, none, none, none, none, none},
		"shilikeji.gd.cn":        {none, none, none, none, none, none, none, none},
		"shilikeji-gov.cn":       {none, none, none, none, none, none, none, none},
		"SHILIKEJI.GOV.CN":       {err, err, err, none, warn, warn, none, warn},
		"xn--fsqx8e.xn--zfr164b": {err, err, err, none, warn, warn, none, warn},
	}
	n := 0
	for domain, sevs := range want {
		for k, nature := range natures {
			for _, app := range []bool{false, true} {
				f := cleanFiling()
				f.Subject.Nature = nature
				at := beian.Path("websites").Index(0).Field("domains").Index(0)
				if app {
					f = appFiling()
					f.Subject.Nature = nature
					f.Apps[0].Platforms = f.Apps[0].Platforms[:1]
					f.Apps[0].Platforms[0].Domains = []string{"api." + domain}
					at = beian.Path("apps").Index(0).Field("platforms").Index(0).Field("domains").Index(0)
				} else {
					f.Websites[0].Domains = []string{domain}
				}
				got := none
				for _, r := range run(t, rules.Domains, f) {
					if r.Code == rules.CodeDomainSuffixNatureMismatch && r.Field == at {
						got = r.Severity.String()
						assert.Equal(t, got == err, r.Source.Certain, "%s %s: the source's certainty", nature, domain)
					}
				}
				assert.Equal(t, sevs[k], got, "%s, %s (app %v)", nature, domain, app)
				n++
			}
		}
	}
	t.Logf("%d cases", n)
}
