package rules_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/icpcheck/beian/rules"
)

// TestSiteNameDotBetweenWords: a dot between Chinese words is a domain's
// only when what follows it is a top-level domain a registry runs (中国,
// 公司, 网络, 在线, 商城): 示例科技.官网 holds a symbol (SITE_NAME_SPECIAL_CHARS,
// whose fix removes it), 示例科技.中国 is SITE_NAME_IS_DOMAIN, with the dots
// a domain is typed with (. ．; 。 between Chinese words is a full stop, a
// symbol) after names of several lengths
// (outsider15's F7: 37 such names were called domains).
func TestSiteNameDotBetweenWords(t *testing.T) {
	tlds := []string{"中国", "公司", "网络", "在线", "商城"}
	notTLDs := []string{"官网", "科技", "资讯", "服务中心", "博科技"}
	heads := []string{"示例科技", "示例", "深圳示例科技"}
	dots := []string{".", "。", "．"}
	for _, head := range heads {
		for _, dot := range dots {
			for _, tail := range append(append([]string{}, tlds...), notTLDs...) {
				name := head + dot + tail
				f := cleanFiling()
				f.Websites[0].Name = name
				rs := run(t, rules.SiteName, f)
				codes := map[rules.Code]bool{}
				for _, r := range rs {
					codes[r.Code] = true
				}
				isTLD := false
				for _, x := range tlds {
					isTLD = isTLD || x == tail
				}
				// 。 between Chinese words is a full stop, a symbol, unless
				// the name is one of the filing's domains so written.
				if isTLD && dot != "。" {
					assert.True(t, codes[rules.CodeSiteNameIsDomain], "%s: a domain", name)
					continue
				}
				assert.False(t, codes[rules.CodeSiteNameIsDomain], "%s: no domain", name)
				assert.True(t, codes[rules.CodeSiteNameSpecialChars], "%s: a symbol", name)
				for _, r := range rs {
					if r.Code == rules.CodeSiteNameSpecialChars {
						assert.Len(t, r.Fixes, 1, "%s: the fix removes the dot", name)
					}
				}
			}
		}
	}
}
