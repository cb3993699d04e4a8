package names

import (
	"cmp"
	"slices"
	"testing"
	"unicode/utf8"
)

// sieveDictionaries are the dictionaries whose homophone indexes the
// sieve tests read: the default dictionary and every dictionary of
// memoDictionaries with homophones on (their words and the default's).
func sieveDictionaries() []*Dictionary {
	var ds []*Dictionary
	for _, d := range memoDictionaries() {
		ds = append(ds, d.Homophones(true))
	}
	return ds
}

// TestHomSieveHoldsEveryHomophone: every homophone of every character of
// every word the homophone scan looks for passes that character's sieve,
// so that the sieve rejects no stretch the search of homsAt accepts.
// Exhaustive over the indexes.
func TestHomSieveHoldsEveryHomophone(t *testing.T) {
	n := 0
	for _, d := range sieveDictionaries() {
		ix := d.homIndex()
		if len(ix.homSieve) != homSieveWords*len(ix.chars) {
			t.Fatalf("sieve of %d words for %d characters", len(ix.homSieve), len(ix.chars))
		}
		for j := range int32(len(ix.chars)) {
			for _, r := range ix.homsAt(j) {
				if !ix.mayBeHom(j, r) {
					t.Fatalf("%c, a homophone of %c, does not pass its sieve", r, ix.chars[j])
				}
				n++
			}
		}
	}
	if n < 20000 {
		t.Fatalf("%d homophones checked, want 20,000 or more", n)
	}
	t.Logf("%d homophones", n)
}

// stretchBySearch is stretch without the sieve: each character that is
// not the word's own searched among the homophones of its position.
func stretchBySearch(ix *homIndex, w *homWord, runes []rune, broken []bool, pos int) int {
	chars := ix.wordChars(w)
	own, other := 0, false
	for k, r := range runes {
		if k > 0 && broken[k] {
			return 0
		}
		if r == chars[k] {
			if k < pos {
				return 0
			}
			own++
			continue
		}
		if _, ok := slices.BinarySearch(ix.homsAt(w.c0+int32(k)), r); !ok {
			return 0
		}
		other = true
	}
	if !other || 2*own < len(runes) {
		return 0
	}
	return own
}

// TestStretchSieveAsSearch holds stretch (the sieve, then the search) to
// stretchBySearch, and findHomophonesAs's test before it (cannotStart) to
// its answer, over every word of the default dictionary, every
// position of it written with every character the scan reads (U+3400 to
// U+9FFF; every seventh unless exhaustive) and with every homophone of
// the position, each anchored at each of the word's own characters: the
// same answer each time.
func TestStretchSieveAsSearch(t *testing.T) {
	ix := DefaultDictionary().homIndex()
	step := rune(7)
	if exhaustive() {
		step = 1
	}
	var compared, found, homs int
	broken := make([]bool, 16)
	check := func(w *homWord, v []rune) {
		for a := range v {
			if v[a] != ix.chars[w.c0+int32(a)] {
				continue // an anchor is one of the word's own
			}
			got := ix.stretch(w, v, broken[:len(v)], a)
			if want := stretchBySearch(ix, w, v, broken[:len(v)], a); got != want {
				t.Fatalf("%q as %q anchored at %d: %d own characters, want %d", string(ix.wordChars(w)), string(v), a, got, want)
			}
			if ix.cannotStart(w, v[0]) && got != 0 {
				t.Fatalf("%q as %q anchored at %d: cannotStart, but %d own characters", string(ix.wordChars(w)), string(v), a, got)
			}
			compared++
			if got > 0 {
				found++
			}
		}
	}
	for i := range ix.words {
		w := &ix.words[i]
		v := slices.Clone(ix.wordChars(w))
		for k := range v {
			own := v[k]
			for r := rune(homFirst) + rune(k)%step; r <= homLast; r += step {
				v[k] = r
				check(w, v)
			}
			for _, r := range ix.homsAt(w.c0 + int32(k)) {
				v[k] = r
				check(w, v)
				homs++
			}
			v[k] = own
		}
	}
	// Every homophone of every position makes a stretch (anchored at
	// the first of the word's own characters), and so do some of the
	// characters of the range.
	if found < homs || compared < 2000000 {
		t.Fatalf("%d stretches compared, %d found: want 2,000,000 and %d or more", compared, found, homs)
	}
	t.Logf("%d stretches compared, %d found", compared, found)
}

// TestExtraOfSieveAsSearch holds extraOf (the sieve, then the search) to
// the search of extra alone for every code point, in the quick test of
// every dictionary of sieveDictionaries: the same syllable numbers, in
// the same order, and the same answer when f stops at the first.
func TestExtraOfSieveAsSearch(t *testing.T) {
	with := 0
	for _, d := range sieveDictionaries() {
		q := d.homQuickIndex()
		var got, want []uint16
		for c := rune(0); c <= utf8.MaxRune; c++ {
			got, want = got[:0], want[:0]
			q.extraOf(c, func(id uint16) bool { got = append(got, id); return false })
			i, _ := slices.BinarySearchFunc(q.extra, c, func(e foldReading, c rune) int { return cmp.Compare(e.to, c) })
			for ; i < len(q.extra) && q.extra[i].to == c; i++ {
				want = append(want, q.extra[i].id)
			}
			if !slices.Equal(got, want) {
				t.Fatalf("%U: extraOf gives %v, the search %v", c, got, want)
			}
			if stop := q.extraOf(c, func(uint16) bool { return true }); stop != (len(want) > 0) {
				t.Fatalf("%U: extraOf stopping at the first reports %v", c, stop)
			}
			if len(want) > 0 {
				with++
			}
		}
	}
	if with < 5*10 {
		t.Fatalf("%d characters with extra readings in all, want 50 or more", with)
	}
	t.Logf("%d characters with extra readings in all", with)
}
