package rules

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestBlankAsTrimSpace holds blank, which answers a string starting with a
// byte no white space starts with without decoding it, to
// strings.TrimSpace: every code point alone and between spaces, and every byte beyond ASCII alone
// and before a space.
func TestBlankAsTrimSpace(t *testing.T) {
	check := func(s string) {
		t.Helper()
		if got, want := blank(s), strings.TrimSpace(s) == ""; got != want {
			t.Fatalf("blank(%q) = %v, want %v", s, got, want)
		}
	}
	for r := rune(0); r <= utf8.MaxRune; r++ {
		c := string(r)
		check(c)
		check(" " + c + "\u3000")
	}
	for b := 0x80; b <= 0xFF; b++ {
		check(string([]byte{byte(b)}))
		check(string([]byte{byte(b), ' '}))
		check(" " + string([]byte{byte(b)}))
	}
	for _, s := range []string{"", " ", "\t\n\v\f\r ", "\u2028\u2029\u202f\u205f\u3000\u1680\u0085\u00a0", "张三", " 张三 "} {
		check(s)
	}
}

// TestSpaceLeadAsMaySpace holds blank's table of first bytes to maySpace,
// byte by byte.
func TestSpaceLeadAsMaySpace(t *testing.T) {
	for b := range 256 {
		if got, want := spaceLead[b], maySpace(byte(b)); got != want {
			t.Errorf("spaceLead[%#x] = %v, maySpace %v", b, got, want)
		}
	}
}
