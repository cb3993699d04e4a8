package rules

import (
	"os"
	"strings"
	"testing"
	"unicode/utf8"
)

// hanPairByDecoding is what hanPair says, decoding: the first six bytes of
// b are two runes of three bytes, U+4000 to U+CFFF.
func hanPairByDecoding(b []byte) bool {
	n := 0
	for _, r := range string(b[:6]) {
		if r < 0x4000 || r > 0xCFFF || utf8.RuneLen(r) != 3 {
			return false
		}
		n++
	}
	return n == 2
}

// hanPairs are words of two runes at the edges of the range and between
// (U+4000 and U+CFFF, the first and last continuation bytes, the lead
// bytes E4 to EC), and two bytes after them of any kind.
var hanPairs = []string{
	"一一\x00\x00", "\u4000\u4000\xff\xff", "\ucfff\ucfff\x80\xbf",
	"\u4000\ucfffzz", "\u5fff\u6000ab", "\u7abc\u8000\xe4\xb8",
	"\u9fff\ua000\xed\xa0", "\ub000\uc000\xe3\x85",
}

// TestHanPairAsDecoding: hanPair says what decoding says of every word
// made from the words of the edges with any byte at any of its 8 places,
// and with any lead byte and any continuation byte (the other kept at
// each of its edges) in each of the two runes' places.
func TestHanPairAsDecoding(t *testing.T) {
	check := func(b []byte) {
		t.Helper()
		if got, want := hanPair(load64(string(b))), hanPairByDecoding(b); got != want {
			t.Fatalf("hanPair(%+q) = %v, decoding %v", b, got, want)
		}
	}
	clean := 0
	for _, base := range hanPairs {
		if len(base) != 8 || !hanPairByDecoding([]byte(base)) {
			t.Fatalf("%+q is not a pair", base)
		}
		b := []byte(base)
		for i := range b {
			for v := range 256 {
				b[i] = byte(v)
				check(b)
				if hanPairByDecoding(b) {
					clean++
				}
			}
			b[i] = base[i]
		}
		for k := 0; k < 6; k += 3 {
			for lead := range 256 {
				for c := range 256 {
					for _, other := range []byte{0x80, 0xBF} {
						b[k], b[k+1], b[k+2] = byte(lead), byte(c), other
						check(b)
						b[k+1], b[k+2] = other, byte(c)
						check(b)
					}
				}
			}
			copy(b[k:k+3], base[k:k+3])
		}
	}
	// Of the 256 bytes, 9 lead bytes, 64 continuation bytes and all 256
	// keep a pair clean, in 2, 4 and 2 places.
	if want := len(hanPairs) * (2*9 + 4*64 + 2*256); clean != want {
		t.Errorf("%d clean pairs by decoding, want %d", clean, want)
	}
}

// TestCleanRunesRunsAsDecoding holds cleanRunes, which steps over runs of
// runes U+4000 to U+CFFF two at a time, to decoding every rune: runs of 0
// to 30 ideographs with any byte at any of their places (every byte under
// BEIAN_EXHAUSTIVE=1, else those at the classes' edges), after a prefix
// that moves the pairs (none, ASCII, a rune of two bytes, U+3000) and
// before a tail (none, an ideograph, ASCII, DEL, the filler U+3164, a
// cut-short ideograph).
func TestCleanRunesRunsAsDecoding(t *testing.T) {
	values := []byte{0x00, 0x09, 0x0A, 0x1F, 0x20, 'a', 0x7E, 0x7F, 0x80, 0x85, 0xA4, 0xBF, 0xC0, 0xC2, 0xDF, 0xE0, 0xE3, 0xE4, 0xE9, 0xEC, 0xED, 0xEF, 0xF0, 0xFF}
	if os.Getenv("BEIAN_EXHAUSTIVE") == "1" {
		values = values[:0]
		for v := range 256 {
			values = append(values, byte(v))
		}
	}
	for n := 0; n <= 30; n++ {
		run := []byte(strings.Repeat("示", n))
		for _, prefix := range []string{"", "a", "é", "\u3000"} {
			for _, tail := range []string{"", "中", "a", "\x7f", "\u3164", "\xe4\xb8"} {
				for i := -1; i < len(run); i++ {
					for _, v := range values {
						b := append([]byte(prefix), run...)
						if i >= 0 {
							b[len(prefix)+i] = v
						}
						s := string(append(b, tail...))
						if got, want := cleanRunes(s, specName), cleanRunesByDecoding(s, specName); got != want {
							t.Fatalf("cleanRunes(%+q) = %v, decoding %v", s, got, want)
						}
						if i < 0 {
							break
						}
					}
				}
			}
		}
	}
}

// TestLoad48AsBytes: load48 reads six bytes in memory order, for every
// byte at each of its six places (the others distinct).
func TestLoad48AsBytes(t *testing.T) {
	b := []byte{0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77}
	for i := range 6 {
		for v := range 256 {
			b[i] = byte(v)
			want := uint64(0)
			for k := 5; k >= 0; k-- {
				want = want<<8 | uint64(b[k])
			}
			if got := load48(string(b)); got != want {
				t.Fatalf("load48(%x) = %#x, want %#x", b, got, want)
			}
		}
		b[i] = byte(0x11 * (i + 1))
	}
}
