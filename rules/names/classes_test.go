package names_test

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/icpcheck/beian/rules/names"
)

// The corpora of this file are built by class and combinatorially (issue
// 9): every disguise of a class applied to every listed word, every
// innocent compound around every listed word. Each class must be caught
// (or passed) 100 %.

// caughtAs reports whether d finds word in text.
func caughtAs(d *names.Dictionary, text, word string) bool {
	return slices.ContainsFunc(d.FindAll(text), func(m names.Match) bool { return m.Word == word })
}

// hanWords returns the words of d of two Chinese characters or more.
func hanWords(d *names.Dictionary) []string {
	var out []string
	for _, w := range d.Words() {
		if utf8.RuneCountInString(w) >= 2 && strings.IndexFunc(w, func(r rune) bool { return r < 0x3400 }) < 0 {
			out = append(out, w)
		}
	}
	return out
}

// insertAfterFirst returns w with ins between its first and second rune.
func insertAfterFirst(w, ins string) string {
	_, n := utf8.DecodeRuneInString(w)
	return w[:n] + ins + w[n:]
}

// requireAll fails t unless every case holds, and reports the count.
func requireAll(t *testing.T, class string, cases []string, holds func(string) bool) {
	t.Helper()
	failed := 0
	for _, c := range cases {
		if !holds(c) {
			failed++
			if failed <= 20 {
				t.Errorf("%s: %q", class, c)
			}
		}
	}
	if len(cases) < 20 {
		t.Errorf("%s: only %d cases", class, len(cases))
	}
	t.Logf("%s: %d cases, %d wrong", class, len(cases), failed)
}

// Class 1: characters inserted between the characters of a Chinese word.
func TestClassInsertedCharacters(t *testing.T) {
	d := names.DefaultDictionary()
	inserts := []string{
		"1", "x", "X", "88", "ab", "ａ", "²", // digits, letters, a superscript
		"〇", "々", "〡", "ー", "の", "ア", // ideographic marks, kana
		"\u2028", "\u2029", "\u0301", "·", "_", "(", "★", // separators, a combining mark
	}
	var cases []string
	words := map[string]string{}
	for _, w := range hanWords(d) {
		for _, ins := range inserts {
			for _, name := range []string{insertAfterFirst(w, ins), insertAfterFirst(w, ins) + "资讯网"} {
				cases = append(cases, name)
				words[name] = w
			}
		}
	}
	requireAll(t, "inserted", cases, func(s string) bool { return caughtAs(d, s, words[s]) })
}

// Class 2: numerals written for the numerals of a word.
func TestClassNumerals(t *testing.T) {
	d := names.DefaultDictionary().With("十八禁", "二〇一八禁")
	variants := map[rune][]string{
		'一': {"1", "１", "①", "壹", "〡", "¹"},
		'三': {"3", "３", "③", "叁", "〣", "³"},
		'六': {"6", "６", "⑥", "陆", "陸", "〦"},
		'八': {"8", "８", "⑧", "捌", "〨"},
		'十': {"拾", "〸"},
		'〇': {"0", "０", "零"},
		'二': {"2", "２", "②", "贰", "貳", "〢"},
	}
	var cases []string
	words := map[string]string{}
	for _, w := range d.Words() {
		for i, r := range w {
			for _, v := range variants[r] {
				disguised := w[:i] + v + w[i+utf8.RuneLen(r):]
				for _, name := range []string{disguised + "网", "赌博" + disguised, "赌" + disguised, "澳门" + disguised + "开奖"} {
					cases = append(cases, name)
					words[name] = w
				}
			}
		}
	}
	requireAll(t, "numerals", cases, func(s string) bool { return caughtAs(d, s, words[s]) })
}

// Class 5: Latin words glued to digits or to other words.
func TestClassLatinCompounds(t *testing.T) {
	d := names.DefaultDictionary()
	latin := []string{"casino", "baccarat", "porn"}
	var cases []string
	words := map[string]string{}
	add := func(name, w string) { cases = append(cases, name); words[name] = w }
	for _, w := range latin {
		for _, digits := range []string{"888", "91", "2024", "７"} {
			add(w+digits, w)
			add(digits+w, w)
			add("澳门"+digits+w+"娱乐", w)
		}
		for _, english := range []string{"online", "best", "free", "live", "vip", "royal", "asian"} {
			add(english+w, w)
		}
		for _, english := range []string{"hub", "club", "online", "games", "tube", "city", "world", "s"} {
			add(w+english, w)
		}
		add(strings.ToUpper("online"+w), w)
	}
	requireAll(t, "latin compounds", cases, func(s string) bool { return caughtAs(d, s, words[s]) })

	// Ordinary words that merely hold the letters of a listed word, by
	// class: a whole English word, a listed word at the start or end of
	// a word whose rest is not English, one inside a word.
	dd := d.With("sex", "ass", "cum", "tit", "anal")
	innocent := []string{
		// whole English words
		"sextant", "unisex", "assess", "assassin", "bass", "class", "grass", "passage", "embassy",
		"cucumber", "document", "circumstance", "title", "petition", "appetite", "titan", "analysis", "canal", "banal", "analog",
		// a listed word at an end, the rest no word
		"essex", "sussex", "casinova", "casinoz", "pornic", "asso", "cumin",
		// inside
		"scunthorpe", "classic", "massive", "accumulate", "constitution", "penalty",
	}
	var innocentNames []string
	for _, w := range innocent {
		innocentNames = append(innocentNames, w, "示例"+w+"咖啡")
	}
	requireAll(t, "latin innocent", innocentNames, func(s string) bool { return len(dd.FindAll(s)) == 0 })
}

// Class 6 and the names flagged wrongly: a hit is decided by the words
// around it.
func TestClassWordContext(t *testing.T) {
	d := names.DefaultDictionary()
	meant := []string{"日本色情", "美国色情", "情色系列", "博彩色情", "博彩彩票网络赌博"}
	words := map[string][]string{
		"日本色情": {"色情"}, "美国色情": {"色情"}, "情色系列": {"情色"}, "博彩色情": {"博彩", "色情"},
		"博彩彩票网络赌博": {"博彩", "赌博"},
	}
	// Every listed word between ordinary words.
	prefixes := []string{"日本", "美国", "免费", "最新", "澳门", "示例"}
	suffixes := []string{"网", "视频", "平台", "论坛", "资讯", "大全"}
	for _, w := range hanWords(d) {
		for _, p := range prefixes {
			for _, s := range suffixes {
				name := p + w + s
				meant = append(meant, name)
				words[name] = []string{w}
			}
		}
	}
	requireAll(t, "meant in context", meant, func(s string) bool {
		for _, w := range words[s] {
			if !caughtAs(d, s, w) {
				return false
			}
		}
		return true
	})

	straddling := []string{
		"恒博彩钢", "广博彩印", "紫色情怀", "粉色情人节", "风情色织", "外援交流", "应援交流", "专卖春联", "干洗钱包",
		"百家乐器", "老虎机器人", "六合彩钢", "特色情侣", "景色情怀", "出色情报", "激情色彩", "温情色调", "道路救援交通",
		"联合国际", "印刷单据", "反腐蚀涂料", "反洗钱培训", "日本色系", "本色情怀",
	}
	var innocent []string
	for _, s := range straddling {
		innocent = append(innocent, s, "示例"+s+"有限公司", s+"网")
	}
	requireAll(t, "straddling innocent", innocent, func(s string) bool { return len(d.FindAll(s)) == 0 })
}

// The personal-site words found across two words (rules/data/personal.txt
// holds the same words).
func TestClassPersonalWordsAcrossWords(t *testing.T) {
	d := names.NewDictionary("人大", "人民", "国家", "信访", "热线", "在线", "门户", "中国", "交流", "平台", "社区", "网站")
	innocent := []string{
		"机器人大赛", "达人民宿", "异国家常", "微信访谈", "加热线圈", "自在线描", "出门户外",
		"工人大会", "私人大厨", "主人大方", "异国家居", "电热线缆", "存在线索", "专门户型",
		"诗人民谣", "外国家具", "短信访问", "通信访问",
	}
	var names []string
	for _, s := range innocent {
		names = append(names, s, "张三的"+s+"记录")
	}
	requireAll(t, "personal across words", names, func(s string) bool { return len(d.FindAll(s)) == 0 })
	meant := []string{"人大代表", "人民医院", "国家电网", "信访办", "服务热线", "在线教育", "门户网站", "中国风", "交流群", "社区服务", "网站建设"}
	requireAll(t, "personal meant", append(meant, prefixAll("张三的", meant)...), func(s string) bool { return len(d.FindAll(s)) > 0 })
}

func prefixAll(p string, ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = p + s
	}
	return out
}
