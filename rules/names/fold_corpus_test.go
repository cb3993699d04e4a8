package names_test

// Disguise corpora for the normaliser, built by class and combinatorially:
// every invisible character, Latin look-alike, variant ideograph and filler
// the data holds, put into every word of the default dictionary it fits.
// Each case must fold back to the word itself, and be found as the word.

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/icpcheck/beian/internal/ucd"
	"github.com/icpcheck/beian/rules/internal/fold"
	"github.com/icpcheck/beian/rules/internal/hanvariant"
	"github.com/icpcheck/beian/rules/names"
)

// dictionaryWords returns the default dictionary's words, split into
// those made of Chinese characters only and those holding ASCII letters.
func dictionaryWords(t *testing.T) (han, latin []string) {
	t.Helper()
	for _, w := range names.DefaultDictionary().Words() {
		ascii := false
		for _, r := range w {
			ascii = ascii || r < utf8.RuneSelf
		}
		if ascii {
			latin = append(latin, w)
		} else {
			han = append(han, w)
		}
	}
	if len(han) < 50 || len(latin) < 4 {
		t.Fatalf("%d Chinese and %d Latin words in the default dictionary", len(han), len(latin))
	}
	return han, latin
}

// corpus counts the cases of a class and checks each.
type corpus struct {
	t     *testing.T
	class string
	cases int
	fails int
}

// folded checks that disguised folds to word and that the dictionary finds
// word in the folded text.
func (c *corpus) folded(disguised, word string) {
	c.cases++
	got := names.Normalize(disguised)
	if got != word {
		c.fail("%s: Normalize(%q) = %q, want %q", c.class, disguised, got, word)
		return
	}
	if m, ok := names.DefaultDictionary().Find(got); !ok || m.Word != word {
		c.fail("%s: %q (folded from %q) not found as %q: %+v", c.class, got, disguised, word, m)
	}
	// The dictionary folds the text as typed the same way, and reports
	// where the word was.
	if m, ok := names.DefaultDictionary().Find(disguised); !ok || m.Word != word || disguised[m.Start:m.End] != disguised {
		c.fail("%s: Find(%q) = %+v, %v; want %q over the whole text", c.class, disguised, m, ok, word)
	}
}

func (c *corpus) fail(format string, args ...any) {
	c.t.Helper()
	if c.fails++; c.fails <= 10 {
		c.t.Errorf(format, args...)
	}
}

func (c *corpus) done(min int) {
	c.t.Helper()
	if c.cases < min {
		c.t.Errorf("%s: only %d cases, want at least %d", c.class, c.cases, min)
	}
	c.t.Logf("%s: %d cases, %d failed", c.class, c.cases, c.fails)
}

// insertAt puts x after the first rune of word (after the second of a
// longer Latin word: casi·no).
func insertAt(word, x string) string {
	_, n := utf8.DecodeRuneInString(word)
	if word[0] < utf8.RuneSelf && utf8.RuneCountInString(word) > 2 {
		_, m := utf8.DecodeRuneInString(word[n:])
		n += m
	}
	return word[:n] + x + word[n:]
}

// defaultIgnorable reads Unicode's Default_Ignorable_Code_Point from the
// data the normaliser's table is generated from.
func defaultIgnorable(t *testing.T) []rune {
	t.Helper()
	rs, err := ucd.File("../internal/fold/data/ignorable.txt")
	if err != nil {
		t.Fatal(err)
	}
	if len(rs) != 4174 {
		t.Fatalf("%d Default_Ignorable code points, want 4174", len(rs))
	}
	return rs
}

// TestCorpusInvisible: every Default_Ignorable code point, and the other
// characters the text rule reports (controls, private use, noncharacters,
// U+2028, U+2029), inside every word: removed, so the word is found, both
// on the folded text and by the dictionary on the text as typed; each is
// Invisible, so TEXT_INVALID reports it.
func TestCorpusInvisible(t *testing.T) {
	han, latin := dictionaryWords(t)
	words := append(han, latin...)
	invisible := append(defaultIgnorable(t), 0x2028, 0x2029, 0x0001, 0x001F, 0x007F, 0x0085, 0x009F,
		0xE000, 0xF8FF, 0xF0000, 0x10FFFD, 0xFDD0, 0xFDEF, 0xFFFE, 0x1FFFF, 0x10FFFF, 0x2800)
	c := &corpus{t: t, class: "invisible"}
	d := names.DefaultDictionary()
	for _, r := range invisible {
		if !names.Invisible(r) {
			c.fail("U+%04X is not Invisible: the text rule would not report it", r)
		}
		for _, w := range words {
			s := insertAt(w, string(r))
			c.folded(s, w)
			if m, ok := d.Find(s); !ok || m.Word != w {
				c.fail("invisible U+%04X: Find(%q) = %+v, %v", r, s, m, ok)
			}
		}
	}
	c.done(20)
}

// TestCorpusLatinLookalikes: every letter of the Latin fold (accented,
// dotless, stroked letters, small capitals, Cyrillic, Greek and Armenian
// look-alikes) put for the letter it imitates, at every position of every
// Latin word of the dictionary; and whole words spelt in look-alikes.
func TestCorpusLatinLookalikes(t *testing.T) {
	_, latin := dictionaryWords(t)
	byLetter := map[rune][]rune{}
	for r := rune(0x80); r <= unicode.MaxRune; r++ {
		if l, ok := fold.Latin(r); ok {
			byLetter[l] = append(byLetter[l], r)
		}
	}
	c := &corpus{t: t, class: "latin look-alike"}
	for _, w := range latin {
		rs := []rune(w)
		for i, letter := range rs {
			for _, x := range byLetter[letter] {
				d := append([]rune(nil), rs...)
				d[i] = x
				c.folded(string(d), w)
			}
		}
		// The whole word in the k-th look-alike of each letter.
		for k := 0; k < 40; k++ {
			d := append([]rune(nil), rs...)
			for i, letter := range rs {
				if alts := byLetter[letter]; len(alts) > 0 {
					d[i] = alts[(k+i)%len(alts)]
				}
			}
			c.folded(string(d), w)
		}
	}
	for _, s := range []string{"casìno", "casıno", "cаsino", "ᴄᴀsɪɴᴏ", "CASÍNO", "ƈasino", "ϲasino", "bаccаrаt", "ᴘᴏʀɴ", "рогn"} {
		if got := names.Normalize(s); got != "casino" && got != "baccarat" && got != "porn" {
			c.fail("Normalize(%q) = %q", s, got)
		}
		c.cases++
	}
	c.done(20)
}

// simplifiedFrom maps each character to the variant forms that fold to it.
func simplifiedFrom() map[rune][]rune {
	m := map[rune][]rune{}
	for r := rune(0x2E80); r <= unicode.MaxRune; r++ {
		if s := hanvariant.Simplify(r); s != r {
			m[s] = append(m[s], r)
		}
	}
	return m
}

// TestCorpusVariantIdeographs: every variant form (traditional,
// Japanese, orthographic, radical) of every character of every Chinese
// word of the dictionary, one at a time, and every word written all in
// variant forms.
func TestCorpusVariantIdeographs(t *testing.T) {
	han, _ := dictionaryWords(t)
	from := simplifiedFrom()
	all := &corpus{t: t, class: "variant ideograph"}
	radicals := &corpus{t: t, class: "CJK radical"}
	for _, w := range han {
		rs := []rune(w)
		for i, r := range rs {
			for _, v := range from[r] {
				d := append([]rune(nil), rs...)
				d[i] = v
				all.folded(string(d), w)
			}
		}
		for k := 0; k < 4; k++ {
			d := append([]rune(nil), rs...)
			for i, r := range rs {
				if vs := from[r]; len(vs) > 0 {
					d[i] = vs[k%len(vs)]
				}
			}
			all.folded(string(d), w)
		}
	}
	// The forms issue 9 names, in the words that hold what they stand for.
	named := &corpus{t: t, class: "named variant"}
	for disguised, word := range map[string]string{
		"百家楽": "百家乐", "赌銭": "赌钱", "洗銭": "洗钱", "氷毒": "冰毒", "迷薬": "迷药",
		"窃聴器": "窃听器", "刷単": "刷单", "办仮証": "办假证", "约砲": "约炮", "联合囯": "联合国",
		"联合圀": "联合国", "赌愽": "赌博", "卖婬": "卖淫", "仿真鎗": "仿真枪", "赌⻢": "赌马",
		"賭愽": "赌博", "聯合囯": "联合国", "假文憑": "假文凭", "辦仮證": "办假证", "網賭": "网赌",
		"⻢": "马", "⻔": "门", "⺠": "民",
	} {
		if len([]rune(word)) == 1 {
			named.cases++
			if got := names.Normalize(disguised); got != word {
				named.fail("Normalize(%q) = %q, want %q", disguised, got, word)
			}
			continue
		}
		named.folded(disguised, word)
	}
	// Every radical of the CJK Radicals Supplement that stands for an
	// ideograph, at each end of a word of a dictionary of its own.
	for v := rune(0x2E80); v <= 0x2EFF; v++ {
		r := hanvariant.Simplify(v)
		if r == v {
			continue
		}
		for _, w := range []string{string(r) + "网", "网" + string(r) + "站"} {
			d := names.NewDictionary(w)
			disguised := strings.Replace(w, string(r), string(v), 1)
			radicals.cases++
			if got := names.Normalize(disguised); got != w {
				radicals.fail("Normalize(%q) = %q, want %q", disguised, got, w)
			} else if m, ok := d.Find(disguised); !ok || m.Word != w {
				radicals.fail("%q not found as %q", disguised, w)
			}
		}
	}
	all.done(20)
	radicals.done(20)
	named.done(20)
}

// skippedReading folds s and keeps the runes a matcher does not skip.
func skippedReading(s string) string {
	var it fold.Iter
	it.Init(s)
	var b strings.Builder
	for {
		r, c, _, _, ok := it.Next()
		if !ok {
			return b.String()
		}
		if !c.Skippable() {
			b.WriteRune(r)
		}
	}
}

// TestCorpusFillers: iteration and prolonged-sound marks, Hangzhou
// numerals, kana, superscripts and subscripts, and combining marks put
// between the characters of every Chinese word: each gets a class the
// matcher may skip ([names.Class.Skippable]), and skipping those the word
// reads as itself. (Whether the dictionary skips them is the matcher's
// decision.)
func TestCorpusFillers(t *testing.T) {
	han, _ := dictionaryWords(t)
	fillers := []string{"々", "〻", "ゝ", "ゞ", "ヽ", "ヾ", "ー", "ｰ", "〡", "〢", "〩", "〣", "〤",
		"の", "ノ", "ｶ", "ㇰ", "²", "³", "¹", "⁰", "₁", "⁺", "™", "℠"}
	marks := []string{"\u0300", "\u0301", "\u0308", "\u0323", "\u0338", "\u20DD", "\u20E3", "\u0301\u0301", "\u3099", "\u302A"}
	c := &corpus{t: t, class: "filler"}
	m := &corpus{t: t, class: "combining mark on Han"}
	for _, w := range han {
		for _, x := range fillers {
			c.cases++
			if got := skippedReading(insertAt(w, x)); got != w {
				c.fail("%q read skipping fillers is %q", insertAt(w, x), got)
			}
		}
		for _, x := range marks {
			m.cases++
			if got := skippedReading(insertAt(w, x)); got != w {
				m.fail("%q read skipping marks is %q", insertAt(w, x), got)
			}
		}
	}
	// 〇 is the Han numeral zero, not a filler.
	if got := skippedReading("六〇彩"); got != "六〇彩" {
		t.Errorf("六〇彩 reads %q", got)
	}
	c.done(20)
	m.done(20)
}
