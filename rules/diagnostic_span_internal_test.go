package rules

import (
	"os"
	"testing"
	"unicode/utf8"
)

// utf16LenByDecoding is utf16Len's general path: every rune decoded.
func utf16LenByDecoding(s string) int {
	n := 0
	for _, r := range s {
		if r > 0xFFFF {
			n += 2
		} else {
			n++
		}
	}
	return n
}

// spanInRawByRunes is SpanInRaw as it was before it decoded each rune of
// raw once: the rune at i compared with clean's at j by decoding it again.
func spanInRawByRunes(raw, clean string, start, end int) Span {
	if raw == clean {
		return SpanOf(raw, start, end)
	}
	same := func(i, j int) bool {
		_, size := utf8.DecodeRuneInString(raw[i:])
		return j+size <= len(clean) && raw[i:i+size] == clean[j:j+size]
	}
	rs, re := -1, -1
	i, j := 0, 0
	for i < len(raw) {
		if j == start && rs < 0 && j < len(clean) && same(i, j) {
			rs = i
		}
		_, size := utf8.DecodeRuneInString(raw[i:])
		if j < len(clean) && same(i, j) {
			i += size
			j += size
			if j == end {
				re = i
				break
			}
			continue
		}
		i += size
	}
	if rs < 0 || re < 0 {
		return Span{}
	}
	return SpanOf(raw, rs, re)
}

// TestUTF16LenAsDecoding holds utf16Len's shortcut for the runes U+3000
// to U+CFFF to decoding: every string of one to three bytes whose first
// byte is a lead byte of three (E0 to EF: the shortcut's E3 to EC and
// their neighbours) followed by any two bytes, alone and between ASCII,
// a four-byte rune and a cut-short sequence.
func TestUTF16LenAsDecoding(t *testing.T) {
	around := []string{"", "a", "😀", "\xe4\xb8", "中"}
	for lead := 0xE0; lead <= 0xEF; lead++ {
		for b1 := range 256 {
			for b2 := range 256 {
				s := string([]byte{byte(lead), byte(b1), byte(b2)})
				for k := 1; k <= 3; k++ {
					if got, want := utf16Len(s[:k]), utf16LenByDecoding(s[:k]); got != want {
						t.Fatalf("utf16Len(%+q) = %d, decoding %d", s[:k], got, want)
					}
				}
				if b2%17 != 0 {
					continue
				}
				for _, a := range around {
					for _, z := range around {
						x := a + s + z
						if got, want := utf16Len(x), utf16LenByDecoding(x); got != want {
							t.Fatalf("utf16Len(%+q) = %d, decoding %d", x, got, want)
						}
					}
				}
			}
		}
	}
}

// TestSpanInRawAsRunes holds SpanInRaw to spanInRawByRunes for every raw
// text of up to four pieces (five under BEIAN_EXHAUSTIVE=1) (ASCII, a Chinese character, a four-byte
// rune, an invisible character, an invalid byte, a cut-short sequence),
// every clean text made of it by removing some of its pieces, and every
// range of byte offsets of the clean text, rune boundaries or not.
func TestSpanInRawAsRunes(t *testing.T) {
	pieces := []string{"a", "中", "😀", "\u200b", "\xff", "\xe4\xb8"}
	most := 4
	if os.Getenv("BEIAN_EXHAUSTIVE") == "1" {
		most = 5
	}
	var raws [][]string
	var grow func(cur []string)
	grow = func(cur []string) {
		raws = append(raws, cur)
		if len(cur) == most {
			return
		}
		for _, p := range pieces {
			grow(append(cur[:len(cur):len(cur)], p))
		}
	}
	grow(nil)
	n := 0
	for _, ps := range raws {
		raw := ""
		for _, p := range ps {
			raw += p
		}
		for keep := 0; keep < 1<<len(ps); keep++ {
			clean := ""
			for k, p := range ps {
				if keep>>k&1 == 1 {
					clean += p
				}
			}
			for start := 0; start <= len(clean); start++ {
				for end := start; end <= len(clean)+1; end++ {
					got, want := SpanInRaw(raw, clean, start, end), spanInRawByRunes(raw, clean, start, end)
					if got != want {
						t.Fatalf("SpanInRaw(%+q, %+q, %d, %d) = %+v, by runes %+v", raw, clean, start, end, got, want)
					}
					n++
				}
			}
		}
	}
	t.Logf("%d cases", n)
}

// stripInvalidByRunes is stripInvalid's general path: every rune decoded
// and every kept one written.
func stripInvalidByRunes(s string, spec textSpec) string {
	var b []byte
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !(r == utf8.RuneError && size == 1) && !removable(r, spec) {
			b = append(b, s[i:i+size]...)
		}
		i += size
	}
	return string(b)
}

// TestStripInvalidAsRunes holds stripInvalid, which copies runs and steps
// over U+3000 to U+CFFF without decoding, to stripInvalidByRunes, in a
// single-line and a multi-line field: every string of one to three
// bytes whose first byte is E0 to EF followed by any two bytes, every
// byte alone, and each between the pieces of a dirty text (ASCII, a
// line break, an invisible character, the Hangul filler, an invalid
// byte, a four-byte rune). The third byte is any when the second is a
// continuation byte, and one of a few (ASCII, the first and last
// continuation bytes, a lead byte) when not; any under BEIAN_EXHAUSTIVE=1.
func TestStripInvalidAsRunes(t *testing.T) {
	exhaustive := os.Getenv("BEIAN_EXHAUSTIVE") == "1"
	around := []string{"", "a", "\n", "\u200b", "\u3164", "\xff", "😀中"}
	check := func(x string) {
		t.Helper()
		for _, spec := range []textSpec{specName, specRemark} {
			if got, want := stripInvalid(x, spec), stripInvalidByRunes(x, spec); got != want {
				t.Fatalf("stripInvalid(%+q, %+v) = %+q, by runes %+q", x, spec, got, want)
			}
		}
	}
	for c := range 256 {
		for _, a := range around {
			for _, z := range around {
				check(a + string([]byte{byte(c)}) + z)
			}
		}
	}
	for lead := 0xE0; lead <= 0xEF; lead++ {
		for b1 := range 256 {
			for b2 := range 256 {
				if !exhaustive && (b1 < 0x80 || b1 > 0xBF) && b2 != 'a' && b2 != 0x80 && b2 != 0xBF && b2 != 0xE4 {
					continue
				}
				s := string([]byte{byte(lead), byte(b1), byte(b2)})
				for k := 1; k <= 3; k++ {
					check(s[:k])
				}
				if b2%17 == 0 {
					for _, a := range around {
						check(a + s + around[(b1+b2)%len(around)])
					}
				}
			}
		}
	}
}

// cleanRunesByDecoding is cleanRunes decoding every rune: false at the
// first invalid byte or removable character.
func cleanRunesByDecoding(s string, spec textSpec) bool {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || removable(r, spec) {
			return false
		}
		i += size
	}
	return true
}

// TestCleanRunesPairsAsDecoding holds cleanRunes, which steps over two
// runes U+3000 to U+CFFF read as one word and over one read as three
// bytes, to decoding every rune: a rune of lead byte E3 to EC and two
// bytes, of which each is 7F to C1 or one of a few others (any under
// BEIAN_EXHAUSTIVE=1), before and after each of the runes and bytes at
// the edges (the filler U+3164 and its neighbours, U+200B, U+2FFF,
// U+D000, cut-short and invalid sequences, ASCII), with text after them
// to fill the word or not ("中文" or nothing).
func TestCleanRunesPairsAsDecoding(t *testing.T) {
	others := []string{"\u3164", "\u3163", "\u3165", "\u200b", "\u2fff", "\u3000", "\ucfff", "\ud000",
		"中", "\xe4\xb8", "\xe4", "\xe4\xb8a", "\xe4\x7f\x80", "\xe4\x80\xc0", "\xff", "a", "😀"}
	exhaustive := os.Getenv("BEIAN_EXHAUSTIVE") == "1"
	second := func(b int) bool { return exhaustive || 0x7F <= b && b <= 0xC1 || b == 'a' || b == 0xE4 || b == 0xFF }
	check := func(x string) {
		t.Helper()
		// No control character: a single-line field's spec decides alike.
		if got, want := cleanRunes(x, specName), cleanRunesByDecoding(x, specName); got != want {
			t.Fatalf("cleanRunes(%+q) = %v, decoding %v", x, got, want)
		}
	}
	for lead := 0xE3; lead <= 0xEC; lead++ {
		for b1 := range 256 {
			if !second(b1) {
				continue
			}
			for b2 := range 256 {
				if !second(b2) {
					continue
				}
				r := string([]byte{byte(lead), byte(b1), byte(b2)})
				for _, o := range others {
					for _, tail := range []string{"", "中文"} {
						check(r + o + tail)
						check(o + r + tail)
					}
				}
			}
		}
	}
}
