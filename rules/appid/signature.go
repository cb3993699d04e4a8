package appid

import "unicode/utf8"

// A Digest is a normalised signature fingerprint.
type Digest struct {
	// Hex is the fingerprint in lower-case hex, without separators.
	Hex string
	// Algorithm is "MD5" (32 hex digits) or "SHA-1" (40).
	Algorithm string
}

// String returns the digest's hex.
func (d Digest) String() string { return d.Hex }

// maxSigLen bounds the fingerprint text read: 40 digits with a separator
// or two between each pair, and room for spaces around.
const maxSigLen = 256

// ParseSignature normalises a signature fingerprint for platform p: the
// separators tools print between pairs (':', ' ', '-') are dropped and the
// letters lowered. Android wants an MD5 (32 hex digits), iOS a SHA-1 (40;
// 32 digits are [MD5ForSHA1]), HarmonyOS either; other platforms have
// none to check, and any hex of 32 or 40 digits is taken. The digest is
// returned with a doubtful finding (Certain false).
//
// A tool's label before the digits (keytool's "MD5:" or "SHA1:", openssl's
// "md5 Fingerprint=") and full-width characters (a full-width colon or
// digit, as Chinese input methods type them) are read past: when the
// digest is otherwise right, the finding is a doubtful [Decorated] and the
// digest is the value to file.
func ParseSignature(p Platform, s string) (Digest, error) {
	if len(s) > maxSigLen {
		return Digest{}, fail(p, TooLong, true, -1, len(s))
	}
	var buf [maxSigLen]byte
	h := buf[:0]
	start := labelEnd(s)
	decorated := start > 0
	for i := start; i < len(s); {
		c, size := s[i], 1
		if c >= utf8.RuneSelf {
			c, size = asciiAt(s, i)
			decorated = decorated || c != 0
		}
		switch {
		case isDigit(c) || 'a' <= c && c <= 'f':
			h = append(h, c)
		case 'A' <= c && c <= 'F':
			h = append(h, c+'a'-'A')
		case c == ':' || c == '-' || isSpace(c):
		default:
			return Digest{}, fail(p, NotHex, true, i, 0)
		}
		i += size
	}
	n := len(h)
	if n == 0 {
		return Digest{}, fail(p, Empty, true, -1, 0)
	}
	d := Digest{Hex: string(h)}
	switch n {
	case 32:
		d.Algorithm = "MD5"
	case 40:
		d.Algorithm = "SHA-1"
	}
	switch p {
	case Android:
		if n != 32 {
			return Digest{}, fail(p, DigestLength, true, -1, n)
		}
	case IOS:
		switch n {
		case 40:
		case 32:
			return d, fail(p, MD5ForSHA1, false, -1, n)
		default:
			return Digest{}, fail(p, DigestLength, true, -1, n)
		}
	default:
		if n != 32 && n != 40 {
			return Digest{}, fail(p, DigestLength, false, -1, n) // the fingerprint HarmonyOS wants is not settled
		}
	}
	if decorated {
		return d, fail(p, Decorated, false, -1, 0)
	}
	return d, nil
}

// asciiAt returns the character at s[i] as ASCII and the bytes it takes:
// a full-width form (U+FF01 to U+FF5E) as the ASCII character it stands
// for, the ideographic space as a space, and 0 for any other non-ASCII
// character.
func asciiAt(s string, i int) (byte, int) {
	c := s[i]
	if c < utf8.RuneSelf {
		return c, 1
	}
	r, size := utf8.DecodeRuneInString(s[i:])
	switch {
	case r >= 0xFF01 && r <= 0xFF5E:
		return byte(r - 0xFEE0), size
	case r == 0x3000:
		return ' ', size
	}
	return 0, size
}

// digestLabels are the labels tools print before a fingerprint, in lower
// case, the longer of two that share a start first.
var digestLabels = [...]string{"sha-256", "sha256", "sha-1", "sha1", "md5"}

// labelEnd returns where the fingerprint starts after a tool's label at
// the start of s: an algorithm name, optionally "Fingerprint", then ':'
// or '=' ("MD5: 88:74", "SHA1 Fingerprint=55:9F"), in either case or
// width, white space around. It returns 0 when s starts with no label.
// A label's letters are not hex digits ('m', 's', 'h'), so a bare
// fingerprint is never read as one.
func labelEnd(s string) int {
	if s != "" && (isDigit(s[0]) || 'a' <= s[0]|0x20 && s[0]|0x20 <= 'f') {
		return 0 // the usual case: a fingerprint's first digit
	}
	i := skipSpace(s, 0)
	j := matchFold(s, i, digestLabels[:])
	if j < 0 {
		return 0
	}
	j = skipSpace(s, j)
	if k := matchFold(s, j, []string{"fingerprint"}); k >= 0 {
		j = skipSpace(s, k)
	}
	if j >= len(s) {
		return 0
	}
	if c, size := asciiAt(s, j); c == ':' || c == '=' {
		return j + size
	}
	return 0
}

func skipSpace(s string, i int) int {
	for i < len(s) {
		c, size := asciiAt(s, i)
		if !isSpace(c) {
			break
		}
		i += size
	}
	return i
}

// matchFold returns the end in s of the first of words (lower case ASCII)
// that s holds at i, compared without case or width, or -1.
func matchFold(s string, i int, words []string) int {
	for _, w := range words {
		j, k := i, 0
		for k < len(w) && j < len(s) {
			c, size := asciiAt(s, j)
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			if c != w[k] {
				break
			}
			j += size
			k++
		}
		if k == len(w) {
			return j
		}
	}
	return -1
}
