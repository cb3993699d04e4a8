package names

import (
	"testing"

	"github.com/icpcheck/beian/rules/internal/hanvariant"
	"github.com/icpcheck/beian/rules/names/internal/pinyin"
)

// TestMayPairCoversPairOfReadings: mayPair, the quick test's first look
// at a pair by masks of syllables, passes every pair pairOfReadings
// passes: each anchor of each dictionary finding homophones beside
// every character of the block (U+3400–U+9FFF, the standard characters
// and those others fold to), either side. Made to fail by leaving the
// fold sources' readings (extraMask) out of readingMask, and by masking
// the next set with the previous one's mask.
func TestMayPairCoversPairOfReadings(t *testing.T) {
	t.Parallel()
	pairs, passed := 0, 0
	for _, d := range memoDictionaries() {
		if !d.homophones {
			continue
		}
		q := d.homQuickIndex()
		eachAnchorPair(q, homFirst, homLast, func(x rune, kx int, y rune, ky int) {
			byReadings := q.pairOfReadings(x, kx, y, ky)
			byMasks := q.mayPair(x, kx, y, ky)
			if byReadings && !byMasks {
				t.Fatalf("%c%c: pairOfReadings passes it, mayPair does not", x, y)
			}
			pairs++
			if byMasks {
				passed++
			}
		})
	}
	t.Logf("%d pairs, %d passed by the masks", pairs, passed)
}

// eachAnchorPair calls f with each anchor of q beside each character
// of first to last, either side, and their anchor numbers (-1: none),
// and returns the number of anchors.
func eachAnchorPair(q *homQuick, first, last rune, f func(x rune, kx int, y rune, ky int)) int {
	anchors := 0
	for a := rune(homFirst); a <= homLast; a++ {
		ka := q.anchorIndex(a)
		if ka < 0 {
			continue
		}
		anchors++
		for c := first; c <= last; c++ {
			kc := q.anchorIndex(c)
			f(c, kc, a, ka)
			f(a, ka, c, kc)
		}
	}
	return anchors
}

// TestPlainRunAsOneByOne holds the quick test's runs of plain
// characters (plainRun) to the test of one character at a time: every
// character the quick path decodes (U+4000–U+9FFF) alone, after and
// before every anchor, twice after one, and between ordinary
// characters, and the names of the corpora, give mayHit the same answer
// either way. Made to fail by a run that goes on after an anchor (kp
// not looked at), by the run's last character left unfolded, and by
// the table taking the numerals for plain.
func TestPlainRunAsOneByOne(t *testing.T) {
	t.Parallel()
	texts := append(memoTexts(t), placesAcross(t)...)
	for _, d := range memoDictionaries() {
		if !d.homophones {
			continue
		}
		q := d.homQuickIndex()
		var anchors []string
		for a := rune(homFirst); a <= homLast; a++ {
			if q.isAnchor(a) {
				anchors = append(anchors, string(a))
			}
		}
		check := func(text string) {
			t.Helper()
			if runs, one := q.mayHitRuns(text, true), q.mayHitRuns(text, false); runs != one {
				t.Fatalf("%q: with plain runs %v, one by one %v", text, runs, one)
			}
		}
		for r := rune(quietFirst); r < quietEnd; r++ {
			c := string(r)
			check(c)
			check("示例" + c + c + "科技")
			for k, a := range anchors {
				if r%7 != 0 && k%5 != int(r%5) && !exhaustive() {
					continue // a fifth of the anchors, all of them every seventh character
				}
				check(a + c)
				check(c + a)
				check(a + c + c + a)
			}
		}
		for _, text := range texts {
			check(text)
		}
	}
}

// TestOwnFreeAsNotOnlyOwn: notOnlyOwnAt, which answers the characters
// of an anchor's neighbours from the table ownFree made, answers as
// notOnlyOwn for every anchor of each dictionary finding homophones and
// every character of the block, on either side. Made to fail by
// ownFree's answers all true, and by those of the next neighbours read
// from the previous ones' table.
func TestOwnFreeAsNotOnlyOwn(t *testing.T) {
	t.Parallel()
	for _, d := range memoDictionaries() {
		if !d.homophones {
			continue
		}
		q := d.homQuickIndex()
		for k := 0; k+1 < len(q.prevOwnAt); k++ {
			prev, next := q.prevOwn[q.prevOwnAt[k]:q.prevOwnAt[k+1]], q.nextOwn[q.nextOwnAt[k]:q.nextOwnAt[k+1]]
			prevFree, nextFree := q.prevFree[q.prevOwnAt[k]:q.prevOwnAt[k+1]], q.nextFree[q.nextOwnAt[k]:q.nextOwnAt[k+1]]
			for c := rune(homFirst); c <= homLast; c++ {
				if got, want := notOnlyOwnAt(c, prev, prevFree), q.notOnlyOwn(c, prev); got != want {
					t.Fatalf("anchor %d, %c before: %v, notOnlyOwn %v", k, c, got, want)
				}
				if got, want := notOnlyOwnAt(c, next, nextFree), q.notOnlyOwn(c, next); got != want {
					t.Fatalf("anchor %d, %c after: %v, notOnlyOwn %v", k, c, got, want)
				}
			}
		}
	}
}

// readingMaskSlow is readingMask computed from the readings.
func (q *homQuick) readingMaskSlow(c rune) uint64 {
	rs := pinyin.Of(c)
	var m uint64
	for k := range rs.Len() {
		m |= 1 << (rs.ID(k) & 63)
	}
	if b := homSieveBit(c); q.extraSieve[b>>6]&(1<<(b&63)) != 0 {
		m |= q.extraMask(c)
	}
	return m
}

// TestReadingMasksAsComputed: readingMask, read from the shared table
// of classes, is the mask computed from the readings (readingMaskSlow)
// for every character of the block. Made to fail by the fold sources'
// readings left out (some or all), by a class of its own for a fold
// target started without its readings or not given to it, by the fold
// sources' readings or-ed into the mask of the set of readings the target
// shares, by the fold targets' classes numbered over the last sets', by
// the class table read one off, and by a set numbered one off
// (pinyin.EachSet) or its table copied one off (pinyin.AppendSets).
func TestReadingMasksAsComputed(t *testing.T) {
	q := DefaultDictionary().homQuickIndex()
	for c := rune(homFirst); c <= homLast; c++ {
		if got, want := q.readingMask(c), q.readingMaskSlow(c); got != want {
			t.Fatalf("%c (%U): readingMask %#x, computed %#x", c, c, got, want)
		}
	}
}

// TestPlainTableAsEveryCharacter holds the quick test's table of plain
// characters buildPlain makes from the anchors, the numerals and the
// characters out of the block to the one every character of the block
// (U+4000–U+9FFF) gives, for each dictionary of quietTableDictionaries
// finding homophones.
func TestPlainTableAsEveryCharacter(t *testing.T) {
	checked := 0
	for i, d := range quietTableDictionaries(t) {
		if !d.homophones {
			continue
		}
		checked++
		q := d.homQuickIndex()
		var want quietTable
		for r := rune(quietFirst); r < quietEnd; r++ {
			if 0x4DC0 <= r && r < 0x4E00 {
				continue // the Yijing hexagrams: not read as Chinese characters
			}
			if f := hanvariant.SimplifyBMP(uint16(r)); homFirst <= f && f <= homLast && !q.numeral(f) && !q.isAnchor(f) {
				want[(r-quietFirst)>>6] |= 1 << ((r - quietFirst) & 63)
			}
		}
		for r := rune(quietFirst); r < quietEnd; r++ {
			x := r - quietFirst
			if got, w := q.plain[x>>6]>>(x&63)&1, want[x>>6]>>(x&63)&1; got != w {
				t.Fatalf("dictionary %d: %c (%U) plain %d, every character gives %d", i, r, r, got, w)
			}
		}
	}
	if checked < 4 {
		t.Fatalf("%d dictionaries finding homophones, want 4 or more", checked)
	}
}
