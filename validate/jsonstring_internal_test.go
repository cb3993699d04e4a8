package validate

import (
	"testing"
	"unicode/utf8"
)

// TestSeqLen compares seqLen with utf8.DecodeRune on every sequence of
// up to three bytes from a set that covers every boundary.
func TestSeqLen(t *testing.T) {
	var bs []byte
	for c := 0x80; c < 0x100; c++ {
		bs = append(bs, byte(c))
	}
	conts := []byte{0x00, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0}
	for _, a := range bs {
		for _, b := range conts {
			for _, c := range conts {
				for _, d := range conts {
					for n := 1; n <= 4; n++ {
						s := []byte{a, b, c, d}[:n]
						r, size := utf8.DecodeRune(s)
						want := size
						if r == utf8.RuneError && size == 1 {
							want = 0
						}
						if got := seqLen(s, 0); got != want {
							t.Fatalf("% x: seqLen %d, utf8 %d", s, got, want)
						}
						if got := seqLen(string(s), 0); got != want {
							t.Fatalf("% x: seqLen of string %d, utf8 %d", s, got, want)
						}
					}
				}
			}
		}
	}
}
