package rules

import (
	"os"
	"testing"
	"unicode/utf8"
)

// everyByte returns the 256 byte values.
func everyByte() []byte {
	b := make([]byte, 256)
	for c := range b {
		b[c] = byte(c)
	}
	return b
}

// TestRuneSizeAsDecoding holds runeSize, which steps over U+3000 to
// U+CFFF without decoding, to utf8.DecodeRuneInString at every place of
// every string of one to three bytes (the third any under
// BEIAN_EXHAUSTIVE=1; otherwise ASCII, the first and last continuation
// bytes, a lead byte, 0xFF).
func TestRuneSizeAsDecoding(t *testing.T) {
	thirds := []byte{'a', 0x80, 0xBF, 0xC0, 0xE4, 0xFF}
	if os.Getenv("BEIAN_EXHAUSTIVE") == "1" {
		thirds = everyByte()
	}
	for a := range 256 {
		for b := range 256 {
			for _, c := range thirds {
				seq := string([]byte{byte(a), byte(b), c})
				for _, s := range []string{seq, seq[:2], seq[:1]} {
					for i := range s {
						_, want := utf8.DecodeRuneInString(s[i:])
						if got := runeSize(s, i); got != want {
							t.Fatalf("runeSize(%+q, %d) = %d, DecodeRuneInString's %d", s, i, got, want)
						}
					}
				}
			}
		}
	}
}

// TestSpanInRawThreeBytes holds SpanInRaw, which steps over U+3000 to
// U+CFFF without decoding and compares one or three bytes without a call
// (runeSize, sameAt), to spanInRawByRunes: every byte followed by a
// second (any under BEIAN_EXHAUSTIVE=1; otherwise ASCII, the continuation
// bytes at the edges of E0's and ED's ranges, a lead byte, 0xFF) and a
// third (ASCII, the first and last continuation bytes, the filler's A4, a
// lead byte, 0xFF), each such sequence also cut to one and two bytes,
// alone, after and before a removed zero-width space and a kept Chinese
// character, and after the removed Hangul filler, over every range of the
// clean text.
func TestSpanInRawThreeBytes(t *testing.T) {
	seconds := []byte{'a', 0x80, 0x9F, 0xA0, 0xBF, 0xC0, 0xE4, 0xFF}
	if os.Getenv("BEIAN_EXHAUSTIVE") == "1" {
		seconds = everyByte()
	}
	for a := range 256 {
		for _, b := range seconds {
			for _, c := range []byte{'a', 0x80, 0xA4, 0xBF, 0xC0, 0xE4, 0xFF} {
				seq := string([]byte{byte(a), b, c})
				for _, s := range []string{seq, seq[:2], seq[:1]} {
					for _, rc := range [][2]string{
						{s + "\u200b中", s + "中"}, {"\u200b" + s, s}, {"中\u200b" + s + "中", "中" + s + "中"}, {s + "\u200b", s},
						{"\u3164" + s, s}, // the filler, E3 85 A4: removed before E3 80 A4
					} {
						raw, clean := rc[0], rc[1]
						for start := 0; start <= len(clean); start++ {
							for end := start; end <= len(clean); end++ {
								if got, want := SpanInRaw(raw, clean, start, end), spanInRawByRunes(raw, clean, start, end); got != want {
									t.Fatalf("SpanInRaw(%+q, %+q, %d, %d) = %+v, by runes %+v", raw, clean, start, end, got, want)
								}
							}
						}
					}
				}
			}
		}
	}
}
