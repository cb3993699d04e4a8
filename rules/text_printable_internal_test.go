package rules

import (
	"encoding/binary"
	"testing"
)

// printableBytes is printableWord's test byte by byte.
func printableBytes(b []byte) bool {
	for _, c := range b {
		if c < 0x20 || c >= 0x7F {
			return false
		}
	}
	return true
}

// TestPrintableWordAsBytes holds printableWord and printableWord32 to
// printableBytes: every byte value at every place of a word of every
// one byte value, and every two byte values at every two places of a
// word of 'a' (the lowest failing byte of each pair is the one the
// words' carries and borrows could hide).
func TestPrintableWordAsBytes(t *testing.T) {
	var b [8]byte
	check := func() {
		if got, want := printableWord(binary.LittleEndian.Uint64(b[:])), printableBytes(b[:]); got != want {
			t.Fatalf("printableWord(% x) = %v", b, got)
		}
		if got, want := printableWord32(binary.LittleEndian.Uint32(b[:4])), printableBytes(b[:4]); got != want {
			t.Fatalf("printableWord32(% x) = %v", b[:4], got)
		}
	}
	for bg := range 256 {
		for k := range 8 {
			for v := range 256 {
				for i := range b {
					b[i] = byte(bg)
				}
				b[k] = byte(v)
				check()
			}
		}
	}
	for k1 := range 8 {
		for k2 := k1 + 1; k2 < 8; k2++ {
			for v1 := range 256 {
				for v2 := range 256 {
					for i := range b {
						b[i] = 'a'
					}
					b[k1], b[k2] = byte(v1), byte(v2)
					check()
				}
			}
		}
	}
}
