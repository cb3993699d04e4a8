package names

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"unicode"

	"github.com/icpcheck/beian/rules/names/internal/ahocorasick"
)

// quietDictionaries are the dictionaries the quiet run is held to the
// scan one character at a time over: the package's own, one of words
// longer than the scanner's rings (its rings allocated), one of words
// glued to Latin letters (junctions, mixed words of both scripts) and
// one of words of numbered characters (the shape of a large list).
func quietDictionaries() []*Dictionary {
	ds := memoDictionaries()
	ds = append(ds,
		NewDictionary("中华人民共和国国家互联网信息办公室网络安全审查办法", "国家互联网"),
		NewDictionary("k粉", "av女优", "冰du", "p0rn", "赌场", "博彩", "六合彩", "一夜情"),
	)
	var big []string
	for i := 0; i < 2000; i++ {
		big = append(big, fmt.Sprintf("敏感词%d号", i))
	}
	return append(ds, NewDictionary(big...))
}

// scanBothWays scans text with d with and without quiet runs, each
// way for a first and a second reading (restart), recording and not,
// and reports the first difference.
func scanBothWays(d *Dictionary, text string) error {
	for _, restart := range []bool{false, true} {
		for _, record := range []bool{false, true} {
			var a, b [4]occurrence
			var sa, sb [64]rune
			fa, ra, amba, stepsa := d.scanRuns(text, nil, a[:0], restart, record, sa[:0], true)
			fb, rb, ambb, stepsb := d.scanRuns(text, nil, b[:0], restart, record, sb[:0], false)
			if !reflect.DeepEqual(fa, fb) || !reflect.DeepEqual(ra, rb) || amba != ambb || stepsa != stepsb {
				return fmt.Errorf("%q (restart %v, record %v): with quiet runs %+v %q %v %d, one by one %+v %q %v %d",
					text, restart, record, fa, string(ra), amba, stepsa, fb, string(rb), ambb, stepsb)
			}
		}
	}
	return nil
}

// TestQuietRunEveryCharacter holds the quiet run (quietRun) to the scan
// of one character at a time for every Chinese character the quick path
// decodes (U+4000–U+9FFF), alone, between ordinary characters, after a
// separator, before an iteration mark, inside and around each listed
// word, and repeated past the recorded stream's buffer.
func TestQuietRunEveryCharacter(t *testing.T) {
	t.Parallel()
	for di, d := range quietDictionaries() {
		if di > 0 && di < len(memoDictionaries()) && !exhaustive() {
			continue // the small lists are read by TestQuietRunCorpora
		}
		var words []string
		for k, e := range d.entries {
			// A large list's words are alike: a sample, unless
			// exhaustive.
			if k < 40 || exhaustive() {
				words = append(words, e.word)
			}
		}
		for r := rune(quietFirst); r < quietEnd; r++ {
			c := string(r)
			texts := []string{c, "示例" + c + "科技", "a " + c + "々网", "深圳，" + c + c + "k粉" + c, strings.Repeat(c, 50)}
			for _, n := range []int{14, 15, 16, 30, 31} {
				// Letters before, for the slots of the ring the run
				// passes over to hold letters.
				texts = append(texts, strings.Repeat("k", n)+" "+c+"k粉", strings.Repeat("av", n)+c+c+"k1粉", strings.Repeat("k", n)+c+"av女优")
			}
			if r%97 == 0 || d.quiet[(r-quietFirst)>>6]&(1<<((r-quietFirst)&63)) == 0 {
				// The characters of the words, and a sample of the
				// others, in every position of every word.
				for _, w := range words {
					rs := []rune(w)
					for k := 0; k <= len(rs); k++ {
						texts = append(texts, "示例"+string(rs[:k])+c+string(rs[k:])+"网")
					}
				}
			}
			for _, text := range texts {
				if err := scanBothWays(d, text); err != nil {
					t.Fatalf("dictionary %d: %v", di, err)
				}
			}
		}
	}
}

// TestQuietRunCorpora holds the quiet run to the scan of one character
// at a time over the corpora's names and the words of each dictionary
// after runs of ordinary characters of every length up to past the
// recorded stream's buffer.
func TestQuietRunCorpora(t *testing.T) {
	t.Parallel()
	texts := append(memoTexts(t), placesAcross(t)...)
	runs, quiet := 0, 0
	for _, d := range quietDictionaries() {
		for _, text := range texts {
			if err := scanBothWays(d, text); err != nil {
				t.Fatal(err)
			}
		}
		for k, e := range d.entries {
			if k >= 300 && !exhaustive() {
				break
			}
			for n := 0; n <= 52; n++ {
				text := strings.Repeat("示例科技", n/4+1)
				text = text[:3*n] + e.word + "中心"
				if err := scanBothWays(d, text); err != nil {
					t.Fatal(err)
				}
			}
		}
		for _, text := range texts[:min(len(texts), 2000)] {
			for _, r := range text {
				runs++
				if x := r - quietFirst; quietFirst <= r && r < quietEnd && d.quiet[x>>6]&(1<<(x&63)) != 0 {
					quiet++
				}
			}
		}
	}
	t.Logf("%d texts; %d of %d characters of a sample read in quiet runs", len(texts), quiet, runs)
	if quiet == 0 || quiet == runs {
		t.Errorf("%d of %d characters quiet: the texts exercise too little", quiet, runs)
	}
}

// quietTableOfEveryCharacter is the quiet table of han and mix as
// every character of its block gives it: the definition build is held
// to.
func quietTableOfEveryCharacter(han, mix *ahocorasick.Automaton) quietTable {
	var t quietTable
	for r := rune(quietFirst); r < quietEnd; r++ {
		if 0x4DC0 <= r && r < 0x4E00 {
			continue // the Yijing hexagrams: not read as Chinese characters
		}
		if !startsWord(han, mix, r) {
			t[(r-quietFirst)>>6] |= 1 << ((r - quietFirst) & 63)
		}
	}
	return t
}

// quietTableDictionaries are quietDictionaries, the homophone, allowing
// and narrowed forms of the default one, one of words that start with
// numerals, numeral forms and variant characters or hold them in Latin
// words, and each of these compiled and loaded again.
func quietTableDictionaries(t *testing.T) []*Dictionary {
	t.Helper()
	def := DefaultDictionary()
	ds := append(quietDictionaries(),
		def.Homophones(false), def.Homophones(true), def.Without("赌博", "六合彩"), def.With("陸合彩", "貳號", "叄十"),
		NewDictionary("陆合彩", "6合彩", "拾万", "壹号", "〇〇七", "〸三", "○○", "參賽", "賭場", "弐百", "k粉", "冰du", "2b青年",
			"av女優", "陸a", "a陸", "x壹", "國", "!國家", "!陸地"),
		NewDictionary(),
	)
	for _, d := range ds[:len(ds):len(ds)] {
		_, loaded := compileAndLoad(t, d)
		ds = append(ds, loaded)
	}
	return ds
}

// TestQuietTableAsEveryCharacter holds the quiet table build makes from
// the words' characters to the one every character of the block gives,
// for each dictionary of quietTableDictionaries.
func TestQuietTableAsEveryCharacter(t *testing.T) {
	for i, d := range quietTableDictionaries(t) {
		want := quietTableOfEveryCharacter(d.han, d.mix)
		if d.quiet != want {
			for r := rune(quietFirst); r < quietEnd; r++ {
				x := r - quietFirst
				if got, w := d.quiet[x>>6]>>(x&63)&1, want[x>>6]>>(x&63)&1; got != w {
					t.Fatalf("dictionary %d: %c (%U) quiet %d, every character gives %d", i, r, r, got, w)
				}
			}
		}
		var built quietTable
		built.build(d.han, d.mix, d.entries)
		if built != d.quiet {
			t.Fatalf("dictionary %d: the table built again differs", i)
		}
	}
}

// TestNumeralRunes checks numeralRunes: every rune numeral changes, and
// no other but 〇 (a numeral of its own).
func TestNumeralRunes(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if changed, listed := numeral(r) != r || r == '〇', strings.ContainsRune(numeralRunes, r); changed != listed {
			t.Fatalf("%c (%U): numeral changes it %v, in numeralRunes %v", r, r, changed, listed)
		}
	}
}
