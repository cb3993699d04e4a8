package names

import (
	"bytes"
	"math/bits"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/icpcheck/beian/internal/lazy"
	"github.com/icpcheck/beian/rules/internal/fold"
	"github.com/icpcheck/beian/rules/names/internal/lexicon"
	"github.com/icpcheck/beian/rules/names/internal/pinyin"
)

// Pinyin disguises: a Chinese word of the dictionary written in pinyin,
// wholly or in part (dubo, du博, 赌bo, du bo, 法lun功, DU博, ｄｕ博). A
// stretch of the text is such a word when each of its characters is
// either the word's character (folded as the scan folds it) or one of its
// toneless readings (package internal/pinyin: 赌 du, 藏 cang or zang, 女
// nv or nu), one at least being a reading, and every run of letters it
// holds is read whole: edu博 is not du博, and dubois is not dubo.
//
// A word of two characters written wholly in pinyin is found as the word
// only when its first syllable is no surname's (seqing for 色情): wangdu,
// duqian, dubo, zhaoji are persons' names (王度, 杜倩, 杜波, 赵吉) as often
// as 网赌, 赌钱, 赌博, 招妓, so these are read otherwise, as the name (Du
// Bo: a warning, [Dictionary.FindEvery]), and not at all before 的
// (dubo的个人主页). From three characters on it is found whatever it
// starts with (liuhecai, falungong). A word found so is then decided as the same name written
// in characters would be: the stretch is read in place of its pinyin and
// the dictionary's segmentation, exceptions and allowed words judge it
// (Du博士 is 赌博士, whose 赌博 a grave category reports).
//
// A Roman numeral written for a Chinese one is read the same way, whole
// (vi合彩 for 六合彩: what NFKC makes of Ⅵ合彩, so that a name normalised
// before it is scanned keeps the disguise the raw name's scan reads).
//
// The scan runs only on a text holding a Latin letter, so a name of
// Chinese characters costs nothing more; its index of the dictionary's
// words by their first character and first syllables is built at the
// first such text.

// minWholePinyin is the least number of characters of a word written
// wholly in pinyin that is reported.
const minWholePinyin = 3

// pinyinIndex indexes a dictionary's Chinese words for the pinyin scan.
type pinyinIndex struct {
	words    []pinyinWord
	byChar   map[rune][]int32   // a word's first character → words
	bySyll   map[string][]int32 // a reading of a word's first character → words
	anySyll  syllableTrie       // every reading of every character of the words (v also as u), and their Roman numerals
	maxSyll  int                // bytes of the longest reading
	hasWords bool
}

// A pinyinWord is one Chinese word of the dictionary, as the pinyin scan
// compares it: its characters, folded, numerals read as characters (6合彩
// is 六合彩).
type pinyinWord struct {
	entry int32
	chars []rune
}

// pinyinState holds a dictionary's pinyin index, built once.
type pinyinState struct {
	once  sync.Once
	index *pinyinIndex
}

func (d *Dictionary) pinyinIndex() *pinyinIndex {
	d.py.once.Do(func() {
		ix := &pinyinIndex{byChar: map[rune][]int32{}, bySyll: map[string][]int32{}}
		var anySyll []string
		for _, i := range d.hanEntry {
			e := &d.entries[i]
			if e.exception || e.runes < 2 {
				continue
			}
			chars := make([]rune, 0, e.runes)
			for _, r := range e.word {
				chars = append(chars, foldKey(r))
			}
			for _, c := range chars {
				rs := pinyin.Of(c)
				for k := range rs.Len() {
					syl := rs.At(k)
					anySyll = append(anySyll, syl, strings.ReplaceAll(syl, "v", "u"))
					ix.maxSyll = max(ix.maxSyll, len(syl))
				}
				if roman := romanOf(c); roman != "" {
					anySyll = append(anySyll, roman)
				}
			}
			n := int32(len(ix.words))
			ix.words = append(ix.words, pinyinWord{entry: i, chars: chars})
			ix.byChar[chars[0]] = append(ix.byChar[chars[0]], n)
			rs := pinyin.Of(chars[0])
			for k := range rs.Len() {
				s := rs.At(k)
				ix.bySyll[s] = append(ix.bySyll[s], n)
				ix.maxSyll = max(ix.maxSyll, len(s))
			}
			if s := romanOf(chars[0]); s != "" {
				ix.bySyll[s] = append(ix.bySyll[s], n)
				ix.maxSyll = max(ix.maxSyll, len(s))
			}
		}
		ix.hasWords = len(ix.words) > 0
		ix.anySyll = newSyllableTrie(anySyll)
		d.py.index = ix
	})
	return d.py.index
}

// A pinyinItem is one unit of a text as the pinyin scan reads it: a
// Chinese character (latin empty), a run of Latin letters, or anything
// else (other set), with its bytes in the text.
type pinyinItem struct {
	r          rune
	lo, hi     int32 // the letters, folded, in the scan's buffer of letters
	other      bool
	start, end int
}

// isLatin reports whether x is a run of letters.
func (x *pinyinItem) isLatin() bool { return x.hi > x.lo }

// hasLatinLetter reports whether text may hold a Latin letter: an ASCII
// one, or a full-width or accented form, which begin with a byte of
// 0xC3–0xC9 or 0xEF. Sixteen bytes (two words) are passed over at a
// time, then eight, while none is ASCII, 0xC0–0xCF or 0xEF (Chinese
// characters: lead bytes 0xE3–0xE9, continuation bytes), the last word
// overlapping the one before; from the first step that does not pass,
// bytes are read one by one.
// TestHasLatinLetterWords holds it to the bytes' test.
func hasLatinLetter(text string) bool {
	i := 0
	for ; i+16 <= len(text); i += 16 {
		if !noLatinWords(load64(text[i:]), load64(text[i+8:])) {
			goto bytes
		}
	}
	if i+8 <= len(text) {
		if !noLatinWord(load64(text[i:])) {
			goto bytes
		}
		i += 8
	}
	if i < len(text) && len(text) >= 8 && noLatinWord(load64(text[len(text)-8:])) {
		return false // the rest, in the last word
	}
bytes:
	for ; i < len(text); i++ {
		c := text[i] | 0x20
		if 'a' <= c && c <= 'z' || text[i] == 0xEF || 0xC3 <= text[i] && text[i] <= 0xC9 {
			return true
		}
	}
	return false
}

// noLatinWord reports whether none of the eight bytes of x is ASCII, in
// 0xC0–0xCF or 0xEF: none begins a Latin letter.
func noLatinWord(x uint64) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	c := x&(0xF0*ones) ^ 0xC0*ones // a zero byte where x has 0xC0–0xCF
	e := x ^ 0xEF*ones             // a zero byte where x has 0xEF
	return x&highs == highs && ((c-ones)&^c|(e-ones)&^e)&highs == 0
}

// noLatinWords is noLatinWord(x) && noLatinWord(y), with one test: a
// text's sixteen bytes at a time.
func noLatinWords(x, y uint64) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	cx, cy := x&(0xF0*ones)^0xC0*ones, y&(0xF0*ones)^0xC0*ones
	ex, ey := x^0xEF*ones, y^0xEF*ones
	return x&y&highs == highs && ((cx-ones)&^cx|(ex-ones)&^ex|(cy-ones)&^cy|(ey-ones)&^ey)&highs == 0
}

// load64 returns the first eight bytes of s as a little-endian word (one
// load).
func load64(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// pinyinItems reads text into items; letters are folded (lower case,
// full width to ASCII, accents dropped: dǔ is du; ü is read u).
func pinyinItems(text string, items []pinyinItem, buf []byte) ([]pinyinItem, []byte) {
	var it fold.Iter
	it.Init(text)
	runStart, bufStart := -1, 0
	endRun := func(end int) {
		if runStart >= 0 {
			items = append(items, pinyinItem{lo: int32(bufStart), hi: int32(len(buf)), start: runStart, end: end})
			runStart = -1
		}
	}
	last := 0
	for {
		r, c, start, end, ok := it.Next()
		if !ok {
			break
		}
		if r == 'ü' {
			r = 'u'
		}
		switch {
		case 'a' <= r && r <= 'z':
			if runStart < 0 {
				runStart, bufStart = start, len(buf)
			}
			buf = append(buf, byte(r))
		case c.Separator():
			endRun(last)
		case c == fold.Han || c == fold.Word && numeral(r) != r: // 6he彩 is 六合彩
			endRun(last)
			items = append(items, pinyinItem{r: foldKey(r), start: start, end: end})
		default:
			endRun(last)
			items = append(items, pinyinItem{other: true, start: start, end: end})
		}
		last = end
	}
	endRun(last)
	return items, buf
}

// findPinyin adds to found the words of d that text writes in pinyin
// (findAs calls it for a text with a Latin letter, hasLatinLetter),
// decided as the text written in characters would be (see above), and
// returns found sorted by position. work, when not nil, is added the
// comparisons made.
func (d *Dictionary) findPinyin(text string, found []occurrence, every bool, work *int) []occurrence {
	ix := d.pinyinIndex()
	if !ix.hasWords || !ix.mayHoldReading(text) {
		return found
	}
	var itemBuf [32]pinyinItem
	var letterBuf [64]byte
	items, buf := pinyinItems(text, itemBuf[:0], letterBuf[:0])
	latin := false
	for k := range items {
		latin = latin || items[k].isLatin()
	}
	if !latin {
		return found
	}
	added := false
	steps := 0
	// A word written in pinyin is not reported twice: once more by the
	// scan (赌bo博, whose 赌…博 it reads across the letters) or for
	// another reading. Both lists are by position; p is the first of
	// the scan's that starts after the stretch.
	core, p := len(found), 0
	for i := range items {
		x := &items[i]
		if x.other {
			continue
		}
		try := func(w int32) {
			pw := &ix.words[w]
			n := 0
			end, usedLatin, ok := pinyinMatch(items, buf, i, 0, pw.chars, false, &n)
			steps += n
			if !ok || !usedLatin {
				return
			}
			// A word of two characters wholly in pinyin starting with a
			// surname's syllable (dubo: 杜波) may be a person's name: not
			// an error, but a warning, read as the name (Du Bo).
			person := 0
			if allLatin(items[i:end]) && len(pw.chars) < minWholePinyin {
				if person = surnameSyllable(buf[items[i].lo:items[i].hi], pw.chars[0]); person > 0 && !every {
					return
				}
			}
			start, stop := items[i].start, items[end-1].end
			for p < core && found[p].start < stop {
				p++
			}
			if overlapsEntry(found[max(0, p-recent):p], pw.entry, start, stop) ||
				overlapsEntry(found[max(core, len(found)-recent):], pw.entry, start, stop) {
				return
			}
			if person > 0 && possessive(text[stop:]) {
				return // dubo的个人主页: a person's name
			}
			if o, ok := d.decidePinyin(text, start, stop, pw, every); ok {
				if person > 0 && !o.doubt {
					o.doubt = true
					o.readAs = personReading(buf, items[i:end], person)
				}
				if !o.doubt {
					acrossLetters(found[max(0, p-recent):core], items[i:end])
				}
				found = append(found, o)
				added = true
			}
		}
		if !x.isLatin() {
			for _, w := range ix.byChar[x.r] {
				try(w)
			}
			continue
		}
		// ü is v in the table (nv for 女) and may be written u.
		var v [8]byte
		latin := buf[x.lo:x.hi]
		for k := 1; k <= min(ix.maxSyll, len(latin), len(v)); k++ {
			s := latin[:k]
			for _, w := range ix.bySyll[string(s)] {
				try(w)
			}
			if bytes.IndexByte(s, 'u') >= 0 {
				copy(v[:], s)
				for j := range k {
					if v[j] == 'u' {
						v[j] = 'v'
					}
				}
				for _, w := range ix.bySyll[string(v[:k])] {
					try(w)
				}
			}
		}
	}
	if work != nil {
		*work += steps + len(items)
	}
	if added {
		// A word the scan found inside one written in pinyin (轮 in
		// fa轮) is not reported beside it.
		live := found[:0]
		for _, o := range found {
			if !o.dead {
				live = append(live, o)
			}
		}
		found = outermost(live)
	}
	return found
}

// acrossLetters marks dead the words of found the scan read across the
// letters of a stretch written in pinyin, as if they were not there (赌资
// in 赌bo 资, which reads 赌博 and then 资): letters that spell a
// character are that character, not a disguise's filler.
func acrossLetters(found []occurrence, stretch []pinyinItem) {
	from, to := -1, -1
	for k := range stretch {
		if stretch[k].isLatin() {
			if from < 0 {
				from = stretch[k].start
			}
			to = stretch[k].end
		}
	}
	for k := range found {
		if o := &found[k]; o.start < from && to < o.end {
			o.dead = true
		}
	}
}

// mayHoldReading reports whether text may write a character of ix's
// words in pinyin: a run of ASCII letters that starts with a reading (or
// a Roman numeral), or a letter the quick reading cannot judge (full
// width, accented: the scan folds those). A name whose letters are
// ordinary words (onlinecasino, iPhone) is then not read item by item.
func (ix *pinyinIndex) mayHoldReading(text string) bool {
	var low [8]byte
	for i := 0; i < len(text); {
		c := text[i]
		if c == 0xEF || 0xC3 <= c && c <= 0xC9 {
			return true
		}
		if c|0x20 < 'a' || c|0x20 > 'z' {
			i++
			continue
		}
		// A run of ASCII letters: its first bytes against the readings.
		n := 0
		for i < len(text) && text[i]|0x20 >= 'a' && text[i]|0x20 <= 'z' {
			if n < len(low) {
				low[n] = text[i] | 0x20
				n++
			}
			i++
		}
		if ix.anySyll.holdsPrefixOf(low[:min(n, ix.maxSyll, len(low))]) {
			return true
		}
	}
	return false
}

// pinyinMatch matches chars[p:]… from items[i], off bytes into its run
// of letters; it returns the item after the match and whether a reading
// was used. A Chinese character matches only at the start of an item; a
// run of letters must be read whole.
func pinyinMatch(items []pinyinItem, buf []byte, i, off int, chars []rune, usedLatin bool, steps *int) (int, bool, bool) {
	*steps++
	if len(chars) == 0 {
		return i, usedLatin, off == 0
	}
	if i >= len(items) || *steps > maxPinyinSteps {
		return 0, false, false
	}
	x := &items[i]
	switch {
	case x.other:
		return 0, false, false
	case !x.isLatin():
		if x.r != chars[0] {
			return 0, false, false
		}
		return pinyinMatch(items, buf, i+1, 0, chars[1:], usedLatin, steps)
	}
	rs := pinyin.Of(chars[0])
	latin := buf[x.lo:x.hi]
	rest := latin[off:]
	for k := range rs.Len() {
		n, ok := readingPrefix(rest, rs.At(k))
		if !ok {
			continue
		}
		ni, noff := i, off+n
		if noff == len(latin) {
			ni, noff = i+1, 0
		}
		if end, _, ok := pinyinMatch(items, buf, ni, noff, chars[1:], true, steps); ok {
			return end, true, true
		}
	}
	if roman := romanOf(chars[0]); roman != "" && len(rest) == len(roman) && string(rest) == roman {
		// Ⅵ合彩, which NFKC writes vi合彩: a numeral read whole.
		return pinyinMatch(items, buf, i+1, 0, chars[1:], true, steps)
	}
	return 0, false, false
}

// romanOf returns the Roman numeral NFKC and lower case make of the Roman
// numeral sign of the Chinese numeral c (vi of Ⅵ for 六), for 一 to 十;
// "" for another character.
func romanOf(c rune) string {
	switch c {
	case '一':
		return "i"
	case '二':
		return "ii"
	case '三':
		return "iii"
	case '四':
		return "iv"
	case '五':
		return "v"
	case '六':
		return "vi"
	case '七':
		return "vii"
	case '八':
		return "viii"
	case '九':
		return "ix"
	case '十':
		return "x"
	}
	return ""
}

// maxPinyinSteps bounds the comparisons of one match, whatever the
// polyphones of a long word.
const maxPinyinSteps = 256

// readingPrefix reports whether s starts with the reading syl (a v of
// syl may be written u: nv or nu for 女), and its length.
func readingPrefix(s []byte, syl string) (int, bool) {
	if len(s) < len(syl) {
		return 0, false
	}
	for k := 0; k < len(syl); k++ {
		if s[k] != syl[k] && !(syl[k] == 'v' && s[k] == 'u') {
			return 0, false
		}
	}
	return len(syl), true
}

func allLatin(items []pinyinItem) bool {
	for k := range items {
		if !items[k].isLatin() {
			return false
		}
	}
	return true
}

// recent is how many occurrences before a stretch overlapsEntry looks
// at: enough for the words of a few characters that may overlap it.
const recent = 8

// overlapsEntry reports whether found holds entry overlapping [start, end).
func overlapsEntry(found []occurrence, entry int32, start, end int) bool {
	for _, o := range found {
		if o.entry == entry && o.start < end && start < o.end {
			return true
		}
	}
	return false
}

// decidePinyin decides the word pw that text[start:end] writes in
// pinyin as the same text written in characters is decided: the scan and
// the segmentation of text with pw's characters in place of the stretch.
// It returns the occurrence to report, in text's bytes.
func (d *Dictionary) decidePinyin(text string, start, end int, pw *pinyinWord, every bool) (occurrence, bool) {
	// The stretch with the words around it that the segmentation may
	// weigh: a few characters each side, so that a long text full of
	// pinyin costs time linear in its length.
	from, to := runesBefore(text, start, pinyinContext), runesAfter(text, end, pinyinContext)
	last, _ := utf8.DecodeLastRuneInString(text[start:end])
	endsTyped := unicode.Is(unicode.Han, last) // Du博: the word's last character typed
	word := string(pw.chars)
	han := text[from:start] + word + text[end:to]
	start, end = start-from, end-from
	var buf [4]occurrence
	var stream [64]rune
	wordEnd := start + len(word)
	// findCore, with the words that hold characters read from pinyin and
	// end in characters typed marked (resolve reads those otherwise when
	// the typed ones start a common word running on: Du博物馆).
	found, runes, _ := d.scanAll(han, nil, buf[:0], stream[:0])
	for k := range found {
		if endsTyped && found[k].start < wordEnd && start < found[k].end && found[k].end >= wordEnd {
			found[k].lettered = true
		}
	}
	if len(found) > 0 {
		found = d.resolve(han, found, runes, every, nil, nil)
	}
	back := func(x int) int {
		switch {
		case x <= start:
			return x
		case x >= wordEnd:
			return x - wordEnd + end
		}
		return start
	}
	for _, o := range found {
		if o.start < wordEnd && start < o.end {
			o.start, o.end = back(o.start)+from, back(o.end)+from
			if o.end <= o.start {
				o.end = end + from
			}
			return o, true
		}
	}
	return occurrence{}, false
}

// pinyinContext is the number of characters each side of a stretch
// written in pinyin that decidePinyin reads with it: more than the
// longest word or exception the segmentation weighs around a hit.
const pinyinContext = 24

// runesBefore returns where the n runes of text before i start.
func runesBefore(text string, i, n int) int {
	for ; n > 0 && i > 0; n-- {
		_, size := utf8.DecodeLastRuneInString(text[:i])
		i -= size
	}
	return i
}

// runesAfter returns where the n runes of text from i end.
func runesAfter(text string, i, n int) int {
	for ; n > 0 && i < len(text); n-- {
		_, size := utf8.DecodeRuneInString(text[i:])
		i += size
	}
	return i
}

// surnameSyllable returns the length of the reading of c that starts
// run, a run of letters, when it is the reading of a surname of one
// character of the 百家姓 (the lexicon's surnames), and 0 otherwise: du
// is 杜's, se is no surname's.
func surnameSyllable(run []byte, c rune) int {
	set := surnameSyllables()
	rs := pinyin.Of(c)
	for k := range rs.Len() {
		syl := rs.At(k)
		if n, ok := readingPrefix(run, syl); ok && set[syl] {
			return n
		}
	}
	return 0
}

// possessive reports whether rest, what follows a stretch, starts with
// 的 (spaces before it aside): the stretch names whose the rest is, a
// person.
func possessive(rest string) bool {
	rest = strings.TrimLeft(rest, " \t\u3000")
	return strings.HasPrefix(rest, "的")
}

// personReading returns the letters of stretch (items of buf, all Latin)
// read as a person's name: the surname's syllable, its first n letters,
// and the given name, each capitalised (dubo: Du Bo).
func personReading(buf []byte, stretch []pinyinItem, n int) string {
	var letters []byte
	for _, x := range stretch {
		letters = append(letters, buf[x.lo:x.hi]...)
	}
	if n <= 0 || n >= len(letters) {
		return string(letters)
	}
	out := make([]byte, 0, len(letters)+1)
	out = append(out, letters[0]-'a'+'A')
	out = append(out, letters[1:n]...)
	out = append(out, ' ', letters[n]-'a'+'A')
	return string(append(out, letters[n+1:]...))
}

// surnameSyllables is the set of the readings of the surnames of one
// character, built once (in the browser build, once the lexicon is in).
var surnameSyllables = lazy.Value(func() map[string]bool {
	set := map[string]bool{}
	for r := rune(0x4E00); r <= 0x9FFF; r++ {
		if !lexicon.Char(r).Surname {
			continue
		}
		rs := pinyin.Of(r)
		for k := range rs.Len() {
			set[rs.At(k)] = true
		}
	}
	return set
})

// A syllableTrie is a set of words of lower-case ASCII letters (the
// readings mayHoldReading looks for) as a trie: holdsPrefixOf walks it a
// letter at a time and stops at the first letter no word goes on with,
// where a map would be asked each prefix.
type syllableTrie struct {
	nodes []syllableNode // the root first; a node's children together, by letter
}

// A syllableNode is a node of a syllableTrie: the letters its words go on
// with (bit c-'a'), where its children start, and whether a word ends
// there.
type syllableNode struct {
	next  uint32
	first int32
	word  bool
}

// newSyllableTrie returns the trie of words; a word with a byte that is
// not a lower-case ASCII letter is left out (holdsPrefixOf is asked
// letters only, so it could never match).
func newSyllableTrie(words []string) syllableTrie {
	keys := make([]string, 0, len(words))
	for _, w := range words {
		if w != "" && strings.Trim(w, "abcdefghijklmnopqrstuvwxyz") == "" {
			keys = append(keys, w)
		}
	}
	slices.Sort(keys)
	t := syllableTrie{nodes: make([]syllableNode, 1)}
	t.fill(0, slices.Compact(keys), 0)
	return t
}

// fill sets node i of t to the node of keys (sorted, each once, sharing
// their first depth bytes), and adds its children.
func (t *syllableTrie) fill(i int, keys []string, depth int) {
	if len(keys) > 0 && len(keys[0]) == depth {
		t.nodes[i].word = true
		keys = keys[1:]
	}
	var groups [][]string // the keys by their next letter
	for len(keys) > 0 {
		c, j := keys[0][depth], 1
		for j < len(keys) && keys[j][depth] == c {
			j++
		}
		t.nodes[i].next |= 1 << (c - 'a')
		groups, keys = append(groups, keys[:j]), keys[j:]
	}
	first := len(t.nodes)
	t.nodes[i].first = int32(first)
	t.nodes = append(t.nodes, make([]syllableNode, len(groups))...)
	for g, ks := range groups {
		t.fill(first+g, ks, depth+1)
	}
}

// holdsPrefixOf reports whether a word of t is a prefix of low, lower-case
// ASCII letters: low[:k] a word for some k of 1 to len(low).
func (t *syllableTrie) holdsPrefixOf(low []byte) bool {
	if len(t.nodes) == 0 {
		return false
	}
	n := &t.nodes[0]
	for _, c := range low {
		bit := uint32(1) << ((c - 'a') & 31)
		if n.next&bit == 0 {
			return false
		}
		n = &t.nodes[int(n.first)+bits.OnesCount32(n.next&(bit-1))]
		if n.word {
			return true
		}
	}
	return false
}
