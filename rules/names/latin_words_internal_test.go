package names

import (
	"math/rand/v2"
	"testing"
)

// hasLatinLetterBytes is hasLatinLetter as first written: byte by byte.
func hasLatinLetterBytes(text string) bool {
	for i := 0; i < len(text); i++ {
		c := text[i] | 0x20
		if 'a' <= c && c <= 'z' || text[i] == 0xEF || 0xC3 <= text[i] && text[i] <= 0xC9 {
			return true
		}
	}
	return false
}

// latinEdgeBytes are the bytes at the edges of hasLatinLetter's classes:
// ASCII letters and their neighbours, continuation bytes, the lead bytes
// of accented letters (0xC3–0xC9) and their neighbours, Chinese lead
// bytes, 0xEF (full-width forms) and its neighbours.
var latinEdgeBytes = []byte{0x00, 0x01, 0x1F, 0x20, 0x40, 0x41, 0x5A, 0x5B, 0x60, 0x61, 0x7A, 0x7B, 0x7F,
	0x80, 0x81, 0xBF, 0xC0, 0xC2, 0xC3, 0xC9, 0xCA, 0xCF, 0xD0, 0xE3, 0xE4, 0xE9, 0xEE, 0xEF, 0xF0, 0xFF}

// TestHasLatinLetterWords holds hasLatinLetter (sixteen bytes at a time,
// then eight) to the bytes' test: every byte value at every place of
// Chinese text of 0 to 40 bytes (the word's place, the overlapping last word, the bytes
// after a word that is not passed over); every byte value at every place
// of a word of one repeated edge byte (noLatinWord's borrows); every pair
// of edge bytes at every two places of 16 bytes of Chinese; and 300,000
// random strings of edge bytes.
func TestHasLatinLetterWords(t *testing.T) {
	check := func(s string) {
		t.Helper()
		if got, want := hasLatinLetter(s), hasLatinLetterBytes(s); got != want {
			t.Fatalf("hasLatinLetter(% x) = %v, want %v", s, got, want)
		}
	}
	chinese := "深圳市示例科技有限公司中国博彩资讯网"
	latin := 0
	for n := 0; n <= 40; n++ {
		base := []byte(chinese[:n])
		check(string(base))
		for p := range n {
			for v := range 256 {
				b := append([]byte(nil), base...)
				b[p] = byte(v)
				check(string(b))
				if hasLatinLetterBytes(string(b)) {
					latin++
				}
			}
		}
	}
	for _, bg := range latinEdgeBytes {
		for p := range 8 {
			for v := range 256 {
				w := []byte{bg, bg, bg, bg, bg, bg, bg, bg}
				w[p] = byte(v)
				s := string(w)
				if got, want := noLatinWord(load64(s)), !hasLatinLetterBytes(s) && allAbove(s); got != want {
					t.Fatalf("noLatinWord(% x) = %v, want %v", s, got, want)
				}
				check(s)
				// noLatinWords of the word and another, both ways.
				for _, o := range []string{chinese[:8], chinese[1:9], "abcdefgh", string(w[:4]) + chinese[:4]} {
					x, y := load64(s), load64(o)
					if got, want := noLatinWords(x, y), noLatinWord(x) && noLatinWord(y); got != want {
						t.Fatalf("noLatinWords(% x, % x) = %v, want %v", s, o, got, want)
					}
					if got, want := noLatinWords(y, x), noLatinWord(y) && noLatinWord(x); got != want {
						t.Fatalf("noLatinWords(% x, % x) = %v, want %v", o, s, got, want)
					}
				}
			}
		}
	}
	base := []byte(chinese[:16])
	for p := range 16 {
		for q := p + 1; q < 16; q++ {
			for _, x := range latinEdgeBytes {
				for _, y := range latinEdgeBytes {
					b := append([]byte(nil), base...)
					b[p], b[q] = x, y
					check(string(b))
				}
			}
		}
	}
	rng := rand.New(rand.NewPCG(20, 11))
	for range 300000 {
		b := make([]byte, rng.IntN(25))
		for i := range b {
			b[i] = latinEdgeBytes[rng.IntN(len(latinEdgeBytes))]
		}
		check(string(b))
	}
	if latin == 0 || hasLatinLetter(chinese) || !hasLatinLetter(chinese+"a") || !hasLatinLetter("a"+chinese) {
		t.Fatal("the class holds no Latin letter, or Chinese text is taken for one")
	}
}

// allAbove reports whether no byte of s is ASCII or 0xC0–0xCF: with no
// 0xEF, what noLatinWord passes over.
func allAbove(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x80 || s[i]&0xF0 == 0xC0 {
			return false
		}
	}
	return true
}
