package rules_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"golang.org/x/text/language"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/rules"
)

// TestRemarkHints (outsider18's F7): a website's or App's remark, the
// filing's statement of what the site holds, that names a pre-approval
// industry gets CONTENT_PRE_APPROVAL_HINT at the remark, as a name does
// (the providers check the finance words against the site's content:
// 单位名称、经营范围、网站名称、网站内容); a clause that denies the content
// does not, nor a category the entry declares, nor one its name was
// warned of. Words of every category × affirming and denying remarks ×
// unit and personal × website and App.
func TestRemarkHints(t *testing.T) {
	words := map[beian.ContentCategory][]string{
		beian.ContentFinance:             {"金融", "理财", "网络借贷", "基金", "支付", "众筹"},
		beian.ContentNews:                {"新闻", "时报"},
		beian.ContentPublishing:          {"网络游戏", "网络文学", "电子书"},
		beian.ContentCulture:             {"直播", "动漫"},
		beian.ContentRadioFilmTV:         {"影视", "视听"},
		beian.ContentDrugsMedicalDevices: {"药品", "医疗器械"},
		beian.ContentEducation:           {"教育", "家教"},
		beian.ContentHealthcare:          {"医院", "诊所"},
	}
	affirming := []string{"本网站提供{w}相关资讯", "记录个人读书笔记，分享{w}经验", "展示{w}信息", "{w}",
		"本网站不涉及出版，提供{w}资讯", "网站不含广告; {w}知识分享"} // a denial reaches the end of its clause only
	denying := []string{
		"本网站为企业展示网站，不涉及{w}、新闻、出版等前置审批内容",
		"网站内容不包含{w}",
		"没有{w}相关内容",
		"无任何{w}服务。仅展示公司简介",
		"本站不提供{w}和在线支付",
	}
	n := 0
	for c, ws := range words {
		for _, w := range ws {
			for _, personal := range []bool{false, true} {
				for _, app := range []bool{false, true} {
					for _, tmpl := range append(affirming, denying...) {
						remark := strings.ReplaceAll(tmpl, "{w}", w)
						deny := !strings.Contains(strings.Join(affirming, "|"), tmpl)
						for _, declared := range []bool{false, true} {
							f := cleanFiling()
							if personal {
								f = personalFiling("44", "440304199203154320")
							}
							at := beian.Path("websites[0].remark")
							if app {
								f.Websites = nil
								f.Apps = []beian.App{{Name: "示例应用", Remark: remark}}
								at = "apps[0].remark"
								if declared {
									f.Apps[0].ContentCategories = []beian.ContentCategory{c}
								}
							} else {
								f.Websites[0].Remark = remark
								if declared {
									f.Websites[0].ContentCategories = []beian.ContentCategory{c}
								}
							}
							var got []string
							for _, r := range withCode(run(t, rules.Content, f), rules.CodeContentPreApprovalHint) {
								got = append(got, string(r.Field)+" "+argEN(r, "category"))
							}
							var want []string
							if !deny && !declared {
								want = []string{string(at) + " " + c.Label(language.English)}
							}
							if !assert.Equal(t, want, got, "%q personal=%v app=%v declared=%v", remark, personal, app, declared) {
								continue
							}
							n++
						}
					}
				}
			}
		}
	}
	t.Logf("%d cases", n)
}

// TestRemarkHintOncePerCategory: a category the name was warned of is
// not warned of again at the remark; another category is.
func TestRemarkHintOncePerCategory(t *testing.T) {
	f := cleanFiling()
	f.Websites[0].Name = "示例理财资讯网"
	f.Websites[0].Remark = "提供理财和基金资讯，以及网络游戏攻略"
	assert.Equal(t, []found{
		{"websites[0].name", rules.CodeContentPreApprovalHint},
		{"websites[0].remark", rules.CodeContentPreApprovalHint},
	}, foundIn(withCode(run(t, rules.Content, f), rules.CodeContentPreApprovalHint)))
}

// TestRemarkHintLongRemark: a remark is read as far as the filing system
// takes it, not a name's length: the hint in a clause past the 120th
// character is found; one past the remark's limit is not read.
func TestRemarkHintLongRemark(t *testing.T) {
	filler := strings.Repeat("记录日常生活与学习心得", 12) // 132 characters
	for _, c := range []struct {
		remark string
		want   int
	}{
		{filler + "，提供理财资讯", 1},
		{strings.Repeat(filler, 8) + "，提供理财资讯", 0}, // past 1,000 characters
	} {
		f := cleanFiling()
		f.Websites[0].Remark = c.remark
		assert.Len(t, withCode(run(t, rules.Content, f), rules.CodeContentPreApprovalHint), c.want, "%d runes", len([]rune(c.remark)))
	}
}
