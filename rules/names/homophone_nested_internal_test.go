package names

import (
	"slices"
	"strings"
	"testing"

	"github.com/icpcheck/beian/rules/internal/fold"
)

// TestClassNoWordInsideAnother: the words the homophone scan hears are
// reported as every other word is, none inside another and none twice
// over the same characters, for every Chinese word of the default
// dictionary (every eighth unless BEIAN_EXHAUSTIVE=1) and every position
// of it written with a homophone, in three classes of dictionaries:
//   - the word and another heard over the same characters (睹博 is 赌博
//     and 读博): the word with the same position written with another
//     homophone;
//   - the word and a part of it (赌博 in 网络赌博: the part typed inside
//     the longer word heard, or heard inside the longer word heard);
//   - the word and a longer one holding it (赌博网站 for 赌博: the longer
//     heard over the word typed, 赌博网占).
//
// Each text is the disguise alone, inside other characters, with a
// space and with invalid bytes between its characters (the fuzzer's
// find: 睹 博 after 杜\xff\x8d\x9a的博客). FindAll and FindEvery are both
// checked. Made to fail by sorting the homophone scan's answer without
// leaving out the words inside others (homophone.go's outermost call).
func TestClassNoWordInsideAnother(t *testing.T) {
	ix := DefaultDictionary().homIndex()
	step := 8
	if exhaustive() {
		step = 1
	}
	n := 0
	check := func(words []string, text string) {
		t.Helper()
		d := NewDictionary(words...).Homophones(true)
		checkMatches(t, d, text)
		every := d.FindEvery(text)
		for k, m := range every {
			for j, x := range every {
				if j != k && x.Start <= m.Start && m.End <= x.End {
					t.Fatalf("words %q, text %q: FindEvery's %+v lies inside %+v", words, text, m, x)
				}
			}
		}
		n++
	}
	texts := func(cs []rune) []string {
		s := string(cs)
		var spaced, broken strings.Builder
		for k, c := range cs {
			if k > 0 {
				spaced.WriteByte(' ')
				broken.WriteString("\xff\x8d\x9a")
			}
			spaced.WriteRune(c)
			broken.WriteRune(c)
		}
		return []string{s, "示例" + s + "网", spaced.String(), "杜\xff\x8d\x9a的博客 " + broken.String()}
	}
	for wi := 0; wi < len(ix.words); wi += step {
		w := &ix.words[wi]
		cs := ix.wordChars(w)
		word := string(cs)
		for k := range cs {
			// The homophones that share a reading themselves (not 三,
			// the fold of 参, a homophone of 神).
			var homs []rune
			for _, h := range ix.homsAt(w.c0 + int32(k)) {
				if shareReading(h, cs[k]) {
					homs = append(homs, h)
				}
			}
			if len(homs) < 2 {
				continue
			}
			typed := append([]rune(nil), cs...)
			typed[k] = homs[0]
			twin := append([]rune(nil), cs...)
			twin[k] = homs[len(homs)-1]
			for _, text := range texts(typed) {
				check([]string{word, string(twin)}, text)
				check([]string{word, word + "网站"}, text)
				// Each part of two characters or more.
				for i := 0; i < len(cs); i++ {
					for j := i + 2; j <= len(cs); j++ {
						if j-i < len(cs) {
							check([]string{word, string(cs[i:j])}, text)
						}
					}
				}
			}
			// The longer word heard over the word typed: 赌博网占.
			for _, text := range texts([]rune(word + "网占")) {
				check([]string{word, word + "网站"}, text)
			}
		}
	}
	t.Logf("%d words, %d texts", (len(ix.words)+step-1)/step, n)
}

// TestClassSymbolBesideInvalidBytes: a disguise read across a symbol
// whose compatibility form spells letters (㍳ is AU, ㍅ a square of
// katakana: separators as the scan reads them) with invalid bytes before
// it, after it or both (the fuzzer's find: 睹㍳\xad博) is found, and its
// match holds the word as checkMatches reads it. Every such symbol of the
// CJK Compatibility block, in three words written with homophones. Made
// to fail by reading a span of fold.Iter with its invalid bytes as more
// than one rune typed (holdsHomophone's typedRune).
func TestClassSymbolBesideInvalidBytes(t *testing.T) {
	d := DefaultDictionary()
	var symbols []rune
	for r := rune(0x3300); r <= 0x33FF; r++ {
		if fold.ClassOf(r).Separator() {
			symbols = append(symbols, r)
		}
	}
	if len(symbols) < 100 {
		t.Fatalf("%d separators in the CJK Compatibility block", len(symbols))
	}
	n := 0
	for _, word := range [][2]string{{"赌博", "睹博"}, {"六合彩", "六和彩"}, {"法轮功", "法仑功"}} {
		rs := []rune(word[1])
		for _, sym := range symbols {
			for _, around := range [][2]string{{"", "\xad"}, {"\xff", ""}, {"\xad", "\xad"}, {"", ""}} {
				sep := around[0] + string(sym) + around[1]
				text := string(rs[0]) + sep + string(rs[1:])
				checkMatches(t, d, text)
				if !slices.ContainsFunc(d.FindAll(text), func(m Match) bool { return m.Word == word[0] }) {
					t.Errorf("%q: %s not found", text, word[0])
				}
				n++
			}
		}
	}
	t.Logf("%d symbols, %d texts", len(symbols), n)
}
