package names

import (
	"testing"
	"unicode/utf8"
)

// TestQuietTableHoldsAsDecoded holds quietTable.holds, which indexes the
// table by the bytes, to the test it replaced in quietRun and plainRun
// (the bytes checked as a character of three bytes with lead byte 0xE4
// to 0xE9, decoded, and its bit read), for every three bytes, over the
// default dictionary's quiet table and its homophone quick test's plain
// table, a full table and tables of one bit each word.
func TestQuietTableHoldsAsDecoded(t *testing.T) {
	d := DefaultDictionary()
	var full, sparse quietTable
	for k := range full {
		full[k] = ^uint64(0)
		sparse[k] = 1 << (k * 7 % 64)
	}
	tables := []*quietTable{&d.quiet, &d.homQuickIndex().plain, &full, &sparse}
	for ti, q := range tables {
		for b := 0; b < 256; b++ {
			for b1 := 0; b1 < 256; b1++ {
				for b2 := 0; b2 < 256; b2++ {
					want := false
					if b >= 0xE4 && b <= 0xE9 && b1&0xC0 == 0x80 && b2&0xC0 == 0x80 {
						r := rune(b&0x0F)<<12 | rune(b1&0x3F)<<6 | rune(b2&0x3F)
						x := r - quietFirst
						want = q[x>>6]&(1<<(x&63)) != 0
					}
					if got := q.holds(byte(b), byte(b1), byte(b2)); got != want {
						t.Fatalf("table %d: holds(%#x, %#x, %#x) = %v, want %v", ti, b, b1, b2, got, want)
					}
				}
			}
		}
	}
}

// TestDecode3AsUTF8 holds decode3 to the UTF-8 decoder for every
// character of three bytes with lead byte 0xE4 to 0xE9 (those quietRun
// and plainRun decode): quietRun's last character was decoded by
// utf8.DecodeRuneInString.
func TestDecode3AsUTF8(t *testing.T) {
	for b := 0xE4; b <= 0xE9; b++ {
		for b1 := 0x80; b1 <= 0xBF; b1++ {
			for b2 := 0x80; b2 <= 0xBF; b2++ {
				want, n := utf8.DecodeRuneInString(string([]byte{byte(b), byte(b1), byte(b2)}))
				if got := decode3(byte(b), byte(b1), byte(b2)); n != 3 || got != want {
					t.Fatalf("decode3(%#x, %#x, %#x) = %U, want %U (%d bytes)", b, b1, b2, got, want, n)
				}
			}
		}
	}
}
