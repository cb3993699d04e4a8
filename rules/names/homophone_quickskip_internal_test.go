package names

import (
	"reflect"
	"testing"
)

// TestQuickTestPassesWords: in every name of memoTexts (the listed words
// among common words, places, persons' and trade names, numerals,
// iteration marks, Latin disguises) and of placesAcross, read by each
// dictionary of memoDictionaries that finds homophones, where the scan
// found a word the homophone scan looks for (holdsHomWord), the quick
// test would have passed the name all the same: not running it there
// (findHomophonesAs) spares its work and never costs the full scan of a
// name it would have passed over. And the homophone scan of each name,
// with the words the scan found, finds the same with the quick test as
// without. It fails when holdsHomWord takes any word found (a Latin word
// in 示例c4sino网, which the quick test passes over).
func TestQuickTestPassesWords(t *testing.T) {
	texts := append(memoTexts(t), placesAcross(t)...)
	cases, skipped := 0, 0
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
			if d.holdsHomWord(found) && mayHoldHan(text) {
				skipped++
				if !q.mayHit(text) {
					t.Errorf("%q: the scan found %+v, and the quick test passes it over", text, found)
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
	t.Logf("%d names read, the quick test not run in %d", cases, skipped)
	if skipped < 5000 {
		t.Errorf("the quick test not run in only %d names: the texts exercise too little", skipped)
	}
}
