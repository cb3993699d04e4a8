package names

import (
	"bufio"
	"bytes"
	"fmt"
	"go/format"
	"os"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/icpcheck/beian/rules/internal/fold"
	"github.com/icpcheck/beian/rules/names/internal/pinyin"
)

// holdsHomophone reports whether src writes word with homophones, as
// checkMatches accepts it: its Chinese characters (and numerals), read
// across separators, each the word's own or sharing a toneless reading
// with it, one at least other and half at least its own. It is written
// apart from the scan (fold.Iter and the readings compared as strings).
func holdsHomophone(src, word string) bool {
	want := []rune(word)
	var got []rune
	var it fold.Iter
	it.Init(src)
	for {
		r, c, start, end, ok := it.Next()
		if !ok {
			break
		}
		// A character typed as a symbol is a separator, as the scan reads
		// it, whatever its compatibility form spells (㍅, a square of
		// katakana).
		typed, whole := typedRune(src[start:end])
		switch {
		case c.Separator() || c == 0 || whole && fold.ClassOf(typed).Separator():
		case c == fold.Han || c == fold.Word && numeral(r) != r:
			got = append(got, foldKey(r))
		default:
			return false
		}
	}
	if len(got) != len(want) {
		return false
	}
	own, other := 0, 0
	for k, r := range got {
		w := foldKey(want[k])
		if r == w {
			own++
			continue
		}
		if !shareReading(r, w) {
			return false
		}
		other++
	}
	return other > 0 && 2*own >= len(got)
}

// typedRune returns the one rune typed in span, a span of fold.Iter,
// and true; false when span holds more than one. The invalid bytes the
// iterator reads with the rune beside them (㍳ then \xad: one span, a
// separator as the scan reads it) are not typed.
func typedRune(span string) (rune, bool) {
	for span != "" {
		if r, n := utf8.DecodeRuneInString(span); r != utf8.RuneError || n != 1 {
			break
		}
		span = span[1:]
	}
	for span != "" {
		if r, n := utf8.DecodeLastRuneInString(span); r != utf8.RuneError || n != 1 {
			break
		}
		span = span[:len(span)-1]
	}
	r, n := utf8.DecodeRuneInString(span)
	return r, span != "" && n == len(span)
}

func shareReading(a, b rune) bool {
	ra, rb := pinyin.Of(a), pinyin.Of(b)
	for i := range ra.Len() {
		for j := range rb.Len() {
			if ra.At(i) == rb.At(j) {
				return true
			}
		}
	}
	return false
}

// homophoneHostile are texts dense with homophone stretches, each decided
// by the segmentation, and with polyphonic anchors.
var homophoneHostile = []string{"睹博", "都博", "首都博物馆", "六和彩", "法仑功", "色晴", "和合和", "睹.博", "杜博的博客", "长长", "六和彩6和彩", "援助交给"}

// TestHomophoneWorkLinear: the work on texts dense with homophone
// stretches grows linearly (linearWork), and so does the memory per
// stretch found from 5,000 to 50,000 of them (above the sizes where append doubles).
func TestHomophoneWorkLinear(t *testing.T) {
	d := DefaultDictionary()
	for _, text := range homophoneHostile {
		linearWork(t, d, text)
	}
	for _, unit := range []string{"睹博 ", "六和彩开奖，"} {
		var perHit []float64
		for _, n := range []int{5000, 50000} {
			text := strings.Repeat(unit, n)
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			got := len(d.FindAll(text))
			runtime.ReadMemStats(&after)
			if got != n {
				t.Fatalf("%d stretches %q: found %d", n, unit, got)
			}
			perHit = append(perHit, float64(after.TotalAlloc-before.TotalAlloc)/float64(n))
		}
		if perHit[1] > 1.5*perHit[0] {
			t.Errorf("%q: bytes allocated per stretch grow with the stretches: %v", unit, perHit)
		}
	}
}

// TestHomophoneHostileLength: a name of 10,000 polyphonic characters,
// every one an anchor or a homophone of one (和 he/huo/hu for 合, 长
// chang/zhang, 都 du/dou), costs work linear in its length.
func TestHomophoneHostileLength(t *testing.T) {
	d := DefaultDictionary()
	unit := "和都长乐行重"
	small, big := d.work(strings.Repeat(unit, 10000/6/10)), d.work(strings.Repeat(unit, 10000/6))
	if big > 12*small+64 {
		t.Fatalf("work %d on 1,000 characters, %d on 10,000: not linear", small, big)
	}
	t.Logf("work %d on about 1,000 characters, %d on 10,000", small, big)
}

// quickAsFull checks that the quick test leaves out no stretch: the
// homophone scan of text finds the same with it and without it.
func quickAsFull(t *testing.T, d *Dictionary, text string) {
	t.Helper()
	quick := d.findHomophonesAs(text, nil, true, nil, true)
	full := d.findHomophonesAs(text, nil, true, nil, false)
	if !reflect.DeepEqual(quick, full) {
		t.Fatalf("%q: with the quick test %+v, without %+v", text, quick, full)
	}
}

// TestHomophoneQuickTest: over the innocent corpus, the homophone forms of
// every word with one character replaced (as TestClassHomophone builds
// them, here each position's homophones from homophonesOf), their
// traditional, numeral and spaced writings, the quick test leaves out
// nothing the full scan finds.
func TestHomophoneQuickTest(t *testing.T) {
	d := DefaultDictionary()
	ix := d.homIndex()
	n := 0
	for k := range ix.words {
		w := &ix.words[k]
		for i := range w.n {
			for _, h := range ix.homsAt(w.c0 + i) {
				v := slices.Clone(ix.wordChars(w))
				v[i] = h
				for _, text := range []string{string(v), "示例" + string(v) + "资讯网", strings.Join(strings.Split(string(v), ""), " ")} {
					quickAsFull(t, d, text)
					n++
				}
			}
		}
	}
	for _, text := range []string{"陆和彩", "6和彩", "六和彩", "换柒", "柒枪", "六和彩開獎", "睹\u200b博", "睹々博", "〇", "Ⅵ和彩", "６和彩", "睹\u200b博", "睹\u2060博", "睹\u2014博", "六\u200d和彩", "睹\u2076博", "㈥和彩", "㊅和彩", "⑥和彩", "\ufeff睹博"} {
		quickAsFull(t, d, text)
		n++
	}
	f, err := os.Open("testdata/corpus/innocent.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		quickAsFull(t, d, sc.Text())
		n++
	}
	t.Logf("%d texts", n)
}

// FuzzHomophone: what the homophone scan adds to any text, with the
// default dictionary and one of the fuzzer's words, has the properties
// checkMatches checks (a match holds its word written with homophones),
// and its work is linear.
func FuzzHomophone(f *testing.F) {
	for _, s := range [][2]string{
		{"赌博\n六合彩", "示例睹博资讯网 六和彩开奖"},
		{"法轮功\n色情", "法仑功学习 色晴网 首都博物馆"},
		{"赌博\n!读博", "读博士 杜博的博客 睹 博"},
		{"时时彩", "施氏彩板工作室 时石材"},
		{"援助交际\n金博", "援助交给 睹々博 賭博 六和彩開獎"},
	} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, wordList, text string) {
		words := strings.Split(wordList, "\n")
		if len(words) > 20 {
			words = words[:20]
		}
		custom := NewDictionary(words...).Homophones(true)
		for _, d := range []*Dictionary{DefaultDictionary(), custom, custom.Allow(words[0])} {
			d.FindEvery(text)
			checkMatches(t, d, text)
			linearWork(t, d, text)
			quickAsFull(t, d, text)
		}
	})
}

// BenchmarkHomophoneIndex is the cost of building the default
// dictionary's homophone index, once per dictionary at its first name
// with a Chinese character.
func BenchmarkHomophoneIndex(b *testing.B) {
	d := DefaultDictionary().Homophones(true)
	b.ReportAllocs()
	for b.Loop() {
		d.hom = homState{}
		d.homIndex()
	}
}

// BenchmarkHomophoneFind is FindAll on a clean name whose quick test
// passes over it, one it reads in full (an anchor beside a homophone, no
// stretch: 示例数据资讯), and one with a stretch (示例睹博资讯网).
func BenchmarkHomophoneFind(b *testing.B) {
	d := DefaultDictionary()
	for _, name := range []string{"深圳市示例科技有限公司", "示例科技官网", "示例睹博资讯网", "首都博物馆"} {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				d.findHomophones(name, nil, false, nil)
			}
		})
	}
}

// TestPairOfReadingsCoversPairOf: the quick test's pair test by readings
// (built without the index) passes every pair the index's test by
// characters passes: each anchor beside every character of the block,
// either side. Made to fail by leaving the fold sources' readings (extra)
// out of sharesReading.
func TestPairOfReadingsCoversPairOf(t *testing.T) {
	d := DefaultDictionary()
	ix := d.homIndex()
	pairs, looser := 0, 0
	anchors := eachAnchorPair(ix.homQuick, 0x4E00, 0x9FFF, func(x rune, kx int, y rune, ky int) {
		byChar := ix.pairOf(x, kx, y, ky)
		byReading := ix.pairOfReadings(x, kx, y, ky)
		if byChar && !byReading {
			t.Fatalf("%c%c: the index's test passes it, the quick test by readings does not", x, y)
		}
		if byChar {
			pairs++
		} else if byReading {
			looser++
		}
	})
	if anchors == 0 {
		t.Fatal("no anchors")
	}
	t.Logf("%d anchors, %d pairs by characters, %d more by readings", anchors, pairs, looser)
}

// TestExtraOfEveryFold: the quick test's fold sources hold, for every
// standard character c folding to another f (foldKey), each reading of c
// under f, and nothing else.
func TestExtraOfEveryFold(t *testing.T) {
	q := DefaultDictionary().homQuickIndex()
	want := map[rune][]uint16{}
	for r := rune(0x4E00); r <= 0x9FFF; r++ {
		rs := pinyin.Of(r)
		if f := foldKey(r); f != r {
			for k := range rs.Len() {
				want[f] = append(want[f], uint16(rs.ID(k)))
			}
		}
	}
	if len(want) < 10 {
		t.Fatalf("%d characters folded to", len(want))
	}
	for r := rune(0); r <= 0x10FFFF; r++ {
		var got []uint16
		q.extraOf(r, func(id uint16) bool { got = append(got, id); return false })
		if !slices.Equal(got, want[r]) {
			t.Fatalf("extraOf(%c) = %v, want %v", r, got, want[r])
		}
	}
}

// TestFoldReadingsCurrent checks that homfold_table.go holds what
// buildFoldReadings computes from the readings table and the fold; with
// -update (go generate) it writes it.
func TestFoldReadingsCurrent(t *testing.T) {
	var b strings.Builder
	b.WriteString("// Code generated by go test -run ^TestFoldReadingsCurrent$ -update; DO NOT EDIT.\n\npackage names\n\n")
	b.WriteString("// foldReadings is buildFoldReadings' answer: for each character a\n// standard character with a reading folds to, that character's\n// syllable numbers (pinyin.Readings.ID), sorted by the character.\n")
	b.WriteString("var foldReadings = [...]foldReading{\n")
	for _, e := range buildFoldReadings() {
		fmt.Fprintf(&b, "\t{%#x, %d}, // %c\n", e.to, e.id, e.to)
	}
	b.WriteString("}\n")
	src, err := format.Source([]byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile("homfold_table.go", src, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	old, err := os.ReadFile("homfold_table.go")
	if err != nil || !bytes.Equal(old, src) {
		t.Fatalf("homfold_table.go is not current: run go generate ./rules/names (%v)", err)
	}
}
