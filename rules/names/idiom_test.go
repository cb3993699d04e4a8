package names_test

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"

	"github.com/icpcheck/beian/rules/names"
)

// handIdioms are common idioms (成语) written from general knowledge, not
// read from the lexicon's tables: each is one IdiomWords finds, jieba
// tags them i. Idioms it counts below the floor (上善若水, 宁静致远) are
// not found: see the lexicon's data/idioms.txt and TestIdiomWordsFamous.
var handIdioms = strings.Fields(`
	一帆风顺 画蛇添足 守株待兔 温故知新 厚积薄发 马到成功 心想事成 万事如意 自由自在 一心一意
	井底之蛙 亡羊补牢 刻舟求剑 掩耳盗铃 杞人忧天 狐假虎威 拔苗助长 惊弓之鸟 卧薪尝胆 破釜沉舟
	胸有成竹 望梅止渴 滥竽充数 塞翁失马 愚公移山 闻鸡起舞 水滴石穿 持之以恒 锲而不舍 风和日丽
	百花齐放 一举两得 半途而废 全力以赴 坚持不懈 三心二意 四面八方 千方百计 万众一心 一见钟情
	天长地久 海枯石烂 心心相印 同舟共济 取长补短 循序渐进 举一反三 废寝忘食 孜孜不倦 知足常乐
	怡然自得 悠然自得 逍遥自在 无忧无虑 笨鸟先飞 一鸣惊人 一马当先 生龙活虎 对症下药 望穿秋水
	青出于蓝 班门弄斧 指鹿为马 完璧归赵 负荆请罪 三顾茅庐 四面楚歌 藏龙卧虎 风花雪月 花好月圆
	诗情画意 笑口常开`)

// otherTagIdioms are common idioms written from general knowledge that
// jieba tags otherwise than i (画龙点睛 n, 自强不息 l, 海纳百川 nr, 五湖四海
// nz): the lexicon's reviewed data/idioms_supplement.txt makes them
// idioms.
var otherTagIdioms = strings.Fields(`
	画龙点睛 熟能生巧 自强不息 春暖花开 海纳百川 五湖四海 对牛弹琴 鸟语花香 众志成城 美不胜收
	万紫千红 纸上谈兵 温文尔雅 随遇而安 学以致用 卧虎藏龙 柳暗花明 山清水秀 一路顺风 吉祥如意
	十全十美 有容乃大 入木三分 百发百中 毛遂自荐 世外桃源 前程似锦 国泰民安 安居乐业 行云流水
	精益求精 雪中送炭 饮水思源 车水马龙 人山人海 日新月异 与时俱进 天涯海角 实事求是 聚精会神`)

// belowFloorIdioms are famous idioms written from general knowledge that
// jieba tags i but counts below the floor of the segmenter's lexicon
// (一叶知秋 4, 厚德载物 3): the lexicon's reviewed
// data/idioms_below_floor.txt adds them to it, and makes them idioms.
var belowFloorIdioms = strings.Fields(`
	一叶知秋 七年之痒 三十六计 不见不散 人走茶凉 厚德载物 鹏程万里 百年好合 学海无涯 勤能补拙
	一日三秋 不骄不馁 喜结连理 两情相悦 岁月如梭 授人以渔 海天一色 灯火阑珊 难得糊涂 纸短情长`)

// idiomForms place an idiom (%s) at the start, in the middle and at the
// end of personal names, with the decorations names carry: 的, the
// words of personal sites, spaces (ASCII and ideographic) and full-width
// digits and letters.
var idiomForms = []string{
	"%s", "%s笔记", "%s随笔", "%s日记", "%s的生活", "%s 笔记", "%s　随笔", "%s２０２６日记",
	"张三的%s笔记", "我的%s随笔", "李四%s日记", "王五的 %s 手记", "ｂｌｏｇ%s笔记",
	"张三的%s", "我的%s", "李四 %s", "生活%s", "赵六的读书笔记%s",
}

// TestIdiomWordsHand: every idiom of the hand lists (tagged i, tagged
// otherwise, below the floor), in every form, is the one idiom
// IdiomWords reads in the name, spaces between its characters too; and
// IsIdiom holds of it.
func TestIdiomWordsHand(t *testing.T) {
	if len(handIdioms) < 40 || len(otherTagIdioms) < 40 || len(belowFloorIdioms) < 20 {
		t.Fatalf("only %d, %d and %d idioms", len(handIdioms), len(otherTagIdioms), len(belowFloorIdioms))
	}
	for _, idiom := range slices.Concat(handIdioms, otherTagIdioms, belowFloorIdioms) {
		assert.True(t, names.IsIdiom(idiom), idiom)
		spaced := strings.Join(strings.Split(idiom, ""), " ")
		for _, form := range idiomForms {
			for _, w := range []string{idiom, spaced} {
				name := strings.Replace(form, "%s", w, 1)
				assert.Equal(t, []string{idiom}, names.IdiomWords(names.Normalize(name)), name)
			}
		}
	}
}

// TestIdiomWordsNotIdioms: words of four characters jieba tags i that
// are ordinary compounds (both halves common words: 精神文明, 独立自主),
// four-character words it tags otherwise that the reviewed supplement
// leaves out (technical terms: 操作系统; plain descriptions: 一年四季;
// reduplications: 红红火火), and idioms whose characters the name reads
// as other words, are not idioms of IdiomWords.
func TestIdiomWordsNotIdioms(t *testing.T) {
	for _, w := range []string{"精神文明", "独立自主", "空气污染", "网络攻击", "中心思想", "休闲游戏", "人民政府", "学习笔记",
		"操作系统", "软件工程", "高等教育", "售后服务", "无产阶级", "一年四季", "红红火火", "家家户户"} {
		assert.False(t, names.IsIdiom(w), w)
		assert.Empty(t, names.IdiomWords("张三的"+w+"随笔"), w)
	}
	// Characters of an idiom across other words: 一帆 of 一帆风顺 is not
	// read, nor 乐在其中 in 音乐/在/其中.
	for _, name := range []string{"一帆", "帆风顺", "一帆风", "守株", "待兔日记", "一帆风雨顺", "一帆的风顺",
		"音乐在其中笔记", "娱乐在其中随笔", "张三的音乐在其中"} {
		assert.Empty(t, names.IdiomWords(name), name)
	}
}

// TestIdiomWordsOrdinaryNames: ordinary personal site names hold no
// idiom: owners (persons' names, 我) with and without 的, × everyday
// topics × the words personal sites end with, and every pair of topics
// (精神 and 文明 are both topics: 精神文明 is not an idiom of the
// tables), more than 200,000 names; and the innocent corpus, less the
// entries that hold an idiom (国色天香牡丹园: that idiom is read).
func TestIdiomWordsOrdinaryNames(t *testing.T) {
	owners := strings.Fields("张三 李四 王五 赵六 张伟 王芳 李娜 刘洋 陈静 杨帆 小明 阿杰 老王 我")
	topics := strings.Fields(`生活 学习 技术 编程 代码 摄影 旅行 旅游 美食 读书 音乐 电影 运动 健身 跑步 设计 绘画 书法
		园艺 宠物 育儿 教育 科技 数码 游戏 动漫 文学 诗歌 历史 哲学 思考 成长 记录 分享 心得 感悟 随想 时光 岁月
		青春 回忆 梦想 自由 快乐 幸福 简单 安静 温暖 阳光 花开 星空 山水 田园 精神 文明 独立 自主 工作 职场 创业
		投资 理财 家庭 亲子 烹饪 烘焙 咖啡 茶艺 手工 钓鱼 登山 骑行 露营 观鸟 花草 植物 天文 物理 数学 化学 英语
		日语 考研 备考 面试 算法 前端 后端 运维 安全 数据 开源 笔记 日常 杂谈 闲话 故事 小说 散文 诗词 古文 国学
		中医 养生 心理 情感 爱情 友情 亲情 家乡 远方 风景 城市 乡村 海边 山间 四季 春天 夏天 秋天 冬天 晴天 雨天
		清晨 黄昏 夜晚 周末 假期 每天 今天 明天 未来 过去 现在 世界 人生 天空 大海 森林 小路 老家 故乡 花园 书房
		厨房 客厅 阳台 窗外 路上 途中 远行 归来 出发 开始 新手 入门 进阶 休闲 空气 网络 中心 思想`)
	kinds := strings.Fields("笔记 随笔 日记 手记 札记 小站 空间 主页 记录 分享 日志 小屋 角落 天地 园地 生活 时光 心得 杂记 感悟")
	n := 0
	check := func(name string) {
		n++
		if got := names.IdiomWords(names.Normalize(name)); len(got) > 0 {
			t.Errorf("%s: idioms %v", name, got)
		}
	}
	for _, o := range owners {
		for _, topic := range topics {
			for _, k := range kinds {
				check(o + "的" + topic + k)
				check(o + topic + k)
			}
		}
	}
	for _, a := range topics {
		for _, b := range topics {
			for _, k := range []string{"", "笔记", "随笔", "日记", "小站"} {
				check(a + b + k)
			}
			check("张三的" + a + b)
		}
	}
	// innocent.txt's entries are innocent of sensitive words; these hold
	// an idiom, which IdiomWords reads.
	innocentIdioms := map[string]string{"国色天香牡丹园": "国色天香"}
	for _, entry := range readCorpus(t, "innocent.txt") {
		if idiom, ok := innocentIdioms[entry[0]]; ok {
			assert.Equal(t, []string{idiom}, names.IdiomWords(names.Normalize(entry[0])), entry[0])
			continue
		}
		check(entry[0])
	}
	if n < 200000 {
		t.Fatalf("only %d names", n)
	}
}

// famousUnread are the idioms of testdata/famous_idioms.txt IdiomWords
// does not read: jieba counts them below the floor of the segmenter's
// lexicon and tags them otherwise than i (上善若水 nr 3, 精卫填海 n 3),
// or tags them i but the review of the lexicon's
// data/idioms_below_floor.txt missed them (集腋成裘 2, 白璧无瑕 2), or
// lacks them (道法自然), so a name is not segmented into them.
var famousUnread = strings.Fields(`
	上善若水 宁静致远 淡泊明志 叶公好龙 买椟还珠 精卫填海 程门立雪 囊萤映雪 郑人买履 三人成虎
	老马识途 锦绣河山 不耻下问 集腋成裘 白璧无瑕 文思泉涌 道法自然 知行合一 大音希声 五福临门
	六六大顺 步步高升 龙马精神 财源广进 松鹤延年`)

// TestIdiomWordsFamous: the idioms of the lexicon's
// testdata/famous_idioms.txt, written by hand before the supplement's
// candidates were read, are each the one idiom IdiomWords reads in a
// name, but for famousUnread, which it does not read (recall 362 of
// 387).
func TestIdiomWordsFamous(t *testing.T) {
	data, err := os.ReadFile("internal/lexicon/testdata/famous_idioms.txt")
	if err != nil {
		t.Fatal(err)
	}
	read := 0
	for _, idiom := range strings.Split(string(data), "\n") {
		if idiom == "" || strings.HasPrefix(idiom, "#") {
			continue
		}
		name := "张三的" + idiom + "随笔"
		if slices.Contains(famousUnread, idiom) {
			assert.Empty(t, names.IdiomWords(name), name)
			continue
		}
		read++
		assert.Equal(t, []string{idiom}, names.IdiomWords(name), name)
	}
	assert.Equal(t, 362, read)
}

// TestIdiomNotPlace: an idiom that starts with a place's name is read as
// the idiom, not the place (大同小异, not 大同).
func TestIdiomNotPlace(t *testing.T) {
	for name, idiom := range map[string]string{"大同小异随笔": "大同小异", "江山如画摄影": "江山如画"} {
		assert.Equal(t, []string{idiom}, names.IdiomWords(name), name)
		assert.Empty(t, names.PlaceWords(name), name)
	}
}

// FuzzIdiomWords: every idiom found is an idiom, of four characters,
// found in the name, once.
func FuzzIdiomWords(f *testing.F) {
	for _, s := range []string{"一帆风顺随笔", "张三的守株待兔日记", "音乐在其中", "", "a一帆风顺b", strings.Repeat("一帆风顺", 300)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		seen := map[string]bool{}
		for _, w := range names.IdiomWords(s) {
			if utf8.RuneCountInString(w) != 4 || !names.IsIdiom(w) || !strings.Contains(s, w) || seen[w] {
				t.Fatalf("%q: bad idiom %q", s, w)
			}
			seen[w] = true
		}
	})
}

// TestPlaceAndIdiomWordsAsEach: PlaceAndIdiomWords reads what PlaceWords
// and IdiomWords read, each in one pass: over every idiom of the
// lexicon's list (none of which is a place, which the one pass's class
// assumes) and the hand list in every form, beside place names.
func TestPlaceAndIdiomWordsAsEach(t *testing.T) {
	data, err := os.ReadFile("internal/lexicon/data/idioms.txt")
	if err != nil {
		t.Fatal(err)
	}
	var all []string
	for _, l := range strings.Split(string(data), "\n") {
		if f := strings.Fields(l); len(f) == 2 && !strings.HasPrefix(l, "#") {
			all = append(all, f[0])
		}
	}
	if len(all) < 5000 {
		t.Fatalf("%d idioms read", len(all))
	}
	var corpus []string
	for _, w := range all {
		if names.IsPlace(w) {
			t.Errorf("%s is an idiom and a place", w)
		}
		corpus = append(corpus, w+"随笔", "杭州"+w)
	}
	for _, w := range handIdioms {
		for _, form := range idiomForms {
			corpus = append(corpus, fmt.Sprintf(form, w), fmt.Sprintf(form, w+"乌鲁木齐"), fmt.Sprintf(form, "广东"+w))
		}
	}
	for _, name := range corpus {
		name = names.Normalize(name)
		places, idioms := names.PlaceAndIdiomWords(name)
		assert.Equal(t, names.PlaceWords(name), places, name)
		assert.Equal(t, names.IdiomWords(name), idioms, name)
	}
}
