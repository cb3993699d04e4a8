package names

import (
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// memoDictionaries are dictionaries a name is read with one after the
// other, as the rules read a website name: the sensitive words, the
// banned prefixes (with their exception), words of personal sites and of
// pre-approval industries, and the default dictionary tuned.
func memoDictionaries() []*Dictionary {
	return []*Dictionary{
		DefaultDictionary(),
		NewDictionary("中国", "中华", "中央", "人民", "人大", "国家", "全国", "反腐", "纪检", "监察", "信访", "维权", "投诉", "!反腐蚀"),
		NewDictionary("博客", "论坛", "工作室", "网站", "协会", "俱乐部", "联盟", "事务所", "中心", "科技", "公司", "个人", "主页"),
		NewDictionary("新闻", "游戏", "药", "影视", "金融", "医院", "教育", "论坛", "资讯", "视频", "直播"),
		DefaultDictionary().Allow("金博", "示例"),
	}
}

// memoTexts returns names of every class of the corpora (listed words
// with common neighbours, between ordinary words, companies and persons'
// shops, numeral forms, iteration marks, Latin disguises) and of the
// evasion and innocent corpora, a sample of them unless exhaustive.
func memoTexts(t *testing.T) []string {
	t.Helper()
	var texts []string
	freq := readFrequencies(t)
	var common []string
	for w, f := range freq {
		if n := utf8.RuneCountInString(w); f >= 300 && n >= 2 && n <= 3 {
			common = append(common, w)
		}
	}
	slices.Sort(common)
	around := []string{"示例", "深圳", "免费", "在线", "张伟", "淄博", "中国", "人民", "国家"}
	for k, e := range hanListed() {
		for _, a := range around {
			texts = append(texts, a+e.word+around[(k+len(a))%len(around)])
		}
		for j := 0; j < 6; j++ {
			c := common[(k*31+j*7919)%len(common)]
			texts = append(texts, c+e.word, e.word+c, c+e.word+common[(k*17+j*104729)%len(common)])
		}
		rs := []rune(e.word)
		for _, mark := range []string{"々", "ゝ", "ヽ"} {
			texts = append(texts, string(rs[0])+mark+string(rs[1:])+"网", "示例"+string(rs[:1])+mark+e.word)
		}
	}
	places := readWords(t, "internal/lexicon/data/places.txt", false)
	industries := readWords(t, "internal/lexicon/data/company.txt", false)
	surnames := readWords(t, "internal/lexicon/data/surnames.txt", false)
	given := readWords(t, "internal/lexicon/data/given.txt", true)
	brands := []rune(brandCharacters)
	for i, p := range sample(places, 8) {
		if _, err := strconv.Atoi(p); err != nil {
			b := string([]rune{brands[i%len(brands)], brands[(i*7+3)%len(brands)]})
			texts = append(texts, p+b+industries[i%len(industries)]+"有限公司", "中国"+p+b+"网")
		}
	}
	for i, s := range surnames {
		g := given[(i*13)%len(given)] + given[(i*29+5)%len(given)]
		texts = append(texts, s+g+industries[i%len(industries)]+"店", s+g+"的个人博客", "人民"+s+g)
	}
	d := DefaultDictionary()
	for _, w := range d.Words() {
		if strings.IndexFunc(w, func(r rune) bool { return r >= utf8.RuneSelf }) < 0 {
			for _, s := range leetDisguises(w) {
				texts = append(texts, s, "示例"+s+"网", "best "+s+" 2026", "my"+w)
			}
			continue
		}
		for v := 1; v <= 10; v++ {
			if r := []rune("一二三四五六七八九十")[v-1]; strings.ContainsRune(w, r) {
				for _, f := range numeralForms(v) {
					texts = append(texts, "示例"+strings.Replace(w, string(r), f, 1)+"网")
				}
			}
		}
	}
	texts = append(texts, "中国\u200b博彩资讯网", "中·国博彩网", "  中国人民网", "反腐蚀涂料网", "紫色情怀", "赌博物馆",
		"賭場娛樂城", "ＡＢＣ賭場", "ᴄᴀsɪɴᴏ在线", "\ufdfa\ufdfa中国", strings.Repeat("中国博彩", 20))
	return texts
}

// findings is what every find of d says of a prepared text.
type findings struct {
	every, all []Match
	first      Match
	ok         bool
}

func unshared(d *Dictionary, p *Prepared) findings {
	m, ok := d.FindIn(p)
	return findings{every: d.FindEveryIn(p), all: d.FindAllIn(p), first: m, ok: ok}
}

func shared(m *Memo, d *Dictionary, p *Prepared) findings {
	first, ok := m.Find(d, p)
	return findings{every: m.FindEvery(d, p), all: m.FindAll(d, p), first: first, ok: ok}
}

// TestMemoChangesNoAnswer: every name of the corpora, read by several
// dictionaries through one Memo (in both orders, and with the Memo kept
// from one name to the next, as a pass keeps it from one website to the
// next), gets what each dictionary says of it alone.
func TestMemoChangesNoAnswer(t *testing.T) {
	dicts := memoDictionaries()
	texts := memoTexts(t)
	if len(texts) < 5000 {
		t.Fatalf("only %d texts", len(texts))
	}
	var carried Memo // kept from one text to the next
	cases, found := 0, 0
	for _, text := range texts {
		p := Prepare(text)
		want := make([]findings, len(dicts))
		for k, d := range dicts {
			want[k] = unshared(d, &p)
			if len(want[k].every) > 0 {
				found++
			}
		}
		var forward, backward Memo
		for k, d := range dicts {
			cases++
			if got := shared(&forward, d, &p); !reflect.DeepEqual(got, want[k]) {
				t.Errorf("%q, dictionary %d after %d others through one memo: %+v, alone %+v", text, k, k, got, want[k])
			}
			if got := shared(&carried, d, &p); !reflect.DeepEqual(got, want[k]) {
				t.Errorf("%q, dictionary %d through the memo of the names before: %+v, alone %+v", text, k, got, want[k])
			}
			before := []Match{{Word: "x", Start: -1}}
			if got := carried.AppendEvery(before, d, &p); !slices.Equal(got, append(before, want[k].every...)) {
				t.Errorf("%q, dictionary %d: AppendEvery gives %+v, FindEvery %+v", text, k, got, want[k].every)
			}
		}
		for k := len(dicts) - 1; k >= 0; k-- {
			if got := shared(&backward, dicts[k], &p); !reflect.DeepEqual(got, want[k]) {
				t.Errorf("%q, dictionary %d read last to first: %+v, alone %+v", text, k, got, want[k])
			}
		}
	}
	t.Logf("%d names × %d dictionaries, %d findings with words", len(texts), len(dicts), found)
	if found < len(texts) {
		t.Errorf("only %d findings with words: the texts exercise too little segmentation", found)
	}
}

// TestMemoForgetsAnotherName: a memo holding answers for one name's
// characters gives none of them for another's. The memo's answers are
// falsified (the lexicon knows no word): the name they are for reads
// otherwise through it (紫色情怀网 no longer reads 紫色/情怀), which shows
// the memo is read, while another name, even one starting with the same
// characters, ending with them or shorter, reads as it does alone.
func TestMemoForgetsAnotherName(t *testing.T) {
	d := DefaultDictionary()
	falsify := func(m *Memo) {
		for i := range m.n {
			a := &m.at[i]
			a.done, a.known, a.place, a.company, a.surname = 0xF, 0, 0, 0, 0xF
		}
		m.nread = 0 // the readings are made again, from the answers falsified
	}
	first := Prepare("紫色情怀网")
	var m Memo
	if got := m.FindEvery(d, &first); len(got) != 1 || got[0].Word != "色情" || got[0].ReadAs == "" {
		t.Fatalf("紫色情怀网: %+v", got)
	}
	falsify(&m)
	if got := m.FindEvery(d, &first); len(got) != 1 || got[0].ReadAs != "" {
		t.Fatalf("the falsified memo changed nothing for its own name (%+v): the test shows nothing", got)
	}
	for _, text := range []string{"紫色情怀", "紫色情怀网站", "红色情怀网", "色情怀网", "我的紫色情怀网", "紫色情"} {
		m.FindEvery(d, &first)
		falsify(&m)
		p := Prepare(text)
		if got, want := m.FindEvery(d, &p), d.FindEveryIn(&p); !reflect.DeepEqual(got, want) {
			t.Errorf("%q after 紫色情怀网's answers: %+v, alone %+v", text, got, want)
		}
	}
	// The same characters typed otherwise are the same name to the
	// memo: its answers are of the characters alone.
	for _, text := range []string{"紫 色 情 怀 网", "紫\u200b色情怀网", "紫色情懷网", "紫色情怀网x"} {
		m.FindEvery(d, &first)
		falsify(&m)
		p := Prepare(text)
		if got := m.FindEvery(d, &p); len(got) != 1 || got[0].ReadAs != "" {
			t.Errorf("%q after 紫色情怀网's falsified answers: %+v, want them read", text, got)
		}
	}
	// Reset forgets.
	m.FindEvery(d, &first)
	falsify(&m)
	m.Reset()
	if got, want := m.FindEvery(d, &first), d.FindEveryIn(&first); !reflect.DeepEqual(got, want) {
		t.Errorf("after Reset: %+v, alone %+v", got, want)
	}
}

// TestMemoLongName: a name of more Chinese characters than a memo holds
// answers for reads as it does alone, its hits after the memo's end too.
func TestMemoLongName(t *testing.T) {
	d := DefaultDictionary()
	for _, text := range []string{strings.Repeat("示例", memoRunes/2-1) + "博彩资讯网", strings.Repeat("中国博彩资讯", 12), strings.Repeat("乐", memoRunes) + "紫色情怀"} {
		p := Prepare(text)
		var m Memo
		m.FindAll(memoDictionaries()[1], &p)
		if got, want := m.FindEvery(d, &p), d.FindEveryIn(&p); !reflect.DeepEqual(got, want) || len(want) == 0 {
			t.Errorf("%q: %+v, alone %+v", text, got, want)
		}
	}
}

// BenchmarkMemo reads a rejected website name with the banned prefixes'
// dictionary and then the sensitive words', alone and through a Memo.
func BenchmarkMemo(b *testing.B) {
	dicts := memoDictionaries()
	p := Prepare("中国博彩资讯网")
	b.Run("alone", func(b *testing.B) {
		for b.Loop() {
			dicts[1].FindIn(&p)
			dicts[0].FindEveryIn(&p)
		}
	})
	b.Run("memo", func(b *testing.B) {
		var m Memo
		for b.Loop() {
			m.Reset()
			m.Find(dicts[1], &p)
			m.FindEvery(dicts[0], &p)
		}
	})
}

// FuzzMemo: two names read one after the other through one memo, by
// every dictionary of memoDictionaries in turn, get what each dictionary
// says of each alone.
func FuzzMemo(f *testing.F) {
	for _, s := range [][2]string{{"中国博彩资讯网", "紫色情怀网"}, {"紫色情怀网", "紫色情怀网x"}, {"赌々博", "赌ゝ博网"}, {"ＡＢＣ賭場", "abc赌场"}, {"欧阳娜娜彩钢", "淄博彩印"}, {"反腐蚀涂料", "反腐倡廉"},
		// one stream, two readings: a token's digits and a lone digit; a
		// financial numeral and the numeral
		{"彩色3D情景动画", "彩色3情景动画"}, {"陆合彩印", "六合彩印"}} {
		f.Add(s[0], s[1])
	}
	dicts := memoDictionaries()
	f.Fuzz(func(t *testing.T, a, b string) {
		if len(a) > 256 || len(b) > 256 {
			return
		}
		var m Memo
		for _, text := range []string{a, b, a} {
			p := Prepare(text)
			for k, d := range dicts {
				if got, want := shared(&m, d, &p), unshared(d, &p); !reflect.DeepEqual(got, want) {
					t.Fatalf("%q, dictionary %d through the memo: %+v, alone %+v", text, k, got, want)
				}
			}
		}
	})
}
