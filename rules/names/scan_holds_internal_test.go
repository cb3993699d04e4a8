package names

import "testing"

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
