package jsonstr

import (
	"encoding/json"
	"math/bits"
	"strings"
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

// TestAppendAsEncodingJSON compares Append with
// encoding/json on every sequence of up to three bytes from a set that
// covers each byte class and UTF-8 boundary (the fast paths for ASCII
// and three-byte Chinese included), alone and between text.
func TestAppendAsEncodingJSON(t *testing.T) {
	var bs []byte
	for c := range 0x100 {
		bs = append(bs, byte(c))
	}
	conts := []byte{0x00, '"', '<', 'a', 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xA8, 0xA9, 0xBF, 0xC0}
	for _, a := range bs {
		for _, b := range conts {
			for _, c := range conts {
				for n := 1; n <= 3; n++ {
					for _, s := range []string{string([]byte{a, b, c}[:n]), "中" + string([]byte{a, b, c}[:n]) + "x"} {
						want, err := json.Marshal(s)
						if err != nil {
							t.Fatal(err)
						}
						if got := Append(nil, s); string(got) != string(want) {
							t.Fatalf("% x: %s, encoding/json %s", s, got, want)
						}
					}
				}
			}
		}
	}
}

// FuzzAppend: any string is written as encoding/json writes it.
func FuzzAppend(f *testing.F) {
	for _, s := range []string{"", "示例科技", "<a&b>", "\u2028\xff\xed\xa0\x80", "😀\x00\"\\"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		if got := Append(nil, s); string(got) != string(want) {
			t.Fatalf("%q: %s, encoding/json %s", s, got, want)
		}
	})
}

// TestAppendByClass holds Append to encoding/json's
// Marshal of a string, by class: every single byte, every rune of the
// BMP's first 0x3000 and each class json escapes or rewrites (controls,
// " \ < > &, U+2028, U+2029, U+FFFD itself), invalid UTF-8 (truncated,
// overlong, surrogate, out of range), and mixes.
func TestAppendByClass(t *testing.T) {
	var cases []string
	for c := 0; c < 256; c++ {
		cases = append(cases, string([]byte{byte(c)}), "a"+string([]byte{byte(c)})+"b")
	}
	for r := rune(0); r < 0x3000; r++ {
		cases = append(cases, string(r), "x"+string(r)+"y")
	}
	cases = append(cases, "",
		"\u2028", "\u2029", "a\u2028b\u2029c", "\ufffd", "日期「2026-1」无法解析",
		"<script>&amp;</script>", `"quoted" \back\slash`, "tab\tnew\nline\rcr\bbs\fff\x00nul\x1f\x7f",
		"😀 emoji 𠀀", "\xe6\x97", "\xe6", "\xc0\x80", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xff\xfe", "ok\xffok\xe6\x97x",
		strings.Repeat("长", 300)+"\x80"+strings.Repeat("<", 10))
	for _, s := range cases {
		want, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		if got := Append([]byte("prefix:"), s); string(got) != "prefix:"+string(want) {
			t.Errorf("Append(%q) = %s, json.Marshal = %s", s, got[len("prefix:"):], want)
		}
	}
}

// TestPlain8 holds plain8 to plainASCII on every word of plain bytes with
// any two bytes at any two places changed to any values.
func TestPlain8(t *testing.T) {
	forEachTwoBytesChanged(func(word [8]byte, w uint64) {
		want := true
		for _, c := range word {
			want = want && c < utf8.RuneSelf && plainASCII[c]
		}
		if got := plain8(w); got != want {
			t.Fatalf("% x: plain8 %v, want %v", word, got, want)
		}
	})
}

// forEachTwoBytesChanged calls f with every word of plain bytes (a to h)
// with any two bytes at any two places changed to any values, as bytes and
// as the little-endian word the eight-byte paths read.
func forEachTwoBytesChanged(f func(word [8]byte, w uint64)) {
	for p1 := range 8 {
		for p2 := p1; p2 < 8; p2++ {
			for b1 := range 256 {
				for b2 := range 256 {
					var word [8]byte
					for k := range word {
						word[k] = 'a' + byte(k)
					}
					word[p1], word[p2] = byte(b1), byte(b2)
					var w uint64
					for k, c := range word {
						w |= uint64(c) << (8 * k)
					}
					f(word, w)
				}
			}
		}
	}
}

// TestAppendRuns: each byte class at each place of plain ASCII runs of
// every length up to 40 (the eight-byte path, its ends and what follows
// it) is written as encoding/json writes it.
func TestAppendRuns(t *testing.T) {
	specials := []string{"\x00", "\x1f", " ", "\"", "&", "<", ">", "\\", "\x7f", "\x80", "中", "\u2028", "\xe4\xb8", "😀"}
	for n := range 41 {
		base := strings.Repeat("abcdefghij", 5)[:n]
		for at := 0; at <= n; at++ {
			for _, sp := range specials {
				s := base[:at] + sp + base[at:]
				want, err := json.Marshal(s)
				if err != nil {
					t.Fatal(err)
				}
				if got := Append(nil, s); string(got) != string(want) {
					t.Fatalf("%q: %s, encoding/json %s", s, got, want)
				}
				if got := Append(nil, []byte(s)); string(got) != string(want) {
					t.Fatalf("[]byte %q: %s, encoding/json %s", s, got, want)
				}
			}
		}
	}
}

// TestAppendAfterChineseRuns holds AppendContent's fast path for
// three-byte characters to json.Marshal: runs of 1–3 Chinese characters
// followed by every lead byte with second and third bytes around the
// continuation range's edges, cut short at the end or not, then nothing,
// ASCII or Chinese (made to fail by letting the fast path take ED, a
// surrogate's lead, and by checking one continuation byte of two).
func TestAppendAfterChineseRuns(t *testing.T) {
	edges := []byte{0x00, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xA8, 0xA9, 0xBF, 0xC0, 0xFF}
	for _, run := range []string{"长", "长城", "备案号"} {
		for lead := 0; lead < 256; lead++ {
			for _, b1 := range edges {
				for _, b2 := range edges {
					tail := []byte{byte(lead), b1, b2}
					for cut := 1; cut <= 3; cut++ {
						for _, after := range []string{"", "x", "长"} {
							s := run + string(tail[:cut]) + after
							want, err := json.Marshal(s)
							if err != nil {
								t.Fatal(err)
							}
							if got := Append(nil, s); string(got) != string(want) {
								t.Fatalf("Append(%q) = %s, json.Marshal = %s", s, got, want)
							}
						}
					}
				}
			}
		}
	}
}

// TestNotPlain8First: the lowest byte notPlain8 flags is the first byte
// plainASCII does not hold, on every word of plain bytes with any two
// bytes at any two places changed to any values (plainPrefix goes on
// from it).
func TestNotPlain8First(t *testing.T) {
	forEachTwoBytesChanged(func(word [8]byte, w uint64) {
		first := 8
		for k, c := range word {
			if !(c < utf8.RuneSelf && plainASCII[c]) {
				first = k
				break
			}
		}
		if got := bits.TrailingZeros64(notPlain8(w)) >> 3; got != first {
			t.Fatalf("% x: first flagged %d, want %d", word, got, first)
		}
	})
}

// TestAppendChineseRunsAt holds plainPrefix's two-character step and its
// look at the last eight bytes to json.Marshal: a run of seven Chinese
// characters with one three-byte sequence of every lead byte from C0 on
// (and a few ASCII ones) and continuation bytes around their range's
// edges, cut short or not, at each of its places, followed by nothing,
// ASCII, or more Chinese.
func TestAppendChineseRunsAt(t *testing.T) {
	edges := []byte{0x7F, 0x80, 0x9F, 0xA0, 0xA8, 0xBF, 0xC0}
	leads := []byte{0x00, '"', 'a'}
	for c := 0xC0; c < 0x100; c++ {
		leads = append(leads, byte(c))
	}
	const run = "长城备案号码表"
	for _, lead := range leads {
		for _, b1 := range edges {
			for _, b2 := range edges {
				bad := []byte{lead, b1, b2}
				for cut := 1; cut <= 3; cut++ {
					for at := 0; at <= len(run); at += 3 {
						for _, after := range []string{"", "x", "长", "长城备"} {
							s := run[:at] + string(bad[:cut]) + run[at:] + after
							want, err := json.Marshal(s)
							if err != nil {
								t.Fatal(err)
							}
							if got := Append(nil, s); string(got) != string(want) {
								t.Fatalf("Append(%q) = %s, json.Marshal = %s", s, got, want)
							}
						}
					}
				}
			}
		}
	}
}
