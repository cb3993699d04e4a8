package lexicon

import (
	"testing"
	"unicode/utf8"
)

// TestLengthsEveryWord: Lengths never says a word of the index is not
// there. For every record of two to four characters (the words decoded
// from the generated tables, not from the index's records), Lengths of
// its first two characters has the bit of its length, and Lookup finds
// it; and every pair of characters that starts no word of some length,
// read from a sample of pairs, is told so most of the time (a set bit
// says nothing, but the table must spare lookups to be worth its
// memory).
func TestLengthsEveryWord(t *testing.T) {
	tables := words()
	starts := map[[2]rune]uint8{}
	n := 0
	for k := 2; k <= 4 && k < len(tables.chineseWords); k++ {
		recs := decodeFront(tables.chineseWords[k], k, 3, "", nil)
		for at := 0; at+3*k <= len(recs); at += 3 * k {
			w := recs[at : at+3*k]
			a, _ := utf8.DecodeRuneInString(w)
			b, _ := utf8.DecodeRuneInString(w[3:])
			starts[[2]rune{a, b}] |= 1 << (k - 2)
			n++
			if Lengths(a, b)&(1<<(k-2)) == 0 {
				t.Fatalf("%s: Lengths(%c, %c) = %03b lacks the bit of %d characters", w, a, b, Lengths(a, b), k)
			}
		}
	}
	if n < 150000 {
		t.Fatalf("only %d words of two to four characters", n)
	}
	// Pairs of characters that start a word, with their second character
	// moved: most start no word of some length, which Lengths should say.
	absent, told := 0, 0
	for p := range starts {
		for _, d := range []rune{1, 7, 100} {
			q := [2]rune{p[0], p[1] + d}
			if q[1] < indexStart || q[1] >= indexEnd {
				continue
			}
			want := starts[q]
			got := Lengths(q[0], q[1])
			if got&want != want {
				t.Fatalf("Lengths(%c, %c) = %03b lacks a bit of %03b", q[0], q[1], got, want)
			}
			for k := range 3 {
				if want&(1<<k) == 0 {
					absent++
					if got&(1<<k) == 0 {
						told++
					}
				}
			}
		}
	}
	t.Logf("%d words, %d pairs; of %d absent lengths %d told absent (%.1f %%)", n, len(starts), absent, told, 100*float64(told)/float64(absent))
	if told < absent*85/100 {
		t.Errorf("only %d of %d absent lengths told: the table spares too few lookups", told, absent)
	}
	// Outside the index's range nothing is said.
	for _, p := range [][2]rune{{'a', '中'}, {'中', 'a'}, {0x20000, '中'}, {'中', 0x20000}} {
		if got := Lengths(p[0], p[1]); got != 0b111 {
			t.Errorf("Lengths(%U, %U) = %03b, want 111", p[0], p[1], got)
		}
	}
}
