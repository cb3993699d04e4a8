package names

import (
	"cmp"
	"math/bits"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/icpcheck/beian/internal/lazy"
	"github.com/icpcheck/beian/rules/internal/fold"
	"github.com/icpcheck/beian/rules/internal/hanvariant"
	"github.com/icpcheck/beian/rules/names/internal/lexicon"
	"github.com/icpcheck/beian/rules/names/internal/pinyin"
)

// Homophone disguises (谐音字): a Chinese word of the dictionary written
// with other characters of the same sound, 睹博 for 赌博 (du bo), 六和彩
// for 六合彩, 法仑功 for 法轮功, 色晴 for 色情. A stretch of a name is such
// a word when each of its characters is the word's own or shares a
// toneless reading with it (package internal/pinyin: the standard
// readings of the 8,105 characters of the 通用规范汉字表), at least one is
// the word's own and at least one is not, and the stretch is not itself a
// word of the lexicon (博采 and 独唱 are words). Half its characters at
// least must be the word's own: 施氏彩 (shi shi cai) in 施氏彩板 is no
// disguise of 时时彩, and the ordinary-name corpora hold such names. A
// stretch written wholly in other characters (菠菜 for 博彩) is not read:
// the dictionary's curation leaves such slang out, as it would flag the
// ordinary word.
//
// A stretch found is decided on the name as typed, never with the word's
// characters put back: the segmentation of the words around it (see
// straddle) reads the typed characters. It is excused where common words
// of two characters or more, places, persons' names reaching out of it or
// exceptions take all its characters (首都博物馆 reads 首都/博物馆), and
// where the words around it read better than the stretch read whole as
// the listed word (给女人 reads 给/女人, not 给女 for 妓女); it is
// reported otherwise (六和彩开奖 reads 六和彩/开奖, 示例睹博资讯 示例/睹博/
// 资讯). A stretch of four characters or more with one other character
// (地下钱庄 written 低下钱庄, 成人网站 成仁网站) is not excused by the
// common words around it: so many of the word's characters in place are
// no chance; it is still compared with the words around it read better
// (继承人小说 is 继承人/小说, not 继/承人小说 for 成人小说). A stretch excused gives no warning either: a reviewer's keyword
// filter would not see the word in it. A stretch read as a person's name
// is excused (see personName): a surname that is not the word's own
// standing for one of its characters (杜博 for 赌博, 史时彩板 for 时时彩,
// 万俟彩南 for 私彩), or a given name after a surname (钟离波彩 for 博彩),
// as a word of two characters written wholly in pinyin that starts with a
// surname's syllable is (see pinyin.go); the word's own characters
// spelling a surname with the substitution after it (时时采) are not. So
// is a stretch inside a word the scan found (卖银 in 卖银行卡).
//
// Only the sensitive-word dictionary looks for homophones
// ([Dictionary.Homophones]). The scan costs a name little: a quick loop
// over its Chinese characters looks for a character of a listed word
// (the anchor) next to a homophone of the character beside it in that
// word, from sets precomputed per dictionary at the first name (bits and
// sorted runs, no map); a name without such a pair costs that loop
// alone. Then each anchor is compared with the few words that hold it,
// character by character against the homophones of each position. Each
// anchor is compared with a bounded number of words of bounded length,
// and each stretch decided reads a bounded window: time linear in the
// name's length.

// Homophones returns a new dictionary holding d's words and exceptions
// that finds its Chinese words written with homophones (睹博 for 赌博)
// when on, and not when off. [DefaultDictionary] finds them; a dictionary
// made by [NewDictionary], [ReadDictionary] or [LoadDictionary] does not
// (a list of brands or prefixes is not looked for in disguise);
// [Dictionary.With], [Dictionary.Allow], [Dictionary.Without] and
// [Dictionary.OnlyCategories] keep d's choice. d is not changed.
func (d *Dictionary) Homophones(on bool) *Dictionary {
	n := newDictionary(slices.Clone(d.entries))
	n.homophones = on
	return n
}

// homophoneFlag is the flag of the compiled form (MarshalBinary) that
// keeps d's choice of homophones.
func homophoneFlag(d *Dictionary) uint32 {
	if d.homophones {
		return 1
	}
	return 0
}

// derived compiles entries, made from d's, into a dictionary with d's
// choice of homophones.
func (d *Dictionary) derived(entries []dictEntry) *Dictionary {
	n := newDictionary(entries)
	n.homophones = d.homophones
	return n
}

// A homWord is a Chinese word of the dictionary as the homophone scan
// compares it: its entry and its characters, ix.chars[c0:c0+n] (folded);
// the characters sharing a reading with the one at position k are
// ix.homsAt(c0+k) (sorted, the word's own left out). The index holds no
// pointer but its few arrays', so that the collector has little of it to
// scan.
type homWord struct {
	entry, c0, n int32
}

// A homAnchor is a position of a word: the word's index in the
// homophone index and the position of the character in it.
type homAnchor struct {
	word, pos int32
}

// homIndex indexes a dictionary's Chinese words for the homophone scan.
type homIndex struct {
	words []homWord
	chars []rune  // the words' characters, one after the other
	homAt []int32 // homs[homAt[j]:homAt[j+1]] are the homophones of chars[j]
	homs  []rune
	// homSieve[homSieveWords*j:][:homSieveWords] has bit homSieveBit(r)
	// set for each homophone r of chars[j]: a character whose bit is
	// clear is none of them, and stretch answers it without a search of
	// homsAt(j) (TestHomSieveHoldsEveryHomophone).
	homSieve []uint64
	// bits has bit r-homFirst set for the characters of the words (the
	// anchors); rank counts the bits before each word of bits, so that
	// the anchor number of a character is a count (no map), and
	// anchors[at[k]:at[k+1]] are the positions of the anchor k.
	// prevs[prevAt[k]:prevAt[k+1]] and nexts[nextAt[k]:nextAt[k+1]] are
	// the homophones that may stand before and after the anchor k in a
	// stretch (sorted): a stretch holds its word's own characters and
	// others, so one of its own stands next to one of the others; a name
	// with no such pair holds no stretch, and costs the quick test alone.
	*homQuick      // bits, rank, numerals, digits: shared with the quick test
	at             []int32
	anchors        []homAnchor
	prevAt, nextAt []int32
	prevs, nexts   []rune
}

// wordChars returns the characters of w.
func (ix *homIndex) wordChars(w *homWord) []rune { return ix.chars[w.c0 : w.c0+w.n] }

// homsAt returns the homophones of chars[j].
func (ix *homIndex) homsAt(j int32) []rune { return ix.homs[ix.homAt[j]:ix.homAt[j+1]] }

// homSieveWords is the number of words of a character's sieve (256 bits:
// the dictionary's characters have 37 homophones on average, and a
// character that is none of them passes a sieve one time in eight).
const homSieveWords = 4

// homSieveBit returns r's bit in a sieve: a multiplicative hash, so that
// the homophones of a character, runs of nearby code points, spread over
// the sieve's bits.
func homSieveBit(r rune) uint32 { return uint32(r) * 0x9E3779B1 >> (32 - 8) }

// mayBeHom reports whether r may be a homophone of chars[j]: false when
// it is none of them (its bit is clear in j's sieve).
func (ix *homIndex) mayBeHom(j int32, r rune) bool {
	b := homSieveBit(r)
	return ix.homSieve[uint32(j)*homSieveWords+b>>6]&(1<<(b&63)) != 0
}

// homFirst and homLast bound the characters the scan reads: the CJK
// Unified Ideographs, where the readings are, and Extension A.
const homFirst, homLast = 0x3400, 0x9FFF

// homState holds a dictionary's homophone index, built once, and its
// quick test's part, built first and alone: a name the quick test passes
// over never builds the index.
type homState struct {
	once      sync.Once
	index     *homIndex
	quickOnce sync.Once
	quick     *homQuick
}

// A homQuick is what the quick test (mayHit) reads: the words'
// characters (the anchors) and, for each, the readings of the characters
// that stand before and after it in a word, as sets of syllable numbers
// (pinyin.Readings.ID). Readings stand for the homophones the index lists
// (pairOf): a character is a homophone of c when it is the fold of a
// standard character sharing a reading with c, so a character whose
// readings, or its fold sources' (extra), meet c's is one the quick test
// cannot pass over. It is a superset of pairOf's test, built without the
// readings table's pass of the index (TestPairOfReadingsCoversPairOf).
type homQuick struct {
	digits bool     // a word holds a numeral an ASCII digit folds to
	bits   []uint64 // as homIndex's
	rank   []uint16
	// numerals: bit r-homFirst: r is a Chinese numeral (陆 for 六), which
	// the quick test does not fold.
	numerals []uint64
	// prevSyl[k*sylWords:(k+1)*sylWords] and nextSyl's are anchor k's
	// sets of syllable numbers.
	prevSyl, nextSyl []uint64
	// prevMask[k] is the words of anchor k's prevSyl or-ed together:
	// bit id&63 for each syllable number id of the set; nextMask's
	// likewise. A character whose readingMask meets none of its bits
	// shares no reading with the set (mayPair).
	prevMask, nextMask []uint64
	// readingClass and classMask are readingMasks' table.
	readingClass *[readingClasses]uint16
	classMask    *[classMasks]uint64
	// prevOwn[prevOwnAt[k]:prevOwnAt[k+1]] are the characters before
	// anchor k in the words (folded, sorted, each once), whose readings
	// prevSyl holds; nextOwn's those after it. A character next to the
	// anchor that is one of them is the word's own there, not a
	// homophone (see pairOfReadings).
	prevOwn, nextOwn     []rune
	prevOwnAt, nextOwnAt []int32
	// prevFree[i] is notOnlyOwn of prevOwn[i] among the characters of
	// its anchor's prevOwn, which are its own (ownFree); nextFree's
	// likewise.
	prevFree, nextFree []bool
	// extra holds, for each character some other standard character
	// with a reading folds to (foldKey), the syllable numbers of those
	// characters, sorted by the character folded to (extraOf): a few
	// dozen, in one slice.
	extra []foldReading
	// extraSieve has bit homSieveBit(e.to) set for each e of extra: a
	// character whose bit is clear has none (most have none), and
	// extraOf answers it without a search
	// (TestExtraOfSieveAsSearch).
	extraSieve [homSieveWords]uint64
	// plain has bit r-quietFirst set for each Chinese character r of
	// three bytes (lead byte 0xE4 to 0xE9) that folds
	// (hanvariant.SimplifyBMP) to a character of the block that is
	// neither an anchor nor a numeral: one mayHit passes over after a
	// character that is no anchor (plainRun).
	plain quietTable
}

// A foldReading is a syllable number of a standard character folding to
// another, to.
type foldReading struct {
	to rune
	id uint16
}

//go:generate go test -run ^TestFoldReadingsCurrent$ -update

// buildFoldReadings returns, sorted by the character folded to, the
// syllable numbers of every standard character (U+4E00–U+9FFF) with a
// reading that folds to another (foldKey): what homfold_table.go holds,
// written by go generate so that a process does not fold 21,000
// characters at its first name.
func buildFoldReadings() []foldReading {
	var out []foldReading
	for r := rune(0x4E00); r <= 0x9FFF; r++ {
		rs := pinyin.Of(r)
		if rs.Len() == 0 {
			continue
		}
		if f := foldKey(r); f != r {
			for k := range rs.Len() {
				out = append(out, foldReading{f, uint16(rs.ID(k))})
			}
		}
	}
	slices.SortStableFunc(out, func(a, b foldReading) int { return cmp.Compare(a.to, b.to) })
	return out
}

// extraOf calls f with the syllable numbers of the standard characters
// that fold to c until f returns true, and reports whether it did.
func (q *homQuick) extraOf(c rune, f func(id uint16) bool) bool {
	if b := homSieveBit(c); q.extraSieve[b>>6]&(1<<(b&63)) == 0 {
		return false
	}
	// The first at or after c: a search by hand, as the generic one's
	// calls of its comparison cost several times more.
	i, j := 0, len(q.extra)
	for i < j {
		if h := int(uint(i+j) >> 1); q.extra[h].to < c {
			i = h + 1
		} else {
			j = h
		}
	}
	for ; i < len(q.extra) && q.extra[i].to == c; i++ {
		if f(q.extra[i].id) {
			return true
		}
	}
	return false
}

// sylWords is the number of words of a set of syllable numbers.
const sylWords = (pinyin.Syllables + 1 + 63) / 64

// bySyllable returns, for each toneless reading (by its pinyin.ID) that
// a character of cs has, the standard characters of that reading, folded
// as the scan folds them, sorted, each once; nil for the other readings.
// Only the readings of cs are gathered: the table is read once, readings
// compared as numbers, and only the characters gathered are folded.
func bySyllable(cs []rune) [][]rune {
	need := make([]bool, pinyin.Syllables+1)
	for _, c := range cs {
		rs := pinyin.Of(c)
		for k := range rs.Len() {
			need[rs.ID(k)] = true
		}
	}
	// Two passes over the table: the counts, then the characters into
	// one array (fresh memory is what a first build in a process pays
	// for, growing slices through copies of themselves the most).
	count := make([]int32, pinyin.Syllables+1)
	total := 0
	for r := rune(0x4E00); r <= 0x9FFF; r++ {
		rs := pinyin.Of(r)
		for k := range rs.Len() {
			if id := rs.ID(k); need[id] {
				count[id]++
				total++
			}
		}
	}
	all := make([]rune, 0, total)
	m := make([][]rune, pinyin.Syllables+1)
	for id, n := range count {
		if n > 0 {
			m[id] = all[len(all) : len(all) : len(all)+int(n)]
			all = all[:len(all)+int(n)]
		}
	}
	for r := rune(0x4E00); r <= 0x9FFF; r++ {
		rs := pinyin.Of(r)
		for k := range rs.Len() {
			if id := rs.ID(k); need[id] {
				m[id] = append(m[id], foldKey(r))
			}
		}
	}
	for id, rs := range m {
		if len(rs) > 1 {
			if !slices.IsSorted(rs) { // folding moved a character
				slices.Sort(rs)
			}
			m[id] = slices.Compact(rs)
		}
	}
	return m
}

// homophonesOf appends to out the characters sharing a reading with c
// (syl: bySyllable of characters c is one of), folded, sorted, c left
// out.
func homophonesOf(out []rune, syl [][]rune, c rune) []rune {
	start := len(out)
	rs := pinyin.Of(c)
	for k := range rs.Len() {
		out = append(out, syl[rs.ID(k)]...)
	}
	mine := out[start:]
	if rs.Len() > 1 { // one reading's characters are sorted already
		slices.Sort(mine)
		mine = slices.Compact(mine)
	}
	if i, ok := slices.BinarySearch(mine, c); ok {
		mine = slices.Delete(mine, i, i+1)
	}
	return out[:start+len(mine)]
}

// cjkNumerals are the Chinese characters numeral folds (陆 to 六 …).
const cjkNumerals = "〇零壹贰叁参肆伍陆柒捌玖拾弌弍弎"

// eachHomWord calls f with each word the homophone scan looks for (two
// characters or more, no exception) and its characters, folded.
func (d *Dictionary) eachHomWord(f func(i int32, cs []rune)) {
	var buf [16]rune
	for _, i := range d.hanEntry {
		e := &d.entries[i]
		if e.exception || e.runes < 2 {
			continue
		}
		cs := buf[:0]
		for _, r := range e.word {
			cs = append(cs, foldKey(r))
		}
		f(i, cs)
	}
}

// homQuickIndex returns the quick test's part of the index, built once.
func (d *Dictionary) homQuickIndex() *homQuick {
	d.hom.quickOnce.Do(func() {
		q := &homQuick{bits: make([]uint64, (homLast-homFirst)/64+1)}
		d.eachHomWord(func(_ int32, cs []rune) {
			for _, c := range cs {
				if strings.ContainsRune("〇一二三四五六七八九", c) {
					q.digits = true
				}
				if homFirst <= c && c <= homLast {
					q.bits[(c-homFirst)>>6] |= 1 << ((c - homFirst) & 63)
				}
			}
		})
		q.rank = make([]uint16, len(q.bits))
		n := 0
		for k, b := range q.bits {
			q.rank[k] = uint16(n)
			n += bits.OnesCount64(b)
		}
		q.prevSyl = make([]uint64, n*sylWords)
		q.nextSyl = make([]uint64, n*sylWords)
		add := func(set []uint64, c rune) {
			rs := pinyin.Of(c)
			for k := range rs.Len() {
				id := rs.ID(k)
				set[id>>6] |= 1 << (id & 63)
			}
		}
		prevs, nexts := make([][]rune, n), make([][]rune, n)
		d.eachHomWord(func(_ int32, cs []rune) {
			for p, c := range cs {
				k := q.anchorIndex(c)
				if k < 0 {
					continue
				}
				if p > 0 {
					add(q.prevSyl[k*sylWords:(k+1)*sylWords], cs[p-1])
					prevs[k] = append(prevs[k], cs[p-1])
				}
				if p+1 < len(cs) {
					add(q.nextSyl[k*sylWords:(k+1)*sylWords], cs[p+1])
					nexts[k] = append(nexts[k], cs[p+1])
				}
			}
		})
		q.prevMask, q.nextMask = make([]uint64, n), make([]uint64, n)
		for k := range n {
			for w := range sylWords {
				q.prevMask[k] |= q.prevSyl[k*sylWords+w]
				q.nextMask[k] |= q.nextSyl[k*sylWords+w]
			}
		}
		q.prevOwn, q.prevOwnAt = flattenOwn(prevs)
		q.nextOwn, q.nextOwnAt = flattenOwn(nexts)
		q.setExtra()
		masks := readingMasks()
		q.readingClass, q.classMask = masks.class, masks.mask
		q.prevFree = q.ownFree(q.prevOwn, q.prevOwnAt)
		q.nextFree = q.ownFree(q.nextOwn, q.nextOwnAt)
		q.numerals = make([]uint64, len(q.bits))
		for _, r := range cjkNumerals {
			if homFirst <= r && r <= homLast {
				q.numerals[(r-homFirst)>>6] |= 1 << ((r - homFirst) & 63)
			}
		}
		q.buildPlain()
		d.hom.quick = q
	})
	return d.hom.quick
}

// setExtra sets q.extra and q.extraSieve: the standard characters that
// fold to another, whose readings count for the one they fold to, as
// the index's homophones are folded characters.
func (q *homQuick) setExtra() {
	q.extra = foldReadings[:]
	for _, e := range q.extra {
		b := homSieveBit(e.to)
		q.extraSieve[b>>6] |= 1 << (b & 63)
	}
}

// flattenOwn returns the lists of characters of each anchor, each sorted
// and without repeats, one after the other, and where each starts (the
// last of n+1 the end).
func flattenOwn(lists [][]rune) ([]rune, []int32) {
	var all []rune
	at := make([]int32, 0, len(lists)+1)
	for _, l := range lists {
		at = append(at, int32(len(all)))
		slices.Sort(l)
		all = append(all, slices.Compact(l)...)
	}
	return slices.Clip(all), append(at, int32(len(all)))
}

// sharesReading reports whether c, or a standard character folding to c,
// has a reading of the set (a homQuick's prevSyl or nextSyl of one
// anchor).
func (q *homQuick) sharesReading(c rune, set []uint64) bool {
	rs := pinyin.Of(c)
	for k := range rs.Len() {
		if id := rs.ID(k); set[id>>6]&(1<<(id&63)) != 0 {
			return true
		}
	}
	return q.extraOf(c, func(id uint16) bool { return set[id>>6]&(1<<(id&63)) != 0 })
}

func (d *Dictionary) homIndex() *homIndex {
	d.hom.once.Do(func() {
		ix := &homIndex{homQuick: d.homQuickIndex()}
		var cs []rune // the folded characters of the words
		d.eachHomWord(func(_ int32, w []rune) { cs = append(cs, w...) })
		syl := bySyllable(cs)
		nh := 0 // room for the homophones of every character of the words
		for _, c := range cs {
			rs := pinyin.Of(c)
			for k := range rs.Len() {
				nh += len(syl[rs.ID(k)])
			}
		}
		ix.chars = make([]rune, 0, len(cs))
		ix.homAt = make([]int32, 0, len(cs)+1)
		ix.homs = make([]rune, 0, nh)
		byChar := map[rune][]homAnchor{}
		d.eachHomWord(func(i int32, wcs []rune) {
			w := homWord{entry: i, c0: int32(len(ix.chars))}
			n := int32(len(ix.words))
			for _, c := range wcs {
				if homFirst <= c && c <= homLast {
					byChar[c] = append(byChar[c], homAnchor{n, w.n})
				}
				ix.chars = append(ix.chars, c)
				ix.homAt = append(ix.homAt, int32(len(ix.homs)))
				ix.homs = homophonesOf(ix.homs, syl, c)
				w.n++
			}
			ix.words = append(ix.words, w)
		})
		ix.homAt = append(ix.homAt, int32(len(ix.homs)))
		ix.homSieve = make([]uint64, homSieveWords*len(ix.chars))
		for j := range int32(len(ix.chars)) {
			sieve := ix.homSieve[homSieveWords*j:][:homSieveWords]
			for _, r := range ix.homsAt(j) {
				b := homSieveBit(r)
				sieve[b>>6] |= 1 << (b & 63)
			}
		}
		chars := make([]rune, 0, len(byChar))
		for c := range byChar {
			chars = append(chars, c)
		}
		slices.Sort(chars) // the anchors' order: their numbers (anchorIndex)
		// Each character's homophones stand at most once before and once
		// after an anchor for each place it has in a word.
		ix.prevs = make([]rune, 0, len(ix.homs))
		ix.nexts = make([]rune, 0, len(ix.homs))
		for _, c := range chars {
			ix.at = append(ix.at, int32(len(ix.anchors)))
			ix.anchors = append(ix.anchors, byChar[c]...)
			ix.prevAt = append(ix.prevAt, int32(len(ix.prevs)))
			ix.nextAt = append(ix.nextAt, int32(len(ix.nexts)))
			p0, n0 := len(ix.prevs), len(ix.nexts)
			np, nn := 0, 0 // the sets appended: one is sorted already
			for _, a := range byChar[c] {
				w := &ix.words[a.word]
				if a.pos > 0 {
					ix.prevs = append(ix.prevs, ix.homsAt(w.c0+a.pos-1)...)
					np++
				}
				if a.pos+1 < w.n {
					ix.nexts = append(ix.nexts, ix.homsAt(w.c0+a.pos+1)...)
					nn++
				}
			}
			if np > 1 {
				slices.Sort(ix.prevs[p0:])
				ix.prevs = ix.prevs[:p0+len(slices.Compact(ix.prevs[p0:]))]
			}
			if nn > 1 {
				slices.Sort(ix.nexts[n0:])
				ix.nexts = ix.nexts[:n0+len(slices.Compact(ix.nexts[n0:]))]
			}
		}
		ix.prevAt = append(ix.prevAt, int32(len(ix.prevs)))
		ix.nextAt = append(ix.nextAt, int32(len(ix.nexts)))
		ix.at = append(ix.at, int32(len(ix.anchors)))
		d.hom.index = ix
	})
	return d.hom.index
}

// isAnchor reports whether c (folded) is a character of a word of ix.
func (ix *homQuick) isAnchor(c rune) bool {
	return homFirst <= c && c <= homLast && ix.bits[(c-homFirst)>>6]&(1<<((c-homFirst)&63)) != 0
}

// anchorOf returns the positions of the words that hold c (folded).
func (ix *homIndex) anchorOf(c rune) []homAnchor {
	k := ix.anchorIndex(c)
	if k < 0 {
		return nil
	}
	return ix.anchors[ix.at[k]:ix.at[k+1]]
}

// anchorIndex returns the number of the anchor c, -1 when c is none.
func (ix *homQuick) anchorIndex(c rune) int {
	if !ix.isAnchor(c) {
		return -1
	}
	x := c - homFirst
	return int(ix.rank[x>>6]) + bits.OnesCount64(ix.bits[x>>6]&(1<<(x&63)-1))
}

// pairOf reports whether x then y (folded) may stand next to each other in
// a stretch, one the word's own and the other a homophone: y an anchor
// that the homophone x may stand before, or x one that y may stand
// after.
// kx and ky are their anchor numbers (-1: none).
func (ix *homIndex) pairOf(x rune, kx int, y rune, ky int) bool {
	if ky >= 0 {
		if _, ok := slices.BinarySearch(ix.prevs[ix.prevAt[ky]:ix.prevAt[ky+1]], x); ok {
			return true
		}
	}
	if kx >= 0 {
		if _, ok := slices.BinarySearch(ix.nexts[ix.nextAt[kx]:ix.nextAt[kx+1]], y); ok {
			return true
		}
	}
	return false
}

// pairOfReadings is pairOf's test by readings (homQuick): x then y may
// stand next to each other in a stretch when y is an anchor x shares a
// reading of a character before with, or x one y shares a reading of a
// character after with. Whatever pairOf finds, it finds.
//
// A stretch holds one of the word's own characters and one that is not
// (a homophone), one after the other: so two characters that are both
// the word's own there, 网站 of 黄色网站, are no such pair, which the
// readings alone would pass (网 has the reading of 网). A character is
// taken for the word's own where it is one of the anchor's neighbours
// in the words (prevOwn, nextOwn), and then passes only if it shares a
// reading with another of them (王 before 站 in some word would make 网
// a homophone there). This is what keeps a name of ordinary words
// (官方网站, 中心) from the scan's index.
func (ix *homQuick) pairOfReadings(x rune, kx int, y rune, ky int) bool {
	if ky >= 0 && ix.sharesReading(x, ix.prevSyl[ky*sylWords:(ky+1)*sylWords]) &&
		notOnlyOwnAt(x, ix.prevOwn[ix.prevOwnAt[ky]:ix.prevOwnAt[ky+1]], ix.prevFree[ix.prevOwnAt[ky]:ix.prevOwnAt[ky+1]]) {
		return true
	}
	return kx >= 0 && ix.sharesReading(y, ix.nextSyl[kx*sylWords:(kx+1)*sylWords]) &&
		notOnlyOwnAt(y, ix.nextOwn[ix.nextOwnAt[kx]:ix.nextOwnAt[kx+1]], ix.nextFree[ix.nextOwnAt[kx]:ix.nextOwnAt[kx+1]])
}

// readingMask returns bit id&63 set for each syllable number id of c's
// readings and of those of the standard characters folding to c: the
// syllables sharesReading looks for in a set, folded to a word. c is a
// character of the block (homFirst to homLast), as every character
// mayHit tests is; its mask is read from a table (readingMasks), by
// indexes the tables' sizes bound (no bounds checks).
func (q *homQuick) readingMask(c rune) uint64 {
	return q.classMask[q.readingClass[(c-homFirst)&(readingClasses-1)]&(classMasks-1)]
}

// readingClasses and classMasks are the sizes of a readingTable's
// tables: powers of two above the characters of the block and the
// classes.
const readingClasses, classMasks = 1 << 15, 1 << 12

// The classes fit: the sets of readings and a class for each fold
// target's reading at most.
var _ = [readingClasses - (homLast - homFirst + 1)]struct{}{}
var _ = [classMasks - pinyin.Sets - len(foldReadings)]struct{}{}

// A readingTable is readingMask's table: the class of each character of
// the block, and each class's mask.
type readingTable struct {
	class *[readingClasses]uint16 // by character, from homFirst
	mask  *[classMasks]uint64     // by class
}

// readingMasks is the table of readingMask of the characters of the
// block, built at the first need and shared by the dictionaries (it
// depends on the readings and the fold only). A character's class is
// its set of readings (pinyin.Set, a copy of the readings' table), but
// for the characters other standard characters fold to (foldReadings,
// 18 in the block), each of a class of its own: 64 KiB of classes, 32
// KiB of masks, built with a copy of the readings' table and a mask for
// each set of readings.
var readingMasks = lazy.Value(func() readingTable {
	t := readingTable{class: new([readingClasses]uint16), mask: new([classMasks]uint64)}
	pinyin.AppendSets(t.class[:0], homFirst, homLast)
	pinyin.EachSet(func(set int, rs pinyin.Readings) {
		for k := range rs.Len() {
			t.mask[set] |= 1 << (rs.ID(k) & 63)
		}
	})
	next := uint16(pinyin.Sets)
	for _, e := range foldReadings {
		if homFirst <= e.to && e.to <= homLast {
			// A class of its own: the character's mask so far, and
			// this reading.
			x := e.to - homFirst
			t.mask[next] = t.mask[t.class[x]] | 1<<(e.id&63)
			t.class[x] = next
			next++
		}
	}
	return t
})

// extraMask is readingMask's part for the standard characters folding
// to c.
func (q *homQuick) extraMask(c rune) uint64 {
	var m uint64
	q.extraOf(c, func(id uint16) bool {
		m |= 1 << (id & 63)
		return false
	})
	return m
}

// mayPair reports whether x then y may pass pairOfReadings: false when
// neither shares a reading with the set pairOfReadings compares it with,
// as their readingMask and the set's mask show. pairOfReadings(x, kx, y,
// ky) implies mayPair(x, kx, y, ky) (TestMayPairCoversPairOfReadings).
func (ix *homQuick) mayPair(x rune, kx int, y rune, ky int) bool {
	return ky >= 0 && ix.readingMask(x)&ix.prevMask[ky] != 0 ||
		kx >= 0 && ix.readingMask(y)&ix.nextMask[kx] != 0
}

// ownFree returns, for each character of own (prevOwn or nextOwn, at
// their starts), notOnlyOwn of it among its anchor's (it is one of them),
// the pairs that share no reading told by their masks.
func (q *homQuick) ownFree(own []rune, at []int32) []bool {
	free := make([]bool, len(own))
	for k := 0; k+1 < len(at); k++ {
		list := own[at[k]:at[k+1]]
		for i, c := range list {
			free[int(at[k])+i] = q.sharesWithOther(c, list, true)
		}
	}
	return free
}

// notOnlyOwnAt is notOnlyOwn of c among own, whose answers for its own
// characters free holds (ownFree).
func notOnlyOwnAt(c rune, own []rune, free []bool) bool {
	i, ok := slices.BinarySearch(own, c)
	return !ok || free[i]
}

// notOnlyOwn reports whether c, which shares a reading with one of own
// (an anchor's neighbours in the words), may stand for one of them as a
// homophone: c is none of them, or shares a reading with one that is not
// c.
func (ix *homQuick) notOnlyOwn(c rune, own []rune) bool {
	if _, ok := slices.BinarySearch(own, c); !ok {
		return true
	}
	return ix.sharesWithOther(c, own, false)
}

// sharesWithOther reports whether c, one of own, shares a reading with
// another of own; with masked, the others whose readingMask, and c's,
// tell they share none are passed over (characters of the block only).
func (ix *homQuick) sharesWithOther(c rune, own []rune, masked bool) bool {
	masked = masked && homFirst <= c && c <= homLast
	for _, o := range own {
		if o == c || masked && homFirst <= o && o <= homLast && ix.readingMask(c)&ix.readingMask(o) == 0 {
			continue
		}
		var set [sylWords]uint64
		rs := pinyin.Of(o)
		for k := range rs.Len() {
			id := rs.ID(k)
			set[id>>6] |= 1 << (id & 63)
		}
		if ix.sharesReading(c, set[:]) {
			return true
		}
	}
	return false
}

// buildPlain sets q.plain (q's other sets built). A character is not
// plain when it folds to an anchor, to a numeral or out of the block: it
// is one of those characters (anchors and numerals are of the block) or
// a variant form of one of them, or a variant of a character out of the
// block (hanvariant.VariantsBMP), so that buildPlain tests only
// those: its cost goes with the anchors, not with the block.
// TestPlainTableAsEveryCharacter holds it to the test of every
// character.
func (q *homQuick) buildPlain() {
	for k := range q.plain {
		q.plain[k] = ^uint64(0)
	}
	q.plain[quietHexagrams] = 0
	// The variants of the characters out of the block fold out of it.
	for r := range hanvariant.VariantsBMP(0, homFirst-1) {
		q.unplain(r)
	}
	for r := range hanvariant.VariantsBMP(homLast+1, unicode.MaxRune) {
		q.unplain(r)
	}
	// Those of the numerals and anchors, and they, are settled.
	settle := func(c rune) {
		q.settlePlain(c)
		for r := range hanvariant.VariantsBMP(c, c) {
			q.settlePlain(r)
		}
	}
	for _, n := range cjkNumerals {
		settle(n)
	}
	for k, w := range q.bits {
		for ; w != 0; w &= w - 1 {
			settle(homFirst + rune(k<<6+bits.TrailingZeros64(w)))
		}
	}
}

// settlePlain clears r's bit of q.plain when r, a character, is of its
// block and not plain (isPlain).
func (q *homQuick) settlePlain(r rune) {
	if quietFirst <= r && r < quietEnd && !q.isPlain(r) {
		q.unplain(r)
	}
}

// unplain clears r's bit of q.plain, if r is of its block.
func (q *homQuick) unplain(r rune) {
	if quietFirst <= r && r < quietEnd {
		q.plain[(r-quietFirst)>>6] &^= 1 << ((r - quietFirst) & 63)
	}
}

// isPlain reports whether r, a Chinese character of three bytes, folds
// to a character of the block that is neither an anchor nor a numeral.
func (q *homQuick) isPlain(r rune) bool {
	f := hanvariant.SimplifyBMP(uint16(r))
	return homFirst <= f && f <= homLast && !q.numeral(f) && !q.isAnchor(f)
}

// numeral reports whether f, a character of the block, is a Chinese
// numeral (陆 for 六), which the quick test does not fold.
func (q *homQuick) numeral(f rune) bool {
	x := f - homFirst
	return q.numerals[x>>6]&(1<<(x&63)) != 0
}

// plainRun returns the end of the run of characters of q.plain that
// starts at text[i] (i itself when there is none), and the last of
// them, folded. Such a character after one that is no anchor stands in
// no pair mayHit tests: neither is an anchor.
func (q *homQuick) plainRun(text string, i int) (int, rune) {
	j := i
	for j+2 < len(text) && q.plain.holds(text[j], text[j+1], text[j+2]) {
		j += 3
	}
	if j == i {
		return i, -1
	}
	return j, hanvariant.SimplifyBMP(uint16(decode3(text[j-3], text[j-2], text[j-1])))
}

// mayHit reports whether text may hold a stretch: two Chinese
// characters (as the quick path folds them; anything between them but
// other Chinese characters skipped) that may stand next to each other in
// one (pairOf), or a rune the quick test does not judge (an ASCII digit
// where the words hold numerals, a Chinese numeral folding to a word's
// character, a compatibility or variant form outside the CJK block). A
// name without one costs this loop and nothing more.
func (ix *homQuick) mayHit(text string) bool { return ix.mayHitRuns(text, true) }

// mayHitRuns is mayHit; with runs, the characters of plain after a
// character that is no anchor are passed over by plainRun, and
// without, read one by one (for the test that holds the two alike).
func (ix *homQuick) mayHitRuns(text string, runs bool) bool {
	prev, kp := rune(-1), -1 // the last character and its anchor number
	for i := 0; i < len(text); {
		b := text[i]
		switch {
		case b < utf8.RuneSelf:
			if ix.digits && '0' <= b && b <= '9' {
				return true
			}
			i++
			continue
		case 0xE4 <= b && b <= 0xE9 && i+2 < len(text) && text[i+1]&0xC0 == 0x80 && text[i+2]&0xC0 == 0x80:
			if kp < 0 && runs {
				if j, last := ix.plainRun(text, i); j > i {
					i, prev = j, last
					continue
				}
			}
			r := rune(b&0x0F)<<12 | rune(text[i+1]&0x3F)<<6 | rune(text[i+2]&0x3F)
			if r >= 0x4E00 || r <= 0x4DBF {
				f := hanvariant.SimplifyBMP(uint16(r))
				if f < homFirst || f > homLast {
					return true // folds out of the block: the scan reads it
				}
				if ix.numeral(f) {
					return true // 陆 for 六: the scan folds it
				}
				k := ix.anchorIndex(f)
				if (k >= 0 || kp >= 0) && prev >= 0 && ix.mayPair(prev, kp, f, k) && ix.pairOfReadings(prev, kp, f, k) {
					return true
				}
				kp = k
				prev = f
				i += 3
				continue
			}
		case b == 0xE3 && i+2 < len(text) && text[i+1] == 0x80:
			// CJK punctuation (、。《》 …): a separator, but for 〇.
			if text[i+2] == 0x87 {
				return true
			}
			i += 3
			continue
		case b == 0xE2 && i+2 < len(text) && (text[i+1] == 0x80 || text[i+1] == 0x81 && text[i+2] < 0xB0):
			// General punctuation, U+2000–U+206F: spaces, dashes,
			// quotation marks and the invisible characters (a zero-width
			// space in 中国\u200b博彩), none of which folds to a
			// character or a digit.
			i += 3
			continue
		}
		return true
	}
	return false
}

// A homStream is the Chinese characters of a text as the homophone scan
// reads them: folded, with their bytes, and whether something other than
// a separator came between each and the one before (a stretch does not
// read across it).
type homStream struct {
	runes      []rune // folded as the words are (foldKey: 零 is 〇)
	seg        []rune // as the segmentation reads them (simplified only)
	start, end []int32
	broken     []bool
	anchors    int
}

// homBuf is the memory of a short name's homStream, on the caller's
// stack.
type homBuf struct {
	runes, seg [48]rune
	start, end [48]int32
	broken     [48]bool
}

// readHomStream reads text's Chinese characters (and numerals, read as Chinese
// ones), appending to the slices given, counting the anchors of ix among them.
func readHomStream(text string, ix *homIndex, runes, seg []rune, starts, ends []int32, brokens []bool) (s homStream) {
	s.runes, s.seg, s.start, s.end, s.broken = runes, seg, starts, ends, brokens
	broken := false
	for pos := 0; pos < len(text); {
		var r rune
		var n int
		var c fold.Class
		if b := text[pos]; 0xE4 <= b && b <= 0xE9 && pos+2 < len(text) && text[pos+1]&0xC0 == 0x80 && text[pos+2]&0xC0 == 0x80 {
			r = rune(b&0x0F)<<12 | rune(text[pos+1]&0x3F)<<6 | rune(text[pos+2]&0x3F)
			r, n, c = hanvariant.SimplifyBMP(uint16(r)), 3, fold.Han
		} else if r, n, c = fold.QuickRune(text, pos); n == 0 {
			r, n = utf8.DecodeRuneInString(text[pos:])
			switch {
			case fold.Removable(r):
				c = 0
			default:
				r = hanvariant.Simplify(r)
				c = fold.ClassOf(r)
			}
		}
		start := pos
		pos += n
		switch {
		case c == 0 || c.Separator():
			continue
		case c == fold.Han || c == fold.Word && numeral(r) != r:
		default:
			broken = true
			continue
		}
		s.seg = append(s.seg, r)
		if c == fold.Han && n == 3 {
			r = numeral(r) // simplified already
		} else {
			r = foldKey(r)
		}
		if ix.isAnchor(r) {
			s.anchors++
		}
		s.runes = append(s.runes, r)
		s.start = append(s.start, int32(start))
		s.end = append(s.end, int32(pos))
		s.broken = append(s.broken, broken)
		broken = false
	}
	return s
}

// findHomophones adds to found the words of d that text writes with
// homophones (see above), and returns found sorted by position. work,
// when not nil, is added the comparisons made.
func (d *Dictionary) findHomophones(text string, found []occurrence, every bool, work *int) []occurrence {
	return d.findHomophonesAs(text, found, every, work, true)
}

// findHomophonesAs is findHomophones; without quick, a text the quick
// test (mayHit) passes over is read all the same (for the test that
// holds the two alike).
func (d *Dictionary) findHomophonesAs(text string, found []occurrence, every bool, work *int, quick bool) []occurrence {
	if !d.homophones || len(d.hanEntry) == 0 || !mayHoldHan(text) {
		return found
	}
	// The quick test decides every text, those the scan found a word in
	// too: a word written as it is holds the word's own characters side
	// by side, no pair of its own and a homophone (pairOfReadings).
	if quick && !d.homQuickIndex().mayHit(text) {
		return found // the index is not even built
	}
	ix := d.homIndex()
	if len(ix.words) == 0 {
		return found
	}
	var buf homBuf
	runes, seg, starts, ends, broken := buf.runes[:0], buf.seg[:0], buf.start[:0], buf.end[:0], buf.broken[:0]
	if len(text) > 3*len(buf.runes) {
		// A long text: its stream allocated once, at its length.
		n := utf8.RuneCountInString(text)
		runes, seg, starts, ends, broken = make([]rune, 0, n), make([]rune, 0, n), make([]int32, 0, n), make([]int32, 0, n), make([]bool, 0, n)
	}
	s := readHomStream(text, ix, runes, seg, starts, ends, broken)
	if work != nil {
		*work += len(s.runes)
	}
	if s.anchors == 0 || len(s.runes) < 2 {
		return found
	}
	core := len(found)
	var h homAllowed
	steps := 0
	for i, c := range s.runes {
		if !ix.isAnchor(c) {
			continue
		}
		for _, a := range ix.anchorOf(c) {
			w := &ix.words[a.word]
			from, to := i-int(a.pos), i-int(a.pos)+int(w.n)
			if from < 0 || to > len(s.runes) {
				continue
			}
			steps += int(w.n)
			if ix.cannotStart(w, s.runes[from]) {
				continue // most anchors' words end here, without a call
			}
			if own := ix.stretch(w, s.runes[from:to], s.broken[from:to], int(a.pos)); own != 0 {
				found = d.decideStretch(ix, &s, text, found, core, w, from, to, own, work, &h)
			}
		}
	}
	if work != nil {
		*work += steps
	}
	if h.added {
		// By position, and no word inside another: a core word inside
		// a stretch (赌博 in 赌博网占, heard as 赌博网站), a stretch
		// inside a longer one (睹博 in 网络睹博) or two words heard over
		// the same characters (睹博: 赌博, 读博) are reported once.
		found = outermost(found)
	}
	return found
}

// homAllowed is what findHomophonesAs's decisions on its stretches
// (decideStretch) share: whether one was added, and the allowed words of
// the text, read at the first stretch.
type homAllowed struct {
	added       bool
	allowed     []occurrence
	allowedRead bool
}

// decideStretch adds to found (its first core words the scan's, by
// position) w heard in the stretch s.runes[from:to] of text, which holds
// own of its characters, unless the stretch is excused. It is apart from
// the loop that finds the stretches (findHomophonesAs), which so holds
// little but them.
func (d *Dictionary) decideStretch(ix *homIndex, s *homStream, text string, found []occurrence, core int, w *homWord, from, to, own int, work *int, h *homAllowed) []occurrence {
	start, end := int(s.start[from]), int(s.end[to-1])
	// The word found there by the scan (found[:core], by
	// position) or by another anchor: the last few before the
	// stretch's end may overlap it.
	// A stretch inside a word the scan found (银 is yin, but 卖银
	// in 卖银行卡 is no 卖淫) is that word's.
	p, _ := slices.BinarySearchFunc(found[:core], end, func(o occurrence, end int) int { return o.start - end })
	if overlapsEntry(found[max(0, p-recent):p], w.entry, start, end) ||
		insideAny(found[max(0, p-recent):p], start, end) ||
		overlapsEntry(found[max(core, len(found)-recent):], w.entry, start, end) {
		return found
	}
	// The stretch as typed is a word of the lexicon (读博,
	// 博采): not a disguise. A word jieba holds without a count
	// of its own (搏彩, 买淫: its default, 3) is the disguise
	// itself, collected from spam, not an ordinary word.
	if lexiconWordInUse(s.runes[from:to]) || d.exceptionRunes(s.runes[from:to]) {
		return found
	}
	if ix.personName(w, s, from, to) {
		return found
	}
	if d.allowed {
		if !h.allowedRead {
			h.allowed, h.allowedRead = d.allowedIn(text), true
		}
		if overlapsAny(h.allowed, start, end) {
			return found
		}
	}
	o := occurrence{entry: w.entry, first: int32(from), last: int32(to - 1), start: start, end: end, homophone: true}
	if d.decideHomophone(&o, s.seg, own, work) {
		found = append(found, o)
		h.added = true
	}
	return found
}

// mayHoldHan reports whether text may hold a Chinese character: a byte
// that starts the UTF-8 of one of the blocks the scan reads, or of
// anything outside ASCII the quick test does not know (a traditional
// or compatibility form is folded by the scan).
func mayHoldHan(text string) bool {
	for i := 0; i < len(text); i++ {
		if text[i] >= 0xE3 {
			return true
		}
	}
	return false
}

// cannotStart reports whether r, the first character of a stretch of w,
// is neither w's own first character nor in its sieve: no homophone of
// it, so that stretch answers 0 (TestStretchSieveAsSearch).
func (ix *homIndex) cannotStart(w *homWord, r rune) bool {
	return r != ix.chars[w.c0] && !ix.mayBeHom(w.c0, r)
}

// stretch returns the number of w's own characters in runes when runes,
// read across nothing but separators (broken false after the first), are
// w written with homophones: each the word's own character or a
// homophone of it, one at least a homophone and half at least the
// word's own, the character at pos (an anchor) the first own one, so
// that a stretch is compared once; 0 otherwise.
func (ix *homIndex) stretch(w *homWord, runes []rune, broken []bool, pos int) int {
	chars := ix.wordChars(w)
	own, other := 0, false
	for k, r := range runes {
		if k > 0 && broken[k] {
			return 0
		}
		if r == chars[k] {
			if k < pos {
				return 0 // an earlier own character anchors it
			}
			own++
			continue
		}
		if j := w.c0 + int32(k); !ix.mayBeHom(j, r) {
			return 0
		} else if _, ok := slices.BinarySearch(ix.homsAt(j), r); !ok {
			return 0
		}
		other = true
	}
	if !other || 2*own < len(runes) {
		return 0 // 施氏彩 (shi shi cai, in 施氏彩板) holds too little of 时时彩
	}
	return own
}

// personName reports whether the stretch s.runes[from:to] of w is read
// as a person's name, the decision that holds the ordinary shop names
// ([surname][given name][industry]店, the sweep of TestOrdinaryNames) apart
// from the disguises:
//
//   - anywhere, a stretch of two characters that is a one-character
//     surname other than the word's own, then a given-name character (杜博
//     for 赌博, 在线杜博), as before;
//   - at the start of the text (nothing but separators before it), a
//     person's name, a surname of the 百家姓 (one character or two) and
//     one or two given-name characters (lexicon.Char's Given), followed by
//     a company-name part (lexicon.Company: 彩钢, 生物, 网站) that the
//     stretch ends before the end of, the stretch either holding a
//     substituted character (one that is not w's own) in the surname (史时/
//     彩板 for 时时彩, 禄合/彩钢 for 六合彩, 万俟彩南/网站 for 私彩: a person's
//     name that sounds as the word) or starting with the given name (钟离
//     波彩/果业 for 博彩, 淳于春耀/生物 for 春药, 百里代云/广告 for 代孕,
//     欧阳刘合/彩印 for 六合彩, 欧阳海洛/印刷 for 海洛因): the name read as
//     surname, given name and industry takes every character of the
//     stretch into other words, the way 首都/博物馆 does.
//
// Not excused, as the disguise's very shape: the word's own characters
// spelling the surname, the substitution after them (时时采科技: 时 is a
// surname, 时采 a given name; 法仑功), the word opening where the name
// does with its own characters; a stretch that holds the company-name
// part whole (盛人网站 is 成人网站's: 网站 is the word's own, the name only
// the rest of it); a person's name followed by no company-name part
// (禄合彩开奖, 禄合彩 alone: no shop's name, and a name that reads as the
// word all the same); and a name further inside the text (在线禄合彩,
// 示例欧阳刘合彩印).
func (ix *homIndex) personName(w *homWord, s *homStream, from, to int) bool {
	chars := ix.wordChars(w)
	runes, seg, broken := s.runes, s.seg, s.broken
	if to-from == 2 && runes[from] != chars[0] && lexicon.Char(seg[from]).Surname && lexicon.Char(seg[from+1]).Given {
		return true
	}
	if len(runes) < 2 || broken[0] {
		return false
	}
	for sl := 1; sl <= 2; sl++ {
		// The surname: seg[:sl].
		switch {
		case sl == 1 && !lexicon.Char(seg[0]).Surname:
			continue
		case sl == 2 && (len(runes) < 3 || broken[1] || !lexicon.Char(seg[0]).Compound ||
			!lexicon.Surname(string(seg[:2]))):
			continue
		}
		// The given name: seg[sl:end], one character or two.
		for end := sl + 1; end <= sl+2 && end <= len(runes) && !broken[end-1] && lexicon.Char(seg[end-1]).Given; end++ {
			// The stretch starts with the given name, or holds a
			// substituted character in the surname.
			ok := from == sl
			for k := from; k < sl && !ok; k++ {
				ok = runes[k] != chars[k-from]
			}
			if !ok {
				continue
			}
			// A shop's name: a company-name part follows, that the
			// stretch does not hold whole.
			if companyAt(seg, broken, end, to) {
				return true
			}
		}
	}
	return false
}

// companyAt reports whether a company-name part (lexicon.Company, two to
// four characters read across nothing but separators) starts at seg[i]
// and ends after seg[to-1].
func companyAt(seg []rune, broken []bool, i, to int) bool {
	var buf [4 * 4]byte
	b := buf[:0]
	for j := i; j < len(seg) && j < i+4; j++ {
		if j > i && broken[j] {
			break
		}
		b = utf8.AppendRune(b, seg[j])
		if j > i && j >= to && lexicon.Company(string(b)) {
			return true
		}
	}
	return false
}

// allowedIn returns the allowed words of d found in text.
func (d *Dictionary) allowedIn(text string) []occurrence {
	var out []occurrence
	for _, o := range d.scan(text, nil) {
		if d.entries[o.entry].allowed {
			out = append(out, o)
		}
	}
	return out
}

// insideAny reports whether [start, end) lies inside an occurrence of
// found.
func insideAny(found []occurrence, start, end int) bool {
	for _, o := range found {
		if o.start <= start && end <= o.end {
			return true
		}
	}
	return false
}

// overlapsAny reports whether an occurrence of found overlaps [start, end).
func overlapsAny(found []occurrence, start, end int) bool {
	for _, o := range found {
		if o.start < end && start < o.end {
			return true
		}
	}
	return false
}

// decideHomophone decides the stretch o of stream (the characters as
// the segmentation reads them), which stands for its word, on the
// characters as typed (see above): it reports whether o is returned.
func (d *Dictionary) decideHomophone(o *occurrence, stream []rune, own int, work *int) bool {
	strong := own >= strongOwn && int(o.last-o.first)+1 == own+1
	// The typed characters read without the word: excused where common
	// words of two characters or more, places, names reaching out of the
	// stretch or exceptions take them all (首都/博物馆).
	r := d.straddle(*o, stream, nil, nil)
	if work != nil {
		*work += r.tokens
	}
	if r.exception || !strong && takenBy(&r, o, stream) == takenByCommon {
		return false
	}
	// Read with the word: reported where the word read whole is as
	// probable as any other reading (六和彩/开奖, 示例/睹博/资讯), not
	// where the words around it read better (给/女人 holds 给女, ji nv).
	hans := [1]occurrence{*o}
	r = d.straddle(*o, stream, hans[:], nil)
	if work != nil {
		*work += r.tokens
	}
	return r.diff <= margin
}

// strongOwn is the number of a word's own characters from which a
// stretch with one other character is not excused by common words
// taking its characters: 国籍货币基金组织 reads 国籍/货币/基金/组织 and
// 地下钱庄 低下/钱庄, but seven and three characters of the word in place
// are no chance. A stretch with two other characters or more is decided
// as the shorter ones are (大道共产党 reads 大道/共产党).
const strongOwn = 3

// What takes the characters of a stretch in a reading.
const (
	takenByNone   = iota // a character is alone, or in a name of the stretch's characters only
	takenByRare          // words of two characters or more, one a rare word of the lexicon
	takenByCommon        // common words, places, names or exceptions of two characters or more
)

// takenBy says what takes the characters of o in the reading r of
// stream: a name or trade name of o's characters only (睹博 before 资讯)
// is what the disguise would be read as, and takes nothing; a word of the
// lexicon is common from commonCode on.
func takenBy(r *reading, o *occurrence, stream []rune) int {
	if r.n == 0 || r.n > maxReadTokens {
		return takenByNone
	}
	by := takenByCommon
	for _, t := range r.toks[:r.n] {
		if t.j-t.i < 2 {
			return takenByNone
		}
		code, ok := lexiconCode(stream[t.i:t.j])
		switch {
		case !ok && t.i >= o.first && t.j <= o.last+1:
			return takenByNone
		case ok && code < commonCode:
			by = takenByRare
		}
	}
	return by
}

// lexiconWordInUse reports whether rs is a word of the lexicon counted
// more often than jieba's default (defaultCode: the count 3 it gives the
// words it adds without one).
func lexiconWordInUse(rs []rune) bool {
	c, ok := lexiconCode(rs)
	return ok && c > defaultCode
}

// lexiconCode returns the frequency code of rs and whether it is a word
// of the lexicon.
func lexiconCode(rs []rune) (int16, bool) {
	var buf [4 * 16]byte
	b := buf[:0]
	for _, r := range rs {
		b = utf8.AppendRune(b, r)
	}
	c, ok := lexicon.Lookup(string(b))
	return int16(c), ok
}

// exceptionRunes reports whether rs is an exception of d.
func (d *Dictionary) exceptionRunes(rs []rune) bool {
	if len(d.exceptions) == 0 {
		return false
	}
	var buf [4 * 16]byte
	b := buf[:0]
	for _, r := range rs {
		b = utf8.AppendRune(b, r)
	}
	_, ok := d.exceptionCode(b)
	return ok
}
