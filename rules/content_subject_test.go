package rules_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/rules"
)

// financeTriggers are the finance keywords UCloud and Tencent check
// against the unit's name, business scope, site name and content
// (icp-rules.md §2.3).
var financeTriggers = []string{"交易所", "交易中心", "金融", "资产管理", "理财", "基金", "基金管理", "投资管理",
	"财富管理", "股权投资基金", "网贷", "网络借贷", "P2P", "股权众筹", "互联网保险", "支付"}

// TestSubjectNamePreApprovalHint: a unit's registered name holding a
// pre-approval industry's word is CONTENT_PRE_APPROVAL_HINT (a warning) at
// subject.name, once per category, unless a website or App of the filing
// declares the category or holds its approval; every finance trigger ×
// where the category is covered, a word of each other category, and
// innocent unit names and personal filings.
func TestSubjectNamePreApprovalHint(t *testing.T) {
	type cover int
	const (
		none cover = iota
		siteDeclares
		siteApproved
		secondSiteDeclares
		appDeclares
		otherCategory
	)
	covers := []struct {
		name string
		c    cover
		hint bool
	}{
		{"undeclared", none, true},
		{"declared by the site", siteDeclares, false},
		{"approved on the site", siteApproved, false},
		{"declared by a second site", secondSiteDeclares, false},
		{"declared by an App", appDeclares, false},
		{"another category declared", otherCategory, true},
	}
	build := func(name string, c cover, category beian.ContentCategory) *beian.Filing {
		f := cleanFiling()
		f.Subject.Name = name
		approval := []beian.PreApproval{{Category: category, Number: "京ICP证000001号", Document: true}}
		switch c {
		case siteDeclares:
			f.Websites[0].ContentCategories = []beian.ContentCategory{category}
		case siteApproved:
			f.Websites[0].PreApprovals = approval
		case secondSiteDeclares:
			f.Websites = append(f.Websites, beian.Website{Name: "示例资讯", Domains: []string{"shilikeji.com"}, PrincipalSameAsSubject: true,
				ContentCategories: []beian.ContentCategory{category}, PreApprovals: approval})
		case appDeclares:
			f.Apps = []beian.App{{Type: beian.AppNative, Name: "示例", PrincipalSameAsSubject: true,
				ContentCategories: []beian.ContentCategory{category}, PreApprovals: approval}}
		case otherCategory:
			other := beian.ContentNews
			if category == other {
				other = beian.ContentFinance
			}
			f.Websites[0].ContentCategories = []beian.ContentCategory{other}
			f.Websites[0].PreApprovals = []beian.PreApproval{{Category: other, Number: "1", Document: true}}
		}
		return f
	}
	check := func(t *testing.T, f *beian.Filing, want bool) {
		t.Helper()
		var got []rules.Rejection
		for _, r := range run(t, rules.Content, f) {
			if r.Field == "subject.name" {
				got = append(got, r)
			}
		}
		if !want {
			assert.Empty(t, got)
			return
		}
		if assert.Len(t, got, 1) {
			assert.Equal(t, rules.CodeContentPreApprovalHint, got[0].Code)
			assert.Equal(t, rules.Warning, got[0].Severity)
			assert.NotEmpty(t, got[0].Source.Key)
		}
	}
	for _, w := range financeTriggers {
		for _, cv := range covers {
			name := "深圳市示例" + w + "有限公司"
			t.Run(name+"/"+cv.name, func(t *testing.T) { check(t, build(name, cv.c, beian.ContentFinance), cv.hint) })
		}
	}
	others := []struct {
		name     string
		category beian.ContentCategory
	}{
		{"深圳市示例新闻有限公司", beian.ContentNews},
		{"深圳市示例游戏科技有限公司", beian.ContentPublishing},
		{"深圳市示例医疗器械有限公司", beian.ContentDrugsMedicalDevices},
		{"深圳市示例影视有限公司", beian.ContentRadioFilmTV},
	}
	for _, o := range others {
		for _, cv := range covers {
			t.Run(o.name+"/"+cv.name, func(t *testing.T) { check(t, build(o.name, cv.c, o.category), cv.hint) })
		}
	}
	// Several words of one category: one warning.
	t.Run("two finance words", func(t *testing.T) {
		check(t, build("深圳市示例基金管理理财有限公司", none, beian.ContentFinance), true)
	})
	// Innocent unit names, and a person's name.
	for _, name := range []string{"深圳市示例科技有限公司", "南京市示例软件开发有限公司", "示例建材贸易有限公司", "上海示例物流有限公司", "杭州示例网络科技有限公司"} {
		t.Run(name, func(t *testing.T) { check(t, build(name, none, beian.ContentFinance), false) })
	}
	t.Run("personal", func(t *testing.T) {
		f := personalFiling("44", "44030519900101123X")
		f.Subject.Name = "金融"
		check(t, f, false)
	})
}
