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

// TestHomophoneNames: a sensitive word written with homophones (睹博 for
// 赌博) in a site name and in an App's name is SITE_NAME_SENSITIVE, an
// error naming the listed word, its span the stretch as typed; the
// innocent names the names package excuses (首都博物馆, the person 杜博)
// are not.
func TestHomophoneNames(t *testing.T) {
	for _, c := range []struct{ name, word, typed string }{
		{"示例睹博资讯网", "赌博", "睹博"},
		{"六和彩开奖网", "六合彩", "六和彩"},
		{"法仑功学习网", "法轮功", "法仑功"},
		{"色晴视频网", "色情", "色晴"},
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
		assert.Equal(t, rules.Error, found.Severity, c.name)
		assert.Equal(t, c.word, argOf(*found, "word"), c.name)
		assert.Equal(t, c.typed, c.name[found.Span.Start:found.Span.End], c.name)

		app := appNameFiling(beian.AppMiniProgram, beian.PlatformWeChat, c.name, exampleSubject, beian.NatureEnterprise)
		assert.Equal(t, []sevFound{{nameAt, rules.CodeSiteNameSensitive, rules.Error}},
			appNameFinds(t, rules.AppName, app, rules.CodeSiteNameSensitive), "App %s", c.name)
	}
	for _, name := range []string{"首都博物馆之友", "杜博的博客", "景色清幽摄影"} {
		f := cleanFiling()
		f.Websites[0].Name = name
		for _, r := range run(t, rules.SiteName, f) {
			assert.NotEqual(t, rules.CodeSiteNameSensitive, r.Code, "%s: %+v", name, r)
		}
	}
}
