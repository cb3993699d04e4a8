package validate

import (
	"encoding/json"
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

// TestAppendJSONStringAsEncodingJSON compares appendJSONString with
// encoding/json on every sequence of up to three bytes from a set that
// covers each byte class and UTF-8 boundary (the fast paths for ASCII
// and three-byte Chinese included), alone and between text.
func TestAppendJSONStringAsEncodingJSON(t *testing.T) {
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
						if got := appendJSONString(nil, s); string(got) != string(want) {
							t.Fatalf("% x: %s, encoding/json %s", s, got, want)
						}
					}
				}
			}
		}
	}
}

// FuzzAppendJSONString: any string is written as encoding/json writes it.
func FuzzAppendJSONString(f *testing.F) {
	for _, s := range []string{"", "示例科技", "<a&b>", "\u2028\xff\xed\xa0\x80", "😀\x00\"\\"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		if got := appendJSONString(nil, s); string(got) != string(want) {
			t.Fatalf("%q: %s, encoding/json %s", s, got, want)
		}
	})
}
