package rules_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/provinces"
	"github.com/icpcheck/beian/rules"
	"github.com/icpcheck/beian/rules/domain"
)

// sev is one rejection as these tests compare them: path, code, severity.
type sev struct {
	Field    beian.Path
	Code     rules.Code
	Severity rules.Severity
}

func sevsIn(rs []rules.Rejection) []sev {
	var out []sev
	for _, r := range rs {
		out = append(out, sev{r.Field, r.Code, r.Severity})
	}
	return out
}

// withDomain returns the clean filing with its one website domain and its
// record's domain set to typed.
func withDomain(typed string) *beian.Filing {
	f := cleanFiling()
	f.Websites[0].Domains = []string{typed}
	f.Domains[0].Domain = typed
	return f
}

// runPass runs rule and returns the pass, for its skipped checks.
func runPass(t *testing.T, rule *rules.Rule, f *beian.Filing, cfg *rules.Config) *rules.Pass {
	t.Helper()
	if cfg == nil {
		cfg = &rules.Config{Policies: provinces.DefaultPolicies()}
	}
	runWith(t, rule, f, cfg) // checks codes and placeholders
	pass := rules.NewPass(context.Background(), f, rules.CleanText(f), cfg, f.SubmittedAt)
	pass.Rule = rule
	require.NoError(t, rule.Run(pass))
	return pass
}

func skippedCodes(p *rules.Pass) []rules.Code {
	var out []rules.Code
	for _, s := range p.Skipped() {
		out = append(out, s.Code)
	}
	return out
}

func TestDomainsClean(t *testing.T) {
	for _, typed := range []string{"shilikeji.cn", "示例科技.中国", "xn--fiq228c5hs.xn--fiqs8s", "shilikeji.com.cn", " shilikeji.cn "} {
		t.Run(typed, func(t *testing.T) {
			assert.Empty(t, sevsIn(run(t, rules.Domains, withDomain(typed))))
			assert.Empty(t, sevsIn(run(t, rules.DomainHolder, withDomain(typed))))
		})
	}
}

// TestDomainTypedOtherwise: a website's registered domain typed in upper
// case, full width, with an ideographic full stop or a trailing dot is the
// same domain (the holder's record matches it), and a DOMAIN_INVALID
// warning at the website's field whose fix is the filing form, in the
// script it was typed in. The same typings in the domain record, which
// holds what the registry has and is not submitted, are not reported.
func TestDomainTypedOtherwise(t *testing.T) {
	for typed, want := range map[string]string{
		"SHILIKEJI.CN": "shilikeji.cn", "ShiLiKeJi.cn": "shilikeji.cn", "shilikeji.cn.": "shilikeji.cn",
		"ｓｈｉｌｉｋｅｊｉ．ｃｎ": "shilikeji.cn", "shilikeji。cn": "shilikeji.cn", "示例。公司": "示例.公司",
		"XN--FIQ228C5HS.XN--FIQS8S": "xn--fiq228c5hs.xn--fiqs8s", " SHILIKEJI.CN ": "shilikeji.cn",
	} {
		t.Run(typed, func(t *testing.T) {
			f := withDomain(typed)
			f.Domains[0].Domain = strings.TrimSpace(typed)
			rs := run(t, rules.Domains, f)
			require.Equal(t, []sev{{"websites[0].domains[0]", rules.CodeDomainInvalid, rules.Warning}}, sevsIn(rs))
			require.Len(t, rs[0].Fixes, 1)
			assert.Equal(t, want, rs[0].Fixes[0].Value)
			assert.Empty(t, sevsIn(run(t, rules.DomainHolder, f)))

			f.Websites[0].Domains[0] = want
			assert.Empty(t, sevsIn(run(t, rules.Domains, f)), "the record typed so")
		})
	}
}

func TestDomainInvalid(t *testing.T) {
	w := beian.Path("websites[0].domains[0]")
	r := beian.Path("domains[0].domain")
	for _, typed := range []string{
		"exa mple.cn", "ex_ample.cn", "a..cn", "-a.cn", "ab--c.cn", "xn--zz.cn", "1.2.3.4", "localhost",
		"example.zzz", "com.cn", "中国", strings.Repeat("a", 64) + ".cn", "例😀.cn", "http://", "http://[::1]/",
	} {
		t.Run(typed, func(t *testing.T) {
			got := sevsIn(run(t, rules.Domains, withDomain(typed)))
			assert.Equal(t, []sev{{w, rules.CodeDomainInvalid, rules.Error}, {r, rules.CodeDomainInvalid, rules.Error}}, got)
			// The holder rule has nothing to match and reports nothing.
			assert.Empty(t, run(t, rules.DomainHolder, withDomain(typed)))
		})
	}
	// Blank domains are FIELD_REQUIRED's.
	assert.Empty(t, run(t, rules.Domains, withDomain("  ")))
}

func TestDomainNotRegistered(t *testing.T) {
	// A sub-domain or a URL where the registered domain belongs: a warning,
	// and the holder checks still find the record.
	for _, typed := range []string{"www.shilikeji.cn", "https://shilikeji.cn/", "http://www.shilikeji.cn/index.html", "shilikeji.cn:8080", "ＷＷＷ．ｓｈｉｌｉｋｅｊｉ．ｃｎ"} {
		t.Run(typed, func(t *testing.T) {
			f := cleanFiling()
			f.Websites[0].Domains = []string{typed}
			assert.Equal(t, []sev{{"websites[0].domains[0]", rules.CodeDomainInvalid, rules.Warning}}, sevsIn(run(t, rules.Domains, f)))
			f.Domains[0].HolderName = "别人"
			assert.Equal(t, []found{{"domains[0].holder_name", rules.CodeDomainHolderMismatch}}, foundIn(run(t, rules.DomainHolder, f)))
		})
	}
}

func TestWebsiteMultipleDomains(t *testing.T) {
	f := cleanFiling()
	f.Websites[0].Domains = []string{"shilikeji.cn", "shilikeji.com"}
	assert.Equal(t, []found{{"websites[0].domains", rules.CodeWebsiteMultipleDomains}}, foundIn(run(t, rules.Domains, f)))
	f.Websites[0].Domains = []string{"shilikeji.cn", "SHILIKEJI.cn."}
	assert.Equal(t, []found{
		{"websites[0].domains", rules.CodeWebsiteMultipleDomains},
		{"websites[0].domains[1]", rules.CodeDomainDuplicate},
	}, foundIn(run(t, rules.Domains, f)))
}

func TestDomainDuplicate(t *testing.T) {
	f := cleanFiling()
	f.Websites = append(f.Websites, f.Websites[0], f.Websites[0])
	f.Websites[1].Domains = []string{"shilikeji.com"}
	f.Websites[2].Domains = []string{"示例。公司"}
	f.Websites = append(f.Websites, beian.Website{Name: "示例商城网", Domains: []string{"SHILIKEJI.COM."}, PrincipalSameAsSubject: true})
	f.Websites = append(f.Websites, beian.Website{Name: "示例商城网", Domains: []string{"xn--fsq270a.xn--55qx5d"}, PrincipalSameAsSubject: true}) // 实例.公司: another
	f.Websites = append(f.Websites, beian.Website{Name: "示例商城网", Domains: []string{"XN--FSQ092H.XN--55QX5D"}, PrincipalSameAsSubject: true}) // 示例.公司 again
	f.Domains = append(f.Domains, f.Domains[0])
	f.Domains[1].Domain = "ShiLiKeJi.CN"
	rs := run(t, rules.Domains, f)
	// 示例。公司 is typed otherwise than filed (TestDomainTypedOtherwise);
	// its duplicates, whose fix removes them, are not warned of it.
	assert.Equal(t, []found{
		{"domains[1].domain", rules.CodeDomainDuplicate},
		{"websites[2].domains[0]", rules.CodeDomainInvalid},
		{"websites[3].domains[0]", rules.CodeDomainDuplicate},
		{"websites[5].domains[0]", rules.CodeDomainDuplicate},
	}, foundIn(rs))
	rs = slices.DeleteFunc(rs, func(r rules.Rejection) bool { return r.Code != rules.CodeDomainDuplicate })
	for _, r := range rs {
		require.Len(t, r.Related, 1, "a duplicate names the first")
	}
	related := map[beian.Path]beian.Path{}
	for _, r := range rs {
		related[r.Field] = r.Related[0]
	}
	assert.Equal(t, beian.Path("websites[1].domains[0]"), related["websites[3].domains[0]"])
	assert.Equal(t, beian.Path("websites[2].domains[0]"), related["websites[5].domains[0]"])
	assert.Equal(t, beian.Path("domains[0].domain"), related["domains[1].domain"])
}

// TestDomainSuffixes checks every entry of the built-in list, every class:
// filable, not filable, disputed; and suffixes on no list.
func TestDomainSuffixes(t *testing.T) {
	at := beian.Path("websites[0].domains[0]")
	classes := map[domain.Status]int{}
	check := func(suffix string, status domain.Status, typedOtherwise bool) {
		f := cleanFiling()
		f.Websites[0].Domains = []string{"shilikeji." + suffix}
		f.Domains = nil
		// The suffix's status only: a suffix reserved for bodies of a
		// kind (gov.cn for an enterprise) is TestClassReservedSuffix's.
		rs := slices.DeleteFunc(run(t, rules.Domains, f), func(r rules.Rejection) bool { return r.Code == rules.CodeDomainSuffixNatureMismatch })
		got := sevsIn(rs)
		var want []sev
		if typedOtherwise {
			want = []sev{{at, rules.CodeDomainInvalid, rules.Warning}}
		}
		switch status {
		case domain.Filable:
		case domain.Disputed:
			want = append(want, sev{at, rules.CodeDomainTLDNotFilable, rules.Warning})
		default:
			want = append(want, sev{at, rules.CodeDomainTLDNotFilable, rules.Error})
		}
		assert.Equal(t, want, got, "suffix %s (%v)", suffix, status)
		classes[status]++
	}
	for _, e := range domain.DefaultSuffixes().Entries() {
		check(e.Unicode(), e.Status, false)
		check(strings.ToUpper(e.Name), e.Status, strings.ToUpper(e.Name) != e.Name)
	}
	for _, s := range []string{"de", "uk", "co.uk", "ru", "us", "xn--p1ai", "co.jp", "com.hk"} {
		check(s, domain.Unlisted, false)
	}
	for _, st := range []domain.Status{domain.Filable, domain.NotFilable, domain.Disputed, domain.Unlisted} {
		assert.NotZero(t, classes[st], "no case of class %v", st)
	}
}

func TestDomainSuffixesOption(t *testing.T) {
	list, err := domain.DefaultSuffixes().With(domain.Suffix{Name: "io", Status: domain.Filable}, domain.Suffix{Name: "com", Status: domain.NotFilable})
	require.NoError(t, err)
	cfg := &rules.Config{Policies: provinces.DefaultPolicies(), Suffixes: list}
	assert.Empty(t, runWith(t, rules.Domains, withDomain("shilikeji.io"), cfg))
	assert.Equal(t, []found{{"websites[0].domains[0]", rules.CodeDomainTLDNotFilable}}, foundIn(runWith(t, rules.Domains, withDomain("shilikeji.com"), cfg)))
}

func TestDomainSuffixNature(t *testing.T) {
	at := beian.Path("websites[0].domains[0]")
	for _, tc := range []struct {
		nature beian.Nature
		domain string
		bad    bool
	}{
		{beian.NatureGovernment, "shilikeji.gov.cn", false},
		{beian.NatureGovernment, "sz.gov.cn", false},
		{beian.NatureGovernment, "示例.政务", false},
		{beian.NatureGovernment, "shilikeji.cn", true},
		{beian.NatureGovernment, "shilikeji.com", true},
		{beian.NatureGovernment, "shilikeji.org.cn", true},
		{beian.NatureGovernment, "示例.公益", true},
		{beian.NatureInstitution, "shilikeji.cn", false},
		{beian.NatureInstitution, "shilikeji.org.cn", false},
		{beian.NatureInstitution, "shilikeji.ac.cn", false},
		{beian.NatureInstitution, "示例.公益", false},
		{beian.NatureInstitution, "shilikeji.com", true},
		{beian.NatureInstitution, "示例.中国", true},
		{beian.NatureInstitution, "shilikeji.net", true},
		{beian.NatureEnterprise, "shilikeji.com", false},
		{beian.NatureSocialGroup, "shilikeji.com", false},
		{beian.NaturePersonal, "shilikeji.net", false},
	} {
		t.Run(string(tc.nature)+"/"+tc.domain, func(t *testing.T) {
			f := cleanFiling()
			f.Subject.Nature = tc.nature
			f.Websites[0].Domains = []string{tc.domain}
			want := []found{}
			if tc.bad {
				want = []found{{at, rules.CodeDomainSuffixNatureMismatch}}
			}
			assert.Equal(t, want, foundIn(run(t, rules.Domains, f)))
		})
	}
}

func TestDomainRegistrar(t *testing.T) {
	approved := []string{"阿里云计算有限公司", "厦门三五互联科技股份有限公司", "北京新网数码信息技术有限公司"}
	at := beian.Path("domains[0].registrar")
	for _, tc := range []struct {
		registrar string
		bad       bool
	}{
		{"阿里云计算有限公司", false},
		{"阿里雲計算有限公司", false},
		{" 阿里云计算 有限公司 ", false},
		{"廈門三五互聯科技股份有限公司", false},
		{"", false}, // unknown: nothing to check
		{"GoDaddy.com, LLC", true},
		{"阿里云计算有限责任公司", true},
		{"北京新网数码信息技术有限公司上海分公司", true},
	} {
		t.Run(tc.registrar, func(t *testing.T) {
			f := cleanFiling()
			f.Domains[0].Registrar = tc.registrar
			want := []found{}
			if tc.bad {
				want = []found{{at, rules.CodeDomainRegistrarNotApproved}}
			}
			// Compiled by the option, or from the plain list.
			for _, cfg := range []*rules.Config{
				{Policies: provinces.DefaultPolicies(), ApprovedRegistrars: approved},
				{Policies: provinces.DefaultPolicies(), ApprovedRegistrars: approved, Registrars: domain.NewNameSet(approved...)},
			} {
				p := runPass(t, rules.Domains, f, cfg)
				assert.Equal(t, want, foundIn(p.Rejections()))
				assert.Empty(t, p.Skipped())
			}
			// Without a list the check is skipped when there is a registrar.
			p := runPass(t, rules.Domains, f, nil)
			assert.Empty(t, p.Rejections())
			if tc.registrar != "" {
				assert.Equal(t, []rules.Code{rules.CodeDomainRegistrarNotApproved}, skippedCodes(p))
			} else {
				assert.Empty(t, p.Skipped())
			}
		})
	}
	// An empty, non-nil list approves nobody.
	f := cleanFiling()
	f.Domains[0].Registrar = "阿里云计算有限公司"
	cfg := &rules.Config{Policies: provinces.DefaultPolicies(), ApprovedRegistrars: []string{}}
	assert.Equal(t, []found{{at, rules.CodeDomainRegistrarNotApproved}}, foundIn(runWith(t, rules.Domains, f, cfg)))
}

func TestDomainExpiring(t *testing.T) {
	at := beian.Path("domains[0].expires_at")
	for _, tc := range []struct {
		name    string
		expires beian.Date
		bad     bool
	}{
		{"unknown", beian.Date{}, false},
		{"two years", today.AddMonths(24), false},
		{"exactly three months", today.AddMonths(3), false},
		{"a day short of three months", today.AddMonths(3).AddDays(-1), true},
		{"next week", today.AddDays(7), true},
		{"today", today, true},
		{"yesterday", today.AddDays(-1), true},
		{"years ago", beian.NewDate(2020, 1, 1), true},
		// Submitted on November 30: three months end on February 28
		// (民法典 art. 202), not on March 2.
		{"month end: February 27", beian.NewDate(2027, 2, 27), true},
		{"month end: February 28", beian.NewDate(2027, 2, 28), false},
		{"month end: March 1", beian.NewDate(2027, 3, 1), false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := cleanFiling()
			if strings.HasPrefix(tc.name, "month end") {
				f.SubmittedAt = beian.NewDate(2026, 11, 30)
			}
			f.Domains[0].ExpiresAt = tc.expires
			want := []found{}
			if tc.bad {
				want = []found{{at, rules.CodeDomainExpiring}}
			}
			assert.Equal(t, want, foundIn(run(t, rules.DomainHolder, f)))
		})
	}
}

// threeDomainsMixed is the clean filing with three websites, each with its
// domain and record: one ASCII, one under com.cn, one IDN.
func threeDomainsMixed() *beian.Filing {
	f := cleanFiling()
	rec := f.Domains[0]
	for _, d := range []string{"shilikeji.com.cn", "示例科技.中国"} {
		f.Websites = append(f.Websites, beian.Website{Name: "示例科技网站", Domains: []string{d}, PrincipalSameAsSubject: true})
		r := rec
		r.Domain = d
		f.Domains = append(f.Domains, r)
	}
	return f
}

// BenchmarkDomainRules measures the domain and domainholder rules on a
// filing of three domains (offline: no Prober, no Registry): three ASCII
// domains, or one ASCII, one under com.cn and one IDN; with and without
// the approved registrars.
func BenchmarkDomainRules(b *testing.B) {
	approved := []string{"阿里云计算有限公司", "厦门三五互联科技股份有限公司", "北京新网数码信息技术有限公司"}
	ascii := threeDomainsMixed()
	for i, d := range []string{"shilikeji.cn", "shilishop.cn", "shilipay.cn"} {
		ascii.Websites[i].Domains = []string{d}
		ascii.Domains[i].Domain = d
	}
	for _, fc := range []struct {
		name string
		f    *beian.Filing
	}{{"ascii", ascii}, {"mixed", threeDomainsMixed()}} {
		f := fc.f
		for i := range f.Domains {
			f.Domains[i].Registrar = "阿里云计算有限公司"
		}
		for _, cc := range []struct {
			name string
			cfg  *rules.Config
		}{
			{"default", &rules.Config{Policies: provinces.DefaultPolicies()}},
			{"registrars", &rules.Config{Policies: provinces.DefaultPolicies(), ApprovedRegistrars: approved, Registrars: domain.NewNameSet(approved...)}},
		} {
			cfg := cc.cfg
			for _, r := range []*rules.Rule{rules.Domains, rules.DomainHolder} {
				b.Run(fc.name+"/"+cc.name+"/"+r.Name, func(b *testing.B) {
					b.ReportAllocs()
					for b.Loop() {
						pass := rules.NewPass(context.Background(), f, f, cfg, today)
						pass.Rule = r
						_ = r.Run(pass)
						if len(pass.Rejections()) > 0 {
							b.Fatalf("%s rejects the filing: %v", r.Name, pass.Rejections())
						}
					}
				})
			}
		}
	}
}

// TestDomainProblemsComplete: every reason Parse gives has a text in both
// languages.
func TestDomainProblemsComplete(t *testing.T) {
	for _, typed := range []string{"", strings.Repeat("a.", 200) + "cn", "a b.cn", "a..cn", strings.Repeat("a", 64) + ".cn", "-a.cn", "xn--zz.cn", "1.2.3.4", "localhost", "a.zzz", "com.cn"} {
		f := withDomain(typed)
		if strings.TrimSpace(typed) == "" {
			f = withDomain("http://")
		}
		for _, r := range run(t, rules.Domains, f) {
			for _, a := range r.Args {
				if a.Name == "problem" {
					assert.NotEmpty(t, a.Value.ZH, typed)
					assert.NotEmpty(t, a.Value.EN, typed)
				}
			}
		}
	}
}
