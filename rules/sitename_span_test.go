package rules_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/rules"
)

// TestSiteNameSpans: each site-name rejection locates its problem in the
// name as typed — a disguised word with what is inserted in it, a symbol
// (an emoji is two UTF-16 units), a banned prefix with its separators —
// also when the text rule removed invisible characters first.
func TestSiteNameSpans(t *testing.T) {
	tests := []struct {
		name string
		code rules.Code
		want string // the name's bytes the span covers
		s16  int    // where it starts in UTF-16 units
	}{
		{"示例赌★博网", rules.CodeSiteNameSensitive, "赌★博", 2},
		{"示例賭-博网", rules.CodeSiteNameSensitive, "賭-博", 2},
		{"𠀀示例ＢＯ彩网站", rules.CodeSiteNameSpecialChars, "", 0}, // no symbol: checked below
		{"示例😀科技网", rules.CodeSiteNameSpecialChars, "😀", 2},
		{"中·国示例网", rules.CodeSiteNameBannedPrefix, "中·国", 0},
		{"示例赌\u200b博网", rules.CodeSiteNameSensitive, "赌\u200b博", 2},
		{"𠀀示例博彩网", rules.CodeSiteNameSensitive, "博彩", 4},
	}
	for _, tt := range tests {
		if tt.want == "" {
			continue
		}
		f := cleanFiling()
		f.Websites[0].Name = tt.name
		var found *rules.Rejection
		for _, r := range run(t, rules.SiteName, f) {
			if r.Code == tt.code {
				found = &r
				break
			}
		}
		require.NotNil(t, found, "%s: no %s", tt.name, tt.code)
		require.False(t, found.Span.IsZero(), "%s: %s has no span", tt.name, tt.code)
		assert.Equal(t, tt.want, tt.name[found.Span.Start:found.Span.End], "%s: %s", tt.name, tt.code)
		assert.Equal(t, tt.s16, found.Span.Start16, "%s: %s", tt.name, tt.code)
	}
}

// TestSiteNameSymbolFix: removing a name's symbols is offered only when
// the name left passes the naming rules.
func TestSiteNameSymbolFix(t *testing.T) {
	tests := []struct {
		name, fixed string // fixed: "" when no fix may be offered
		nature      beian.Nature
	}{
		{"示例科技★官网", "示例科技官网", beian.NatureEnterprise},
		{"示例科技（官网）", "示例科技官网", beian.NatureEnterprise},
		{"《示例》 科技 官网", "示例 科技 官网", beian.NatureEnterprise},
		{"赌★博资讯网", "", beian.NatureEnterprise}, // the symbol hid a sensitive word
		{"中★国示例网", "", beian.NatureEnterprise}, // a banned prefix appears
		{"示★例", "", beian.NatureEnterprise},    // two Chinese characters left
		{"张三★论坛", "", beian.NaturePersonal},    // a word personal sites may not use
		{"张三的★生活记录", "张三的生活记录", beian.NaturePersonal},
	}
	for _, tt := range tests {
		f := cleanFiling()
		if tt.nature == beian.NaturePersonal {
			f = personalFiling("44", "440304199203154320")
		}
		f.Websites[0].Name = tt.name
		var fixes []rules.Fix
		seen := false
		for _, r := range run(t, rules.SiteName, f) {
			if r.Code == rules.CodeSiteNameSpecialChars {
				seen = true
				fixes = append(fixes, r.Fixes...)
			}
		}
		require.True(t, seen, "%s: no symbol reported", tt.name)
		if tt.fixed == "" {
			assert.Empty(t, fixes, tt.name)
			continue
		}
		require.NotEmpty(t, fixes, tt.name)
		for _, fix := range fixes {
			assert.Equal(t, tt.fixed, fix.Value, tt.name)
			assert.Equal(t, beian.Path("websites[0].name"), fix.Field)
		}
	}
}
