package appid

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
func ParseSignature(p Platform, s string) (Digest, error) {
	if len(s) > maxSigLen {
		return Digest{}, fail(p, TooLong, true, -1, len(s))
	}
	var buf [maxSigLen]byte
	h := buf[:0]
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case isDigit(c) || 'a' <= c && c <= 'f':
			h = append(h, c)
		case 'A' <= c && c <= 'F':
			h = append(h, c+'a'-'A')
		case c == ':' || c == '-' || isSpace(c):
		default:
			return Digest{}, fail(p, NotHex, true, i, 0)
		}
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
	return d, nil
}
