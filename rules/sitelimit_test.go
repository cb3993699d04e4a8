package rules_test

import (
	"fmt"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/provinces"
	"github.com/icpcheck/beian/rules"
)

// A siteLimit is a limit as the reference gives it, written here from
// the sources and not read from the policy: the number, and whether a
// breach is an error (a certain fact) or a warning.
type siteLimit struct {
	n     int
	error bool
}

// The limits of icp-rules.md §4 and the HW province pages: a person's
// websites and Apps (5 by one source, a warning; Jiangxi 4, Shaanxi 5), a
// unit's (Shaanxi 30; Jiangxi 7 without an ICP licence, a warning), the
// websites of one new or new-site filing (Hunan, Hubei: 1), the domains
// of a unit's (Shanxi 3, Henan 5) and of a person's first filing
// (Hainan 1).
var (
	personalSiteLimits  = map[string]siteLimit{"36": {4, true}, "61": {5, true}}
	unitSiteLimits      = map[string]siteLimit{"61": {30, true}, "36": {7, false}}
	websitesPerFiling   = map[string]int{"43": 1, "42": 1}
	unitDomainsPerFile  = map[string]int{"14": 3, "41": 5}
	personalFirstFiling = map[string]int{"46": 1}
	// oneDomainAfter: Jiangxi holds a subject that filed more than 7
	// (a person) or 15 (a unit) websites to one domain per new-site filing
	// (HW doc_0226).
	oneDomainAfter = map[string][2]int{"36": {7, 15}}
)

// TestSiteLimit: every province × personal or unit × filing type × a
// number of websites × with and without Apps × websites on domains of
// their own or on subdomains of one. Reported: SITE_LIMIT_EXCEEDED at the
// first website or App over the subject's limit, SUBMISSION_LIMIT_EXCEEDED
// at the first website over a submission's limit of websites or domains
// (domains counted by registrable domain), each at the reference's
// severity; nothing within the limits, and no submission limit for a
// filing that adds no site (new access, change). The sites the subject
// filed before (subject.filed_websites, filed_apps: none, 4, 40, split
// between websites and Apps) count in a new-site filing only.
func TestSiteLimit(t *testing.T) {
	types := []beian.FilingType{beian.FilingNew, beian.FilingAddSite, beian.FilingAddAccess, beian.FilingChange}
	for _, p := range provinces.All() {
		for _, nature := range []beian.Nature{beian.NaturePersonal, beian.NatureEnterprise} {
			for _, ft := range types {
				for _, n := range []int{1, 2, 3, 4, 5, 6, 8, 30, 31} {
					for _, apps := range []int{0, 2} {
						for _, c := range []struct {
							shared bool
							filed  [2]int
						}{{false, [2]int{}}, {true, [2]int{}}, {false, [2]int{3, 1}}, {true, [2]int{1, 3}}, {false, [2]int{30, 10}}} {
							shared, filed := c.shared, c.filed
							name := fmt.Sprintf("%s/%s/%s/%d websites/%d apps/shared %v/filed %v", p.Code, nature, ft, n, apps, shared, filed)
							t.Run(name, func(t *testing.T) {
								f := cleanFiling()
								f.Province = p.Code
								f.Subject.Nature = nature
								f.FilingType = ft
								f.Subject.FiledWebsites, f.Subject.FiledApps = filed[0], filed[1]
								f.Websites = limitWebsites(n, shared)
								for range apps {
									f.Apps = append(f.Apps, beian.App{Type: beian.AppNative, Name: "示例记账", PrincipalSameAsSubject: true})
								}
								before, beforeSites := 0, 0
								if ft == beian.FilingAddSite {
									before, beforeSites = filed[0]+filed[1], filed[0]
								}
								want, sev := expectedLimits(p.Code, nature, ft, n, apps, before, shared)
								after, ok := oneDomainAfter[p.Code]
								limit := after[1]
								if nature == beian.NaturePersonal {
									limit = after[0]
								}
								if ok && beforeSites > limit && !shared && n > 1 {
									want = append(want, found{"websites[1]", rules.CodeSubmissionLimitExceeded})
								}
								rs := run(t, rules.SiteLimit, f)
								assert.ElementsMatch(t, want, foundIn(rs))
								for _, r := range rs {
									assert.Equal(t, sev[r.Code], r.Severity, "%s", r.Code)
								}
							})
						}
					}
				}
			}
		}
	}
}

// limitWebsites returns n websites, each on a registrable domain of its
// own, or, when shared, on sub-domains of one.
func limitWebsites(n int, shared bool) []beian.Website {
	var ws []beian.Website
	for i := range n {
		d := "shili" + strconv.Itoa(i) + ".cn"
		if shared {
			d = "s" + strconv.Itoa(i) + ".shilikeji.cn"
		}
		ws = append(ws, beian.Website{Name: "示例网站", Domains: []string{d}, PrincipalSameAsSubject: true})
	}
	return ws
}

// expectedLimits returns what TestSiteLimit expects, from the tables
// above.
func expectedLimits(prov string, nature beian.Nature, ft beian.FilingType, n, apps, before int, shared bool) ([]found, map[rules.Code]rules.Severity) {
	var want []found
	sev := map[rules.Code]rules.Severity{}
	personal := nature == beian.NaturePersonal
	subject, ok := unitSiteLimits[prov]
	if personal {
		subject, ok = personalSiteLimits[prov]
		if !ok {
			subject = siteLimit{5, false}
			ok = true
		}
	}
	if ok && n+apps+before > subject.n {
		// The filing's own are numbered after those filed before.
		k := max(subject.n-before, 0)
		at := beian.Path("websites").Index(k)
		if k >= n {
			at = beian.Path("apps").Index(k - n)
		}
		want = append(want, found{at, rules.CodeSiteLimitExceeded})
		sev[rules.CodeSiteLimitExceeded] = rules.Warning
		if subject.error {
			sev[rules.CodeSiteLimitExceeded] = rules.Error
		}
	}
	if ft != beian.FilingNew && ft != beian.FilingAddSite {
		return want, sev
	}
	sev[rules.CodeSubmissionLimitExceeded] = rules.Error
	if w, ok := websitesPerFiling[prov]; ok && n > w {
		want = append(want, found{beian.Path("websites").Index(w), rules.CodeSubmissionLimitExceeded})
	}
	domains := n
	if shared {
		domains = 1
	}
	d, ok := unitDomainsPerFile[prov]
	if personal {
		d, ok = personalFirstFiling[prov]
		ok = ok && ft == beian.FilingNew
	}
	if ok && domains > d {
		want = append(want, found{beian.Path("websites").Index(d), rules.CodeSubmissionLimitExceeded})
	}
	return want, sev
}

// TestSiteLimitPerOrder: Tencent's console takes one website in a
// personal order and ten in a unit's (tencent-site-info), of any filing
// type and in any province, even an unknown one; the other consoles and
// the default know no limit. Guangdong has no limit of its own.
func TestSiteLimitPerOrder(t *testing.T) {
	for _, profile := range append(rules.ProfileNames(), "") {
		for _, nature := range []beian.Nature{beian.NaturePersonal, beian.NatureEnterprise, beian.NatureGovernment} {
			for _, ft := range []beian.FilingType{beian.FilingNew, beian.FilingAddSite, beian.FilingAddAccess, beian.FilingChange} {
				for _, prov := range []string{"44", "广东", "Atlantis"} {
					for _, n := range []int{1, 2, 5, 10, 11} {
						t.Run(fmt.Sprintf("%s/%s/%s/%s/%d", profile, nature, ft, prov, n), func(t *testing.T) {
							f := cleanFiling()
							f.Province, f.Subject.Nature, f.FilingType = prov, nature, ft
							f.Websites = nil
							for i := range n {
								f.Websites = append(f.Websites, beian.Website{Name: "示例网站", Domains: []string{"shili" + strconv.Itoa(i) + ".cn"}, PrincipalSameAsSubject: true})
							}
							p, ok := rules.ProfileNamed(profile)
							require.True(t, ok)
							rs := withCode(runWith(t, rules.SiteLimit, f, &rules.Config{Policies: provinces.DefaultPolicies(), Profile: &p}), rules.CodeSubmissionLimitExceeded)
							limit := 0
							if profile == "tencent" {
								limit = 10
								if nature == beian.NaturePersonal {
									limit = 1
								}
							}
							if limit == 0 || n <= limit {
								assert.Empty(t, foundIn(rs))
								return
							}
							require.Equal(t, []found{{beian.Path("websites").Index(limit), rules.CodeSubmissionLimitExceeded}}, foundIn(rs))
							assert.Equal(t, rules.Error, rs[0].Severity)
							assert.Equal(t, "tencent-site-info", rs[0].Source.Key)
						})
					}
				}
			}
		}
	}
}

// TestOneDomainAfter: Jiangxi holds a subject that filed more than 7
// websites (a person) or 15 (a unit) before to one domain per new-site
// filing (HW doc_0226): SUBMISSION_LIMIT_EXCEEDED at the first website
// over one domain, an error. Every province × both natures × the four
// filing types × websites filed before around both thresholds × one to
// three domains, distinct or sharing one registrable domain.
func TestOneDomainAfter(t *testing.T) {
	types := []beian.FilingType{beian.FilingNew, beian.FilingAddSite, beian.FilingAddAccess, beian.FilingChange}
	for _, p := range provinces.All() {
		for _, nature := range []beian.Nature{beian.NaturePersonal, beian.NatureEnterprise} {
			for _, ft := range types {
				for _, filed := range []int{0, 7, 8, 15, 16, 40} {
					for _, n := range []int{1, 2, 3} {
						for _, shared := range []bool{false, true} {
							f := cleanFiling()
							f.Province, f.Subject.Nature, f.FilingType, f.Subject.FiledWebsites = p.Code, nature, ft, filed
							f.Websites = limitWebsites(n, shared)
							limit := 15
							if nature == beian.NaturePersonal {
								limit = 7
							}
							var want []found
							if p.Code == "36" && ft == beian.FilingAddSite && filed > limit && !shared && n > 1 {
								want = []found{{"websites[1]", rules.CodeSubmissionLimitExceeded}}
							}
							// What the websites filed before add to the
							// other submission limits (Hunan's one website,
							// Hainan's one domain …), which the same
							// filing gets without them.
							g := *f
							g.Subject.FiledWebsites = 0
							others := len(withCode(run(t, rules.SiteLimit, &g), rules.CodeSubmissionLimitExceeded))
							rs := withCode(run(t, rules.SiteLimit, f), rules.CodeSubmissionLimitExceeded)
							name := fmt.Sprintf("%s/%s/%s/filed %d/%d websites/shared %v", p.Code, nature, ft, filed, n, shared)
							require.Len(t, rs, others+len(want), name)
							if want != nil {
								assert.Equal(t, want, foundIn(rs[len(rs)-1:]), name)
								assert.Equal(t, rules.Error, rs[len(rs)-1].Severity, name)
							}
						}
					}
				}
			}
		}
	}
}
