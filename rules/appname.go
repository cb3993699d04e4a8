package rules

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/rules/names"
)

// AppName checks that App names follow the naming rules.
//
// An App's name is its real name, one for every platform (huawei-app-filing:
// AppNameRule, doc_0113). Emoji and symbols (the ASCII * & # @ % / \ _
// and their full-width forms among them), placeholder text (测试, 未命名,
// demo, test …), price or marketing words (免费, 特价, 限时, 第一, 最低价 …)
// and prices written with digits (9.9元, 0元, 9块9, 5折) are
// APP_NAME_INVALID (huawei-app-filing, doc_0123); other punctuation
// (brackets, hyphens, ! ?), which store rules refuse but no filing source
// names, is a warning, as is a name longer than the stores take (15
// Chinese characters or 30 letters, store rules). Two Apps of the filing
// with the same name are APP_NAME_INVALID too (ucloud-app-knowledge: one
// subject's Apps have different names): an error for two of one kind, a
// warning for an App and a mini-program or quick app, which is filed on
// its own platform.
//
// A name is neither a broad generic term nor a hot App's name
// (huawei-app-filing, doc_0123; the words in data/app_names.txt): a name
// made wholly of generic words and industry nouns (记账本, 视频播放器,
// 手机计算器) is APP_NAME_INVALID, and so is a hot App's name (微信, 支付宝,
// 美团外卖) unless the subject's name holds its operator's (腾讯, 支付宝,
// 三快 …); a name holding a hot App's name among its own words (微信记账助手)
// is a warning.
//
// The word rules of website names apply, with their codes at
// apps[i].name: a sensitive word is SITE_NAME_SENSITIVE (an error, as for
// websites, and a warning for the words of licensed trades and banned
// goods, data/restricted.txt); a banned prefix (中国, 国家 …), a personal subject's restricted
// words and fewer than three Chinese characters are warnings
// (SITE_NAME_BANNED_PREFIX, SITE_NAME_PERSONAL_RESTRICTED,
// SITE_NAME_TOO_SHORT), for no source states them for Apps.
var AppName = &Rule{
	Name: "appname",
	Doc:  docAppName,
	Codes: []Code{
		CodeAppNameInvalid, CodeSiteNameSensitive, CodeSiteNameBannedPrefix,
		CodeSiteNamePersonalRestricted, CodeSiteNameTooShort,
	},
	Run: runAppName,
}

// appPlaceholders are names a console form or a template leaves in place.
var appPlaceholders = []string{"测试", "未命名", "待定", "样例", "新建应用", "应用名称", "app名称", "我的应用"}

// appPlaceholderWords are Latin placeholder words, matched as whole words.
var appPlaceholderWords = []string{"test", "testing", "demo", "untitled", "placeholder", "sample", "xxx", "todo", "tbd", "myapp", "appname"}

// appMarketingWords are price and marketing words (the advertising law's
// superlatives among them).
var appMarketingWords = []string{
	"免费", "特价", "折扣", "打折", "优惠", "低价", "最低价", "限时", "秒杀", "包邮", "促销", "领券", "红包",
	"第一", "最好", "最佳", "最强", "顶级", "国家级", "最高级", "全网最", "元购", "清仓",
}

var appMarketingLatin = []string{"free", "sale", "discount", "cheapest", "best", "no1"}

func runAppName(pass *Pass) error {
	// Only a filing with Apps runs their names' code (see runApps).
	if len(pass.Filing.Apps) > 0 {
		checkAppNames(pass)
	}
	return nil
}

// reportSameAppName reports App i, whose normalised name is name, when an
// earlier App of the filing has the same name. Of the same kind (two
// native Apps, two mini-programs, two quick apps) it is an error
// (ucloud-app-knowledge: one subject's Apps need different names; one App
// on several platforms is one entry). Of another kind it is a warning:
// the rule is stated for Apps filed through one console, while a
// mini-program or quick app is filed on its own platform, and a brand's
// App and mini-program commonly share a name. seen holds the earlier
// Apps of each name.
func reportSameAppName(pass *Pass, seen map[string][]int, i int, name string, at func() beian.Path) {
	apps := pass.Filing.Apps
	earlier := seen[name]
	seen[name] = append(earlier, i)
	if len(earlier) == 0 {
		return
	}
	first, sev := earlier[0], Warning
	for _, j := range earlier {
		if apps[j].Type == apps[i].Type {
			first, sev = j, Error
			break
		}
	}
	other := beian.Path("apps").Index(first).Field("name")
	r := Rejection{Code: CodeAppNameInvalid, Severity: sev, Field: at(), Related: pass.keepPaths(other),
		Source: sourceOf([]string{"ucloud-app-knowledge"}, sev == Error),
		Args: pass.keepArgs([]Arg{
			Loc("problem", "与"+string(FieldLabel(other).ZH)+"相同：同一主体的App名称不能重复", "repeats another App's: one subject's Apps need different names"),
			Loc("remedy", "同一App在各平台使用同一名称，填在同一项中；不同App使用不同名称", "List one App's platforms under one entry; give different Apps different names"),
		})}
	if sev == Warning {
		r.Args = []Arg{
			Loc("problem", "与"+string(FieldLabel(other).ZH)+"相同，但二者类型不同（App、小程序、快应用）", "repeats the name of another kind of App (App, mini-program, quick app)"),
			Loc("remedy", "同一主体的App名称不能重复；小程序、快应用在其平台另行备案，与App同名通常可行，如接入商不接受，请改用不同名称", "One subject's Apps need different names; a mini-program or quick app is filed on its own platform, where sharing its App's name is usual: use another name only if the provider refuses it"),
		}
	}
	pass.Add(r)
}

// checkAppNames checks each App's name.
func checkAppNames(pass *Pass) {
	f := pass.Filing
	subject := &f.Subject
	dict := pass.Config.SensitiveDictionary()
	seen := map[string][]int{}
	for i := range f.Apps {
		a := &f.Apps[i]
		if blank(a.Name) {
			continue // the fields rule reports it
		}
		at := func() beian.Path { return beian.Path("apps").Index(i).Field("name") }
		raw := boundedName(a.Name)
		name := names.Normalize(raw)
		reportSameAppName(pass, seen, i, name, at)
		checkAppNameForm(pass, at, raw, name)

		// The dictionaries' finds share the name's segmentation.
		memo := pass.nameMemo()
		prepared := names.Prepare(name)
		// Every find, as a site name's: a word the words around it take
		// (紫色情怀), or one read from its pinyin (dubo), is a warning.
		every := memo.FindEvery(dict, &prepared)
		for _, m := range repeatedWords(dict, name, every) {
			if m.Category == "clean_government" && subject.Nature == beian.NatureGovernment {
				continue
			}
			pass.ReportAt(at(), CodeSiteNameSensitive, Error, Str("word", m.Word), repeatedReading)
		}
		for _, m := range every {
			if m.Category == "clean_government" && subject.Nature == beian.NatureGovernment {
				continue
			}
			if m.ReadAs != "" {
				pass.ReportAt(at(), CodeSiteNameSensitive, Warning, Str("word", m.Word), Str("read_as", m.ReadAs), readAsReading(m.ReadAs))
				continue
			}
			if weakHomophone(m) {
				pass.ReportAt(at(), CodeSiteNameSensitive, Warning, Str("word", m.Word), homophoneReading(stretch(name, m), m.Word))
				continue
			}
			pass.ReportAt(at(), CodeSiteNameSensitive, Error, Str("word", m.Word))
		}
		if subject.Nature != beian.NatureGovernment && mayHoldRestricted(name) {
			for _, m := range memo.FindAll(restrictedDictionary(), &prepared) {
				if !writtenInHan(name, m) {
					continue
				}
				pass.ReportAt(at(), CodeSiteNameSensitive, Warning, Str("word", m.Word), restrictedReading)
			}
		}
		checkAppNameWords(pass, at, name, &prepared, memo, subject)
		word, exempt, _ := bannedPrefixOf(pass, name, &prepared, memo)
		if word == "" {
			word, exempt = repeatedPrefix(pass, name) // 中中国国
		}
		if word != "" && !exempt {
			pass.ReportAt(at(), CodeSiteNameBannedPrefix, Warning, Str("prefix", word))
		}
		if subject.Nature == beian.NaturePersonal {
			mark := len(pass.rejections)
			checkPersonalName(pass, at, &prepared)
			for k := mark; k < len(pass.rejections); k++ {
				pass.rejections[k].Severity = min(pass.rejections[k].Severity, Warning)
			}
		}
		if han := countHan(name); han < 3 {
			pass.ReportAt(at(), CodeSiteNameTooShort, Warning, Int("count", han))
		}
		if w := nameWidth(name); w > appNameMaxWidth {
			pass.Add(Rejection{Code: CodeAppNameInvalid, Severity: Warning, Field: at(), Args: pass.keepArgs([]Arg{
				Loc("problem", "过长（超过15个汉字或30个字母），应用商店通常不接受", "is too long (over 15 Chinese characters or 30 letters), which app stores usually refuse"),
				Loc("remedy", "缩短名称，与应用商店中的名称一致", "Shorten the name, keeping it the one in the app stores"),
			})})
		}
	}
}

func countHan(s string) int {
	n := 0
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			n++
		}
	}
	return n
}

// checkAppNameForm reports symbols, placeholders and marketing words.
func checkAppNameForm(pass *Pass, at func() beian.Path, raw, name string) {
	report := func(sev Severity, problem, remedy Text) {
		pass.Add(Rejection{Code: CodeAppNameInvalid, Severity: sev, Field: at(), Args: pass.keepArgs([]Arg{{"problem", problem}, {"remedy", remedy}})})
	}
	symbolRemedy := Text{"删除名称中的表情符号和特殊符号", "Remove emoji and symbols from the name"}
	var puncts []rune
	prev := rune(-1)
	for i, r := range raw {
		switch {
		case unicode.IsSymbol(r) || r == 0x200d || r >= 0xfe00 && r <= 0xfe0f || appSpecialSymbol(r):
			report(Error, Text{"含有表情符号或特殊符号「" + string(r) + "」", "contains the emoji or symbol " + string(r)}, symbolRemedy)
			return
		case (r == '.' || r == '．') && isDigit(prev) && i+len(string(r)) < len(raw) && isDigit(rune(raw[i+len(string(r))])):
			// a decimal point or a version's dot (9.9, 2.0): no punctuation
		case unicode.IsPunct(r) && !nameDot(r) && !containsRune(puncts, r):
			puncts = append(puncts, r)
		}
		prev = r
	}
	for _, r := range puncts {
		report(Warning, Text{"含有标点「" + string(r) + "」，应用商店通常不接受", "contains the punctuation " + string(r) + ", which app stores usually refuse"}, symbolRemedy)
	}
	lower := strings.ToLower(name)
	words := latinWords(lower)
	placeholder := Text{"填写App的真实名称（与应用商店中的名称一致）", "Give the App's real name (the one in the app stores)"}
	for _, w := range appPlaceholders {
		if strings.Contains(lower, w) {
			report(Error, Text{"含有占位文字「" + w + "」", "contains the placeholder text " + w}, placeholder)
			return
		}
	}
	for _, w := range appPlaceholderWords {
		if words[w] {
			report(Error, Text{"含有占位文字「" + w + "」", "contains the placeholder text " + w}, placeholder)
			return
		}
	}
	marketing := Text{"删除价格和营销用语，只保留App的名称", "Remove price and marketing words, keeping the App's name alone"}
	for _, w := range appMarketingWords {
		if strings.Contains(lower, w) {
			report(Error, Text{"含有价格或营销用语「" + w + "」", "contains the price or marketing word " + w}, marketing)
			return
		}
	}
	for _, w := range appMarketingLatin {
		if words[w] {
			report(Error, Text{"含有价格或营销用语「" + w + "」", "contains the price or marketing word " + w}, marketing)
			return
		}
	}
	if p := priceIn(lower); p != "" {
		report(Error, Text{"含有价格「" + p + "」", "contains the price " + p}, marketing)
	}
}

// appSpecialSymbol reports whether r is one of the ASCII characters, or
// their full-width forms, that Unicode files as punctuation but that a
// name writes as symbols (* & # @ % / \ _): huawei-app-filing (doc_0123)
// refuses "(special) symbols" in App names, and the store rules name * and &.
// Brackets, hyphens and sentence punctuation (! ? , :) stay warnings.
func appSpecialSymbol(r rune) bool {
	if r >= 0xff01 && r <= 0xff5e {
		r -= 0xfee0 // full-width ASCII
	}
	switch r {
	case '*', '&', '#', '@', '%', '/', '\\', '_':
		return true
	}
	return false
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' || r >= '０' && r <= '９' }

// priceIn returns the first price written in name (in its normal form)
// with digits and a unit of money: 9.9元, 0元, 9块9, 1块钱, 5折; "" when
// none. The words that start with the unit's character and are no price
// (元宇宙, 元素, 元旦, 折叠 …) are left alone.
func priceIn(name string) string {
	if strings.IndexFunc(name, isDigit) < 0 && !strings.Contains(name, "零元") {
		return "" // the common case: no digit, no allocation
	}
	rs := []rune(name)
	for i := 0; i < len(rs); i++ {
		if !isDigit(rs[i]) && !(rs[i] == '零' && i+1 < len(rs) && rs[i+1] == '元') {
			continue
		}
		start := i
		for i < len(rs) && (isDigit(rs[i]) || rs[i] == '零' || (rs[i] == '.' && i+1 < len(rs) && isDigit(rs[i+1]))) {
			i++
		}
		j := i
		for j < len(rs) && rs[j] == ' ' {
			j++
		}
		if j >= len(rs) {
			return ""
		}
		var next rune
		if j+1 < len(rs) {
			next = rs[j+1]
		}
		price := false
		switch rs[j] {
		case '元':
			price = !strings.ContainsRune("宇素旦宵气年老帅首件组", next)
		case '块':
			price = next == '钱' || isDigit(next) || strings.ContainsRune("一二三四五六七八九", next)
		case '折':
			price = !strings.ContainsRune("叠纸线腾射", next)
		}
		if price {
			return string(rs[start : j+1])
		}
		i = j - 1
	}
	return ""
}

// latinWords returns the runs of Latin letters and digits of s.
func latinWords(s string) map[string]bool {
	var out map[string]bool
	start := -1
	for i := 0; i <= len(s); i++ {
		alnum := i < len(s) && (s[i] >= 'a' && s[i] <= 'z' || s[i] >= '0' && s[i] <= '9')
		switch {
		case alnum && start < 0:
			start = i
		case !alnum && start >= 0:
			if out == nil {
				out = map[string]bool{}
			}
			out[s[start:i]] = true
			start = -1
		}
	}
	return out
}

// appNameMaxWidth is the longest App name the app stores take, in
// columns: 15 Chinese characters or 30 letters (the stores' rules
// app-filing-facts §3.1 reports with the filing rule, MED: a warning).
const appNameMaxWidth = 30

// nameWidth returns the columns of name: two for a Chinese character or
// any other wide character, one for the others.
func nameWidth(name string) int {
	w := 0
	for _, r := range name {
		if unicode.Is(unicode.Han, r) || r >= 0x3000 && r <= 0x9fff || r >= 0xac00 && r <= 0xd7af || r >= 0xff00 && r <= 0xff60 {
			w += 2
		} else {
			w++
		}
	}
	return w
}

// appNameLists is data/app_names.txt indexed for the whole-name tests.
type appNameLists struct {
	generic    map[string]bool   // the generic words, in normal form
	maxGeneric int               // the runes of the longest
	hot        map[string]string // a hot App's name → its category
}

// appNameIndex reads data/app_names.txt's words by category, once
// (TestWordListsParse holds them to their normal form).
var appNameIndex = sync.OnceValue(func() *appNameLists { return readAppNameLists(appNameWords) })

func readAppNameLists(data string) *appNameLists {
	l := &appNameLists{generic: map[string]bool{}, hot: map[string]string{}}
	category := ""
	for line := range strings.Lines(data) {
		line = strings.TrimSpace(line)
		switch {
		case strings.HasPrefix(line, "###"):
			continue
		case strings.HasPrefix(line, "##"):
			if f := strings.Fields(line[2:]); len(f) > 0 {
				category = f[0]
			}
			continue
		case line == "" || line[0] == '#' || line[0] == '!':
			continue
		}
		switch {
		case category == "generic":
			l.generic[line] = true
			l.maxGeneric = max(l.maxGeneric, utf8.RuneCountInString(line))
		case strings.HasPrefix(category, "hot:"):
			l.hot[line] = category
		}
	}
	return l
}

// hotName returns the category of the hot App whose name name (in its
// normal form) is, the characters that are neither letters nor digits
// aside (美团 外卖 and 美团·外卖 are 美团外卖); "" when it is none. No
// allocation: the letters and digits are gathered on the stack, and a
// name longer than any hot name is none.
func hotName(name string, l *appNameLists) string {
	var buf [64]byte
	b := buf[:0]
	for _, r := range name {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			continue
		}
		if len(b)+utf8.RuneLen(r) > len(buf) {
			return ""
		}
		b = utf8.AppendRune(b, r)
	}
	return l.hot[string(b)]
}

// genericName reports whether name (in its normal form) is made wholly
// of the generic words of data/app_names.txt, digits and the characters
// that are neither letters nor digits aside, with one word at least.
// It reads the name in place: no allocation for a name of fewer than 64
// characters in a run.
func genericName(name string, l *appNameLists) bool {
	words := 0
	for i := 0; i < len(name); {
		r, size := utf8.DecodeRuneInString(name[i:])
		switch {
		case unicode.Is(unicode.Han, r):
			j := i
			for j < len(name) {
				c, n := utf8.DecodeRuneInString(name[j:])
				if !unicode.Is(unicode.Han, c) {
					break
				}
				j += n
			}
			n := coverWords(name[i:j], l)
			if n == 0 {
				return false
			}
			words += n
			i = j
		case r < 0x80 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'):
			j := i
			for j < len(name) && (name[j] >= 'a' && name[j] <= 'z' || name[j] >= 'A' && name[j] <= 'Z') {
				j++
			}
			if !l.generic[name[i:j]] && !l.generic[strings.ToLower(name[i:j])] {
				return false
			}
			words++
			i = j
		case unicode.IsLetter(r):
			return false // kana, Hangul, other scripts: not judged
		default:
			i += size // digits, spaces, punctuation
		}
	}
	return words > 0
}

// coverWords returns the fewest generic words run (Chinese characters
// only) is made of, 0 when it is not made of them.
func coverWords(run string, l *appNameLists) int {
	const none = 1 << 30
	// ends[k]: the byte offset of run's k-th rune boundary; best[k]: the
	// fewest words covering run[:ends[k]].
	var endsArr, bestArr [65]int
	n := utf8.RuneCountInString(run)
	ends, best := endsArr[:0], bestArr[:0]
	if n >= len(endsArr) {
		ends, best = make([]int, 0, n+1), make([]int, 0, n+1)
	}
	ends = append(ends, 0)
	for i := range run {
		if i > 0 {
			ends = append(ends, i)
		}
	}
	ends = append(ends, len(run))
	best = append(best, 0)
	for i := 1; i < len(ends); i++ {
		b := none
		for k := max(0, i-l.maxGeneric); k < i; k++ {
			if best[k] < none && best[k]+1 < b && l.generic[run[ends[k]:ends[i]]] {
				b = best[k] + 1
			}
		}
		best = append(best, b)
	}
	if best[len(best)-1] >= none {
		return 0
	}
	return best[len(best)-1]
}

// hotOwner reports whether the subject's name holds one of the words of
// a hot App's operator (its category, "hot:腾讯/…").
func hotOwner(pass *Pass, category string) bool {
	if subject := &pass.Filing.Subject; subject.Nature == beian.NaturePersonal || blank(subject.Name) {
		return false
	}
	sn := pass.subjectNormal()
	for _, w := range strings.Split(strings.TrimPrefix(category, "hot:"), "/") {
		if w != "" && strings.Contains(sn, w) {
			return true
		}
	}
	return false
}

// checkAppNameWords reports an App name made only of generic words, and
// one equal to or holding a hot App's name (huawei-app-filing, doc_0123:
// not a broad generic term, hot-App name or industry noun).
func checkAppNameWords(pass *Pass, at func() beian.Path, name string, prepared *names.Prepared, memo *names.Memo, subject *beian.Subject) {
	l := appNameIndex()
	if cat := hotName(name, l); cat != "" {
		if !hotOwner(pass, cat) {
			pass.Add(Rejection{Code: CodeAppNameInvalid, Severity: Error, Field: at(), Args: pass.keepArgs([]Arg{
				Loc("problem", "是热门App的名称", "is the name of a popular App"),
				Loc("remedy", "填写本App自己的名称；热门App只能由其运营者备案", "Give this App's own name; a popular App is filed by its operator only"),
			})})
		}
		return
	}
	if genericName(name, l) {
		pass.Add(Rejection{Code: CodeAppNameInvalid, Severity: Error, Field: at(), Args: pass.keepArgs([]Arg{
			Loc("problem", "只由通用词或行业名词组成，没有可区分的名称", "is made only of generic or industry words, with nothing distinctive"),
			Loc("remedy", "在名称中加入品牌或字号（如「示例记账本」而非「记账本」）", "Add a brand or trade name (示例记账本 rather than 记账本)"),
		})})
		return
	}
	for _, m := range memo.FindAll(appHotDictionary(), prepared) {
		if !strings.HasPrefix(m.Category, "hot:") || hotOwner(pass, m.Category) {
			continue
		}
		pass.Add(Rejection{Code: CodeAppNameInvalid, Severity: Warning, Field: at(), Args: pass.keepArgs([]Arg{
			Loc("problem", "含有热门App的名称「"+m.Word+"」", "holds the name of the popular App "+m.Word),
			Loc("remedy", "除非得到该App运营者的授权，删除其名称", "Remove it unless the App's operator has authorised the use"),
		})})
		return
	}
}
