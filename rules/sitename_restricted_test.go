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
// written, not as homophones, nor inside the ordinary words the list
// excepts (鸦片战争, 大麻哈鱼, 大麻花).
func TestRestrictedWordsNotHeard(t *testing.T) {
	for _, name := range []string{
		"读品书店",    // 读品 sounds as 毒品
		"彩漂洗衣店",   // 彩漂 as 彩票
		"鸦片战争博物馆", // an exception of the list
		"大麻哈鱼养殖场", // another
		"天津大麻花",   // another
	} {
		for _, r := range run(t, rules.SiteName, named(name)) {
			assert.NotEqual(t, rules.CodeSiteNameSensitive, r.Code, "%q", name)
		}
	}
}

// pinyinForTest is the reading of each character of the restricted
// words.
var pinyinForTest = map[rune]string{
	'毒': "du", '品': "pin", '大': "da", '麻': "ma", '鸦': "ya", '片': "pian", '吗': "ma", '啡': "fei",
	'笑': "xiao", '气': "qi", '炸': "zha", '药': "yao", '弹': "dan", '雷': "lei", '管': "guan",
	'军': "jun", '火': "huo", '彩': "cai", '票': "piao", '办': "ban", '证': "zheng", '假': "jia",
	'制': "zhi", '刀': "dao", '具': "ju", '情': "qing", '趣': "qu", '用': "yong",
}

// TestClassRestrictedWordsInLettersNotWarned: a restricted word with any
// of its characters written in pinyin (Dama女装 is 大妈's; da麻, 大Ma), or
// all of them, is not warned of: the warning is for the word as written.
func TestClassRestrictedWordsInLettersNotWarned(t *testing.T) {
	n := 0
	for _, w := range rules.RestrictedDictionaryForTest().Words() {
		rs := []rune(w)
		var forms []string
		for mask := 1; mask < 1<<len(rs); mask++ {
			var b strings.Builder
			for i, r := range rs {
				if mask&(1<<i) != 0 {
					py, ok := pinyinForTest[r]
					require.True(t, ok, "no reading of %c", r)
					if i == 0 {
						py = strings.ToUpper(py[:1]) + py[1:]
					}
					b.WriteString(py)
				} else {
					b.WriteRune(r)
				}
			}
			forms = append(forms, b.String())
		}
		for _, typed := range forms {
			for _, frame := range []string{"%s女装", "示例%s资讯网"} {
				name := strings.Replace(frame, "%s", typed, 1)
				n++
				for _, r := range run(t, rules.SiteName, named(name)) {
					assert.NotEqual(t, rules.CodeSiteNameSensitive, r.Code, "%q", name)
				}
			}
		}
	}
	t.Logf("%d names", n)
}
