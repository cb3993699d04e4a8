package rules_test

import (
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/rules"
	"github.com/icpcheck/beian/rules/names"
)

// The site-name corpora of issue 18 that need the rule: personal-site
// words (class 6), middle-dot look-alikes (class 7), numeral symbols
// (class 3) and the warning for a dropped word (class 1), each built
// combinatorially; the figures are logged as "class N …".

// dotLookalikes are the middle dots and their look-alikes (names.NameDot).
var dotLookalikes = []string{"\u00b7", "\u0387", "\u2022", "\u2027", "\u2219", "\u22c5", "\u2e31", "\u30fb", "\uff65", "\ua78f", "\u318d", "\u16eb"}

// TestClassMiddleDots (class 7): every dot look-alike between the parts
// of foreign names is accepted as U+00B7 is; between the characters of a
// banned prefix it hides nothing.
func TestClassMiddleDots(t *testing.T) {
	for _, d := range dotLookalikes {
		if !names.NameDot([]rune(d)[0]) {
			t.Fatalf("%U is no NameDot", []rune(d)[0])
		}
	}
	foreign := []string{"达%s芬奇画廊", "列%s托尔斯泰读书会", "约翰%s史密斯的摄影", "玛丽%s居里科学馆", "阿加莎%s克里斯蒂书店"}
	var accepted []classCase
	for _, f := range foreign {
		for _, d := range dotLookalikes {
			accepted = append(accepted, classCase{strings.Replace(f, "%s", d, 1), false})
		}
	}
	checkClass(t, "class 7, dots in foreign names", rules.CodeSiteNameSpecialChars, accepted, named)

	var banned []classCase
	for _, w := range bannedWords {
		r := []rune(w)
		for _, d := range dotLookalikes {
			banned = append(banned, classCase{string(r[0]) + d + string(r[1:]) + "示例网", true})
		}
	}
	checkClass(t, "class 7, dots in a banned prefix", rules.CodeSiteNameBannedPrefix, banned, named)
}

// TestClassNumeralSymbols (class 3): the numeral symbols are symbols of
// a name as typed.
func TestClassNumeralSymbols(t *testing.T) {
	var cases []classCase
	for _, s := range []string{"①", "⑥", "⑩", "⑹", "⒍", "❻", "➅", "➏", "⓺", "Ⅵ", "ⅵ", "Ⅹ", "⓪", "㊅", "㈥"} {
		cases = append(cases, classCase{"示例" + s + "科技网", true}, classCase{s + "合彩资讯", true})
	}
	cases = append(cases, classCase{"示例六科技网", false}, classCase{"示例陆科技网", false}, classCase{"示例6科技网", false})
	checkClass(t, "class 3, numeral symbols", rules.CodeSiteNameSpecialChars, cases, named)
}

// personalWordsOf returns the words of rules/data/personal.txt in the
// categories given.
func personalWordsOf(t *testing.T, categories ...string) []string {
	t.Helper()
	d := rules.PersonalDictionaryForTest()
	var out []string
	for _, w := range d.Words() {
		c, _ := d.Category(w)
		for _, want := range categories {
			if c == want {
				out = append(out, w)
			}
		}
	}
	if len(out) < 10 {
		t.Fatalf("%d personal words of %v", len(out), categories)
	}
	return out
}

// TestClassPersonalEnterpriseWords (class 6): every enterprise,
// organisation and shop word, in every position of a personal site's
// name, is refused; in Jiangsu's form 某某的个人博客, a business's name
// (a place, a brand and an industry) as 某某 is refused, a person's name
// is not.
func TestClassPersonalEnterpriseWords(t *testing.T) {
	var cases []classCase
	for _, w := range personalWordsOf(t, "unit", "organisation", "shop") {
		for _, f := range []string{"张三%s", "张三的%s", "%s张三", "李四的摄影%s", "王五的%s记录"} {
			cases = append(cases, classCase{strings.Replace(f, "%s", w, 1), true})
		}
	}
	for _, s := range []string{"张三的生活记录", "李四的读书笔记", "王五的摄影日记", "赵六的旅行随笔", "孙七的美食日志"} {
		cases = append(cases, classCase{s, false})
	}
	checkClass(t, "class 6, enterprise words in a personal name", rules.CodeSiteNamePersonalRestricted, cases, func(s string) *beian.Filing {
		return personalSiteFiling("44", s)
	})

	var jiangsu []classCase
	places := []string{"南京", "苏州", "无锡", "徐州", "淄博", "朝阳"}
	brands := []string{"金博", "恒通", "华瑞", "鑫源", "示例"}
	industries := []string{"彩印", "科技", "贸易", "建材", "餐饮", "物流", "服饰", "网络"}
	for _, p := range places {
		for _, b := range brands {
			for _, ind := range industries {
				jiangsu = append(jiangsu, classCase{p + b + ind + "的个人博客", true}, classCase{b + ind + "的个人主页", true})
			}
		}
	}
	for _, owner := range []string{"张三", "李四", "王小明", "欧阳娜娜", "司马光", "小明", "阿强", "约翰·史密斯", "约翰・史密斯", "John Smith", "金博", "王博"} {
		jiangsu = append(jiangsu, classCase{owner + "的个人博客", false}, classCase{owner + "的个人主页", false})
	}
	checkClass(t, "class 6, Jiangsu's 某某", rules.CodeSiteNamePersonalRestricted, jiangsu, func(s string) *beian.Filing {
		return personalSiteFiling("32", s)
	})
}

// TestClassDroppedWordWarns (class 1): a listed word the words around it
// take is a warning naming the reading, never silence; one they do not
// take is an error.
func TestClassDroppedWordWarns(t *testing.T) {
	tests := []struct {
		name   string
		sev    rules.Severity
		readAs string
	}{
		{"紫色情怀摄影", rules.Warning, "紫色/情怀"},
		{"淄博彩印有限公司", rules.Warning, "淄博/彩印"},
		{"特色情侣酒店", rules.Warning, "特色/情侣"},
		{"赌博物馆", rules.Error, ""},
		{"示例色情网", rules.Error, ""},
	}
	for _, tt := range tests {
		var got []rules.Rejection
		for _, r := range run(t, rules.SiteName, named(tt.name)) {
			if r.Code == rules.CodeSiteNameSensitive {
				got = append(got, r)
			}
		}
		if len(got) != 1 {
			t.Errorf("%s: %d SITE_NAME_SENSITIVE, want 1", tt.name, len(got))
			continue
		}
		if got[0].Severity != tt.sev {
			t.Errorf("%s: severity %v, want %v", tt.name, got[0].Severity, tt.sev)
		}
		var readAs string
		for _, a := range got[0].Args {
			if a.Name == "read_as" {
				readAs = a.Value.In(language.English)
			}
		}
		if readAs != tt.readAs {
			t.Errorf("%s: read_as %q, want %q", tt.name, readAs, tt.readAs)
		}
	}
}
