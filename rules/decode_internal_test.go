package rules

import (
	"testing"
	"unicode/utf8"
)

// TestThreeByteAtAsUTF8 holds threeByteAt to utf8.DecodeRuneInString
// over every string of three bytes (16.7 million), read at the start and
// after a byte, and every string of one and two bytes: where it takes a
// rune, utf8 decodes the same rune of three bytes there, and it takes
// every rune of U+1000 to U+CFFF (49,152) and no other.
func TestThreeByteAtAsUTF8(t *testing.T) {
	var buf [4]byte
	taken := 0
	for x := range 1 << 24 {
		buf[0], buf[1], buf[2], buf[3] = 'a', byte(x>>16), byte(x>>8), byte(x)
		s := string(buf[1:])
		r, ok := threeByteAt(s, 0)
		want, n := utf8.DecodeRuneInString(s)
		if ok != (n == 3 && 0x1000 <= want && want <= 0xCFFF) || ok && r != want {
			t.Fatalf("% x: threeByteAt %U %v, utf8 %U of %d bytes", s, r, ok, want, n)
		}
		if ok {
			taken++
		}
		// After a byte: the same, at i = 1.
		if x%251 == 0 {
			if r1, ok1 := threeByteAt(string(buf[:]), 1); ok1 != ok || r1 != r && ok {
				t.Fatalf("% x at 1: threeByteAt %U %v, at 0 %U %v", buf, r1, ok1, r, ok)
			}
		}
	}
	if taken != 0xD000-0x1000 {
		t.Fatalf("%d runes taken, want %d", taken, 0xD000-0x1000)
	}
	for x := range 1 << 16 {
		for _, s := range []string{string([]byte{byte(x >> 8), byte(x)}), string([]byte{byte(x)})} {
			if _, ok := threeByteAt(s, 0); ok {
				t.Fatalf("% x: threeByteAt takes a rune of %d bytes", s, len(s))
			}
		}
	}
}
