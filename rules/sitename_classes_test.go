package rules_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/rules"
	"github.com/icpcheck/beian/rules/names"
)

// The site-name corpora of issue 9 that need the rule, not only the
// dictionary: banned prefixes disguised (class 7), symbols as typed
// (class 8), personal-site words (class 9). Each class is built
// combinatorially and must hold 100 %.

// classCase is a name and whether the rule must report code for it.
type classCase struct {
	site string
	want bool
}

func checkClass(t *testing.T, class string, code rules.Code, cases []classCase, filing func(string) *beian.Filing) {
	t.Helper()
	wrong := 0
	for _, c := range cases {
		got := contains(codesAt(run(t, rules.SiteName, filing(c.site)), siteName), code)
		if got != c.want {
			wrong++
			if wrong <= 20 {
				t.Errorf("%s: %q: %s reported %v, want %v", class, c.site, code, got, c.want)
			}
		}
	}
	if len(cases) < 20 {
		t.Errorf("%s: only %d cases", class, len(cases))
	}
	t.Logf("%s: %d cases, %d wrong", class, len(cases), wrong)
}

var bannedWords = []string{"中国", "中华", "中央", "人民", "人大", "国家", "全国", "反腐", "纪检", "监察", "信访", "维权", "投诉"}

// TestClassBannedPrefixDisguised: every banned prefix × every disguise.
func TestClassBannedPrefixDisguised(t *testing.T) {
	disguises := []string{"·", "-", "(", ")", "_", " ", "　", "★", "1", "x", "\u200b", "\u2028", "々"}
	var cases []classCase
	for _, w := range bannedWords {
		r := []rune(w)
		for _, d := range disguises {
			cases = append(cases, classCase{string(r[0]) + d + string(r[1:]) + "示例网", true})
		}
		cases = append(cases, classCase{"(" + w + ")示例网", true})
	}
	cases = append(cases, classCase{"中國示例網", true})
	// Variants the normaliser folds (囯 for 国, the radical ⺠ for 民):
	// checked once it folds them.
	for _, v := range []struct{ variant, site string }{{"囯", "中囯示例网"}, {"⺠", "人⺠示例网"}} {
		if names.Normalize(v.variant) != v.variant {
			cases = append(cases, classCase{v.site, true})
		}
	}
	// Names whose start is no banned prefix: a foreign name's middle dot,
	// a banned word inside a longer ordinary word, ordinary words that
	// start with a banned word's first character.
	for _, s := range []string{
		"达·芬奇画廊", "列·托尔斯泰读书会", "反腐蚀涂料网", "反腐蚀材料商城", "中山大学校友网", "人才招聘网", "国画艺术网",
		"全景摄影网", "反光材料网", "纪念品商城", "监控设备网", "信息技术网", "维修服务网", "投资理财网", "中文学习网",
		"人文历史网", "中医养生网", "国学经典网", "示例中国网", "中秋月饼网",
	} {
		cases = append(cases, classCase{s, false})
	}
	checkClass(t, "banned prefix", rules.CodeSiteNameBannedPrefix, cases, named)
}

// TestClassSymbolsAsTyped: a compatibility character is a symbol as
// typed, wherever it stands, and does not count as Chinese characters.
func TestClassSymbolsAsTyped(t *testing.T) {
	symbols := []string{"™", "℡", "㎡", "²", "①", "Ⓐ", "㊣", "㊥", "㈱", "㍿", "🈶", "℃", "㏄", "㋿", "⑴", "⒈"}
	var cases []classCase
	for _, s := range symbols {
		cases = append(cases, classCase{"示例科技" + s + "官网", true}, classCase{s + "示例科技官网", true})
	}
	for _, s := range []string{"示例科技官网", "ＡＢＣ示例科技", "示例科技官方网站", "示例·达·芬奇画廊"} {
		cases = append(cases, classCase{s, false})
	}
	checkClass(t, "symbols", rules.CodeSiteNameSpecialChars, cases, named)

	// Chinese characters are counted as typed: ㍿ and ㊥ are no characters.
	var short []classCase
	for _, s := range []string{"㍿", "㊥", "㈱", "🈶", "㊣", "㋿"} {
		short = append(short, classCase{"示例" + s, true}, classCase{s + s + "网", true})
	}
	for _, s := range []string{"示例网", "示例網", "示 例 网", "示例科技", "ABC示例网", "示例™网", "示例网站", "中文网"} {
		short = append(short, classCase{s, false})
	}
	checkClass(t, "han count", rules.CodeSiteNameTooShort, short, named)
}

// TestClassPersonalWords: the organisation words, each in a personal
// site's name; personal words found across two words passed; the owner
// of Jiangsu's form.
func TestClassPersonalWords(t *testing.T) {
	var cases []classCase
	for _, w := range []string{"协会", "学会", "商会", "俱乐部", "联盟", "研究会", "研究院", "研究所", "事务所", "委员会", "基金会"} {
		cases = append(cases, classCase{"张三" + w, true}, classCase{"张三的摄影" + w, true})
	}
	for _, s := range []string{
		"机器人大赛", "达人民宿", "异国家常", "微信访谈", "加热线圈", "自在线描", "出门户外",
		"工人大会", "私人大厨", "主人大方", "异国家居", "电热线缆", "存在线索", "专门户型", "诗人民谣",
	} {
		cases = append(cases, classCase{"张三的" + s + "记录", false})
	}
	checkClass(t, "personal words", rules.CodeSiteNamePersonalRestricted, cases, func(s string) *beian.Filing {
		return personalSiteFiling("44", s)
	})

	var jiangsu []classCase
	for _, owner := range []string{"示例科技有限公司", "示例企业", "示例摄影协会", "示例俱乐部", "示例联盟", "示例律师事务所", "中国示例", "示例研究会"} {
		jiangsu = append(jiangsu, classCase{owner + "的个人博客", true}, classCase{owner + "的个人主页", true})
	}
	for _, owner := range []string{"张三", "李四", "王小明", "欧阳娜娜", "司马光"} {
		jiangsu = append(jiangsu, classCase{owner + "的个人博客", false}, classCase{owner + "的个人主页", false})
	}
	checkClass(t, "jiangsu owner", rules.CodeSiteNamePersonalRestricted, jiangsu, func(s string) *beian.Filing {
		return personalSiteFiling("32", s)
	})
}

// TestSiteNameLongNames: a name of any length is judged in bounded time
// (the rule reads the field's limit and a margin).
func TestSiteNameLongNames(t *testing.T) {
	var allocs []float64
	for _, n := range []int{1 << 10, 100 << 10, 1 << 20} {
		for _, unit := range []string{"赌博", "赌1博", "紫色情怀", "onlinecasino", "示例科技"} {
			f := named(strings.Repeat(unit, n/len(unit)))
			rs := run(t, rules.SiteName, f)
			assert.LessOrEqual(t, len(rs), 120, "one rejection per word found in the bounded name")
			if unit == "赌博" {
				assert.Contains(t, codesAt(rs, siteName), rules.CodeSiteNameSensitive)
				allocs = append(allocs, testing.AllocsPerRun(3, func() { run(t, rules.SiteName, f) }))
			}
		}
	}
	assert.InDelta(t, allocs[0], allocs[2], allocs[0]/2+10, "the work does not grow past the bounded name: %v", allocs)
}

// TestClassPersonalTradeWords: every industry word of the personal list's
// trade category, in three frames of a personal site's name, is one
// SITE_NAME_PERSONAL_RESTRICTED warning (an older list's word: never an
// error), in Jiangsu's form's owner too; the same names filed by an
// enterprise are not a personal site's.
func TestClassPersonalTradeWords(t *testing.T) {
	words := []string{"电商", "购物", "招聘", "求职", "婚介", "房产", "银行", "保险", "证券", "股票", "炒股", "投资", "贸易", "营销"}
	for _, w := range words {
		for _, name := range []string{"李四的" + w + "笔记", w + "小站", "王小明" + w + "日记"} {
			var got []rules.Severity
			for _, r := range run(t, rules.SiteName, personalSiteFiling("44", name)) {
				if r.Code == rules.CodeSiteNamePersonalRestricted {
					got = append(got, r.Severity)
				}
			}
			assert.Equal(t, []rules.Severity{rules.Warning}, got, "%s", name)
			f := cleanFiling()
			f.Websites[0].Name = name
			for _, r := range run(t, rules.SiteName, f) {
				assert.NotEqual(t, rules.CodeSiteNamePersonalRestricted, r.Code, "%s filed by an enterprise", name)
			}
		}
		var got []rules.Severity
		for _, r := range run(t, rules.SiteName, personalSiteFiling("32", "示例"+w+"的个人博客")) {
			if r.Code == rules.CodeSiteNamePersonalRestricted {
				got = append(got, r.Severity)
			}
		}
		// The word's warning, and the owner is no person's name: an error.
		assert.ElementsMatch(t, []rules.Severity{rules.Warning, rules.Error}, got, "Jiangsu's owner 示例%s", w)
	}
}
