package validatetest

import (
	"fmt"
	"slices"
	"strings"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/provinces"
	"github.com/icpcheck/beian/rules"
)

// build makes the valid filing the options start from.
func (b *builder) build() *beian.Filing {
	prov, seed := b.province, b.seed
	certProv := b.certProvince
	if certProv.IsZero() {
		certProv = prov
	}
	person := personName(seed)
	personID := idNumber(certProv.Code, seed)
	if b.nature != beian.NaturePersonal {
		// The principal of a unit is a person of the filing province.
		personID = idNumber(prov.Code, seed)
	}
	domains := make([]string, b.websites)
	for i := range domains {
		domains[i] = domainName(prov, b.nature, seed, i)
	}
	f := &beian.Filing{
		FilingType:  beian.FilingNew,
		Province:    prov.Code,
		SubmittedAt: b.submitted,
		Subject: beian.Subject{
			Nature:      b.nature,
			CertAddress: certProv.Name + "示例路" + fmt.Sprint(seed+1) + "号",
			Principal: beian.Principal{
				Name:                  person,
				CertType:              beian.CertIDCard,
				CertNumber:            personID,
				Mobile:                mobile(prov.Code, seed),
				Phone:                 landline(prov.Code, seed),
				EmergencyPhone:        mobile(prov.Code, (seed+5000)%10000),
				Email:                 "contact@" + domains[0],
				IsLegalRepresentative: b.nature != beian.NaturePersonal,
			},
		},
	}
	s := &f.Subject
	if b.nature == beian.NaturePersonal {
		s.Name = person
		s.CertType = beian.CertIDCard
		s.CertNumber = personID
	} else {
		s.Name = unitName(certProv, b.nature, seed)
		s.CertType = beian.CertUSCC
		s.CertNumber = usccNumber(b.nature, certProv.Code, seed)
		s.LegalRepresentative = person
	}
	for i, d := range domains {
		f.Websites = append(f.Websites, beian.Website{
			Name:                   siteName(prov, b.nature, person, i),
			Domains:                []string{d},
			ContentCategories:      []beian.ContentCategory{},
			PreApprovals:           []beian.PreApproval{},
			PrincipalSameAsSubject: true,
			Remark:                 siteRemark(prov, b.nature),
		})
		f.Domains = append(f.Domains, beian.DomainRecord{
			Domain:           d,
			HolderName:       s.Name,
			HolderCertType:   s.CertType,
			HolderCertNumber: s.CertNumber,
			VerifiedAt:       b.submitted.AddDays(-60),
			ExpiresAt:        b.submitted.AddMonths(24),
		})
	}
	f.Documents = documents(prov.Code, b.nature, b.websites)
	pol, _ := provinces.DefaultPolicies().For(prov.Code)
	if b.nature == beian.NaturePersonal && pol.PersonalPledgeRequired.Value {
		s.Remark = rules.PersonalPledge
	}
	if overSubmissionLimits(pol, b.nature, b.websites) {
		// More websites or domains than one new filing may add there
		// (Hunan, Hubei, Shanxi, Henan, Hainan): sites filed before,
		// moving to this provider.
		f.FilingType = beian.FilingAddAccess
	}
	return f
}

// overSubmissionLimits reports whether a new filing of n websites, each
// with a domain of its own, would add more websites or domains than the
// province's policy lets one submission add.
func overSubmissionLimits(pol provinces.Policy, nature beian.Nature, n int) bool {
	over := func(limit int) bool { return limit > 0 && n > limit }
	if over(pol.WebsitesPerSubmission.Value) {
		return true
	}
	if nature == beian.NaturePersonal {
		return over(pol.PersonalFirstFilingDomains.Value)
	}
	return over(pol.UnitDomainsPerSubmission.Value)
}

// documents returns the uploads of a complete filing: every document the
// requirements table (rules.DocumentRequirements) asks always of a
// subject of nature n in the province, for each website where the owner
// is a website, plus the verification form (真实性核验单) and the
// principal's photo that consoles collect everywhere.
func documents(province string, n beian.Nature, websites int) []beian.Document {
	img := func(kind beian.DocumentKind, owner string) beian.Document {
		d := beian.Document{Kind: kind, Owner: owner, Format: "jpeg", Width: 1600, Height: 1200, SizeBytes: 350_000}
		if kind == beian.DocVerificationForm || kind == beian.DocCommitmentLetter {
			d.Format, d.Width, d.Height, d.SizeBytes = "png", 1240, 1754, 420_000
		}
		return d
	}
	docs := []beian.Document{
		img(beian.DocVerificationForm, "subject"),
		img(beian.DocPhoto, "subject.principal"),
	}
	have := func(kind beian.DocumentKind, owner string) bool {
		for _, d := range docs {
			if d.Kind == kind && d.Owner == owner {
				return true
			}
		}
		return false
	}
	for _, q := range rules.DocumentRequirements() {
		switch {
		case q.When != "always" || q.By != "":
			continue
		case q.Natures == "personal" && n != beian.NaturePersonal, q.Natures == "unit" && !n.IsUnit():
			continue
		case len(q.Provinces) > 0 && !slices.Contains(q.Provinces, province):
			continue
		}
		owners := []string{q.Owner}
		if strings.HasPrefix(q.Owner, "websites[]") || strings.HasPrefix(q.Owner, "domains[]") {
			owners = owners[:0]
			for i := 0; i < websites; i++ {
				owners = append(owners, strings.Replace(q.Owner, "[]", fmt.Sprintf("[%d]", i), 1))
			}
		}
		for _, o := range owners {
			if !have(q.Kind, o) {
				docs = append(docs, img(q.Kind, o))
			}
		}
	}
	return docs
}

// people are the persons' names the builder uses: common names that no
// rule objects to.
var people = [...]string{"张伟", "王芳", "李娜", "刘洋", "陈静", "杨磊", "赵敏", "黄涛", "周杰", "吴霞"}

// otherNames are persons other than the principal.
var otherNames = [...]string{"孙丽", "马超", "朱琳", "胡军", "郭燕", "林峰", "何平", "高洁", "罗斌", "梁红"}

func personName(seed int) string  { return people[seed%len(people)] }
func otherPerson(seed int) string { return otherNames[seed%len(otherNames)] }

// unitWords gives each unit nature a name ending that reads as one.
var unitWords = map[beian.Nature]string{
	beian.NatureEnterprise:           "科技有限公司",
	beian.NatureGovernment:           "数据管理局",
	beian.NatureInstitution:          "信息中心",
	beian.NatureSocialGroup:          "行业协会",
	beian.NaturePrivateNonEnterprise: "社会服务中心",
	beian.NatureFoundation:           "公益基金会",
	beian.NatureLawFirm:              "律师事务所",
	beian.NatureMilitary:             "后勤服务中心",
	beian.NatureOther:                "服务社",
}

// unitName returns a unit's registered name: the province, a distinct
// core and the nature's ending, such as 广东省示例三科技有限公司.
func unitName(p provinces.Province, n beian.Nature, seed int) string {
	return p.Name + "示例" + chineseNumber(seed) + unitWords[n]
}

// siteName returns the name of website i: a personal site after its
// owner, in the form the province prescribes when it does (江苏:
// 张伟的个人博客, 张伟的个人主页, its 某某 the person's name alone: 张伟摄影
// would be a studio's) and else without the words personal sites may not
// use (张伟的读书笔记); a unit's site after the unit's name (示例官方网站).
func siteName(p provinces.Province, n beian.Nature, person string, i int) string {
	if n != beian.NaturePersonal {
		return "示例" + chineseNumber(i) + "官方网站"
	}
	topics := [...]string{"读书", "旅行", "摄影", "烹饪", "园艺", "书法", "围棋", "跑步", "钓鱼"}
	if pol, ok := provinces.DefaultPolicies().For(p.Code); ok && len(pol.PersonalNameForms.Value) > 0 {
		forms := pol.PersonalNameForms.Value
		return person + forms[i%len(forms)]
	}
	return person + "的" + topics[i] + "笔记"
}

// chineseNumber writes n (0 to 9999) in Chinese digits, empty for 0, so
// that names stay Chinese text.
func chineseNumber(n int) string {
	if n == 0 {
		return ""
	}
	const digits = "〇一二三四五六七八九"
	d := []rune(digits)
	var out []rune
	for _, c := range fmt.Sprint(n) {
		out = append(out, d[c-'0'])
	}
	return string(out)
}

// domainName returns website i's domain: ASCII, on .cn (.gov.cn for a
// government body, which must use it), unique per province, nature, seed
// and website.
func domainName(p provinces.Province, n beian.Nature, seed, i int) string {
	suffix := ".cn"
	if n == beian.NatureGovernment {
		suffix = ".gov.cn"
	}
	return fmt.Sprintf("shili-%s-%c%d-%d%s", p.Pinyin, natureLetter[n]+'a'-'A', seed, i, suffix)
}

// mobile returns a mobile of a China Mobile segment of the province: the
// province's 7-digit prefix and four digits from the seed.
func mobile(province string, seed int) string {
	return mobileSegments()[province] + fmt.Sprintf("%04d", seed)
}

// landline returns an office phone of the provincial capital.
func landline(province string, seed int) string {
	a := areaCodes[province]
	return fmt.Sprintf("%s-%s%0*d", a.code, "6", a.digits-1, seed%pow10(a.digits-1))
}

func pow10(n int) int {
	p := 1
	for ; n > 0; n-- {
		p *= 10
	}
	return p
}

// siteRemark returns a website's remark: a person's describes the site's
// content, as the provinces ask (personal_remark_required), with the
// emergency phone's user where the province wants it.
func siteRemark(p provinces.Province, n beian.Nature) string {
	r := emergencyRemark(p, n)
	if n != beian.NaturePersonal {
		return r
	}
	if r != "" {
		r = "；" + r
	}
	return "记录个人读书笔记和旅行见闻" + r
}

// emergencyRemark returns the remark a service needs in a province that
// wants it to say whose the emergency phone is (Tianjin), "" elsewhere.
func emergencyRemark(p provinces.Province, n beian.Nature) string {
	pol, ok := provinces.DefaultPolicies().For(p.Code)
	if !ok || !pol.EmergencyRemarkRequired.Value {
		return ""
	}
	if n == beian.NaturePersonal {
		return "应急联系电话使用人为负责人的父亲赵大山"
	}
	return "应急联系电话使用人为本单位员工赵小明"
}
