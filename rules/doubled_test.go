package rules_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/rules"
)

// repeatEach writes each character of w n times (六合彩, 2: 六六合合彩彩).
func repeatEach(w string, n int) string {
	var b strings.Builder
	for _, r := range w {
		b.WriteString(strings.Repeat(string(r), n))
	}
	return b.String()
}

// sensitiveWordsAt returns the words SITE_NAME_SENSITIVE reports at path.
func sensitiveWordsAt(rs []rules.Rejection, path beian.Path) []string {
	var out []string
	for _, r := range rs {
		if r.Code != rules.CodeSiteNameSensitive || r.Field != path {
			continue
		}
		for _, a := range r.Args {
			if a.Name == "word" {
				out = append(out, a.Value.ZH)
			}
		}
	}
	return out
}

// TestSensitiveWordRepeated: every Chinese word of three characters or
// more of the built-in dictionary, each character written twice or three
// times, alone and inside a name, is reported in a site's name and in an
// App's (outsider15's F4: 六六合合彩彩 and 法法轮轮功功 passed).
func TestSensitiveWordRepeated(t *testing.T) {
	dict := (&rules.Config{}).SensitiveDictionary()
	words := 0
	for _, w := range dict.Words() {
		if utf8.RuneCountInString(w) < 3 || strings.ContainsFunc(w, func(r rune) bool { return r < 0x3400 }) {
			continue
		}
		words++
		for _, n := range []int{2, 3} {
			for _, name := range []string{repeatEach(w, n), "示例" + repeatEach(w, n) + "资讯"} {
				f := cleanFiling()
				f.Websites[0].Name = name
				assert.Contains(t, sensitiveWordsAt(run(t, rules.SiteName, f), "websites[0].name"), w, "site name %s", name)
				a := appNameFiling(beian.AppNative, beian.PlatformAndroid, name, exampleSubject, beian.NatureEnterprise)
				assert.Contains(t, sensitiveWordsAt(run(t, rules.AppName, a), nameAt), w, "App name %s", name)
			}
		}
	}
	assert.Greater(t, words, 20, "the dictionary's words of three characters are the test's premise")

	// A word the name also holds as written is reported once.
	f := cleanFiling()
	f.Websites[0].Name = "六合彩" + repeatEach("六合彩", 2)
	got := sensitiveWordsAt(run(t, rules.SiteName, f), "websites[0].name")
	assert.Equal(t, 1, strings.Count(strings.Join(got, " "), "六合彩"), "%v", got)
}

// TestSensitiveWordRepeatedSeverity: a word written with its characters
// repeated is refused as the word is, an error, in a site's name and in
// an App's.
func TestSensitiveWordRepeatedSeverity(t *testing.T) {
	for _, w := range []string{"六合彩", "法轮功", "时时彩"} {
		name := "示例" + repeatEach(w, 2) + "资讯"
		f := cleanFiling()
		f.Websites[0].Name = name
		a := appNameFiling(beian.AppNative, beian.PlatformAndroid, name, exampleSubject, beian.NatureEnterprise)
		for _, c := range []struct {
			rs   []rules.Rejection
			path beian.Path
		}{{run(t, rules.SiteName, f), "websites[0].name"}, {run(t, rules.AppName, a), nameAt}} {
			n := 0
			for _, r := range c.rs {
				if r.Code == rules.CodeSiteNameSensitive && r.Field == c.path {
					n++
					assert.Equal(t, rules.Error, r.Severity, "%s at %s", name, c.path)
				}
			}
			assert.Equal(t, 1, n, "%s at %s", name, c.path)
		}
	}
}

// TestBannedPrefixRepeated: every banned prefix written with each
// character repeated (中中国国示例科技) is SITE_NAME_BANNED_PREFIX in a
// unit's site name and App name, as the prefix written once is; a
// reduplication that only begins a prefix (人人民宿: 民 is not repeated)
// is none.
func TestBannedPrefixRepeated(t *testing.T) {
	prefixes := []string{"中国", "中华", "中央", "人民", "人大", "国家", "全国", "反腐", "纪检", "监察", "信访", "维权", "投诉"}
	has := func(rs []rules.Rejection, path beian.Path) bool {
		for _, r := range rs {
			if r.Code == rules.CodeSiteNameBannedPrefix && r.Field == path {
				return true
			}
		}
		return false
	}
	for _, p := range prefixes {
		for _, n := range []int{2, 3} {
			name := repeatEach(p, n) + "示例科技"
			f := cleanFiling()
			f.Websites[0].Name = name
			assert.True(t, has(run(t, rules.SiteName, f), "websites[0].name"), name)
			a := appNameFiling(beian.AppNative, beian.PlatformAndroid, name, exampleSubject, beian.NatureEnterprise)
			assert.True(t, has(run(t, rules.AppName, a), nameAt), name)
		}
	}
	for _, name := range []string{"人人民宿", "国国家常菜馆", "中中华书店", "天天中国风", "全全国连锁"} {
		f := cleanFiling()
		f.Websites[0].Name = name
		assert.False(t, has(run(t, rules.SiteName, f), "websites[0].name"), name)
	}
}
