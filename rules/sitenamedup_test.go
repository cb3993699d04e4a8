package rules_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/provinces"
	"github.com/icpcheck/beian/rules"
)

// TestSiteNameDuplicate: Shaanxi refuses a website named as a filed
// website (UCloud 2024: 网站名称不能和已备案网站的名称相同); two websites of
// one filing with one name will be, once either is filed: a warning at the
// later one's name, related to the first. Names compare as the name rules
// read them: width, case, traditional forms and spaces do not count.
// Every province × both natures × pairs of names × three websites.
func TestSiteNameDuplicate(t *testing.T) {
	pairs := []struct {
		a, b string
		same bool
	}{
		{"示例科技官网", "示例科技官网", true},
		{"示例科技资讯", "示例科技資訊", true},
		{"示例 科技官网", "示例科技官网", true},
		{"Shili科技官网", "ＳＨＩＬＩ科技官网", true},
		{"示例科技官网", "示例科技商城", false},
		{"示例科技官网", "示例科技官网二", false},
	}
	for _, p := range provinces.All() {
		for _, personal := range []bool{false, true} {
			for _, pr := range pairs {
				f := cleanFiling()
				if personal {
					f = personalFiling(p.Code, "440304199203154320")
				}
				f.Province = p.Code
				// the pair, with another name between them
				f.Websites = []beian.Website{
					{Name: pr.a, Domains: []string{"d0.cn"}, PrincipalSameAsSubject: true},
					{Name: "另一个示例站点", Domains: []string{"d1.cn"}, PrincipalSameAsSubject: true},
					{Name: pr.b, Domains: []string{"d2.cn"}, PrincipalSameAsSubject: true},
				}
				var want []string
				if p.Code == "61" && pr.same {
					want = []string{"websites[2].name ~ websites[0].name warning"}
				}
				var got []string
				for _, r := range run(t, rules.SiteNameDuplicate, f) {
					s := string(r.Field) + " ~"
					for _, rel := range r.Related {
						s += " " + string(rel)
					}
					got = append(got, s+" "+r.Severity.String())
					assert.Equal(t, rules.CodeSiteNameDuplicate, r.Code)
				}
				assert.Equal(t, want, got, "%s personal=%v %q %q", p.Code, personal, pr.a, pr.b)
			}
		}
	}
	// Three of one name: each later one, related to the first.
	f := cleanFiling()
	f.Province = "61"
	f.Websites = nil
	for i := range 3 {
		f.Websites = append(f.Websites, beian.Website{Name: "示例科技官网", Domains: []string{fmt.Sprintf("d%d.cn", i)}, PrincipalSameAsSubject: true})
	}
	assert.Equal(t, []found{{"websites[1].name", rules.CodeSiteNameDuplicate}, {"websites[2].name", rules.CodeSiteNameDuplicate}},
		foundIn(run(t, rules.SiteNameDuplicate, f)))
}
