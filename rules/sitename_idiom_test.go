package rules_test

import (
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/provinces"
	"github.com/icpcheck/beian/rules"
)

// personalIdioms are common idioms (成语) written from general knowledge,
// not read from the lexicon's tables: first idioms jieba tags i, then
// idioms it tags otherwise (画龙点睛 n, 自强不息 l, 海纳百川 nr), which
// the lexicon's reviewed supplement makes idioms.
var personalIdioms = strings.Fields(`
	一帆风顺 画蛇添足 守株待兔 温故知新 厚积薄发 马到成功 心想事成 万事如意 自由自在 一心一意
	井底之蛙 亡羊补牢 刻舟求剑 掩耳盗铃 杞人忧天 狐假虎威 惊弓之鸟 卧薪尝胆 破釜沉舟 胸有成竹
	望梅止渴 滥竽充数 塞翁失马 愚公移山 闻鸡起舞 水滴石穿 持之以恒 锲而不舍 风和日丽 百花齐放
	一举两得 半途而废 全力以赴 坚持不懈 三心二意 千方百计 一见钟情 天长地久 心心相印 同舟共济
	循序渐进 举一反三 废寝忘食 孜孜不倦 知足常乐 无忧无虑 笨鸟先飞 一鸣惊人 生龙活虎 青出于蓝
	诗情画意 笑口常开 大同小异 江山如画
	画龙点睛 熟能生巧 自强不息 春暖花开 海纳百川 五湖四海 鸟语花香 众志成城 美不胜收 万紫千红
	纸上谈兵 温文尔雅 随遇而安 卧虎藏龙 柳暗花明 山清水秀 吉祥如意 世外桃源 前程似锦 行云流水`)

// idiomNames place an idiom (%s) at the start, in the middle and at the
// end of a site's name, with 的, the words of personal sites, spaces
// and full-width characters.
var idiomNames = []string{
	"%s随笔", "%s的笔记", "%s 日记", "%s　手记", "%s２０２６日记",
	"张三的%s笔记", "我的%s随笔", "李四 %s 日记", "ｂｌｏｇ%s笔记",
	"张三的%s", "我的%s", "生活%s",
}

// personalRestricted returns the SITE_NAME_PERSONAL_RESTRICTED rejections
// of the site rule on f.
func personalRestricted(t *testing.T, f *beian.Filing) []rules.Rejection {
	t.Helper()
	var out []rules.Rejection
	for _, r := range run(t, rules.SiteName, f) {
		if r.Code == rules.CodeSiteNamePersonalRestricted {
			out = append(out, r)
		}
	}
	return out
}

// TestClassPersonalIdioms: a personal site's name must not use an idiom
// (UCloud: 人物名称、地点名称、成语; xinnet omits idioms). Every idiom of
// the hand list, at the start, in the middle and at the end of a name,
// with each decoration, and with spaces between its characters, is one
// SITE_NAME_PERSONAL_RESTRICTED, a warning at the site's name, in a
// personal filing; a unit's site may be so named.
func TestClassPersonalIdioms(t *testing.T) {
	if len(personalIdioms) < 70 {
		t.Fatalf("only %d idioms", len(personalIdioms))
	}
	n := 0
	for _, idiom := range personalIdioms {
		spaced := strings.Join(strings.Split(idiom, ""), " ")
		for _, form := range idiomNames {
			for _, w := range []string{idiom, spaced} {
				name := strings.Replace(form, "%s", w, 1)
				n++
				got := personalRestricted(t, personalSiteFiling("44", name))
				if assert.Len(t, got, 1, name) {
					assert.Equal(t, rules.Warning, got[0].Severity, name)
					assert.Equal(t, siteName, got[0].Field, name)
				}
				assert.Empty(t, personalRestricted(t, named(name)), name)
			}
		}
	}
	t.Logf("%d names", n)
}

// TestPersonalIdiomEveryProvince: in every province whose personal names
// are free in form, an idiom is the warning; where the form is fixed
// (Jiangsu: 某某的个人博客), the form's rule answers instead, as before.
func TestPersonalIdiomEveryProvince(t *testing.T) {
	policies := provinces.DefaultPolicies()
	for _, p := range provinces.All() {
		if pol, ok := policies.For(p.Code); ok && len(pol.PersonalNameForms.Value) > 0 {
			continue
		}
		got := personalRestricted(t, personalSiteFiling(p.Code, "一帆风顺随笔"))
		if assert.Len(t, got, 1, p.Name) {
			assert.Equal(t, rules.Warning, got[0].Severity, p.Name)
		}
	}
}

// TestPersonalIdiomOrdinaryNames: ordinary personal names, owners × the
// everyday topics × the words personal sites end with, have no
// SITE_NAME_PERSONAL_RESTRICTED: the idioms add no warning to them.
func TestPersonalIdiomOrdinaryNames(t *testing.T) {
	owners := strings.Fields("张三 李四 王芳 小明 我")
	topics := strings.Fields(`生活 学习 技术 编程 摄影 旅行 美食 读书 音乐 电影 运动 健身 设计 绘画 书法 园艺 宠物 育儿
		数码 动漫 文学 诗歌 历史 哲学 思考 成长 心得 感悟 随想 时光 岁月 青春 回忆 梦想 自由 快乐 幸福 精神 文明
		独立 自主 烹饪 烘焙 咖啡 钓鱼 登山 骑行 天文 数学 英语 算法 前端 数据 开源 故事 散文 诗词 养生 风景 四季
		周末 人生 天空 花园 书房 休闲 空气 中心 思想`)
	kinds := strings.Fields("笔记 随笔 日记 手记 札记 小站 记录 日志 小屋 角落")
	n := 0
	for _, o := range owners {
		for _, a := range topics {
			for _, b := range []string{"", "的"} {
				for _, k := range kinds {
					name := o + b + a + k
					n++
					assert.Empty(t, personalRestricted(t, personalSiteFiling("44", name)), name)
				}
			}
		}
	}
	for _, a := range topics {
		for _, b := range topics {
			name := "张三的" + a + b + "笔记"
			n++
			assert.Empty(t, personalRestricted(t, personalSiteFiling("44", name)), name)
		}
	}
	t.Logf("%d names", n)
}

// TestPersonalIdiomAppName: a personal subject's App name takes the
// personal site's naming rules as warnings (see the App-name rule): an
// idiom in it is one SITE_NAME_PERSONAL_RESTRICTED, a warning at the
// App's name; an enterprise's App may be so named.
func TestPersonalIdiomAppName(t *testing.T) {
	for _, idiom := range personalIdioms {
		name := idiom + "日记"
		got := appNameFinds(t, rules.AppName, appNameFiling(beian.AppNative, beian.PlatformAndroid, name, "李四", beian.NaturePersonal), rules.CodeSiteNamePersonalRestricted)
		if assert.Len(t, got, 1, name) {
			assert.Equal(t, rules.Warning, got[0].Sev, name)
			assert.Equal(t, nameAt, got[0].Field, name)
		}
		assert.Empty(t, appNameFinds(t, rules.AppName, appNameFiling(beian.AppNative, beian.PlatformAndroid, name, exampleSubject, beian.NatureEnterprise), rules.CodeSiteNamePersonalRestricted), name)
	}
}

// BenchmarkSiteNamePersonal is rule sitename on a clean personal filing:
// its name segmented for places and idioms.
func BenchmarkSiteNamePersonal(b *testing.B) {
	f := personalFiling("11", "110105194912310029")
	f.Websites[0].Name = "张三的读书笔记"
	cfg := &rules.Config{Policies: provinces.DefaultPolicies()}
	b.ReportAllocs()
	for b.Loop() {
		pass := rules.NewPass(context.Background(), f, f, cfg, today)
		pass.Rule = rules.SiteName
		_ = rules.SiteName.Run(pass)
	}
}
