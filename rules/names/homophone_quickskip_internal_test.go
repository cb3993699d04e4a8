package names

import (
	"reflect"
	"testing"
)

// TestQuickTestAsFullScan: the homophone scan of every name of memoTexts
// (the listed words among common words, places, persons' and trade
// names, numerals, iteration marks, Latin disguises) and of
// placesAcross, read by each dictionary of memoDictionaries that finds
// homophones, with the words the scan found, finds the same with the
// quick test as without: the names it passes over hold no stretch. Those
// names include the ones the scan found a listed word in, written as it
// is (黄色网站: its own characters side by side are no pair of its own
// and a homophone), which the quick test now decides too; it must pass
// over some of them, or it no longer tells a word's own characters from
// a homophone. It fails when pairOfReadings takes every neighbour of an
// anchor for a homophone (notOnlyOwn always true: the passes over found
// words fall to 0); TestPairOfReadingsCoversPairOf fails when it takes a
// character that is an anchor's neighbour in one word and a homophone of
// its neighbour in another for the word's own only (notOnlyOwn not
// looking past the character itself: 命 after 他 in 安非他命, and a
// homophone of 明, after 他 in another word).
func TestQuickTestAsFullScan(t *testing.T) {
	texts := append(memoTexts(t), placesAcross(t)...)
	cases, withWords, passedOver := 0, 0, 0
	for _, d := range memoDictionaries() {
		if !d.homophones {
			continue
		}
		q := d.homQuickIndex()
		for _, text := range texts {
			var buf [4]occurrence
			var stream [64]rune
			found := d.findCore(text, nil, buf[:0], stream[:0], true, nil, nil)
			cases++
			if holdsHomWord(d, found) && mayHoldHan(text) {
				withWords++
				if !q.mayHit(text) {
					passedOver++
				}
			}
			kept := append([]occurrence(nil), found...)
			quick := d.findHomophonesAs(text, found, true, nil, true)
			full := d.findHomophonesAs(text, kept, true, nil, false)
			if (len(quick) > 0 || len(full) > 0) && !reflect.DeepEqual(quick, full) {
				t.Errorf("%q: with the quick test %+v, without %+v", text, quick, full)
			}
		}
	}
	t.Logf("%d names read; in %d the scan found a listed word, and the quick test passed over %d of them", cases, withWords, passedOver)
	if withWords < 5000 {
		t.Errorf("a listed word found in only %d names: the texts exercise too little", withWords)
	}
	if passedOver == 0 {
		t.Errorf("the quick test passed over none of the %d names holding a listed word as it is", withWords)
	}
}

// holdsHomWord reports whether found holds a word of d the homophone
// scan looks for (written in Chinese characters, two or more, no
// exception: see eachHomWord).
func holdsHomWord(d *Dictionary, found []occurrence) bool {
	for _, o := range found {
		if e := &d.entries[o.entry]; e.han && !e.exception && e.runes >= 2 {
			return true
		}
	}
	return false
}
