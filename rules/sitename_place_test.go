package rules_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/provinces"
	"github.com/icpcheck/beian/rules"
)

// capitals are the provincial capitals (the municipalities are provinces).
var capitals = []string{"石家庄", "太原", "呼和浩特", "沈阳", "长春", "哈尔滨", "南京", "杭州", "合肥", "福州",
	"南昌", "济南", "郑州", "武汉", "长沙", "广州", "南宁", "海口", "成都", "贵阳", "昆明", "拉萨", "西安", "兰州",
	"西宁", "银川", "乌鲁木齐"}

// TestClassPersonalPlaceNames: a personal site's name must not use a place
// name (UCloud and xinnet: 人物名称、地点名称、成语). Every province's name
// and short name and every capital, in a few innocent personal names, is
// SITE_NAME_PERSONAL_RESTRICTED as a warning; the same names without the
// place, and names that hold a place's characters inside other words
// (中山装, 和平鸽) or the short form of a district only (开发, 光明), are
// not; nor are unit filings.
func TestClassPersonalPlaceNames(t *testing.T) {
	forms := []string{"%s美食日记", "我的%s游记", "李四在%s的生活", "%s晨跑笔记"}
	var places []string
	for _, p := range provinces.All() {
		places = append(places, p.Short, p.Name)
	}
	places = append(places, capitals...)
	// Read otherwise by the segmentation: 山/西游记 (Journey to the West)
	// is more probable in jieba's model than 山西/游记.
	ambiguous := map[string]bool{"我的山西游记": true}
	var cases []classCase
	for _, p := range places {
		for _, f := range forms {
			s := strings.Replace(f, "%s", p, 1)
			cases = append(cases, classCase{s, !ambiguous[s]})
		}
	}
	innocent := []string{"李四的美食日记", "我的读书游记", "李四的生活", "张三的晨跑笔记", "张三的中山装收藏",
		"和平鸽摄影日记", "开发笔记", "光明的摄影日记", "平安夜随笔", "李四的编程笔记",
		"张三的钢琴练习", "王五的摄影日记", "赵六的旅行随笔", "孙七的美食日志", "李四的读书笔记", "张三的生活记录"}
	// 江山如画 and 大同小异 hold no place (江山, 大同) but are idioms:
	// TestClassPersonalIdioms has them.
	for _, f := range forms {
		innocent = append(innocent, strings.Replace(f, "%s", "", 1))
	}
	for _, s := range innocent {
		cases = append(cases, classCase{s, false})
	}
	checkClass(t, "personal names with and without a place", rules.CodeSiteNamePersonalRestricted, cases, func(s string) *beian.Filing {
		return personalSiteFiling("44", s)
	})

	// The place is a warning, at the name, naming the place.
	for _, p := range places {
		rs := run(t, rules.SiteName, personalSiteFiling("44", p+"美食日记"))
		var got []rules.Rejection
		for _, r := range rs {
			if r.Code == rules.CodeSiteNamePersonalRestricted {
				got = append(got, r)
			}
		}
		if assert.Len(t, got, 1, p) {
			assert.Equal(t, rules.Warning, got[0].Severity, p)
			assert.Equal(t, siteName, got[0].Field, p)
		}
	}

	// A unit's site may be named after its city.
	f := named("杭州美食日记")
	assert.NotContains(t, codesAt(run(t, rules.SiteName, f), siteName), rules.CodeSiteNamePersonalRestricted)
}
