package rules

import (
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/provinces"
	"github.com/icpcheck/beian/rules/names"
)

// A bannedPrefix is a word a website name of a non-national unit must not
// start with (ucloud-site-naming, tencent-reject-reasons, xinnet-site-name,
// qingcloud-site-name): UCloud, Tencent, xinnet and QingCloud list
// 中国, 中华, 中央, 人民, 人大, 国家; QingCloud adds 全国; Huawei adds the
// state-function words 反腐, 纪检, 监察, 信访 and the public-interest
// words 维权, 投诉.
type bannedPrefix struct {
	word string
	// stateFunction marks the words of a state function, which the
	// government bodies performing it may use (a 纪委 naming its site
	// 纪检监察网).
	stateFunction bool
}

var bannedPrefixes = [...]bannedPrefix{
	{"中国", false}, {"中华", false}, {"中央", false}, {"人民", false}, {"人大", false},
	{"国家", false}, {"全国", false},
	{"反腐", true}, {"纪检", true}, {"监察", true}, {"信访", true},
	{"维权", false}, {"投诉", false},
}

// bannedPrefixDictionary returns the dictionary of the banned prefixes,
// so that the prefix check sees through the disguises the sensitive-word
// check sees through (中·国, 中-国, 中(国), 中_国, 中1国, 人⺠) and decides a
// hit by the words around it the same way: 反腐蚀 is a word of its own
// (the exception the sensitive-word list gives it too).
var bannedPrefixDictionary = sync.OnceValue(func() *names.Dictionary {
	if d, err := names.LoadDictionary(bannedPrefixCompiled); err == nil {
		return d
	}
	return compileBannedPrefixes()
})

// compileBannedPrefixes compiles the dictionary of the banned prefixes
// (data/banned_prefixes.dict holds it compiled).
func compileBannedPrefixes() *names.Dictionary {
	words := make([]string, 0, len(bannedPrefixes)+1)
	for _, p := range bannedPrefixes {
		words = append(words, p.word)
	}
	return names.NewDictionary(append(words, "!反腐蚀")...)
}

// nameBannedPrefix returns the banned word a website name starts with,
// ignoring leading punctuation and however disguised, and whether the
// subject may use it anyway. The filing model has no "national-level"
// mark, so a unit counts as national for a word when its own registered
// name starts with that word (中国移动通信集团有限公司 naming its site
// 中国移动官网: only units the State Council approved may register such a
// name), and a government body counts as entitled to the state-function
// words.
func nameBannedPrefix(pass *Pass, name string) (word string, exempt bool) {
	word, exempt, _ = bannedPrefixOf(pass, name, nil, nil)
	return word, exempt
}

// bannedPrefixOf is nameBannedPrefix, also returning where the word is
// in name, its separators included (bannedPrefixSpan of name). pre, when
// not nil, is name prepared, and memo the segmentation's memo the
// dictionary's find shares (see names.Memo).
func bannedPrefixOf(pass *Pass, name string, pre *names.Prepared, memo *names.Memo) (word string, exempt bool, span [2]int) {
	trimmed := strings.TrimLeftFunc(name, func(r rune) bool { return names.ClassOf(r).Separator() })
	if first, _ := utf8.DecodeRuneInString(trimmed); !bannedInitial(first) {
		return "", false, span
	}
	var m names.Match
	var ok bool
	if pre != nil && memo != nil && len(trimmed) == len(name) {
		m, ok = memo.Find(bannedPrefixDictionary(), pre)
	} else {
		m, ok = bannedPrefixDictionary().Find(trimmed)
	}
	if !ok || m.Start != 0 {
		return "", false, span
	}
	start := len(name) - len(trimmed)
	span = [2]int{start + m.Start, start + m.End}
	s := &pass.Filing.Subject
	for _, p := range bannedPrefixes {
		if p.word != m.Word {
			continue
		}
		switch {
		case s.Nature.IsUnit() && strings.HasPrefix(pass.subjectNormal(), p.word):
			return p.word, true, span
		case p.stateFunction && s.Nature == beian.NatureGovernment:
			return p.word, true, span
		}
		return p.word, false, span
	}
	return "", false, [2]int{}
}

// bannedInitial reports whether r starts one of bannedPrefixes
// (TestBannedInitials keeps it current).
func bannedInitial(r rune) bool {
	switch r {
	case '中', '人', '国', '全', '反', '纪', '监', '信', '维', '投':
		return true
	}
	return false
}

// relatesToCore reports whether a normalised website name relates to
// the subject's name, given the core of that name (see coreOfSubject):
// whether they share two consecutive Chinese characters, letters or
// digits. 示例科技官网 relates to 深圳市示例科技有限公司 (core 示例); 深圳旅游网
// does not (深圳 is the region only). It takes time linear in the two
// lengths: a long core is indexed by its pairs of characters rather than
// searched for each pair of the name.
func relatesToCore(name, core string) bool {
	if core == "" {
		return false
	}
	var pairs map[[2]rune]struct{}
	if len(core) > maxSearchedCore {
		pairs = corePairs(core)
	}
	var prev rune
	prevEnd := -1
	for i, size := 0, 0; i < len(name); i += size {
		r, ok := threeByteAt(name, i)
		if size = 3; !ok {
			r, size = utf8.DecodeRuneInString(name[i:])
		}
		c := names.ClassOf(r)
		if c != names.Han && c != names.Word {
			prevEnd = -1
			continue
		}
		if prevEnd >= 0 {
			if pairs != nil {
				if _, ok := pairs[[2]rune{prev, r}]; ok {
					return true
				}
			} else if strings.Contains(core, name[prevEnd-utf8.RuneLen(prev):i+utf8.RuneLen(r)]) {
				return true
			}
		}
		prev, prevEnd = r, i+utf8.RuneLen(r)
	}
	// A core of a single character or word still relates when the name
	// holds it whole.
	return utf8.RuneCountInString(core) < 2 && strings.Contains(name, core)
}

// maxSearchedCore is the longest core (in bytes) relatesToCore searches
// directly for each pair of the name's characters; a longer one is
// indexed first. Real cores have a few characters.
const maxSearchedCore = 48

// corePairs returns the set of pairs of consecutive characters of core.
func corePairs(core string) map[[2]rune]struct{} {
	pairs := make(map[[2]rune]struct{}, utf8.RuneCountInString(core))
	prev := rune(-1)
	for _, r := range core {
		if prev >= 0 {
			pairs[[2]rune{prev, r}] = struct{}{}
		}
		prev = r
	}
	return pairs
}

// coreOfSubject returns the core of a subject's name: its normalised form
// without what many subjects share (see subjectCore).
func coreOfSubject(subject string) string { return subjectCore(names.Normalize(subject)) }

// subjectCore strips from a normalised subject name what many subjects
// share: parenthesised parts ((深圳), (有限合伙)), the leading region
// (a province, then cities, districts, counties) and the trailing legal
// form and generic business words (有限公司, 科技, 信息 …). It keeps at
// least two characters where it can.
func subjectCore(s string) string {
	s = withoutParentheses(s)
	s = withoutProvince(s)
	for range 3 {
		rest, ok := cutAdminRegion(s)
		if !ok {
			break
		}
		s = rest
	}
	for {
		cut := false
		for list := genericSuffixesEndingIn(finalRune(s)); list != ""; {
			// The suffixes are Chinese characters (three bytes each)
			// separated by one space.
			k := 3
			for k < len(list) && list[k] != ' ' {
				k += 3
			}
			suffix := list[:k]
			list = list[min(k+1, len(list)):]
			if rest, ok := cutSuffix(s, suffix); ok && atLeastTwoRunes(rest) {
				s, cut = rest, true
				break
			}
		}
		if !cut {
			return s
		}
	}
}

// finalRune is utf8.DecodeLastRuneInString's rune, reading a last
// character of three bytes (U+0800–U+FFFF) in place.
func finalRune(s string) rune {
	if n := len(s); n >= 3 {
		if b0, b1, b2 := s[n-3], s[n-2], s[n-1]; b0&0xF0 == 0xE0 && b1&0xC0 == 0x80 && b2&0xC0 == 0x80 {
			if r := rune(b0&0x0F)<<12 | rune(b1&0x3F)<<6 | rune(b2&0x3F); r >= 0x800 && (r < 0xD800 || r > 0xDFFF) {
				return r
			}
		}
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// cutSuffix is strings.CutSuffix for suffixes of Chinese characters,
// comparing the last bytes first.
func cutSuffix(s, suffix string) (string, bool) {
	n, m := len(s), len(suffix)
	if n < m || s[n-1] != suffix[m-1] || s[n-2] != suffix[m-2] || s[n-m:] != suffix {
		return s, false
	}
	return s[:n-m], true
}

// atLeastTwoRunes reports whether s holds two runes or more.
func atLeastTwoRunes(s string) bool {
	if s == "" {
		return false
	}
	_, n := utf8.DecodeRuneInString(s)
	return n < len(s)
}

// genericSuffixesEndingIn returns, separated by spaces and longest first,
// the legal forms and generic business words that subject names end with
// and that end in r (TestGenericSuffixes checks the list).
func genericSuffixesEndingIn(r rune) string {
	switch r {
	case '司':
		return "股份有限公司 有限责任公司 有限公司 分公司 总公司 公司"
	case '团':
		return "集团"
	case '份':
		return "股份"
	case '限':
		return "有限"
	case '业':
		return "合伙企业 实业"
	case '户':
		return "个体工商户"
	case '室':
		return "工作室"
	case '所':
		return "事务所"
	case '部':
		return "经营部"
	case '行':
		return "商行"
	case '技':
		return "科技"
	case '术':
		return "技术"
	case '息':
		return "信息"
	case '络':
		return "网络"
	case '务':
		return "电子商务 服务"
	case '子':
		return "电子"
	case '件':
		return "软件"
	case '能':
		return "智能"
	case '字':
		return "数字"
	case '网':
		return "互联网"
	case '化':
		return "文化"
	case '媒':
		return "传媒"
	case '播':
		return "传播"
	case '告':
		return "广告"
	case '易':
		return "贸易"
	case '贸':
		return "商贸"
	case '展':
		return "发展"
	case '询':
		return "咨询"
	case '理':
		return "管理"
	case '资':
		return "投资"
	case '股':
		return "控股"
	case '际':
		return "国际"
	case '国':
		return "中国"
	}
	return ""
}

// withoutProvince cuts a leading province name, full (广东省) or short
// (广东), when at least two characters follow it.
func withoutProvince(s string) string {
	if first, _ := utf8.DecodeRuneInString(s); !provinceInitial(first) {
		return s
	}
	// Short names have two or three characters (广东, 内蒙古); a full name
	// is the short one and 省, 市, 自治区 or the like (广东省).
	cut := 0
	n := 0
	for i, r := range s {
		if n >= 3 || names.ClassOf(r) != names.Han {
			break
		}
		n++
		end := i + utf8.RuneLen(r)
		if n < 2 {
			continue
		}
		if p, ok := provinces.Lookup(s[:end]); ok && p.Short == s[:end] {
			cut = end
			if strings.HasPrefix(s, p.Name) {
				cut = len(p.Name)
			}
		}
	}
	if cut > 0 && atLeastTwoRunes(s[cut:]) {
		return s[cut:]
	}
	return s
}

// provinceInitial reports whether r starts a province's name
// (TestProvinceInitials keeps it current).
func provinceInitial(r rune) bool {
	switch r {
	case '北', '天', '河', '山', '内', '辽', '吉', '黑', '上', '江', '浙', '安', '福', '湖', '广',
		'海', '重', '四', '贵', '云', '西', '陕', '甘', '青', '宁', '新':
		return true
	}
	return false
}

// cutAdminRegion cuts a leading city, district, county or league name:
// one to four Chinese characters and 市, 区, 县, 州, 盟 or 旗, unless the
// last two characters form a common word (城市, 超市, 社区, 小区 …).
func cutAdminRegion(s string) (string, bool) {
	n := 0
	var prev rune
	for i := 0; i < len(s); i += 3 {
		// A character of U+4E00–U+9FFF is three bytes led by E4–E9; any
		// other rune (or invalid byte) ends the search.
		b := s[i]
		if n > 4 || b < 0xE4 || b > 0xE9 || i+2 >= len(s) || s[i+1]&0xC0 != 0x80 || s[i+2]&0xC0 != 0x80 {
			return s, false
		}
		r := rune(b&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F)
		if r < 0x4E00 {
			return s, false
		}
		switch r {
		case '市', '区', '县', '州', '盟', '旗':
			if n >= 1 && !notRegion(prev, r) {
				if rest := s[i+3:]; atLeastTwoRunes(rest) {
					return rest, true
				}
				return s, false
			}
		}
		prev = r
		n++
	}
	return s, false
}

// notRegion reports whether a character and the following 市, 区, 县, 州,
// 盟 or 旗 form a common word rather than end a region's name.
// It is notRegions as a switch (TestNotRegionAsList holds it to the
// list).
func notRegion(prev, r rune) bool {
	switch r {
	case '市':
		switch prev {
		case '城', '超', '夜', '门', '上', '股', '菜', '集', '早', '闹', '都':
			return true
		}
	case '区':
		switch prev {
		case '街', '社', '小', '园', '景', '校', '专', '片', '分', '商', '营', '灾', '展':
			return true
		}
	case '盟':
		switch prev {
		case '联', '同', '加':
			return true
		}
	case '旗':
		switch prev {
		case '国', '红':
			return true
		}
	}
	return false
}

var notRegions = [...][2]rune{
	{'城', '市'}, {'超', '市'}, {'夜', '市'}, {'门', '市'}, {'上', '市'}, {'股', '市'}, {'菜', '市'},
	{'集', '市'}, {'早', '市'}, {'闹', '市'}, {'都', '市'}, {'街', '区'}, {'社', '区'}, {'小', '区'},
	{'园', '区'}, {'景', '区'}, {'校', '区'}, {'专', '区'}, {'片', '区'}, {'分', '区'}, {'商', '区'},
	{'营', '区'}, {'灾', '区'}, {'展', '区'}, {'联', '盟'}, {'同', '盟'}, {'加', '盟'}, {'国', '旗'},
	{'红', '旗'},
}

// withoutParentheses returns the part of s before a parenthesised part
// ((深圳), (有限合伙)) when it has two characters or more, and s without
// the part otherwise; it does not allocate.
func withoutParentheses(s string) string {
	i := strings.IndexByte(s, '(')
	if i < 0 {
		return s
	}
	if atLeastTwoRunes(s[:i]) {
		return s[:i]
	}
	if j := strings.IndexByte(s[i:], ')'); j >= 0 {
		return s[i+j+1:]
	}
	return s[:i]
}

// explainedByRemark reports whether the remark names the website: it
// holds the website name's distinctive part (the name without a generic
// ending such as 官网 or 平台), as in "极速云盘为本公司的产品".
func explainedByRemark(remark, name string) bool {
	if strings.TrimSpace(remark) == "" {
		return false
	}
	core := name
	for _, suffix := range siteSuffixes {
		if rest, ok := strings.CutSuffix(core, suffix); ok && rest != "" {
			core = rest
			break
		}
	}
	return strings.Contains(names.Normalize(remark), core)
}

// siteSuffixes are the generic endings of website names, longest first.
var siteSuffixes = [...]string{
	"官方网站", "门户网站", "管理系统", "服务平台", "信息网", "官网", "网站", "门户", "平台", "系统", "商城", "主页", "网",
}
