package domain

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// nameBases are names of every kind a filing holds: units with and
// without a place or a bracketed place, persons, transcribed names with a
// middle dot, Latin names, registrars.
var nameBases = []string{
	"长沙市星辰科技有限公司",
	"腾讯科技(深圳)有限公司",
	"北京百度网讯科技有限公司",
	"深圳市华为技术有限公司东莞分公司",
	"广东省东莞市第一中学",
	"张三",
	"欧阳娜娜",
	"阿卜杜·热合曼",
	"John Smith",
	"ABC国际贸易(上海)有限公司",
	"阿里云计算有限公司",
	"厦门三五互联科技股份有限公司",
	"中国互联网络信息中心",
	"艾力·买买提",
}

// sameForms are ways a reviewer accepts the same name to be written: each
// must give a name SameName calls the same.
var sameForms = []struct {
	name string
	f    func(string) string
}{
	{"as is", func(s string) string { return s }},
	{"full-width brackets", func(s string) string {
		return strings.NewReplacer("(", "（", ")", "）").Replace(s)
	}},
	{"full-width letters and digits", fullWidth},
	{"spaces between characters", func(s string) string {
		var b strings.Builder
		for i, r := range s {
			if i > 0 {
				b.WriteByte(' ')
			}
			b.WriteRune(r)
		}
		return b.String()
	}},
	{"spaces around", func(s string) string { return " \u3000" + s + "\t " }},
	{"ideographic space inside", func(s string) string {
		_, n := utf8.DecodeRuneInString(s)
		return s[:n] + "\u3000" + s[n:]
	}},
	{"traditional", traditional},
	{"upper case", strings.ToUpper},
	{"lower case", strings.ToLower},
	{"katakana middle dot", func(s string) string { return strings.ReplaceAll(s, "·", "・") }},
	{"bullet as middle dot", func(s string) string { return strings.ReplaceAll(s, "·", "•") }},
	{"zero-width space", func(s string) string {
		_, n := utf8.DecodeRuneInString(s)
		return s[:n] + "\u200B" + s[n:]
	}},
}

// traditional writes the simplified characters of the base names in their
// traditional forms.
var traditional = strings.NewReplacer(
	"长", "長", "沙", "沙", "辰", "辰", "技", "技", "限", "限", "公", "公",
	"腾", "騰", "讯", "訊", "圳", "圳", "京", "京", "百", "百", "网", "網",
	"华", "華", "为", "為", "术", "術", "东", "東", "莞", "莞", "分", "分",
	"广", "廣", "省", "省", "第", "第", "张", "張", "欧", "歐", "阳", "陽",
	"阿", "阿", "卜", "卜", "杜", "杜", "热", "熱", "曼", "曼", "国", "國",
	"际", "際", "贸", "貿", "易", "易", "海", "海", "云", "雲", "计", "計",
	"门", "門", "三", "三", "五", "五", "联", "聯", "份", "份", "互", "互",
	"络", "絡", "信", "信", "息", "息", "买", "買", "艾", "艾", "力", "力",
).Replace

// differentForms are changes a reviewer does not accept: each gives a
// different name, whatever accepted form it is then written in.
var differentForms = []struct {
	name string
	f    func(string) (string, bool) // false when the change does not apply
}{
	{"drop 市", func(s string) (string, bool) { return cut(s, "市") }},
	{"drop 省", func(s string) (string, bool) { return cut(s, "省") }},
	{"drop the bracketed place", func(s string) (string, bool) {
		i, j := strings.Index(s, "("), strings.Index(s, ")")
		if i < 0 || j < i {
			return "", false
		}
		return s[:i] + s[j+1:], true
	}},
	{"brackets dropped, place kept", func(s string) (string, bool) {
		if !strings.Contains(s, "(") {
			return "", false
		}
		return strings.NewReplacer("(", "", ")", "").Replace(s), true
	}},
	{"有限公司 for 有限责任公司", func(s string) (string, bool) { return swap(s, "有限公司", "有限责任公司") }},
	{"drop 股份", func(s string) (string, bool) { return cut(s, "股份") }},
	{"drop the branch", func(s string) (string, bool) {
		i := strings.Index(s, "有限公司")
		if i < 0 || !strings.HasSuffix(s, "分公司") {
			return "", false
		}
		return s[:i+len("有限公司")], true
	}},
	{"add a branch", func(s string) (string, bool) {
		if !strings.HasSuffix(s, "有限公司") || strings.HasSuffix(s, "分公司") {
			return "", false
		}
		return s + "北京分公司", true
	}},
	{"one character more", func(s string) (string, bool) { return s + "一", true }},
	{"last character dropped", func(s string) (string, bool) {
		_, n := utf8.DecodeLastRuneInString(s)
		return s[:len(s)-n], len(s) > n
	}},
	{"two characters swapped", func(s string) (string, bool) {
		r := []rune(s)
		if len(r) < 2 || r[0] == r[1] {
			return "", false
		}
		r[0], r[1] = r[1], r[0]
		return string(r), true
	}},
	{"look-alike character", func(s string) (string, bool) {
		for _, p := range [][2]string{{"技", "枝"}, {"三", "王"}, {"力", "刀"}, {"张", "弓长"}, {"科", "料"}, {"限", "垠"}, {"S", "5"}, {"h", "n"}, {"娜", "哪"}, {"曼", "漫"}} {
			if strings.Contains(s, p[0]) {
				return strings.Replace(s, p[0], p[1], 1), true
			}
		}
		return "", false
	}},
	{"middle dot dropped", func(s string) (string, bool) { return cut(s, "·") }},
	{"middle dot for a hyphen", func(s string) (string, bool) { return swap(s, "·", "-") }},
	{"Latin letter changed", func(s string) (string, bool) { return swap(s, "Smith", "Smyth") }},
	{"Latin letters reversed", func(s string) (string, bool) { return swap(s, "ABC", "CBA") }},
	{"公司 for 集团", func(s string) (string, bool) { return swap(s, "有限公司", "集团") }},
}

func cut(s, part string) (string, bool) { return swap(s, part, "") }

func swap(s, old, new string) (string, bool) {
	if !strings.Contains(s, old) {
		return "", false
	}
	return strings.Replace(s, old, new, 1), true
}

// TestSameNames is the half of the table a reviewer accepts: every base
// name in every accepted form, and in every pair of forms, is the same
// name as the base and as each other.
func TestSameNames(t *testing.T) {
	n := 0
	for _, base := range nameBases {
		for _, a := range sameForms {
			for _, b := range sameForms {
				x := a.f(base)
				y := b.f(a.f(base)) // forms compose
				if !SameName(base, x) || !SameName(x, base) || !SameName(x, y) || !SameName(base, y) {
					t.Errorf("%s + %s: %q, %q and %q should be the same name (keys %q, %q, %q)",
						a.name, b.name, base, x, y, NameKey(base), NameKey(x), NameKey(y))
				}
				n++
			}
		}
	}
	t.Logf("%d same-name combinations", n)
}

// TestDifferentNames is the other half: every change a reviewer rejects,
// applied to every base and then written in every accepted form, gives a
// different name.
func TestDifferentNames(t *testing.T) {
	n := 0
	applied := map[string]int{}
	for _, base := range nameBases {
		for _, d := range differentForms {
			other, ok := d.f(base)
			if !ok {
				continue
			}
			applied[d.name]++
			for _, form := range sameForms {
				y := form.f(other)
				if SameName(base, y) || SameName(y, base) {
					t.Errorf("%s, %s: %q and %q should differ (key %q)", d.name, form.name, base, y, NameKey(y))
				}
				n++
			}
		}
	}
	for _, d := range differentForms {
		if applied[d.name] == 0 {
			t.Errorf("change %q applies to no base name", d.name)
		}
	}
	t.Logf("%d different-name combinations", n)
}

// TestNamePairs lists pairs from the providers' documents and the issue.
func TestNamePairs(t *testing.T) {
	same := [][2]string{
		{"腾讯科技（深圳）有限公司", "腾讯科技(深圳)有限公司"},
		{"腾讯科技（深圳）有限公司", "騰訊科技（深圳）有限公司"},
		{"ＡＢＣ科技有限公司", "abc科技有限公司"},
		{"深圳市 示例 科技有限公司", "深圳市示例科技有限公司"},
		{"JOHN SMITH", "John Smith"},
		{"john smith", "JohnSmith"},
		{"Müller GmbH", "MÜLLER GMBH"},
		{"Straße AG", "STRASSE AG"},
		{"阿卜杜·热合曼", "阿卜杜・热合曼"},
		{"北京１２３科技有限公司", "北京123科技有限公司"},
	}
	differ := [][2]string{
		{"长沙市XX科技有限公司", "长沙XX科技有限公司"},
		{"腾讯科技（深圳）有限公司", "腾讯科技深圳有限公司"},
		{"示例科技有限公司", "示例科技有限责任公司"},
		{"示例科技有限公司", "示例科技股份有限公司"},
		{"示例科技有限公司", "示例科技有限公司北京分公司"},
		{"北京示例科技有限公司", "北京市示例科技有限公司"},
		{"张三", "张叁"},
		{"张三", "张三丰"},
		{"John Smith", "Jon Smith"},
		{"", ""},
		{" ", " "},
		{"示例", ""},
	}
	for _, p := range same {
		if !SameName(p[0], p[1]) {
			t.Errorf("%q and %q should be the same (keys %q, %q)", p[0], p[1], NameKey(p[0]), NameKey(p[1]))
		}
	}
	for _, p := range differ {
		if SameName(p[0], p[1]) {
			t.Errorf("%q and %q should differ (key %q)", p[0], p[1], NameKey(p[0]))
		}
	}
}

func TestNameKey(t *testing.T) {
	for in, want := range map[string]string{
		"腾讯科技（深圳）有限公司":  "腾讯科技(深圳)有限公司",
		" 騰訊 ":          "腾讯",
		"ＡＢＣ":           "abc",
		"阿卜杜•热合曼":       "阿卜杜·热合曼",
		"a\u200Bb\x00c": "abc",
		"bad\xffbyte":   "badbyte",
		"":              "",
	} {
		if got := NameKey(in); got != want {
			t.Errorf("NameKey(%q) = %q, want %q", in, got, want)
		}
		if got := NameKey(NameKey(in)); got != NameKey(in) {
			t.Errorf("NameKey not idempotent on %q: %q", in, got)
		}
	}
}

func TestNameSet(t *testing.T) {
	s := NewNameSet("阿里云计算有限公司", "厦门三五互联科技股份有限公司", "", "  ", "阿里雲計算有限公司")
	if s.Len() != 2 {
		t.Fatalf("Len = %d, want 2 (empty names left out, variants merged)", s.Len())
	}
	for name, want := range map[string]bool{
		"阿里云计算有限公司":      true,
		"阿里雲計算有限公司":      true,
		"厦门三五互联科技股份有限公司": true,
		"廈門三五互聯科技股份有限公司": true,
		"阿里云计算有限责任公司":    false,
		"GoDaddy":        false,
		"":               false,
	} {
		if s.Contains(name) != want {
			t.Errorf("Contains(%q) = %v", name, !want)
		}
	}
	var nilSet *NameSet
	if nilSet.Contains("x") || nilSet.Len() != 0 {
		t.Error("nil set")
	}
}

// TestSameNameAllocs: names already in normal form (simplified, no
// full-width forms, no spaces between Chinese characters) cost nothing.
func TestSameNameAllocs(t *testing.T) {
	a, b := "长沙市星辰科技有限公司", "john smith"
	if n := testing.AllocsPerRun(100, func() { SameName(a, b) }); n != 0 {
		t.Errorf("SameName: %v allocs", n)
	}
}

// TestNameSetBrandInBrackets: a registrar typed with its brand in brackets
// after its registered name is the registrar of the list, in either
// bracket width, with the folding NameKey does (spaces, width, case,
// traditional characters), and a list entry may carry the brand too;
// a bracketed part elsewhere, a branch or another name is not.
func TestNameSetBrandInBrackets(t *testing.T) {
	set := NewNameSet("阿里云计算有限公司", "北京新网数码信息技术有限公司（新网）", "GoDaddy.com, LLC", "（万网）")
	in := []string{
		"阿里云计算有限公司（万网）",
		"阿里云计算有限公司(万网)",
		"阿里云计算有限公司 (万网)",
		"阿里云计算有限公司（万网） ",
		"阿里云计算有限公司（阿里云（万网））",
		"阿里雲計算有限公司（萬網）",
		"北京新网数码信息技术有限公司",
		"北京新网数码信息技术有限公司(xinnet)",
		"北京新网数码信息技术有限公司（新网）",
		"GoDaddy.com, LLC (GoDaddy)",
		"ＧｏＤａｄｄｙ.ｃｏｍ, ＬＬＣ（ＧｏＤａｄｄｙ）",
		"（万网）",
	}
	out := []string{
		"阿里云计算有限公司杭州分公司",
		"阿里云（万网）计算有限公司",
		"（万网）阿里云计算有限公司",
		"阿里云计算有限公司（万网",
		"阿里云计算有限公司万网)",
		"万网",
		"(",
		")",
		"()",
		"",
	}
	for _, n := range in {
		if !set.Contains(n) {
			t.Errorf("%q: not in the set", n)
		}
	}
	for _, n := range out {
		if set.Contains(n) {
			t.Errorf("%q: in the set", n)
		}
	}
}
