package names

import (
	"math/rand/v2"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/icpcheck/beian/rules/internal/fold"
)

// holds reports whether the folded text of src holds the runes of word
// in order (numerals folded), as a match's source must.
// holdsPinyin reports whether src writes word, a Chinese word, in pinyin
// wholly or in part as the pinyin scan reads it (pinyin.go): every item
// of src, read whole.
func holdsPinyin(src, word string) bool {
	var chars []rune
	for _, r := range word {
		chars = append(chars, foldKey(r))
	}
	items, buf := pinyinItems(src, nil, nil)
	n := 0
	end, used, ok := pinyinMatch(items, buf, 0, 0, chars, false, &n)
	return ok && used && end == len(items)
}

func holds(src, word string) bool {
	want := []rune(word)
	var it fold.Iter
	it.Init(src)
	prev := rune(-1)
	skipEnd := -1
	for len(want) > 0 {
		r, _, start, end, ok := it.Next()
		if !ok {
			return false
		}
		if end == skipEnd {
			continue
		}
		if src, _ := utf8.DecodeLastRuneInString(src[start:end]); src != utf8.RuneError {
			if d, ok := numeralSymbol(src); ok {
				r, skipEnd = d, end
			}
		}
		if r == '○' {
			r = '〇'
		}
		switch {
		case iterationMark(r) && (prev == numeral(want[0]) || prev < 0):
			// An iteration mark first stands for the character before
			// the match.
			prev = numeral(want[0])
			want = want[1:]
		case r == want[0] || numeral(r) == numeral(want[0]) || leetKey(r) == leetKey(want[0]):
			prev = numeral(want[0])
			want = want[1:]
		}
	}
	return true
}

// checkMatches checks the properties every answer of d on text has.
func checkMatches(t *testing.T, d *Dictionary, text string) {
	t.Helper()
	got := d.FindAll(text)
	m, ok := d.Find(text)
	if ok != (len(got) > 0) || ok && m != got[0] {
		t.Fatalf("text %q: Find gives %+v, %v; FindAll %+v", text, m, ok, got)
	}
	for k, m := range got {
		if m.Start < 0 || m.Start >= m.End || m.End > len(text) {
			t.Fatalf("text %q: range [%d,%d)", text, m.Start, m.End)
		}
		if _, ok := d.Category(m.Word); !ok {
			t.Fatalf("text %q: %q is not a word of the dictionary", text, m.Word)
		}
		if !holds(text[m.Start:m.End], m.Word) && !holdsPinyin(text[m.Start:m.End], m.Word) && !holdsHomophone(text[m.Start:m.End], m.Word) {
			t.Fatalf("text %q: %q does not hold %q", text, text[m.Start:m.End], m.Word)
		}
		if k > 0 && (got[k-1].Start > m.Start || got[k-1].Start == m.Start && got[k-1].End >= m.End) {
			t.Fatalf("text %q: not by position: %+v", text, got)
		}
		for _, x := range got {
			if x != m && x.Start <= m.Start && m.End <= x.End {
				t.Fatalf("text %q: %+v lies inside %+v", text, m, x)
			}
		}
	}
}

func TestMatchProperties(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	alphabet := []rune("赌博彩色情特反腐蚀六合 .★\u200bab1６賭Ａ陆々")
	for round := 0; round < 2000; round++ {
		words := make([]string, rng.IntN(12))
		for i := range words {
			var b strings.Builder
			if rng.IntN(5) == 0 {
				b.WriteByte('!')
			}
			for range 1 + rng.IntN(4) {
				b.WriteRune(alphabet[rng.IntN(len(alphabet))])
			}
			words[i] = b.String()
		}
		var b strings.Builder
		for range rng.IntN(30) {
			b.WriteRune(alphabet[rng.IntN(len(alphabet))])
		}
		checkMatches(t, NewDictionary(words...), b.String())
	}
}

// work returns the work d does to find its words in text, FindEvery's
// way: the runes its scans read, the occurrences they found and the
// candidate words the segmentation weighed.
func (d *Dictionary) work(text string) int {
	w := 0
	var buf [4]occurrence
	var stream [64]rune
	d.find(text, buf[:0], stream[:0], true, &w)
	return w
}

// linearWork checks that the work d does on text repeated grows linearly
// with the repetitions: eight copies cost at most three times what four
// do (twice, and the joins between copies), where a path quadratic in
// the text would cost four times. It counts work rather than timing it,
// so a loaded machine cannot fail it.
func linearWork(t *testing.T, d *Dictionary, text string) {
	t.Helper()
	if text == "" || len(text) > 1<<10 {
		return
	}
	// Eight, sixteen and thirty-two copies: on four, a text of one
	// character holds too few words for the work per word to show (0
	// under the words 000: 2 words in four copies, 6 in eight; 56 a
	// character from sixteen on). A word longer than a few copies is
	// found only from some length on, and the work grows by the same
	// step from there (01 under the word 000000: 3 words in eight
	// copies, 11 in sixteen, 27 in thirty-two; work 75, 291, 723): the
	// work is not linear when it more than triples from sixteen copies
	// to thirty-two, and so does its growth (quadratic work grows four
	// times on both counts).
	eight, sixteen, thirtyTwo := d.work(strings.Repeat(text, 8)), d.work(strings.Repeat(text, 16)), d.work(strings.Repeat(text, 32))
	if thirtyTwo > 3*sixteen+64 && thirtyTwo-sixteen > 3*(sixteen-eight)+64 {
		t.Fatalf("%q: work %d on eight copies, %d on sixteen, %d on thirty-two: not linear", text, eight, sixteen, thirtyTwo)
	}
}

// FuzzDictionary checks that the matcher never panics, that its answers
// have the properties of checkMatches, and that its work is linear in
// the text, on the default dictionary and on one made of the fuzzer's
// words.
func FuzzDictionary(f *testing.F) {
	f.Add("赌博\n!特色\n色情\ncasino", "特色情侣 賭\u200b博 CASINO casinos")
	f.Add("aa\n!aaa\na", "aaaa a aa")
	f.Add("反腐\n!反腐蚀", "反 腐蚀 反腐")
	f.Add("六合彩\nporn", "⑥合彩 91porn pornhub 赌1博 Ⅵ合彩 p0rn c@sino 色々")
	f.Add("博彩\n金博\n!金博", "金博彩印 紫色情怀 淄博彩印")
	f.Add("赌博\n六合彩\n法轮功\n女优", "du博 赌bo liu he cai fa轮功 dubois edu博 vi合彩 nu优 ＤＵ博")
	f.Add("赌博\n六合彩\n色情\n!读博", "睹博 六和彩 色晴网 首都博物馆 杜博的博客 读博士 睹.博")
	f.Fuzz(func(t *testing.T, wordList, text string) {
		words := strings.Split(wordList, "\n")
		if len(words) > 40 {
			words = words[:40]
		}
		custom := NewDictionary(words...)
		for k, d := range []*Dictionary{DefaultDictionary(), custom, custom.Allow(words[0])} {
			d.FindEvery(text)
			checkMatches(t, d, text)
			if k < 2 {
				linearWork(t, d, text)
			}
		}
	})
}

// TestWorkLinear: the work of the matcher on the hostile inputs of
// hostile_test.go and on texts dense with hits grows linearly.
func TestWorkLinear(t *testing.T) {
	d := DefaultDictionary()
	for _, text := range []string{"赌博", "赌1博", "紫色情怀", "赌博物馆", "onlinecasino", "c4sino ", "六合彩⑥合彩", "色々々々", "淄博彩印", "\uFDFA", "a\u0301\u0301\u0301", "赌\u200b博", "du博 ", "liuhecai ", "duodubo", "vi合彩"} {
		linearWork(t, d, text)
	}
}

func TestLongWordsUseAHeapRing(t *testing.T) {
	long := strings.Repeat("长", 100)
	d := NewDictionary(long, "ab")
	m, ok := d.Find("x" + long + "y")
	if !ok || m.Word != long {
		t.Fatalf("a word of 100 characters is not found: %+v", m)
	}
	if got := d.FindAll("ab " + long); len(got) != 2 {
		t.Fatalf("FindAll = %+v", got)
	}
}

// The benchmarks of SPEC §6: scanning a normalised 20-character name
// with the default dictionary, 100 words and 10,000 words, side by side
// with a loop of strings.Contains over the same words; normalising and
// scanning; building a 10,000-word dictionary.

// benchName is a normalised site name of 20 characters.
const benchName = "深圳市示例网络科技有限公司官方网站信息服"

// commonHan are frequent characters the synthetic dictionaries draw from,
// so that the name's characters are in their alphabets.
const commonHan = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处府队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严网站官服圳示司限息"

// syntheticWords returns n distinct words of two to four common
// characters, the same for every run.
func syntheticWords(n int) []string {
	pool := []rune(commonHan)
	rng := rand.New(rand.NewPCG(10000, uint64(n)))
	seen := make(map[string]bool, n)
	out := make([]string, 0, n)
	for len(out) < n {
		k := 2 + rng.IntN(3)
		w := make([]rune, k)
		for i := range w {
			w[i] = pool[rng.IntN(len(pool))]
		}
		if s := string(w); !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// A benchDictionary is a dictionary of the scan benchmarks with its words.
type benchDictionary struct {
	name  string
	d     *Dictionary
	words []string
}

// benchDictionaries returns the dictionaries of the scan benchmarks; none
// holds a word of benchName.
func benchDictionaries(b *testing.B) []benchDictionary {
	if n := utf8.RuneCountInString(benchName); n != 20 {
		b.Fatalf("benchName has %d characters", n)
	}
	out := []benchDictionary{{"default", DefaultDictionary(), DefaultDictionary().Words()}}
	for _, n := range []int{100, 10000} {
		var words []string
		for _, w := range syntheticWords(n + n/10) {
			if !strings.Contains(benchName, w) && len(words) < n {
				words = append(words, w)
			}
		}
		out = append(out, benchDictionary{strconv.Itoa(n), NewDictionary(words...), words})
	}
	for _, x := range out {
		if _, ok := x.d.Find(benchName); ok {
			b.Fatalf("%s finds a word in the name", x.name)
		}
	}
	return out
}

func BenchmarkScan(b *testing.B) {
	for _, x := range benchDictionaries(b) {
		b.Run(x.name+"/automaton", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				x.d.Find(benchName)
			}
		})
		b.Run(x.name+"/strings.Contains", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				for _, w := range x.words {
					if strings.Contains(benchName, w) {
						break
					}
				}
			}
		})
	}
}

// benchRaw are 20-character names as typed, each needing normalisation.
var benchRaw = []struct{ name, text string }{
	{"normal", benchName},
	{"traditional", "深圳市示例網絡科技有限公司官方網站信息服"},
	{"fullwidth", "ＡＢＣ示例网络科技有限公司官方网站信息"},
	{"spaced", "深圳市 示例网络科技 有限公司 官方网站信息服"},
	{"zerowidth", "深圳市示例\u200b网络科技有限公司官方网站信息服"},
	{"accented", "Café深圳市示例网络科技有限公司官方网站"},
}

func BenchmarkNormalizeAndScan(b *testing.B) {
	d := DefaultDictionary()
	for _, x := range benchRaw {
		b.Run(x.name+"/Normalize+Find", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				d.Find(Normalize(x.text))
			}
		})
		b.Run(x.name+"/x-text-NFKC-alone", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				norm.NFKC.String(x.text)
			}
		})
	}
}

func BenchmarkBuild10000(b *testing.B) {
	words := syntheticWords(10000)
	b.ReportAllocs()
	for b.Loop() {
		NewDictionary(words...)
	}
	// The heap the dictionary keeps, measured apart from the garbage of
	// building it.
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	d := NewDictionary(words...)
	runtime.GC()
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/(1<<20), "MiB-kept")
	b.ReportMetric(float64(d.han.States()+d.mix.States()), "states")
	runtime.KeepAlive(d)
}

// TestExceptionsWithPrefix: the exceptions found by narrowing the range
// of those starting with a word's first characters, one character more
// at a time (as the segmentation reads them), are those exceptionCode
// finds, for every exception, its prefixes, and its neighbours (a
// character changed or added), with dictionaries of no, one and many
// exceptions.
func TestExceptionsWithPrefix(t *testing.T) {
	for _, d := range []*Dictionary{DefaultDictionary(), NewDictionary("赌博"), NewDictionary("赌博", "!赌博物馆"), DefaultDictionary().Allow("金博", "金博彩印", "示例")} {
		var texts [][]rune
		for _, x := range d.exceptions {
			rs := []rune(x.word)
			texts = append(texts, rs, append(slices.Clone(rs), '网'), append([]rune{'金'}, rs...))
			for k := range rs {
				changed := slices.Clone(rs)
				changed[k]++
				texts = append(texts, changed)
			}
		}
		checked, hits := 0, 0
		for _, rs := range texts {
			w := utf8.AppendRune(nil, rs[0])
			lo, hi := d.exceptionsWithPrefix(0, len(d.exceptions), w)
			for j := 1; j < len(rs); j++ {
				w = utf8.AppendRune(w, rs[j])
				if lo < hi {
					lo, hi = d.exceptionsWithPrefix(lo, hi, w)
				}
				for k := range d.exceptions {
					if in := k >= lo && k < hi; in != strings.HasPrefix(d.exceptions[k].word, string(w)) {
						t.Fatalf("%s: exception %q in the range %v", w, d.exceptions[k].word, in)
					}
				}
				gc, gok := d.exceptionIn(lo, hi, w)
				wc, wok := d.exceptionCode(w)
				if gc != wc || gok != wok {
					t.Errorf("%s: %d %v, exceptionCode %d %v", w, gc, gok, wc, wok)
				}
				checked++
				if gok {
					hits++
				}
			}
		}
		if len(d.exceptions) > 0 && hits < len(d.exceptions) {
			t.Errorf("%d of %d exceptions found: the texts miss some", hits, len(d.exceptions))
		}
		t.Logf("%d exceptions: %d words checked, %d exceptions", len(d.exceptions), checked, hits)
	}
}
