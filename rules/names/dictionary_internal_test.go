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

	"github.com/icpcheck/beian/rules/names/internal/fold"
)

// naiveRune is one rune of the folded text without separators, as the
// naive matcher sees it.
type naiveRune struct {
	r          rune
	start, end int
	word, sep  bool
}

func naiveStream(text string) []naiveRune {
	var out []naiveRune
	var it fold.Iter
	it.Init(text)
	sep := false
	for {
		r, c, start, end, ok := it.Next()
		if !ok {
			return out
		}
		if c.Separator() {
			sep = true
			continue
		}
		out = append(out, naiveRune{r, start, end, c == fold.Word, sep})
		sep = false
	}
}

// naiveFindAll is the reference FindAll must agree with: it compares
// every entry at every position, then applies the exceptions and drops
// words inside longer ones, by brute force.
func naiveFindAll(d *Dictionary, text string) []Match {
	st := naiveStream(text)
	type occ struct{ e, first, last int }
	var words, exceptions []occ
	for ei, e := range d.entries {
		w := []rune(e.word)
		for p := 0; p+len(w) <= len(st); p++ {
			ok := true
			for k, r := range w {
				if st[p+k].r != r {
					ok = false
					break
				}
			}
			q := p + len(w) - 1
			if !ok ||
				e.left && p > 0 && !st[p].sep && st[p-1].word ||
				e.right && q+1 < len(st) && !st[q+1].sep && st[q+1].word {
				continue
			}
			if e.exception {
				exceptions = append(exceptions, occ{ei, p, q})
			} else {
				words = append(words, occ{ei, p, q})
			}
		}
	}
	var kept []occ
	for _, m := range words {
		suppressed := slices.ContainsFunc(exceptions, func(x occ) bool {
			return x.first <= m.last && x.last >= m.first && !(x.first >= m.first && x.last <= m.last)
		})
		if !suppressed {
			kept = append(kept, m)
		}
	}
	var out []occ
	for _, m := range kept {
		inside := slices.ContainsFunc(kept, func(x occ) bool {
			return (x.first != m.first || x.last != m.last) && x.first <= m.first && x.last >= m.last
		})
		if !inside {
			out = append(out, m)
		}
	}
	slices.SortFunc(out, func(a, b occ) int {
		if a.first != b.first {
			return a.first - b.first
		}
		return a.last - b.last
	})
	var ms []Match
	for _, o := range out {
		e := d.entries[o.e]
		ms = append(ms, Match{Word: e.word, Category: e.category, Start: st[o.first].start, End: st[o.last].end})
	}
	return ms
}

func TestAgreesWithNaiveMatcher(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	alphabet := []rune("赌博彩色情特反腐蚀 .★\u200bab賭Ａ")
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
		d := NewDictionary(words...)
		if got, want := d.FindAll(b.String()), naiveFindAll(d, b.String()); !slices.Equal(got, want) {
			t.Fatalf("words %q, text %q:\n got %+v\nwant %+v", words, b.String(), got, want)
		}
	}
}

// FuzzDictionary checks that the matcher never panics and agrees with
// the naive reference matcher, on the default dictionary and on one made
// of the fuzzer's words.
func FuzzDictionary(f *testing.F) {
	f.Add("赌博\n!特色\n色情\ncasino", "特色情侣 賭\u200b博 CASINO casinos")
	f.Add("aa\n!aaa\na", "aaaa a aa")
	f.Add("反腐\n!反腐蚀", "反 腐蚀 反腐")
	f.Fuzz(func(t *testing.T, wordList, text string) {
		words := strings.Split(wordList, "\n")
		if len(words) > 40 {
			words = words[:40]
		}
		for _, d := range []*Dictionary{DefaultDictionary(), NewDictionary(words...)} {
			got := d.FindAll(text)
			if want := naiveFindAll(d, text); !slices.Equal(got, want) {
				t.Fatalf("words %q, text %q:\n got %+v\nwant %+v", words, text, got, want)
			}
			m, ok := d.Find(text)
			if ok != (len(got) > 0) || ok && m != got[0] {
				t.Fatalf("Find gives %+v, %v; FindAll %+v", m, ok, got)
			}
			for _, m := range got {
				if m.Start < 0 || m.Start > m.End || m.End > len(text) {
					t.Fatalf("range [%d,%d) of %q", m.Start, m.End, text)
				}
			}
		}
	})
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
	var d *Dictionary
	b.ReportAllocs()
	for b.Loop() {
		d = NewDictionary(words...)
	}
	// The heap the dictionary keeps, measured apart from the garbage of
	// building it.
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	d = NewDictionary(words...)
	runtime.GC()
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/(1<<20), "MiB-kept")
	b.ReportMetric(float64(d.ac.States()), "states")
	runtime.KeepAlive(d)
}
