package certnum

import (
	"testing"

	"github.com/icpcheck/beian/rules/internal/bytecases"
)

// TestCleanCertBytes holds the table isCleanCert reads to its definition,
// for every byte: an ASCII digit or upper-case letter.
func TestCleanCertBytes(t *testing.T) {
	for c := range 256 {
		b := byte(c)
		want := '0' <= b && b <= '9' || 'A' <= b && b <= 'Z'
		if cleanCertBytes[c] != want || isCleanCert(string([]byte{'1', b})) != want {
			t.Errorf("byte %#x: clean %v, want %v", c, cleanCertBytes[c], want)
		}
	}
}

// TestIsCleanCertWords holds isCleanCert, which reads eight bytes at a
// time, to cleanCertBytes read byte by byte: every byte value at every
// position of clean numbers 0 to 24 bytes long, and every pair of bytes
// at the edges of the classes ('/', '0', '9', ':', '@', 'A', 'Z', '[',
// 'a', 0x7F, 0x80, 0xFF). Made to fail by dropping the last, overlapping
// word.
func TestIsCleanCertWords(t *testing.T) {
	byBytes := func(s string) bool {
		for i := 0; i < len(s); i++ {
			if !cleanCertBytes[s[i]] {
				return false
			}
		}
		return true
	}
	edges := []byte{'/', '0', '9', ':', '@', 'A', 'Z', '[', 'a', 0x00, 0x7F, 0x80, 0xFF}
	base := []byte("91440300MA5F12342Q44030519")
	for n := 0; n <= 24; n++ {
		if s := string(base[:n]); !isCleanCert(s) {
			t.Fatalf("isCleanCert(%q) = false", s)
		}
		bytecases.Each(base[:n], edges, func(b []byte) {
			if got, want := isCleanCert(string(b)), byBytes(string(b)); got != want {
				t.Fatalf("isCleanCert(%q) = %v, want %v", b, got, want)
			}
		})
	}
}
