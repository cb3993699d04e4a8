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
// letters.
func isCleanCert(s string) bool {
	for i := 0; i < len(s); i++ {
		if !cleanCertBytes[s[i]] {
			return false
		}
	}
	return true
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
		case isCertSeparator(r):
			continue
		case 'a' <= r && r <= 'z':
			r -= 'a' - 'A'
		}
		dst = utf8.AppendRune(dst, r)
	}
	return dst
}

// isCertSeparator reports whether r is a space or a hyphen-like mark that
// people put between the groups of a number.
func isCertSeparator(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\u00a0', '\u3000', // spaces
		'-', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212', '\ufe63': // hyphens and dashes
		return true
	}
	return false
}
