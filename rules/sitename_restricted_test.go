package rules_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/rules"
	"github.com/icpcheck/beian/rules/names"
)

// traditionalForTest writes the characters of the restricted words that
// have a traditional form in it (TestClassRestrictedWordsWarn checks
// that each form folds back).
var traditionalForTest = strings.NewReplacer("鸦", "鴉", "军", "軍", "办", "辦", "证", "證", "药", "藥", "弹", "彈", "吗", "嗎", "气", "氣")

// restrictedDisguises are the ways of writing a word w that the matcher
// folds: as typed, traditional, and each separator between every two
// of its characters.
func restrictedDisguises(w string) []string {
	out := []string{w}
	if t := traditionalForTest.Replace(w); t != w {
		out = append(out, t)
	}
	rs := []rune(w)
	for _, sep := range []string{" ", "·", "_", "-", "*", "\u200b", "．"} {
		out = append(out, strings.Join(strings.Split(string(rs), ""), sep))
	}
	return out
}

// TestClassRestrictedWordsWarn: every word of data/restricted.txt, in
// every disguise the matcher folds and every frame, is one
// SITE_NAME_SENSITIVE warning naming the word, never an error, with its
// span on the word as typed; a government body's name is not warned.
func TestClassRestrictedWordsWarn(t *testing.T) {
	words := rules.RestrictedDictionaryForTest().Words()
	require.GreaterOrEqual(t, len(words), 10)
	frames := []string{"%s资讯网", "示例%s研究所", "小明%s科普", "%s"}
	n := 0
	for _, w := range words {
		for _, typed := range restrictedDisguises(w) {
			require.Equal(t, w, names.Normalize(strings.NewReplacer(" ", "", "·", "", "_", "", "-", "", "*", "", "\u200b", "", "．", "").Replace(typed)), "%q does not fold to %q", typed, w)
			for _, frame := range frames {
				name := strings.Replace(frame, "%s", typed, 1)
				n++
				var got []rules.Rejection
				for _, r := range run(t, rules.SiteName, named(name)) {
					if r.Code == rules.CodeSiteNameSensitive {
						got = append(got, r)
					}
				}
				if !assert.Len(t, got, 1, "%q", name) {
					continue
				}
				r := got[0]
				assert.Equal(t, rules.Warning, r.Severity, "%q", name)
				assert.Equal(t, siteName, r.Field, "%q", name)
				assert.Equal(t, w, argOf(r, "word"), "%q", name)
				start := strings.Index(name, typed)
				assert.Equal(t, [2]int{start, start + len(typed)}, [2]int{r.Span.Start, r.Span.End}, "%q", name)

				gov := named(name)
				gov.Subject.Nature = beian.NatureGovernment
				for _, r := range run(t, rules.SiteName, gov) {
					assert.NotEqual(t, rules.CodeSiteNameSensitive, r.Code, "a government body's %q", name)
				}
			}
		}
	}
	t.Logf("%d names, %d words", n, len(words))
}

// TestClassRestrictedAppNamesWarn: an App's name holding a word of
// data/restricted.txt is the same warning, of every kind of App.
func TestClassRestrictedAppNamesWarn(t *testing.T) {
	for _, w := range rules.RestrictedDictionaryForTest().Words() {
		for _, k := range appKinds {
			for _, name := range []string{w + "助手", "示例" + w} {
				f := appNameFiling(k.kind, k.platform, name, exampleSubject, beian.NatureEnterprise)
				got := appNameFinds(t, rules.AppName, f, rules.CodeSiteNameSensitive)
				assert.Equal(t, []sevFound{{nameAt, rules.CodeSiteNameSensitive, rules.Warning}}, got, "%s %q", k.kind, name)
			}
		}
	}
}

// TestRestrictedWordsNotHeard: the restricted words are matched as
// written, not as homophones, nor inside the ordinary words that the
// list excepts or that take their characters.
func TestRestrictedWordsNotHeard(t *testing.T) {
	for _, name := range []string{
		"读品书店",     // 读品 sounds as 毒品
		"大马路咖啡",    // 大马 as 大麻
		"彩漂洗衣店",    // 彩漂 as 彩票
		"鸦片战争博物馆",  // an exception of the list
		"示例科技官网",   // none
		"禁毒宣传教育中心", // 禁毒 holds no listed word
	} {
		for _, r := range run(t, rules.SiteName, named(name)) {
			assert.NotEqual(t, rules.CodeSiteNameSensitive, r.Code, "%q", name)
		}
	}
}
