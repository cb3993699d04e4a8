package names

// The corpora of issue 18, built by class and combinatorially from the
// data the segmenter and the dictionary are made of: every listed word
// next to every common word that shares its first or last character
// (class 1), the ordinary names of every province (class 2), every
// numeral form in every word with a numeral (class 3), every iteration
// mark (class 4), every Latin disguise of every Latin word (class 5).
// Each test logs its figures as "class N …: cases, misses, false alarms".
// A representative sample always runs; BEIAN_EXHAUSTIVE=1 runs all.

import (
	"bufio"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// exhaustive reports whether the whole corpora run (BEIAN_EXHAUSTIVE=1).
func exhaustive() bool { return os.Getenv("BEIAN_EXHAUSTIVE") == "1" }

// sample returns every k-th item of items (all of them when exhaustive).
func sample[T any](items []T, k int) []T {
	if exhaustive() || k <= 1 {
		return items
	}
	var out []T
	for i := 0; i < len(items); i += k {
		out = append(out, items[i])
	}
	return out
}

// tally counts the cases of a class, its misses (a word that must be
// reported and is not) and false alarms (an error on an ordinary name).
type tally struct {
	t                   *testing.T
	class               string
	cases, misses, fals int
	warnings            int
}

func (c *tally) miss(format string, args ...any) {
	c.t.Helper()
	if c.misses++; c.misses <= 10 {
		c.t.Errorf("%s: miss: "+format, append([]any{c.class}, args...)...)
	}
}

func (c *tally) falseAlarm(format string, args ...any) {
	c.t.Helper()
	if c.fals++; c.fals <= 10 {
		c.t.Errorf("%s: false alarm: "+format, append([]any{c.class}, args...)...)
	}
}

func (c *tally) done(min int) {
	c.t.Helper()
	if c.cases < min {
		c.t.Errorf("%s: only %d cases, want at least %d", c.class, c.cases, min)
	}
	c.t.Logf("%s: %d cases, %d misses, %d false alarms, %d warnings", c.class, c.cases, c.misses, c.fals, c.warnings)
}

// readFrequencies reads the lexicon's extract of jieba's dictionary.
func readFrequencies(t *testing.T) map[string]int {
	t.Helper()
	f, err := os.Open("internal/lexicon/data/jieba.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := make(map[string]int)
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		w, n, ok := strings.Cut(sc.Text(), " ")
		if !ok || strings.HasPrefix(w, "#") {
			continue
		}
		if f, err := strconv.Atoi(n); err == nil {
			out[w] = f
		}
	}
	return out
}

// readWords reads a lexicon data file of words separated by white
// space, comments left out; with counts, the second field of each line
// is dropped.
func readWords(t *testing.T, path string, counts bool) []string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, l := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(l, "#") {
			continue
		}
		fields := strings.Fields(l)
		if counts && len(fields) > 0 {
			fields = fields[:1]
		}
		out = append(out, fields...)
	}
	return out
}

// hanListed returns the default dictionary's words of two Chinese
// characters or more, with their entries.
func hanListed() []*dictEntry {
	d := DefaultDictionary()
	var out []*dictEntry
	for k := range d.entries {
		if e := &d.entries[k]; !e.exception && e.han && e.runes >= 2 {
			out = append(out, e)
		}
	}
	return out
}

// reported returns the match of word in d.FindEvery(text), or of a
// longer listed word holding it (色情网站 for 色情), if any.
func reported(d *Dictionary, text, word string) (Match, bool) {
	for _, m := range d.FindEvery(text) {
		if strings.Contains(m.Word, word) {
			return m, true
		}
	}
	return Match{}, false
}

// TestClassNeighbourTakesACharacter (class 1): every listed word with a
// common word (jieba frequency 300 or more) glued on the right that
// starts with its last character (赌博 + 博物馆 = 赌博物馆), on the left
// that ends with its first (色情 after 紫色), and both. A listed word is
// never dropped silently: it is an error or, where the neighbours take
// its characters, a warning with the reading. A word of a grave category
// is a warning only where words of two characters or more take all its
// characters (赌/博物馆 leaves 赌 alone: an error).
func TestClassNeighbourTakesACharacter(t *testing.T) {
	freq := readFrequencies(t)
	byFirst, byLast := map[rune][]string{}, map[rune][]string{}
	var common []string
	for w, f := range freq {
		if n := utf8.RuneCountInString(w); f >= 300 && n >= 2 && n <= 3 {
			common = append(common, w)
		}
	}
	slices.Sort(common)
	for _, w := range common {
		rs := []rune(w)
		byFirst[rs[0]] = append(byFirst[rs[0]], w)
		byLast[rs[len(rs)-1]] = append(byLast[rs[len(rs)-1]], w)
	}
	d := DefaultDictionary()
	right := &tally{t: t, class: "class 1, common word on the right"}
	left := &tally{t: t, class: "class 1, common word on the left"}
	both := &tally{t: t, class: "class 1, common words on both sides"}
	graveOneSide := &tally{t: t, class: "class 1, a grave word is dropped only to common words"}
	check := func(c *tally, text string, e *dictEntry) {
		for _, x := range d.exceptions {
			if strings.Contains(text, x.word) {
				return // an innocent word declared so (反腐 + 腐蚀 = 反腐蚀)
			}
		}
		c.cases++
		m, ok := reported(d, text, e.word)
		switch {
		case !ok:
			c.miss("%q: %s dropped silently", text, e.word)
		case m.ReadAs != "":
			c.warnings++
		}
		if e.grave {
			graveOneSide.cases++
			if ok && m.ReadAs != "" {
				graveOneSide.warnings++
				for _, part := range strings.Split(m.ReadAs, "/") {
					if utf8.RuneCountInString(part) < 2 {
						graveOneSide.miss("%q: %s read as %s", text, e.word, m.ReadAs)
					}
				}
			}
		}
	}
	for _, e := range hanListed() {
		rs := []rune(e.word)
		first, last := rs[0], rs[len(rs)-1]
		rights := sample(byFirst[last], 4)
		lefts := sample(byLast[first], 4)
		for _, c := range rights {
			if strings.Contains(e.word+c, e.word+e.word) {
				continue
			}
			_, n := utf8.DecodeRuneInString(c)
			check(right, e.word+c[n:], e)
		}
		for _, c := range lefts {
			_, n := utf8.DecodeLastRuneInString(c)
			check(left, c[:len(c)-n]+e.word, e)
		}
		for i, l := range lefts {
			if i >= 8 && !exhaustive() {
				break
			}
			for j, r := range rights {
				if j >= 8 && !exhaustive() {
					break
				}
				_, ln := utf8.DecodeLastRuneInString(l)
				_, rn := utf8.DecodeRuneInString(r)
				check(both, l[:len(l)-ln]+e.word+r[rn:], e)
			}
		}
	}
	right.done(100)
	left.done(100)
	both.done(100)
	graveOneSide.done(50)
}

// TestClassWordBetweenOrdinaryWords (class 1): every listed word between
// ordinary words, on both sides: never silent; an error but where the
// ordinary words make common words with its characters (服务性/交易 for
// 性交易), which is a warning.
func TestClassWordBetweenOrdinaryWords(t *testing.T) {
	d := DefaultDictionary()
	around := []string{"示例", "深圳", "免费", "最新", "在线", "科技", "信息", "服务", "网站", "平台", "中心", "官方", "视频", "资讯", "张伟", "淄博"}
	c := &tally{t: t, class: "class 1, between ordinary words"}
	for _, e := range hanListed() {
		for _, l := range around {
			for _, r := range around {
				text := l + e.word + r
				c.cases++
				switch m, ok := reported(d, text, e.word); {
				case !ok:
					c.miss("%q: %s", text, e.word)
				case m.ReadAs != "":
					c.warnings++
				}
			}
		}
	}
	c.done(1000)
}

// brandCharacters are characters of trade names (字号), two of which
// make a brand: 金博, 恒博, 鑫彩.
const brandCharacters = "金恒华鑫盛博瑞泰宏达兴信源通凯隆富丰利佳美新中天德广永安明星辉光彩龙海春和正诚"

// TestOrdinaryNames (class 2): the company names of every county-level
// place of the provinces' data, [place][brand][industry]有限公司, with
// brands of two trade-name characters and every industry word of the
// lexicon's company-name parts, and persons' shop names, [surname][given
// name][industry]店: no error. A warning (a listed word the neighbours
// take, 淄博彩印 reads 淄博/彩印) is counted, not a false alarm.
func TestOrdinaryNames(t *testing.T) {
	d := DefaultDictionary()
	var places []string
	for _, l := range readWords(t, "internal/lexicon/data/places.txt", false) {
		if _, err := strconv.Atoi(l); err != nil {
			places = append(places, l)
		}
	}
	industries := readWords(t, "internal/lexicon/data/company.txt", false)
	surnames := readWords(t, "internal/lexicon/data/surnames.txt", false)
	given := readWords(t, "internal/lexicon/data/given.txt", true)
	var brands []string
	for _, a := range brandCharacters {
		for _, b := range brandCharacters {
			if a != b {
				if w := string([]rune{a, b}); len(d.FindAll(w)) == 0 {
					brands = append(brands, w)
				}
			}
		}
	}
	if len(places) < 3000 || len(industries) < 200 || len(brands) < 1000 {
		t.Fatalf("%d places, %d industries, %d brands", len(places), len(industries), len(brands))
	}
	judge := func(c *tally, name string) {
		c.cases++
		for _, m := range d.FindEvery(name) {
			if m.ReadAs != "" {
				c.warnings++
			} else {
				c.falseAlarm("%q: %s", name, m.Word)
			}
		}
	}
	step := 40
	companies := &tally{t: t, class: "class 2, place × brand × industry 有限公司"}
	for i, p := range places {
		for j, ind := range sample(industries, step) {
			judge(companies, p+brands[(i*7+j*13)%len(brands)]+ind+"有限公司")
		}
	}
	for i, b := range sample(brands, step/4) {
		for j, ind := range industries {
			judge(companies, places[(i*11+j*5)%len(places)]+b+ind+"有限公司")
		}
	}
	companies.done(50000)

	// A person's name that itself spells a listed word (廉政, a surname
	// and a given-name character) is left out: it holds the word.
	persons := &tally{t: t, class: "class 2, surname × given name × industry"}
	spelled := 0
	for i, s := range surnames {
		for j, g := range sample(given, step/8) {
			g2 := given[(i*3+j*17)%len(given)]
			for _, n := range []struct{ person, name string }{
				{s + g + g2, s + g + g2 + industries[(i+j)%len(industries)] + "店"},
				{s + g, s + g + industries[(i*5+j)%len(industries)] + "工作室"},
			} {
				if len(d.FindAll(n.person)) > 0 {
					spelled++
					continue
				}
				judge(persons, n.name)
			}
		}
	}
	persons.done(20000)
	t.Logf("class 2: %d persons' names left out that spell a listed word", spelled)
}

// numeralForms returns the forms a numeral of value v (1 to 10) may be
// written in inside a word.
func numeralForms(v int) []string {
	if v == 10 {
		return []string{"十", "拾", "〸", "⑩", "⑽", "⒑", "❿", "➉", "➓", "⓾", "Ⅹ", "ⅹ", "㊉", "㈩"}
	}
	r := rune(v)
	forms := []rune{
		'0' + r, 0xFF10 + r, // ASCII, full width
		0x245F + r, 0x2473 + r, 0x2487 + r, // circled, parenthesised, full stop
		0x2775 + r, 0x277F + r, 0x2789 + r, 0x24F4 + r, // dingbats, double circled
		0x215F + r, 0x216F + r, // Roman
		0x1D7CE + r, 0x1D7D8 + r, 0x1D7E2 + r, 0x1D7F6 + r, // mathematical bold, double-struck, sans-serif, monospace
		[]rune("一二三四五六七八九")[v-1], []rune("壹贰叁肆伍陆柒捌玖")[v-1], []rune("壹貳參肆伍陸柒捌玖")[v-1],
		0x3020 + r, // Hangzhou
		0x327F + r, // circled ideograph
	}
	if v <= 3 {
		forms = append(forms, []rune("弌弍弎")[v-1])
	}
	if v == 1 || v == 2 || v == 3 {
		forms = append(forms, []rune("¹²³")[v-1])
	}
	out := make([]string, len(forms))
	for i, f := range forms {
		out[i] = string(f)
	}
	return out
}

// TestClassNumeralForms (class 3): every numeral of every word that has
// one (the default dictionary's and a few with 十 and 〇), written in
// every form, alone and between ordinary words.
func TestClassNumeralForms(t *testing.T) {
	d := DefaultDictionary().With("十八禁", "二〇一八禁", "九一论坛")
	values := map[rune]int{'一': 1, '二': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9, '十': 10}
	c := &tally{t: t, class: "class 3, numeral forms"}
	for _, w := range d.Words() {
		rs := []rune(w)
		for i, r := range rs {
			v, ok := values[r]
			if !ok {
				continue
			}
			for _, f := range numeralForms(v) {
				text := string(rs[:i]) + f + string(rs[i+1:])
				for _, name := range []string{text, "示例" + text + "网"} {
					c.cases++
					if _, ok := reported(d, name, w); !ok {
						c.miss("%q: %s", name, w)
					}
				}
			}
		}
	}
	for _, f := range []string{"0", "０", "〇", "零", "○", "⓪", "𝟎"} {
		c.cases++
		if _, ok := reported(d, "二"+f+"一八禁", "二〇一八禁"); !ok {
			c.miss("二%s一八禁", f)
		}
	}
	c.done(200)
}

// TestClassIterationMarks (class 4): every listed word with its first
// character doubled, written with each iteration mark for the second.
func TestClassIterationMarks(t *testing.T) {
	var doubled []string
	for _, e := range hanListed() {
		rs := []rune(e.word)
		doubled = append(doubled, string(rs[0])+e.word)
	}
	d := NewDictionary(doubled...)
	c := &tally{t: t, class: "class 4, iteration marks"}
	for _, w := range doubled {
		rs := []rune(w)
		for _, mark := range []string{"々", "〻", "ゝ", "ゞ", "ヽ", "ヾ"} {
			text := string(rs[0]) + mark + string(rs[2:])
			for _, name := range []string{text, "示例" + text + "网"} {
				c.cases++
				if _, ok := reported(d, name, w); !ok {
					c.miss("%q: %s", name, w)
				}
			}
		}
	}
	// A mark after a character the word does not go on with is skipped
	// as before (赌々博 reads 赌博), and repeats only the character just
	// before it.
	for _, s := range []string{"赌々博", "赌ゝ博网"} {
		c.cases++
		if _, ok := reported(DefaultDictionary(), s, "赌博"); !ok {
			c.miss("%q", s)
		}
	}
	c.done(500)
}

// leetDisguises returns word with the digits and symbols for its letters:
// one substitution at a time, and all at once.
func leetDisguises(word string) []string {
	subs := map[byte][]string{'o': {"0"}, 'i': {"1"}, 'l': {"1"}, 'e': {"3"}, 'a': {"4", "@"}, 's': {"5", "$"}}
	var out []string
	all := []byte(word)
	for i := 0; i < len(word); i++ {
		for _, s := range subs[word[i]] {
			out = append(out, word[:i]+s+word[i+1:])
			all[i] = s[0]
		}
	}
	if string(all) != word {
		out = append(out, string(all))
	}
	return out
}

// TestClassLatinDisguises (class 5): every Latin word of the dictionary
// with digits and symbols for letters, with Cyrillic and Greek
// look-alikes, and glued to the short prefixes and suffixes of web names;
// alone, upper-cased, and next to Chinese. Ordinary English words holding
// a listed word, and disguised ones, stay innocent.
func TestClassLatinDisguises(t *testing.T) {
	d := DefaultDictionary()
	var latin []string
	for _, w := range d.Words() {
		if strings.IndexFunc(w, func(r rune) bool { return r >= utf8.RuneSelf }) < 0 {
			latin = append(latin, w)
		}
	}
	lookalike := map[rune]string{'a': "а", 'c': "с", 'e': "е", 'o': "ο", 'p': "р", 'i': "і", 's': "ѕ", 'r': "г", 'n': "п", 'h': "һ", 'm': "м", 'd': "ԁ", 'b': "Ь", 't': "т"}
	leet := &tally{t: t, class: "class 5, digits and symbols for letters"}
	look := &tally{t: t, class: "class 5, Cyrillic and Greek look-alikes"}
	glued := &tally{t: t, class: "class 5, web prefixes and suffixes"}
	check := func(c *tally, text, w string) {
		for _, name := range []string{text, strings.ToUpper(text), "示例" + text + "网", "best " + text + " 2026"} {
			c.cases++
			if _, ok := reported(d, name, w); !ok {
				c.miss("%q: %s", name, w)
			}
		}
	}
	for _, w := range latin {
		for _, s := range leetDisguises(w) {
			check(leet, s, w)
		}
		for i, r := range w {
			if l, ok := lookalike[r]; ok {
				check(look, w[:i]+l+w[i+1:], w)
			}
		}
		for _, a := range []string{"my", "cn", "hd", "free", "vip", "go", "the", "best", "online"} {
			check(glued, a+w, w)
		}
		for _, a := range []string{"tv", "hd", "cn", "club", "online", "city", "world", "s"} {
			check(glued, w+a, w)
		}
	}
	leet.done(100)
	look.done(30)
	glued.done(100)

	innocent := &tally{t: t, class: "class 5, ordinary Latin words"}
	for _, s := range []string{"casinova", "c4sinova", "essex", "scunthorpe", "baccarati", "born", "b0rn", "p1ano", "pornography", "porcelain", "heroine", "heroines", "her0ine", "mdmax", "ilovecn", "myspace", "hd5000", "casin", "pron", "apron"} {
		innocent.cases++
		if got := d.FindAll(s); len(got) > 0 {
			innocent.falseAlarm("%q: %+v", s, got)
		}
	}
	innocent.done(20)
}
