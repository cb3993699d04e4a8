package rules_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/rules"
)

// argOf returns the value of the argument name of r.
func argOf(r rules.Rejection, name string) string {
	for _, a := range r.Args {
		if a.Name == name {
			return a.Value.ZH
		}
	}
	return ""
}

// TestHomophoneNames: a sensitive word written with homophones in a site
// name and in an App's name is SITE_NAME_SENSITIVE naming the listed word,
// its span the stretch as typed: an error for a word of three characters
// or more (六和彩 for 六合彩), a warning for one of two with one replaced
// (睹博 for 赌博: 读博, to study for a doctorate, is innocent and sounds
// the same); the innocent names the names package excuses (首都博物馆, the
// person 杜博, a shop opened by a person's name: 史时/彩板 sounds as 时时彩)
// get nothing.
func TestHomophoneNames(t *testing.T) {
	for _, c := range []struct {
		name, word, typed string
		sev               rules.Severity
	}{
		{"示例睹博资讯网", "赌博", "睹博", rules.Warning},
		{"六和彩开奖网", "六合彩", "六和彩", rules.Error},
		{"法仑功学习网", "法轮功", "法仑功", rules.Error},
		{"色晴视频网", "色情", "色晴", rules.Warning},
		{"我的睹博日记", "赌博", "睹博", rules.Warning},
		{"搏彩资讯网", "博彩", "搏彩", rules.Warning}, // jieba's count-3 word: the disguise itself
		{"低下钱庄网", "地下钱庄", "低下钱庄", rules.Error},
		{"禄合彩开奖网", "六合彩", "禄合彩", rules.Error},   // a person's name, but no shop's
		{"时时采科技工作室", "时时彩", "时时采", rules.Error}, // the word's own 时 spells the surname
	} {
		f := cleanFiling()
		f.Websites[0].Name = c.name
		var found *rules.Rejection
		for _, r := range run(t, rules.SiteName, f) {
			if r.Code == rules.CodeSiteNameSensitive {
				found = &r
				break
			}
		}
		require.NotNil(t, found, c.name)
		assert.Equal(t, c.sev, found.Severity, c.name)
		assert.Equal(t, c.word, argOf(*found, "word"), c.name)
		assert.Equal(t, c.typed, c.name[found.Span.Start:found.Span.End], c.name)
		if c.sev == rules.Warning {
			assert.Contains(t, argOf(*found, "reading"), c.typed, c.name)
		}

		app := appNameFiling(beian.AppMiniProgram, beian.PlatformWeChat, c.name, exampleSubject, beian.NatureEnterprise)
		assert.Equal(t, []sevFound{{nameAt, rules.CodeSiteNameSensitive, c.sev}},
			appNameFinds(t, rules.AppName, app, rules.CodeSiteNameSensitive), "App %s", c.name)
	}
	// Shops' names opened by a person's name (BEIAN_EXHAUSTIVE
	// TestOrdinaryNames in package names: surname, given name, industry).
	for _, name := range []string{"首都博物馆之友", "杜博的博客", "景色清幽摄影",
		"史时彩板工作室", "禄合彩钢工作室", "万俟彩南网站店", "淳于春耀生物店", "单于亲色内衣店", "钟离波彩果业店", "百里代云广告店",
		// ordinary words that sound like a listed one
		"我的读博日记", "约跑团", "代运物流", "援教志愿者", "博才学校", "代烤蛋糕坊"} {
		f := cleanFiling()
		f.Websites[0].Name = name
		for _, r := range run(t, rules.SiteName, f) {
			assert.NotEqual(t, rules.CodeSiteNameSensitive, r.Code, "%s: %+v", name, r)
		}
	}
}
