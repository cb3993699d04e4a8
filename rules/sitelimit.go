package rules

import (
	"strconv"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/provinces"
)

// SiteLimit checks the number of websites, Apps and domains filed.
//
// A subject may have so many websites and Apps: a person 5 by one source
// (a warning), 4 in Jiangxi and 5 in Shaanxi (personal_site_limit); a
// unit 30 in Shaanxi, and 7 in Jiangxi without an ICP licence, which the
// filing does not say (unit_site_limit). The rule counts the filing's own
// websites and Apps with those the subject filed before
// (subject.filed_websites and subject.filed_apps, which the console knows
// from the subject's ICP number; 0 when not given) in a new-site filing:
// more than the limit is SITE_LIMIT_EXCEEDED at the first of the filing's
// own over it, or at the first of them when those filed before reach the
// limit already.
//
// A new filing or a new-site filing may add so many websites (Hunan and
// Hubei: one, websites_per_submission) and so many domains (a unit's:
// Shanxi 3, Henan 5, unit_domains_per_submission; a person's first
// filing: Hainan 1, personal_first_filing_domains): more is
// SUBMISSION_LIMIT_EXCEEDED at the first website over the limit, to be
// filed as new-site filings once this one is approved. Domains are
// counted once each, by their registrable domain. A subject that filed
// more websites before than personal_one_domain_after or
// unit_one_domain_after (Jiangxi: 7 and 15) adds one domain per new-site
// filing: more is SUBMISSION_LIMIT_EXCEEDED too.
//
// The provider's console takes so many websites in one order, of any
// filing type (the profile's personal_websites_per_order and
// unit_websites_per_order: Tencent one for a person, ten for a unit):
// more is SUBMISSION_LIMIT_EXCEEDED too, naming the provider.
var SiteLimit = &Rule{
	Name:  "sitelimit",
	Doc:   docSiteLimit,
	Codes: []Code{CodeSiteLimitExceeded, CodeSubmissionLimitExceeded},
	Run:   runSiteLimit,
}

func runSiteLimit(pass *Pass) error {
	f := pass.Filing
	personal := f.Subject.Nature == beian.NaturePersonal
	if !personal && !pass.unit() {
		return nil
	}
	checkOrderLimit(pass, personal)
	if pass.Province.IsZero() {
		return nil
	}
	limit := pass.Policy.UnitSiteLimit
	if personal {
		limit = pass.Policy.PersonalSiteLimit
	}
	websites, apps := filedBefore(f)
	own, filed := len(f.Websites)+len(f.Apps), websites+apps
	if n := own + filed; limit.Value > 0 && own > 0 && n > limit.Value {
		first := max(limit.Value-filed, 0) // the filing's first over the limit
		at := beian.Path("websites").Index(first)
		if first >= len(f.Websites) {
			at = beian.Path("apps").Index(first - len(f.Websites))
		}
		pass.ReportFact(at, CodeSiteLimitExceeded, factSource(limit), provinceArg(pass),
			Int("limit", limit.Value), Int("count", n))
	}
	if f.FilingType != beian.FilingNew && f.FilingType != beian.FilingAddSite {
		return nil
	}
	if per := pass.Policy.WebsitesPerSubmission; per.Value > 0 && len(f.Websites) > per.Value {
		reportSubmissionLimit(pass, provinceArg(pass), per, per.Value, len(f.Websites), Text{"网站", plural(per.Value, "website")})
	}
	checkOneDomainAfter(pass, personal)
	domains := pass.Policy.UnitDomainsPerSubmission
	if personal {
		domains = pass.Policy.PersonalFirstFilingDomains
		if f.FilingType != beian.FilingNew {
			return nil
		}
	}
	if domains.Value > 0 {
		if k, n := firstOverDomains(pass, domains.Value); n > domains.Value {
			reportSubmissionLimit(pass, provinceArg(pass), domains, k, n, Text{"域名", plural(domains.Value, "domain")})
		}
	}
	return nil
}

// checkOrderLimit reports a filing of more websites than the provider's
// console takes in one order.
func checkOrderLimit(pass *Pass, personal bool) {
	profile := pass.Config.ProfileOf()
	per := profile.UnitWebsitesPerOrder
	if personal {
		per = profile.PersonalWebsitesPerOrder
	}
	if n := len(pass.Filing.Websites); per.Value > 0 && n > per.Value {
		reportSubmissionLimit(pass, providerArg(profile.Name), per, per.Value, n, Text{"网站", plural(per.Value, "website")})
	}
}

// providerArg names the provider whose console a profile describes, as
// the "who" of a limit.
func providerArg(name string) Arg {
	switch name {
	case "tencent":
		return Loc("who", "腾讯云", "Tencent Cloud")
	case "aliyun":
		return Loc("who", "阿里云", "Alibaba Cloud")
	case "huawei":
		return Loc("who", "华为云", "Huawei Cloud")
	}
	return Loc("who", "服务商", "the provider")
}

// reportSubmissionLimit reports SUBMISSION_LIMIT_EXCEEDED at website k,
// the first over the limit fact gives, set by who (the province, or the
// provider's console): count of what are in the submission.
func reportSubmissionLimit(pass *Pass, who Arg, fact provinces.Fact[int], k, count int, what Text) {
	who.Name = "who"
	pass.ReportFact(beian.Path("websites").Index(k), CodeSubmissionLimitExceeded, factSource(fact),
		who, Int("limit", fact.Value), Int("count", count), Arg{"what", what})
}

// filedBefore returns the websites and the Apps the subject filed before
// f, where f adds to them (a new-site filing): subject.filed_websites and
// filed_apps, 0 for other filing types (a new filing has none, the others
// change or move sites already counted) and when not given.
func filedBefore(f *beian.Filing) (websites, apps int) {
	if f.FilingType != beian.FilingAddSite {
		return 0, 0
	}
	return max(f.Subject.FiledWebsites, 0), max(f.Subject.FiledApps, 0)
}

// filedWebsites returns the websites of filedBefore.
func filedWebsites(f *beian.Filing) int {
	websites, _ := filedBefore(f)
	return websites
}

// checkOneDomainAfter reports a new-site filing of more than one domain
// by a subject that filed more websites before than the province's
// personal_one_domain_after or unit_one_domain_after (Jiangxi: 7 and 15):
// SUBMISSION_LIMIT_EXCEEDED at the first website over one domain.
func checkOneDomainAfter(pass *Pass, personal bool) {
	f := pass.Filing
	after := pass.Policy.UnitOneDomainAfter
	if personal {
		after = pass.Policy.PersonalOneDomainAfter
	}
	if after.Value <= 0 || filedWebsites(f) <= after.Value {
		return
	}
	k, n := firstOverDomains(pass, 1)
	if n <= 1 {
		return
	}
	filed := strconv.Itoa(after.Value)
	p := pass.Province
	who := Loc("who", p.Short+"对已备案网站超过"+filed+"个的主体", p.English+", for a subject that filed more than "+filed+" websites,")
	pass.ReportFact(beian.Path("websites").Index(k), CodeSubmissionLimitExceeded, factSource(after),
		who, Int("limit", 1), Int("count", n), Arg{"what", Text{"域名", "domain"}})
}

// firstOverDomains counts the distinct domains of the filing's websites,
// each by its registrable domain (a domain that does not parse by what is
// typed, DOMAIN_INVALID's), and returns the index of the website whose
// domain is the first over limit, and the count.
func firstOverDomains(pass *Pass, limit int) (first, count int) {
	seen := make(map[string]bool, limit+1)
	first = -1
	for i := range pass.Filing.Websites {
		for _, raw := range pass.Filing.Websites[i].Domains {
			if blank(raw) {
				continue
			}
			key := raw
			if d, err := pass.ParseDomain(raw); err == nil {
				key = d.ASCII()
			}
			if seen[key] {
				continue
			}
			seen[key] = true
			if count++; count > limit && first < 0 {
				first = i
			}
		}
	}
	return first, count
}

// plural returns the English noun for n of it.
func plural(n int, noun string) string {
	if n == 1 {
		return noun
	}
	return noun + "s"
}
