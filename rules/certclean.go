package rules

import (
	"unicode/utf8"

	"golang.org/x/text/width"
)

// maxCertLen bounds the normalised certificate numbers the parsers take;
// the longest valid one has 18 characters, so anything that does not fit
// is refused by its length.
const maxCertLen = 40

// NormalizeCertNumber returns s the way the parsers read it: full-width
// digits and letters narrowed, lower-case ASCII letters upper-cased, and
// the spaces and hyphens people type between groups removed. Other
// characters are kept, so that a parser can name them. A number that is
// already clean (digits and upper-case letters only) is returned as it is.
func NormalizeCertNumber(s string) string {
	if isCleanCert(s) {
		return s
	}
	var buf [maxCertLen]byte
	n, ok := normalizeCert(s, &buf)
	if !ok {
		return s
	}
	return string(buf[:n])
}

// cleanCert returns the normalised form of s, and false when it does not
// fit maxCertLen (too long to be any number). The fast path, for a number that is already clean,
// returns s itself and allocates nothing.
func cleanCert(s string) (string, bool) {
	if isCleanCert(s) {
		return s, true
	}
	var buf [maxCertLen]byte
	n, ok := normalizeCert(s, &buf)
	if !ok {
		return "", false
	}
	return string(buf[:n]), true
}

// isCleanCert reports whether s holds only ASCII digits and upper-case
// letters.
func isCleanCert(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if (c < '0' || c > '9') && (c < 'A' || c > 'Z') {
			return false
		}
	}
	return true
}

// normalizeCert writes the normalised form of s into buf and returns its
// length, or false when it does not fit.
func normalizeCert(s string, buf *[maxCertLen]byte) (int, bool) {
	n := 0
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
		if n+utf8.RuneLen(r) > len(buf) {
			return 0, false
		}
		n += utf8.EncodeRune(buf[n:], r)
	}
	return n, true
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
