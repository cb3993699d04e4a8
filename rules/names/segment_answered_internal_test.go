package names

import (
	"testing"
	"unicode/utf8"
)

// answerAll makes m, bound to stream, hold the lexicon's answers about
// every word of 2 to 4 characters of it, as another dictionary's
// segmentations of the whole stream leave it.
func answerAll(m *Memo, stream []rune) {
	m.bind(stream)
	for i := range m.n {
		for k := 2; k <= 4 && m.holds(i, k); k++ {
			m.wordRunes(i, stream[i:i+k])
		}
	}
}

// TestSegmentAnsweredAsLookedUp: the segmentation around every word
// found (every Chinese word of every dictionary of memoDictionaries, in
// every name of memoTexts: the listed words among common words, places,
// persons' and trade names, numerals, iteration marks, disguises) reads
// the same through a memo holding every answer already (the words of the
// lexicon given by Memo.appendWords, no lookup) as with no memo (every
// word looked up, segmentWindow's loop). It fails when appendWords drops
// a company-name part's flag, or gives a word beyond the window.
func TestSegmentAnsweredAsLookedUp(t *testing.T) {
	dicts := memoDictionaries()
	texts := append(memoTexts(t), placesAcross(t)...)
	cases, answered, trades := 0, 0, 0
	for _, text := range texts {
		for _, d := range dicts {
			var buf [4]occurrence
			var streamBuf [64]rune
			found, stream, _ := d.scanAll(text, nil, buf[:0], streamBuf[:0])
			var hans []occurrence
			for _, o := range found {
				if e := &d.entries[o.entry]; e.han && !e.allowed {
					hans = append(hans, o)
				}
			}
			for _, o := range hans {
				if o.tokenGap || financialIn(stream, o) {
					continue // read over an adjusted stream, never through a memo
				}
				lo := max(0, int(o.first)-context)
				hi := min(len(stream), int(o.last)+1+context)
				k := searchLast(hans, int32(lo))
				first := k
				for ; k < len(hans) && int(hans[k].last) < hi; k++ {
				}
				window := hans[first:k]
				want := d.segmentWindow(o, stream, window, nil)
				var m Memo
				answerAll(&m, stream)
				for i := lo; i < hi; i++ {
					if m.answered(i, min(4, hi-i)) && hi-i >= 2 {
						answered++
					}
				}
				got := d.segmentWindow(o, stream, window, &m)
				cases++
				if got != want {
					t.Errorf("%q, %q at runes %d–%d: through an answered memo %+v, looked up %+v",
						text, d.entries[o.entry].word, o.first, o.last, got, want)
				}
				for _, tok := range want.toks[:min(want.n, maxReadTokens)] {
					if tok.j-tok.i == 2 && companyAfter(&m, stream, int(tok.j)) {
						trades++
						break
					}
				}
			}
		}
	}
	t.Logf("%d words segmented, %d positions answered by the memo, %d readings with two characters before a company-name part", cases, answered, trades)
	if cases < 5000 || answered < 20000 || trades < 50 {
		t.Errorf("%d words segmented, %d positions answered, %d trade readings: the texts exercise too little", cases, answered, trades)
	}
}

// placesAcross returns names where a place name takes a listed word's
// first or last character (the word's characters before a place starting
// with its last one, a place ending with its first one before the rest):
// the places of the lexicon the segmentation reads as places, not words,
// at most two for each character and side (all with BEIAN_EXHAUSTIVE=1).
// (A place read as another word of its frequency would read the same:
// every place of the lexicon is at least placeCode, and common.)
func placesAcross(t *testing.T) []string {
	t.Helper()
	byFirst, byLast := map[rune][]string{}, map[rune][]string{}
	for _, p := range readWords(t, "internal/lexicon/data/places.txt", false) {
		if utf8.RuneCountInString(p) < 2 {
			continue
		}
		f, _ := utf8.DecodeRuneInString(p)
		l, _ := utf8.DecodeLastRuneInString(p)
		if exhaustive() || len(byFirst[f]) < 2 {
			byFirst[f] = append(byFirst[f], p)
		}
		if exhaustive() || len(byLast[l]) < 2 {
			byLast[l] = append(byLast[l], p)
		}
	}
	var texts []string
	for _, e := range hanListed() {
		rs := []rune(e.word)
		for _, p := range byFirst[rs[len(rs)-1]] {
			texts = append(texts, string(rs[:len(rs)-1])+p+"网", "示例"+string(rs[:len(rs)-1])+p)
		}
		for _, p := range byLast[rs[0]] {
			texts = append(texts, p+string(rs[1:])+"网", "在线"+p+string(rs[1:]))
		}
	}
	return texts
}

// companyAfter reports whether a company-name part the memo knows starts
// at rune i of stream.
func companyAfter(m *Memo, stream []rune, i int) bool {
	for k := 2; k <= 4 && m.holds(i, k); k++ {
		if _, ok, _, company := m.wordRunes(i, stream[i:i+k]); ok && company {
			return true
		}
	}
	return false
}
