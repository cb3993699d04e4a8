package rules_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/provinces"
	"github.com/icpcheck/beian/rules"
	"github.com/icpcheck/beian/rules/names"
)

const siteName beian.Path = "websites[0].name"

// named returns the clean filing with its website renamed.
func named(name string) *beian.Filing {
	f := cleanFiling()
	f.Websites[0].Name = name
	return f
}

// personalFiling returns a personal filing in province with a website
// of the given name.
func personalSiteFiling(province, name string) *beian.Filing {
	f := named(name)
	f.Province = province
	f.Subject.Nature = beian.NaturePersonal
	f.Subject.Name = "张三"
	f.Subject.CertType = beian.CertIDCard
	f.Subject.CertNumber = "44030519900101123X"
	f.Subject.LegalRepresentative = ""
	f.Domains[0].HolderName = "张三"
	return f
}

// codesAt returns the codes rs reports for field, in order.
func codesAt(rs []rules.Rejection, field beian.Path) []rules.Code {
	var out []rules.Code
	for _, f := range foundIn(rs) {
		if f.Field == field {
			out = append(out, f.Code)
		}
	}
	return out
}

func TestSiteNameCleanFiling(t *testing.T) {
	assert.Empty(t, run(t, rules.SiteName, cleanFiling()))
}

// TestSiteNameReferenceRules classifies the examples of the reference's
// rules for every subject (ucloud-site-naming, tencent-reject-reasons,
// qingcloud-site-name, xinnet-site-name) as the reference does.
func TestSiteNameReferenceRules(t *testing.T) {
	tests := []struct {
		name  string
		site  string
		codes []rules.Code // at websites[0].name
	}{
		// At least three Chinese characters.
		{"three characters", "示例网", nil},
		{"two characters", "示例", []rules.Code{rules.CodeSiteNameTooShort}},
		{"one character and letters", "A站", []rules.Code{rules.CodeSiteNameTooShort}},
		{"spaces do not count", "示 例", []rules.Code{rules.CodeSiteNameTooShort}},
		{"traditional characters count", "示例網", nil},
		// Not pure digits, pure Latin letters, or the domain.
		{"pure digits", "12345678", []rules.Code{rules.CodeSiteNameNotChinese}},
		{"pure Latin letters", "Example Tech", []rules.Code{rules.CodeSiteNameNotChinese}},
		{"digits and letters", "abc123", []rules.Code{rules.CodeSiteNameNotChinese}},
		{"full-width letters", "ＥＸＡＭＰＬＥ", []rules.Code{rules.CodeSiteNameNotChinese}},
		{"letters with Chinese", "ABC示例科技", nil},
		{"the filing's domain", "shilikeji.cn", []rules.Code{rules.CodeSiteNameIsDomain}},
		{"the domain with www", "www.shilikeji.cn", []rules.Code{rules.CodeSiteNameIsDomain}},
		{"the domain as a URL", "https://shilikeji.cn/", []rules.Code{rules.CodeSiteNameIsDomain}},
		{"the domain in capitals", "SHILIKEJI.CN", []rules.Code{rules.CodeSiteNameIsDomain}},
		// The domain's name without its dots is that domain, and Latin
		// letters alone: both (outsider14's F10).
		{"the domain's name alone", "shilikeji", []rules.Code{rules.CodeSiteNameIsDomain, rules.CodeSiteNameNotChinese}},
		{"the domain's name alone, full width", "ＳＨＩＬＩＫＥＪＩ", []rules.Code{rules.CodeSiteNameIsDomain, rules.CodeSiteNameNotChinese}},
		{"another domain", "example.com", []rules.Code{rules.CodeSiteNameIsDomain}},
		{"a Chinese domain", "示例.中国", []rules.Code{rules.CodeSiteNameIsDomain}},
		{"a version number is no domain", "示例软件1.0版", []rules.Code{rules.CodeSiteNameSpecialChars}},
		// No special symbols.
		{"exclamation mark", "示例科技！官网", []rules.Code{rules.CodeSiteNameSpecialChars}},
		{"book title marks, one rejection each", "《示例》官网", []rules.Code{rules.CodeSiteNameSpecialChars, rules.CodeSiteNameSpecialChars}},
		{"emoji", "示例科技官网🚀", []rules.Code{rules.CodeSiteNameSpecialChars}},
		{"at sign", "示例@科技官网", []rules.Code{rules.CodeSiteNameSpecialChars}},
		{"kana", "示例科技の官网", []rules.Code{rules.CodeSiteNameSpecialChars}},
		{"parentheses, tolerated by some", "示例科技（深圳）官网", []rules.Code{rules.CodeSiteNameSpecialChars, rules.CodeSiteNameSpecialChars}},
		{"hyphen, tolerated by some", "示例-科技官网", []rules.Code{rules.CodeSiteNameSpecialChars}},
		{"middle dot of a foreign name", "示例·达·芬奇画廊", nil},
		{"space between words", "示例 ABC 科技", nil},
		// No sensitive words (the reference's four examples).
		{"反腐", "示例反腐网", []rules.Code{rules.CodeSiteNameSensitive}},
		{"赌博", "示例赌博网", []rules.Code{rules.CodeSiteNameSensitive}},
		{"廉政", "示例廉政网", []rules.Code{rules.CodeSiteNameSensitive}},
		{"色情", "示例色情网", []rules.Code{rules.CodeSiteNameSensitive}},
		{"disguised sensitive word", "示例賭\u3000博網", []rules.Code{rules.CodeSiteNameSensitive}},
		// Non-national units must not use national words as prefixes.
		{"中国", "中国示例网", []rules.Code{rules.CodeSiteNameBannedPrefix}},
		{"中华", "中华示例网", []rules.Code{rules.CodeSiteNameBannedPrefix}},
		{"中央", "中央示例网", []rules.Code{rules.CodeSiteNameBannedPrefix}},
		{"人民", "人民示例网", []rules.Code{rules.CodeSiteNameBannedPrefix}},
		{"人大", "人大示例网", []rules.Code{rules.CodeSiteNameBannedPrefix}},
		{"国家", "国家示例网", []rules.Code{rules.CodeSiteNameBannedPrefix}},
		{"全国 (QingCloud)", "全国示例网", []rules.Code{rules.CodeSiteNameBannedPrefix}},
		{"纪检 (Huawei)", "纪检示例网", []rules.Code{rules.CodeSiteNameBannedPrefix}},
		{"监察 (Huawei)", "监察示例网", []rules.Code{rules.CodeSiteNameBannedPrefix}},
		{"信访 (Huawei)", "信访示例网", []rules.Code{rules.CodeSiteNameBannedPrefix}},
		{"维权 (Huawei)", "维权示例网", []rules.Code{rules.CodeSiteNameBannedPrefix}},
		{"投诉 (Huawei)", "投诉示例网", []rules.Code{rules.CodeSiteNameBannedPrefix}},
		{"反腐 (Huawei) is a prefix and a sensitive word", "反腐示例网", []rules.Code{rules.CodeSiteNameBannedPrefix, rules.CodeSiteNameSensitive}},
		{"traditional prefix", "中國示例網", []rules.Code{rules.CodeSiteNameBannedPrefix}},
		{"prefix after a space", " 中国示例网", []rules.Code{rules.CodeSiteNameBannedPrefix}},
		{"the word inside the name is no prefix", "示例中国网", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rs := run(t, rules.SiteName, named(tt.site))
			assert.Equal(t, tt.codes, codesAt(rs, siteName), "%s", tt.site)
		})
	}
}

func TestSiteNameSeverities(t *testing.T) {
	tests := []struct {
		site string
		char string
		sev  rules.Severity
	}{
		{"示例科技！官网", "!", rules.Error},
		{"示例科技（深圳）官网", "(", rules.Warning},
		{"示例科技（深圳）官网", ")", rules.Warning},
		{"示例-科技官网", "-", rules.Warning},
	}
	for _, tt := range tests {
		rs := run(t, rules.SiteName, named(tt.site))
		var got []string
		for _, r := range rs {
			if r.Code == rules.CodeSiteNameSpecialChars && r.Severity == tt.sev {
				got = append(got, r.Args[0].Value.ZH)
			}
		}
		assert.Contains(t, got, tt.char, tt.site)
	}
}

func TestSiteNameMessagesNameTheProblem(t *testing.T) {
	rs := run(t, rules.SiteName, named("示例賭博網★"))
	args := map[rules.Code][]rules.Arg{}
	for _, r := range rs {
		args[r.Code] = r.Args
	}
	// The word as the dictionary has it, the symbol as typed.
	assert.Equal(t, []rules.Arg{rules.Str("word", "赌博")}, args[rules.CodeSiteNameSensitive])
	assert.Equal(t, []rules.Arg{rules.Str("char", "★")}, args[rules.CodeSiteNameSpecialChars])
	rs = run(t, rules.SiteName, named("示例"))
	require.Len(t, rs, 1)
	assert.Equal(t, found{siteName, rules.CodeSiteNameTooShort}, found{rs[0].Field, rs[0].Code})
	assert.Equal(t, []rules.Arg{rules.Int("count", 2)}, rs[0].Args)
}

// TestSiteNameNationalUnits checks the exemption from the prefix rule:
// a unit whose registered name starts with the word, and a government
// body for the state-function words.
func TestSiteNameNationalUnits(t *testing.T) {
	tests := []struct {
		name    string
		nature  beian.Nature
		subject string
		site    string
		want    bool // SITE_NAME_BANNED_PREFIX
	}{
		{"central enterprise named 中国…", beian.NatureEnterprise, "中国移动通信集团广东有限公司", "中国移动广东官网", false},
		{"local enterprise", beian.NatureEnterprise, "深圳市中华示例有限公司", "中华示例官网", true},
		{"national body named 国家…", beian.NatureGovernment, "国家税务总局深圳市税务局", "国家税务总局深圳市税务局网站", false},
		{"commission for discipline inspection", beian.NatureGovernment, "中共深圳市纪律检查委员会", "纪检监察网", false},
		{"government body, national word", beian.NatureGovernment, "深圳市人民政府", "人民政府门户网站", true},
		{"enterprise, state-function word", beian.NatureEnterprise, "深圳市示例科技有限公司", "信访示例网", true},
		{"person with a national word", beian.NaturePersonal, "中华", "中华的个人主页", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := named(tt.site)
			f.Subject.Nature = tt.nature
			f.Subject.Name = tt.subject
			rs := run(t, rules.SiteName, f)
			assert.Equal(t, tt.want, contains(codesAt(rs, siteName), rules.CodeSiteNameBannedPrefix), "%v", foundIn(rs))
		})
	}
}

func TestSiteNameSensitiveForGovernment(t *testing.T) {
	f := named("深圳廉政网")
	f.Subject.Nature = beian.NatureGovernment
	f.Subject.Name = "中共深圳市纪律检查委员会"
	f.Websites[0].Remark = "深圳廉政网为本单位网站"
	assert.Empty(t, run(t, rules.SiteName, f), "a government body may use the anti-corruption words")

	f.Websites[0].Name = "深圳廉政赌博网"
	assert.Equal(t, []rules.Code{rules.CodeSiteNameSensitive}, codesAt(run(t, rules.SiteName, f), siteName))
}

func TestSiteNameCallerWords(t *testing.T) {
	f := named("示例私服发布站")
	cfg := &rules.Config{Policies: provinces.DefaultPolicies(), Dictionary: names.DefaultDictionary().With("私服")}
	assert.Equal(t, []rules.Code{rules.CodeSiteNameSensitive}, codesAt(runWith(t, rules.SiteName, f, cfg), siteName))

	cfg = &rules.Config{Policies: provinces.DefaultPolicies(), SensitiveWords: []string{"私服"}}
	assert.Equal(t, []rules.Code{rules.CodeSiteNameSensitive}, codesAt(runWith(t, rules.SiteName, f, cfg), siteName),
		"without a compiled dictionary the words are compiled on the spot")

	assert.Empty(t, codesAt(run(t, rules.SiteName, f), siteName))
}

// TestSiteNamePersonal classifies the reference's personal naming rules
// (ucloud-site-naming, qingcloud-site-name, xinnet-site-name).
func TestSiteNamePersonal(t *testing.T) {
	national := []string{"个人空间", "爱好者", "博客", "导航", "工作室", "论坛", "平台", "热线", "社区", "社团", "网络", "网站", "网址", "主页", "资讯", "作品展示"}
	for _, w := range national {
		t.Run("national word "+w, func(t *testing.T) {
			rs := run(t, rules.SiteName, personalSiteFiling("44", "张三的"+w))
			assert.Contains(t, codesAt(rs, siteName), rules.CodeSiteNamePersonalRestricted)
		})
	}
	tests := []struct {
		name, province, site string
		want                 []rules.Code
		sev                  rules.Severity
	}{
		{"a plain personal name", "44", "张三的生活记录", nil, 0},
		{"bulletin-board words", "44", "张三的在线交流", []rules.Code{rules.CodeSiteNamePersonalRestricted, rules.CodeSiteNamePersonalRestricted}, rules.Error},
		{"enterprise information", "44", "张三公司官网", []rules.Code{rules.CodeSiteNamePersonalRestricted, rules.CodeSiteNamePersonalRestricted}, rules.Error},
		{"traditional characters", "44", "張三的論壇", []rules.Code{rules.CodeSiteNamePersonalRestricted}, rules.Error},
		{"public-interest word", "44", "张三的维权记录", []rules.Code{rules.CodeSiteNamePersonalRestricted}, rules.Error},
		{"Beijing's own word, an uncertain fact", "11", "张三的影评评论", []rules.Code{rules.CodeSiteNamePersonalRestricted}, rules.Warning},
		{"Jiangsu: the personal blog form", "32", "张三的个人博客", nil, 0},
		{"Jiangsu: the personal home page form", "32", "张三的个人主页", nil, 0},
		{"Jiangsu: another form", "32", "张三的生活记录", []rules.Code{rules.CodeSiteNamePersonalRestricted}, rules.Error},
		{"Jiangsu: the form alone", "32", "的个人博客", []rules.Code{rules.CodeSiteNamePersonalRestricted}, rules.Error},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rs := run(t, rules.SiteName, personalSiteFiling(tt.province, tt.site))
			assert.Equal(t, tt.want, codesAt(rs, siteName), "%v", foundIn(rs))
			for _, r := range rs {
				assert.Equal(t, tt.sev, r.Severity, r.Message(language.English))
			}
		})
	}
}

func TestSiteNameJiangsuMessage(t *testing.T) {
	rs := run(t, rules.SiteName, personalSiteFiling("32", "张三的生活记录"))
	require.Len(t, rs, 1)
	assert.Equal(t, found{siteName, rules.CodeSiteNamePersonalRestricted}, found{rs[0].Field, rs[0].Code})
	// The reason names both forms Jiangsu allows, in both languages.
	var zh, en strings.Builder
	for _, a := range rs[0].Args {
		zh.WriteString(a.Value.ZH)
		en.WriteString(a.Value.EN)
	}
	for _, form := range []string{"的个人博客", "的个人主页"} {
		assert.Contains(t, zh.String(), form)
		assert.Contains(t, en.String(), form)
	}
}

// TestSiteNameNeedsRemark checks the notice for a unit's site named after
// something other than the unit (tencent-reject-reasons: a project or
// product name is explained in the remark).
func TestSiteNameNeedsRemark(t *testing.T) {
	tests := []struct {
		name, subject, site, remark string
		want                        bool
	}{
		{"the unit's short name", "深圳市示例科技有限公司", "示例科技官网", "", false},
		{"the unit's full name", "深圳市示例科技有限公司", "深圳市示例科技有限公司", "", false},
		{"the unit's name in traditional characters", "深圳市示例科技有限公司", "示例科技官網", "", false},
		{"a product name", "深圳市示例科技有限公司", "极速云盘官网", "", true},
		{"a product name explained in the remark", "深圳市示例科技有限公司", "极速云盘官网", "极速云盘为本公司的产品", false},
		{"a remark that does not name the site", "深圳市示例科技有限公司", "极速云盘官网", "公司产品介绍", true},
		{"the region only", "深圳市示例科技有限公司", "深圳旅游网", "", true},
		{"the legal form only", "深圳市示例科技有限公司", "科技有限公司之家", "", true},
		{"the province name cut", "广东省示例实业有限公司", "示例实业官网", "", false},
		{"a parenthesised region", "示例科技（深圳）有限公司", "示例科技官网", "", false},
		{"Latin letters of the unit's name", "深圳市ABC信息技术有限公司", "ABC官方网站", "", false},
		{"a government body", "深圳市南山区人民政府", "南山区政府门户网站", "", false},
		{"a 超市, not a city", "好又多超市有限公司", "好又多超市网上商城", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := named(tt.site)
			f.Subject.Name = tt.subject
			f.Websites[0].Remark = tt.remark
			rs := run(t, rules.SiteName, f)
			assert.Equal(t, tt.want, contains(codesAt(rs, siteName), rules.CodeSiteNameNeedsRemark), "%v", foundIn(rs))
			for _, r := range rs {
				if r.Code == rules.CodeSiteNameNeedsRemark {
					assert.Equal(t, rules.Notice, r.Severity)
				}
			}
		})
	}

	f := personalSiteFiling("44", "张三的生活记录")
	assert.Empty(t, run(t, rules.SiteName, f), "personal sites need no remark")
	f = named("极速云盘官网")
	f.Subject.Name = ""
	assert.Empty(t, run(t, rules.SiteName, f), "a missing subject name is the fields rule's")
}

func TestSiteNameEveryWebsite(t *testing.T) {
	f := cleanFiling()
	f.Websites = append(f.Websites, beian.Website{Name: "示例", Domains: []string{"shilikeji.com"}, PrincipalSameAsSubject: true},
		beian.Website{Name: "", PrincipalSameAsSubject: true})
	assert.Equal(t, []found{{"websites[1].name", rules.CodeSiteNameTooShort}}, foundIn(run(t, rules.SiteName, f)))
}

func contains(codes []rules.Code, c rules.Code) bool {
	for _, x := range codes {
		if x == c {
			return true
		}
	}
	return false
}
