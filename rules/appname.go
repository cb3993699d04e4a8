package rules

import (
	"strings"
	"unicode"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/rules/names"
)

// AppName checks that App names follow the naming rules.
//
// An App's name is its real name, one for every platform (huawei-app-filing:
// AppNameRule, doc_0113). Emoji and symbols, placeholder text (测试,
// 未命名, demo, test …), and price or marketing words (免费, 特价, 限时, 第一,
// 最低价 …) are APP_NAME_INVALID (huawei-app-filing, doc_0123); other
// punctuation (brackets, hyphens), which store rules refuse but no filing
// source names, is a warning. Two Apps of the filing with the same name are
// APP_NAME_INVALID too (ucloud-app-knowledge: one subject's Apps have
// different names): an error for two of one kind, a warning for an App
// and a mini-program or quick app, which is filed on its own platform.
//
// The word rules of website names apply, with their codes at
// apps[i].name: a sensitive word is SITE_NAME_SENSITIVE (an error, as for
// websites); a banned prefix (中国, 国家 …), a personal subject's restricted
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
	r := Rejection{Code: CodeAppNameInvalid, Severity: sev, Field: at(), Related: []beian.Path{other},
		Source: sourceOf([]string{"ucloud-app-knowledge"}, sev == Error),
		Args: []Arg{
			Loc("problem", "与"+string(FieldLabel(other).ZH)+"相同：同一主体的App名称不能重复", "repeats another App's: one subject's Apps need different names"),
			Loc("remedy", "同一App在各平台使用同一名称，填在同一项中；不同App使用不同名称", "List one App's platforms under one entry; give different Apps different names"),
		}}
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
		for _, m := range memo.FindAll(dict, &prepared) {
			if m.Category == "clean_government" && subject.Nature == beian.NatureGovernment {
				continue
			}
			pass.ReportAt(at(), CodeSiteNameSensitive, Error, Str("word", m.Word))
		}
		if word, exempt, _ := bannedPrefixOf(name, &prepared, memo, subject); word != "" && !exempt {
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
		pass.Add(Rejection{Code: CodeAppNameInvalid, Severity: sev, Field: at(), Args: []Arg{{"problem", problem}, {"remedy", remedy}}})
	}
	symbolRemedy := Text{"删除名称中的表情符号和特殊符号", "Remove emoji and symbols from the name"}
	var puncts []rune
	for _, r := range raw {
		switch {
		case unicode.IsSymbol(r) || r == 0x200d || r >= 0xfe00 && r <= 0xfe0f:
			report(Error, Text{"含有表情符号或特殊符号「" + string(r) + "」", "contains the emoji or symbol " + string(r)}, symbolRemedy)
			return
		case unicode.IsPunct(r) && !nameDot(r) && !containsRune(puncts, r):
			puncts = append(puncts, r)
		}
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
