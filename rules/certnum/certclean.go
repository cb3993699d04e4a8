package certnum

import (
	"unicode/utf8"

	"golang.org/x/text/width"

	"github.com/icpcheck/beian"
)

// maxCertLen bounds the normalised certificate numbers the parsers take
// without allocating; the longest valid one has 18 characters, so
// anything longer is refused by its length.
const maxCertLen = 40

// Normalize returns s the way the parsers read it: full-width
// digits and letters narrowed, lower-case ASCII letters upper-cased, and
// the spaces and hyphens people type between groups removed. Other
// characters are kept, so that a parser can name them. A number that is
// already clean (digits and upper-case letters only) is returned as it is.
func Normalize(s string) string {
	if isCleanCert(s) {
		return s
	}
	var buf [maxCertLen]byte
	return string(appendNormalized(buf[:0], s))
}

// cleanFor returns the normalised form of in for certificate type t, or
// the error for input no number of that type can come from: empty, too
// long (want is the usual length, for the message), or with a character
// outside ASCII. A number that is already clean is returned as it is,
// without allocating.
func cleanFor(t beian.CertType, in string, want int) (string, error) {
	if isCleanCert(in) {
		if in == "" {
			return "", certErr(t, ReasonEmpty)
		}
		return in, nil
	}
	var buf [maxCertLen]byte
	b := appendNormalized(buf[:0], in)
	switch {
	case len(b) > maxCertLen:
		return "", lenErr(t, want)
	case len(b) == 0:
		return "", certErr(t, ReasonEmpty)
	}
	s := string(b)
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return "", charErr(t, s, i)
		}
	}
	return s, nil
}

// isCleanCert reports whether s holds only ASCII digits and upper-case
// letters. Eight bytes are read at a time (the last word overlapping the
// one before when the length is not a multiple of 8); a number shorter
// than 8 bytes is read byte by byte. TestIsCleanCertWords holds it to
// cleanCertBytes.
func isCleanCert(s string) bool {
	n := len(s)
	if n < 8 {
		for i := 0; i < n; i++ {
			if !cleanCertBytes[s[i]] {
				return false
			}
		}
		return true
	}
	for i := 0; i+8 <= n; i += 8 {
		if !cleanCertWord(load64(s[i:])) {
			return false
		}
	}
	return n%8 == 0 || cleanCertWord(load64(s[n-8:]))
}

// cleanCertWord reports whether the eight bytes of w are ASCII digits or
// upper-case letters. For an ASCII byte b, b+0x80-lo sets the byte's high
// bit exactly when b >= lo, without a carry into the next byte.
func cleanCertWord(w uint64) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	digit := (w + (0x80-'0')*ones) &^ (w + (0x80-'9'-1)*ones)
	upper := (w + (0x80-'A')*ones) &^ (w + (0x80-'Z'-1)*ones)
	return w&highs == 0 && (digit|upper)&highs == highs
}

// load64 returns the first eight bytes of s as a little-endian word (one
// load).
func load64(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// cleanCertBytes marks the bytes of a normalised number: ASCII digits and
// upper-case letters.
var cleanCertBytes = [256]bool{
	'0': true, '1': true, '2': true, '3': true, '4': true, '5': true, '6': true, '7': true, '8': true, '9': true,
	'A': true, 'B': true, 'C': true, 'D': true, 'E': true, 'F': true, 'G': true, 'H': true, 'I': true, 'J': true,
	'K': true, 'L': true, 'M': true, 'N': true, 'O': true, 'P': true, 'Q': true, 'R': true, 'S': true, 'T': true,
	'U': true, 'V': true, 'W': true, 'X': true, 'Y': true, 'Z': true,
}

// appendNormalized appends the normalised form of s to dst.
func appendNormalized(dst []byte, s string) []byte {
	for _, r := range s {
		if r >= utf8.RuneSelf {
			if nr := width.LookupRune(r).Narrow(); nr != 0 {
				r = nr
			}
		}
		switch {
		case IsSeparator(r):
			continue
		case 'a' <= r && r <= 'z':
			r -= 'a' - 'A'
		}
		dst = utf8.AppendRune(dst, r)
	}
	return dst
}

// IsSeparator reports whether r is a space or a hyphen-like mark that
// people put between the groups of a number (the characters Normalize
// drops).
func IsSeparator(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\u00a0', '\u3000', // spaces
		'-', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212', '\ufe63': // hyphens and dashes
		return true
	}
	return false
}
