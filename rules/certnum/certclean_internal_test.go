package certnum

import "testing"

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
