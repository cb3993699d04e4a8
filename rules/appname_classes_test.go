package rules_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/provinces"
	"github.com/icpcheck/beian/rules"
	"github.com/icpcheck/beian/rules/names"
)

// The classes of App names the outside tester found missed (M1 hot
// names, M2 generic names, M3 prices with digits, M4 ASCII symbols, M8
// pre-approval hints, name_long), each over every kind of App and both
// sides of its boundary.

// appKinds are the kinds of App a name is checked for, each with a
// platform of its own.
var appKinds = []struct {
	kind     beian.AppType
	platform beian.Platform
}{
	{beian.AppNative, beian.PlatformAndroid},
	{beian.AppMiniProgram, beian.PlatformWeChat},
	{beian.AppMiniProgram, beian.PlatformAlipay},
	{beian.AppQuickApp, beian.PlatformOther},
}

// sevFound is one rejection with its severity.
type sevFound struct {
	Field beian.Path
	Code  rules.Code
	Sev   rules.Severity
}

func (s sevFound) String() string { return fmt.Sprintf("%s@%s:%v", s.Code, s.Field, s.Sev) }

// appNameFiling returns a clean filing of subject whose second App, of
// the kind given, is named name (the first is a clean native App).
func appNameFiling(kind beian.AppType, platform beian.Platform, name, subject string, nature beian.Nature) *beian.Filing {
	f := appFiling()
	f.Apps[0].Name = "示例乙方" // no name the tests give
	f.Subject.Nature = nature
	f.Subject.Name = subject
	f.Apps = append(f.Apps, beian.App{Type: kind, Name: name, PrincipalSameAsSubject: true,
		Platforms: []beian.AppPlatform{{Platform: platform, Package: "wx1234567890abcdef"}}})
	return f
}

// appNameFinds runs rule and returns what it reported at apps[1].name
// with code.
func appNameFinds(t *testing.T, rule *rules.Rule, f *beian.Filing, code rules.Code) []sevFound {
	t.Helper()
	var out []sevFound
	for _, r := range run(t, rule, f) {
		if r.Code == code {
			out = append(out, sevFound{r.Field, r.Code, r.Severity})
		}
	}
	return out
}

const exampleSubject = "深圳市示例科技有限公司"

var nameAt = beian.Path("apps").Index(1).Field("name")

func countHanForTest(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0x4e00 && r <= 0x9fff {
			n++
		}
	}
	return n
}

// spaced writes s with a space between its characters.
func spaced(s string) string { return strings.Join(strings.Split(s, ""), " ") }

// fullWidth writes s's ASCII letters and digits in their full-width forms.
func fullWidth(s string) string {
	return strings.Map(func(r rune) rune {
		if r > ' ' && r < 0x7f {
			return r + 0xfee0
		}
		return r
	}, s)
}

// TestAppNameGenericClass: every generic word of data/app_names.txt, and
// names made only of them, as typed, spaced, upper-case and full-width,
// is an error for every kind of App; the same word after a name of the
// App's own is not reported.
func TestAppNameGenericClass(t *testing.T) {
	words := rules.AppNameWordsForTest()["generic"]
	require.NotEmpty(t, words)
	var names []string
	for _, w := range words {
		names = append(names, w, strings.ToUpper(w), fullWidth(w))
		if countHanForTest(w) > 1 {
			names = append(names, spaced(w))
		}
	}
	names = append(names, "视频播放器", "手机计算器", "购物商城 App", "天气预报HD", "计算器2", "记账本（专业版）", "Video Player",
		"記賬本", "計算器", "瀏覽器", "視頻播放器", "購物商城", "天氣預報", "记账本小程序", "天气快应用")
	want := []sevFound{{nameAt, rules.CodeAppNameInvalid, rules.Error}}
	for _, k := range appKinds {
		for _, name := range names {
			f := appNameFiling(k.kind, k.platform, name, exampleSubject, beian.NatureEnterprise)
			got := appNameFinds(t, rules.AppName, f, rules.CodeAppNameInvalid)
			// A name with brackets adds a punctuation warning for each.
			if strings.ContainsAny(name, "（") {
				want := append([]sevFound{}, want...)
				want = append(want, sevFound{nameAt, rules.CodeAppNameInvalid, rules.Warning}, sevFound{nameAt, rules.CodeAppNameInvalid, rules.Warning})
				assert.ElementsMatch(t, want, got, "%s %s %q", k.kind, k.platform, name)
				continue
			}
			assert.Equal(t, want, got, "%s %s %q", k.kind, k.platform, name)
		}
		// The other side: a name of the App's own, with any generic word.
		for _, w := range words {
			for _, name := range []string{"示例" + w, "小鹿" + w, w + "小鹿", "Shili " + w} {
				f := appNameFiling(k.kind, k.platform, name, exampleSubject, beian.NatureEnterprise)
				assert.Empty(t, appNameFinds(t, rules.AppName, f, rules.CodeAppNameInvalid), "%s %q", k.kind, name)
			}
		}
	}
}

// tradForms are hot names in traditional characters.
var tradForms = map[string]string{"支付宝": "支付寶", "淘宝": "淘寶", "美团外卖": "美團外賣", "哔哩哔哩": "嗶哩嗶哩", "爱奇艺": "愛奇藝", "饿了么": "餓了麼", "网易云音乐": "網易雲音樂"}

// TestAppNameHotClass: every hot App name of data/app_names.txt, as
// typed, spaced, upper-case, full-width and in traditional characters,
// is an error for every kind of App filed by a subject other than its
// operator, personal subjects included; the operator's own filing is not
// reported; a name holding a hot name among its own words is a warning;
// a name of one's own is not reported.
func TestAppNameHotClass(t *testing.T) {
	lists := rules.AppNameWordsForTest()
	n := 0
	for cat, words := range lists {
		owners, ok := strings.CutPrefix(cat, "hot:")
		if !ok {
			continue
		}
		owner := strings.Split(owners, "/")[0] + "科技有限公司"
		for _, w := range words {
			n++
			forms := []string{w, spaced(w), strings.ToUpper(w), fullWidth(strings.ToUpper(w))}
			if tr, ok := tradForms[w]; ok {
				forms = append(forms, tr)
			}
			for _, k := range appKinds {
				for _, name := range forms {
					for _, s := range []struct {
						name   string
						nature beian.Nature
					}{{exampleSubject, beian.NatureEnterprise}, {"李四", beian.NaturePersonal}} {
						f := appNameFiling(k.kind, k.platform, name, s.name, s.nature)
						assert.Equal(t, []sevFound{{nameAt, rules.CodeAppNameInvalid, rules.Error}},
							appNameFinds(t, rules.AppName, f, rules.CodeAppNameInvalid), "%s %q by %s", k.kind, name, s.name)
					}
					f := appNameFiling(k.kind, k.platform, name, owner, beian.NatureEnterprise)
					assert.Empty(t, appNameFinds(t, rules.AppName, f, rules.CodeAppNameInvalid), "%s %q by its operator %s", k.kind, name, owner)
				}
				held := w + "记账助手"
				f := appNameFiling(k.kind, k.platform, held, exampleSubject, beian.NatureEnterprise)
				assert.Equal(t, []sevFound{{nameAt, rules.CodeAppNameInvalid, rules.Warning}},
					appNameFinds(t, rules.AppName, f, rules.CodeAppNameInvalid), "%s %q", k.kind, held)
				f = appNameFiling(k.kind, k.platform, held, owner, beian.NatureEnterprise)
				assert.Empty(t, appNameFinds(t, rules.AppName, f, rules.CodeAppNameInvalid), "%s %q by its operator", k.kind, held)
			}
		}
	}
	assert.GreaterOrEqual(t, n, 30, "hot names listed")
	// Ordinary Apps' names, with a generic word beside a name of their
	// own, and names whose characters straddle a hot name's (北京/东城,
	// 京东方, 快/手工), are not reported.
	for _, k := range appKinds {
		for _, name := range strings.Fields(ordinaryAppNames) {
			f := appNameFiling(k.kind, k.platform, name, exampleSubject, beian.NatureEnterprise)
			assert.Empty(t, appNameFinds(t, rules.AppName, f, rules.CodeAppNameInvalid), "%s %q", k.kind, name)
		}
	}
}

// TestAppNamePriceClass: a price written with digits (ASCII or
// full-width) and a unit of money, anywhere in the name, is an error for
// every kind of App; digits that are no price are not reported.
func TestAppNamePriceClass(t *testing.T) {
	prices := []string{"9.9元", "0元", "０元", "99元", "9块9", "1块钱", "5折", "3 折", "零元", "1.99 元"}
	var bad []string
	for _, p := range prices {
		bad = append(bad, "示例记账本"+p, p+"示例记账", "示例"+p+"记账")
	}
	good := []string{"示例记账本2.0", "示例记账本2", "2048示例", "示例元宇宙3", "示例3元素", "示例2折叠屏", "示例12306", "示例记账本 V3", "示例5G"}
	for _, k := range appKinds {
		for _, name := range bad {
			f := appNameFiling(k.kind, k.platform, name, exampleSubject, beian.NatureEnterprise)
			assert.Equal(t, []sevFound{{nameAt, rules.CodeAppNameInvalid, rules.Error}},
				appNameFinds(t, rules.AppName, f, rules.CodeAppNameInvalid), "%s %q", k.kind, name)
		}
		for _, name := range good {
			f := appNameFiling(k.kind, k.platform, name, exampleSubject, beian.NatureEnterprise)
			assert.Empty(t, appNameFinds(t, rules.AppName, f, rules.CodeAppNameInvalid), "%s %q", k.kind, name)
		}
	}
}

// TestAppNameSymbolClass: the ASCII symbols * & # @ % / \ _ and their
// full-width forms, at the start, inside and at the end of the name, are
// errors for every kind of App; brackets, hyphens and sentence
// punctuation stay warnings.
func TestAppNameSymbolClass(t *testing.T) {
	for _, k := range appKinds {
		for _, sym := range strings.Split(`*&#@%/\_`, "") {
			for _, s := range []string{sym, fullWidth(sym)} {
				for _, name := range []string{s + "示例记账本", "示例" + s + "记账本", "示例记账本" + s} {
					f := appNameFiling(k.kind, k.platform, name, exampleSubject, beian.NatureEnterprise)
					assert.Equal(t, []sevFound{{nameAt, rules.CodeAppNameInvalid, rules.Error}},
						appNameFinds(t, rules.AppName, f, rules.CodeAppNameInvalid), "%s %q", k.kind, name)
				}
			}
		}
		for _, name := range []string{"示例记账本!", "示例记账本！", "示例-记账本", "示例记账本(专业版)", "【示例】记账本", "示例记账本?"} {
			f := appNameFiling(k.kind, k.platform, name, exampleSubject, beian.NatureEnterprise)
			got := appNameFinds(t, rules.AppName, f, rules.CodeAppNameInvalid)
			require.NotEmpty(t, got, "%s %q", k.kind, name)
			for _, g := range got {
				assert.Equal(t, sevFound{nameAt, rules.CodeAppNameInvalid, rules.Warning}, g, "%s %q", k.kind, name)
			}
		}
		for _, name := range []string{"示例·记账本", "示例记账本 Lite", "示例记账本2.0"} {
			f := appNameFiling(k.kind, k.platform, name, exampleSubject, beian.NatureEnterprise)
			assert.Empty(t, appNameFinds(t, rules.AppName, f, rules.CodeAppNameInvalid), "%s %q", k.kind, name)
		}
	}
}

// TestAppNameLengthClass: 15 Chinese characters or 30 letters pass, one
// more is a warning, for every kind of App; a mixed name counts a Chinese
// character as two letters.
func TestAppNameLengthClass(t *testing.T) {
	han := "示例科技记账本理财助手家庭账本管理专业版"
	latin := strings.Repeat("Shililedger", 3)
	for _, k := range appKinds {
		for _, tc := range []struct {
			name string
			long bool
		}{
			{string([]rune(han)[:15]), false},
			{string([]rune(han)[:16]), true},
			{han, true},
			{latin[:30], false},
			{latin[:31], true},
			{"示例记账" + latin[:22], false},
			{"示例记账" + latin[:23], true},
		} {
			f := appNameFiling(k.kind, k.platform, tc.name, exampleSubject, beian.NatureEnterprise)
			got := appNameFinds(t, rules.AppName, f, rules.CodeAppNameInvalid)
			if tc.long {
				assert.Equal(t, []sevFound{{nameAt, rules.CodeAppNameInvalid, rules.Warning}}, got, "%s %q", k.kind, tc.name)
			} else {
				assert.Empty(t, got, "%s %q", k.kind, tc.name)
			}
		}
	}
}

// TestAppNamePreApprovalHintClass: a word of every category of the
// pre-approval hint list, in an App's, mini-program's or quick app's
// name, is the warning CONTENT_PRE_APPROVAL_HINT at apps[i].name unless
// the App declares the category with its approval; declared without one,
// the App gets CONTENT_PRE_APPROVAL_REQUIRED and no hint.
func TestAppNamePreApprovalHintClass(t *testing.T) {
	d := rules.PreApprovalHintDictionaryForTest()
	first := map[string]string{}
	for _, w := range d.Words() {
		cat, _ := d.Category(w)
		if _, ok := first[cat]; !ok {
			first[cat] = w
		}
	}
	require.GreaterOrEqual(t, len(first), 10)
	for cat, w := range first {
		for _, k := range appKinds {
			name := "示例" + w + "平台"
			f := appNameFiling(k.kind, k.platform, name, exampleSubject, beian.NatureEnterprise)
			assert.Equal(t, []sevFound{{nameAt, rules.CodeContentPreApprovalHint, rules.Warning}},
				appNameFinds(t, rules.Content, f, rules.CodeContentPreApprovalHint), "%s %s %q", k.kind, cat, name)

			f = appNameFiling(k.kind, k.platform, name, exampleSubject, beian.NatureEnterprise)
			f.Apps[1].ContentCategories = []beian.ContentCategory{beian.ContentCategory(cat)}
			f.Apps[1].PreApprovals = []beian.PreApproval{{Category: beian.ContentCategory(cat), Number: "粤-12345号", Document: true}}
			assert.Empty(t, appNameFinds(t, rules.Content, f, rules.CodeContentPreApprovalHint), "%s %s %q approved", k.kind, cat, name)

			f.Apps[1].PreApprovals = nil
			assert.Empty(t, appNameFinds(t, rules.Content, f, rules.CodeContentPreApprovalHint), "%s %s %q declared", k.kind, cat, name)
			assert.NotEmpty(t, appNameFinds(t, rules.Content, f, rules.CodeContentPreApprovalRequired), "%s %s %q declared", k.kind, cat, name)
		}
	}
	// A name of no such industry gets no hint.
	f := appNameFiling(beian.AppMiniProgram, beian.PlatformWeChat, "示例记账本", exampleSubject, beian.NatureEnterprise)
	assert.Empty(t, appNameFinds(t, rules.Content, f, rules.CodeContentPreApprovalHint))
}

// ordinaryAppNames are names of the kind the app stores list, each with
// a word of its own: none is generic or another's hot name.
const ordinaryAppNames = `示例账簿 小鹿记账 随手记 挖财记账 网易有道词典 墨迹天气 酷狗音乐 喜马拉雅 得物 唯品会
美图秀秀 作业帮 懂车帝 汽车之家 贝壳找房 智联招聘 云闪付 同花顺 雪球 番茄小说 夸克 百词斩 Keep 剪映
虎牙直播 陌陌 58同城 盒马 叮咚买菜 航旅纵横 马蜂窝 扫描全能王 印象笔记 滴答清单 北京东城通 京东方科技
东方雨虹 快手工坊 示例记账本Pro 示例手机管家`

// BenchmarkAppNameRules measures the App name and content rules on a
// filing of three Apps (a native App, a mini-program, a quick app) with
// clean names.
func BenchmarkAppNameRules(b *testing.B) {
	f := appFiling()
	f.Apps = append(f.Apps,
		beian.App{Type: beian.AppMiniProgram, Name: "示例记账助手", PrincipalSameAsSubject: true, Platforms: []beian.AppPlatform{{Platform: beian.PlatformWeChat, Package: "wx1234567890abcdef"}}},
		beian.App{Type: beian.AppQuickApp, Name: "小鹿账簿 Lite", PrincipalSameAsSubject: true, Platforms: []beian.AppPlatform{{Platform: beian.PlatformOther, Package: "cn.shilikeji.quick"}}})
	cfg := &rules.Config{Policies: provinces.DefaultPolicies(), Dictionary: names.DefaultDictionary()}
	for _, r := range []*rules.Rule{rules.AppName, rules.Content} {
		b.Run(r.Name, func(b *testing.B) {
			pass := rules.NewPass(context.Background(), f, f, cfg, today)
			pass.Rule = r
			b.ReportAllocs()
			for b.Loop() {
				_ = r.Run(pass)
			}
		})
	}
}

// TestAppNameSensitiveAsSiteName: the word rules of site names apply to
// App names (SPEC §3), so every sensitive word a site's name holds, at its
// severity, an App's name of the same text holds: each word of the
// reference's examples and the dictionary's classes (a grave word, a
// national one, a homophone, a word the words around it take) written in
// characters, in pinyin (whole, spaced, capitalised, with a Cyrillic
// look-alike letter), at the start, in the middle and at the end of a
// name, for each kind of App.
func TestAppNameSensitiveAsSiteName(t *testing.T) {
	words := []string{
		"赌博", "色情", "反腐", "廉政", "六合彩", "法轮功", "睹博", "色晴",
		"dubo", "DUBO", "du bo", "dubо", "seqing", "fanfu", "fan fu", "lianzheng", "LIAN ZHENG", "liuhecai",
		"紫色情怀", "特色情景", "舞台独唱",
	}
	frames := []func(w string) string{
		func(w string) string { return w + "示例记账" },
		func(w string) string { return "示例" + w + "记账" },
		func(w string) string { return "示例记账" + w },
	}
	type find struct {
		word string
		sev  rules.Severity
	}
	finds := func(rs []rules.Rejection, at beian.Path) []find {
		var out []find
		for _, r := range rs {
			if r.Code != rules.CodeSiteNameSensitive || r.Field != at {
				continue
			}
			w := ""
			for _, a := range r.Args {
				if a.Name == "word" {
					w = a.Value.ZH
				}
			}
			out = append(out, find{w, r.Severity})
		}
		return out
	}
	for _, w := range words {
		for k, frame := range frames {
			name := frame(w)
			site := cleanFiling()
			site.Websites[0].Name = name
			want := finds(run(t, rules.SiteName, site), "websites[0].name")
			if k == 1 && !strings.Contains(name, "紫") && !strings.Contains(name, "特") && !strings.Contains(name, "舞") {
				require.NotEmpty(t, want, "%s: the site name's finds are the test's premise", name)
			}
			for _, kind := range appKinds {
				f := appNameFiling(kind.kind, kind.platform, name, exampleSubject, beian.NatureEnterprise)
				got := finds(run(t, rules.AppName, f), nameAt)
				assert.ElementsMatch(t, want, got, "%s as the name of a %s", name, kind.kind)
			}
		}
	}
}
