package names_test

import (
	"bufio"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/stretchr/testify/assert"

	"github.com/icpcheck/beian/rules/names"
	"github.com/icpcheck/beian/rules/names/internal/pinyin"
)

// pinyinWords returns the dictionary's words of Chinese characters only, of
// two characters or more, each character with a reading.
func pinyinWords(d *names.Dictionary) []string {
	var out []string
	for _, w := range d.Words() {
		rs := []rune(w)
		ok := len(rs) >= 2
		for _, r := range rs {
			ok = ok && unicode.Is(unicode.Han, r) && pinyin.Of(r).Len() > 0
		}
		if ok {
			out = append(out, w)
		}
	}
	return out
}

func foundWord(ms []names.Match, word string) bool {
	return slices.ContainsFunc(ms, func(m names.Match) bool { return m.Word == word })
}

// fullWidth writes ASCII letters full width (ｄｕ).
func fullWidth(s string) string {
	return strings.Map(func(r rune) rune {
		if 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' {
			return r - 'A' + 'Ａ'
		}
		return r
	}, s)
}

// TestClassPinyin: every Chinese word of the default dictionary written
// in pinyin, one character at a time (du博, 赌bo), in upper case and full
// width, and for words of three characters or more wholly (liuhecai, liu
// he cai, LIUHECAI), is found wherever the word written in characters is,
// and no other word holds it or lies inside it.
func TestClassPinyin(t *testing.T) {
	d := names.DefaultDictionary()
	words := pinyinWords(d)
	cases, tested := 0, 0
	for _, w := range words {
		rs := []rune(w)
		plain := "示例" + w + "资讯网"
		if !foundWord(d.FindAll(plain), w) {
			continue // the words around it take its characters
		}
		tested++
		var forms []string
		for i, r := range rs {
			syl := pinyin.Of(r).At(0)
			mixed := string(rs[:i]) + syl + string(rs[i+1:])
			forms = append(forms, mixed, strings.ToUpper(mixed), fullWidth(mixed))
		}
		if len(rs) >= 3 {
			var syls []string
			for _, r := range rs {
				syls = append(syls, pinyin.Of(r).At(0))
			}
			forms = append(forms, strings.Join(syls, ""), strings.Join(syls, " "), strings.ToUpper(strings.Join(syls, "")))
		}
		for _, f := range forms {
			cases++
			name := "示例 " + f + " 资讯网"
			got := d.FindAll(name)
			assert.True(t, foundWord(got, w), "%q: %s not found", name, w)
			// No other word holds the word or lies inside it (赌资 read
			// across the letters of 赌bo 资, or 赌 inside 赌bo).
			for _, m := range got {
				if m.Word == w {
					continue
				}
				for _, x := range got {
					if x.Word == w && (m.Start <= x.Start && x.End <= m.End || x.Start <= m.Start && m.End <= x.End) {
						t.Errorf("%q: %s at [%d,%d) beside %s at [%d,%d)", name, m.Word, m.Start, m.End, w, x.Start, x.End)
					}
				}
			}
		}
	}
	assert.Greater(t, tested, len(words)*9/10, "words tested")
	t.Logf("%d Chinese words, %d tested, %d pinyin forms", len(words), tested, cases)
}

// TestClassPinyinInnocent: an ordinary name of the innocent corpus with
// any one character written in pinyin does not have that pinyin read as
// part of a listed word, unless the syllable is also the reading of
// another character of a listed word (a homophone, which the name may
// then stand for: du博 is 赌博).
func TestClassPinyinInnocent(t *testing.T) {
	d := names.DefaultDictionary()
	listed := map[string][]rune{} // a reading → the characters of listed words that have it
	for _, w := range pinyinWords(d) {
		for _, r := range w {
			rs := pinyin.Of(r)
			for k := range rs.Len() {
				if !slices.Contains(listed[rs.At(k)], r) {
					listed[rs.At(k)] = append(listed[rs.At(k)], r)
				}
			}
		}
	}
	f, err := os.Open("testdata/corpus/innocent.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cases := 0
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		name := strings.TrimSpace(sc.Text())
		if name == "" || name[0] == '#' {
			continue
		}
		rs := []rune(name)
		for i, r := range rs {
			readings := pinyin.Of(r)
			if readings.Len() == 0 {
				continue
			}
			syl := readings.At(0)
			if slices.ContainsFunc(listed[syl], func(c rune) bool { return c != r }) {
				continue // a homophone of a listed character
			}
			cases++
			before := string(rs[:i])
			variant := before + syl + string(rs[i+1:])
			// A word found in the characters left (景色情huai: 色情,
			// which 怀 no longer takes) is the scan's reading of
			// another name; the pinyin must not be read as a word.
			lo, hi := len(before), len(before)+len(syl)
			for _, m := range d.FindAll(variant) {
				if m.Start < hi && lo < m.End {
					t.Errorf("%q (from %s): flagged for %s written %q", variant, name, m.Word, variant[m.Start:m.End])
				}
			}
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	assert.Greater(t, cases, 300)
	t.Logf("%d innocent names with a character in pinyin, none read as a word", cases)
}

// TestPinyinLatinWordsInnocent: ordinary Latin words and persons' names
// in pinyin next to Chinese are not read as listed words.
func TestPinyinLatinWordsInnocent(t *testing.T) {
	d := names.DefaultDictionary()
	for _, name := range []string{
		"edu博物馆",       // du博 inside a longer word
		"dubois科技",     // dubo glued to letters
		"Duo博客",        // duo is not du
		"Bob的博客",       // bo of 博彩 without 彩
		"wangdu的博客",    // 王度: two syllables, a surname first
		"dubo的个人主页",    // 杜波
		"zhaoji工作室",    // 赵吉
		"示例科技官网",       // no letters
		"ABC示例网络",      // letters that are no reading
		"iPhone维修中心",   // a product name
		"liuhe示例工作室",   // 六合, not 六合彩
		"特色qingdao旅游网", // qing of 色情 starts a longer word (qingdao)
	} {
		if ms := d.FindAll(name); len(ms) > 0 {
			t.Errorf("%q: flagged for %s (%q)", name, ms[0].Word, name[ms[0].Start:ms[0].End])
		}
	}
}

func ExampleDictionary_Find_pinyin() {
	d := names.DefaultDictionary()
	for _, name := range []string{"du博资讯", "LIU HE CAI开奖", "seqing视频", "dubo的个人主页"} {
		if m, ok := d.Find(name); ok {
			fmt.Printf("%s: %s written %q\n", name, m.Word, name[m.Start:m.End])
		} else {
			fmt.Printf("%s: nothing\n", name)
		}
	}
	// Output:
	// du博资讯: 赌博 written "du博"
	// LIU HE CAI开奖: 六合彩 written "LIU HE CAI"
	// seqing视频: 色情 written "seqing"
	// dubo的个人主页: nothing
}

// TestRomanNumeralsNormalised: a word starting with a Chinese numeral
// written as a Roman numeral sign (Ⅵ合彩) is found in the name as typed
// and in its normal form (vi合彩), which the naming rules scan; an
// ordinary Latin word is not a numeral (vip, via).
func TestRomanNumeralsNormalised(t *testing.T) {
	d := names.DefaultDictionary()
	signs := []rune("ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ")
	numerals := []rune("一二三四五六七八九十")
	tested := 0
	for _, w := range d.Words() {
		rs := []rune(w)
		k := slices.Index(numerals, rs[0])
		if k < 0 || len(rs) < 2 {
			continue
		}
		tested++
		typed := "示例" + string(signs[k]) + string(rs[1:]) + "资讯"
		assert.True(t, foundWord(d.FindAll(typed), w), "%q", typed)
		assert.True(t, foundWord(d.FindAll(names.Normalize(typed)), w), "%q normalised %q", typed, names.Normalize(typed))
	}
	assert.GreaterOrEqual(t, tested, 3, "words starting with a numeral (六合彩, 三级片, 一夜情 …)")
	for _, name := range []string{"vip合彩印刷", "via合彩", "xi合彩"} {
		assert.Empty(t, d.FindAll(name), name)
	}
}

// TestPinyinToneMarks: pinyin written with its tone marks, precomposed
// or combining, in any case, is read as without them (the scan's quick
// test of ASCII letters passes such names to the fold).
func TestPinyinToneMarks(t *testing.T) {
	d := names.DefaultDictionary()
	for _, name := range []string{"dǔ博资讯", "DǓ博资讯", "du\u030c博资讯", "赌bó之家", "liùhécǎi开奖", "fǎ轮功"} {
		ms := d.FindAll(name)
		assert.NotEmpty(t, ms, "%q", name)
	}
}
