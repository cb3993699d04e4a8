package appid

import (
	"bytes"
	"encoding/base64"
	"encoding/hex"
	"strings"
)

// MaxKeyLen is the longest public key text read, in bytes: an RSA-8192
// SubjectPublicKeyInfo in hex with white space is under 4 KiB.
const MaxKeyLen = 8 << 10

// minBase64 is the shortest base64 text taken as key material: shorter
// letters are a word, not a key (no key is under 16 bytes).
const minBase64 = 24

// A PublicKey is what ParsePublicKey learnt of a public key.
type PublicKey struct {
	// Encoding is "hex" or "base64".
	Encoding string
	// Bytes is the length of the key material.
	Bytes int
	// SPKI is true when the material is a DER SubjectPublicKeyInfo that
	// crypto/x509 reads (see parseSPKI).
	SPKI bool
	// Algorithm is "RSA", "ECDSA" or "Ed25519" for a SubjectPublicKeyInfo,
	// "RSA modulus" for bare material taken as a modulus.
	Algorithm string
	// Bits is the RSA modulus length in bits (0 for other algorithms).
	Bits int
	// Material is the key material without white space, set only when
	// the key was pasted with PEM armour, a trailing ellipsis or colons
	// between its bytes (reason Decorated): the value to file.
	Material string
}

// ParsePublicKey reads a public key (公钥) as pasted for platform p: hex
// or base64 key material, white space ignored. Material that starts as a
// DER SEQUENCE (0x30) is parsed as a SubjectPublicKeyInfo; other material
// is taken as an RSA modulus (a leading zero byte dropped). An RSA key
// must have 512 to 8192 bits. An unreadable structure or a key of
// another length is doubtful only (the guides give the alphabets, and the
// length as a warning: app-filing-facts §2.5), and so is base64 cut inside
// a group of four, a copy cut short: its whole groups are read. Text
// outside the hex and base64 alphabets is not key material, certainly.
//
// PEM armour ("-----BEGIN PUBLIC KEY-----" and its END line, what openssl
// prints around base64), an ellipsis at the end ("…" or "...", copied
// with a truncated Keychain key) and colons between the bytes in hex
// (30:82:01:22 …, openssl's -text dump) are read past: unless the key has
// a certain finding, that is a doubtful [Decorated] finding, and
// [PublicKey.Material] is the key to file.
func ParsePublicKey(p Platform, s string) (PublicKey, error) {
	k, e := parsePublicKey(p, s)
	if e != nil {
		return k, e
	}
	return k, nil
}

func parsePublicKey(p Platform, s string) (PublicKey, *Error) {
	if len(s) > MaxKeyLen {
		return PublicKey{}, fail(p, TooLong, true, -1, len(s))
	}
	s, decorated := trimEllipsis(s)
	compact := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if s[i] == '-' && strings.HasPrefix(s[i:], pemDashes) {
			if end := armourEnd(s, i); end > 0 {
				i, decorated = end-1, true
				continue
			}
		}
		if !isSpace(s[i]) {
			compact = append(compact, s[i])
		}
	}
	if len(compact) == 0 {
		return PublicKey{}, fail(p, Empty, true, -1, 0)
	}
	if hexPairs(compact) {
		compact, decorated = dropColons(compact), true
	}
	k, e := readKey(p, compact)
	// Only iOS consoles take a truncated copy (ucloud-app-features): on
	// another platform a key the length or structure of which is in
	// doubt is reported so, not as decorated material to file.
	if e != nil && (e.Certain || p != IOS) || !decorated {
		return k, e
	}
	k.Material = string(compact)
	return k, fail(p, Decorated, false, -1, 0)
}

// hexPairs reports whether b is a key's bytes in hex, in pairs separated
// by colons (30:82:01:22 …), as openssl's -text dump prints them: more
// pairs than a fingerprint has (an MD5, SHA-1 or SHA-256 of 16, 20 or 32
// bytes, written so by keytool, is a signature pasted in the wrong field,
// not a key: still not key material), none of another length, a colon at
// the end allowed (the last of a dump's lines).
func hexPairs(b []byte) bool {
	b = bytes.TrimSuffix(b, []byte{':'})
	if len(b) < 3*(maxFingerprintBytes+1)-1 || (len(b)+1)%3 != 0 {
		return false
	}
	for i, c := range b {
		if i%3 == 2 {
			if c != ':' {
				return false
			}
		} else if !isHexDigit(c) {
			return false
		}
	}
	return true
}

// maxFingerprintBytes is the longest fingerprint keytool prints with
// colons (SHA-256); the shortest key (Ed25519's SubjectPublicKeyInfo) has
// 44 bytes.
const maxFingerprintBytes = 32

func isHexDigit(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// dropColons returns b without its colons, in place.
func dropColons(b []byte) []byte {
	out := b[:0]
	for _, c := range b {
		if c != ':' {
			out = append(out, c)
		}
	}
	return out
}

const pemDashes = "-----"

// armourEnd returns the end of the PEM armour line ("-----BEGIN …-----"
// or "-----END …-----") at s[i:], 0 when there is none.
func armourEnd(s string, i int) int {
	t := s[i+len(pemDashes):]
	if !strings.HasPrefix(t, "BEGIN ") && !strings.HasPrefix(t, "END ") {
		return 0
	}
	j := strings.Index(t, pemDashes)
	if j < 0 {
		return 0
	}
	end := i + len(pemDashes) + j + len(pemDashes)
	for end < len(s) && s[end] == '-' {
		end++
	}
	return end
}

// trimEllipsis returns s without an ellipsis ("…", "⋯" or "...") at its
// end, white space around it ignored, and whether there was one.
func trimEllipsis(s string) (string, bool) {
	t := strings.TrimRight(s, " \t\r\n")
	for _, e := range [...]string{"…", "⋯", "..."} {
		if strings.HasSuffix(t, e) {
			return strings.TrimRight(t[:len(t)-len(e)], "…⋯."), true
		}
	}
	return s, false
}

// readKey reads compact key material (no white space).
func readKey(p Platform, compact []byte) (PublicKey, *Error) {
	var k PublicKey
	// What the key's text says of its structure and length is doubtful
	// on every platform: the guides give the alphabets only (hex or
	// base64), and a length check as a warning (app-filing-facts §2.5);
	// iOS consoles take a truncated copy.
	const certain = false
	raw, err := decodeHex(compact)
	if err == nil {
		k.Encoding = "hex"
	} else if raw, err = decodeBase64(compact); err == nil && len(compact) >= minBase64 {
		k.Encoding = "base64"
	} else if n := base64Groups(compact); n >= minBase64 {
		// base64's letters cut inside a group of four (a copy cut short):
		// the whole groups are read, and what they hold is judged.
		raw, _ = decodeBase64(compact[:n])
		k.Encoding = "base64"
	} else {
		return PublicKey{}, fail(p, NotKeyMaterial, true, -1, 0)
	}
	k.Bytes = len(raw)
	// An iOS key may be the visible part of a truncated Keychain copy,
	// which the consoles take (ucloud-app-features; app-filing-facts §2.5:
	// no length warning for iOS): a structure cut short or a key too short
	// is no finding there.
	truncatable := p == IOS
	if len(raw) > 0 && raw[0] == 0x30 {
		alg, bits, ok := parseSPKI(raw)
		if !ok {
			if truncatable {
				return k, nil
			}
			return k, fail(p, BadSPKI, certain, -1, 0)
		}
		k.SPKI, k.Algorithm, k.Bits = true, alg, bits
		if alg != "RSA" {
			return k, nil
		}
	} else {
		m := raw
		for len(m) > 0 && m[0] == 0 {
			m = m[1:]
		}
		k.Algorithm, k.Bits = "RSA modulus", bitLen(m)
	}
	if k.Bits < 512 && !truncatable || k.Bits > 8192 {
		return k, fail(p, KeyLength, certain, -1, k.Bits)
	}
	return k, nil
}

// base64Groups returns the length of b's whole groups of four when b is
// written in one of base64's alphabets (standard or URL-safe) without
// padding, the text that decodes of a copy cut short; 0 otherwise.
func base64Groups(b []byte) int {
	std, url := true, true
	for _, c := range b {
		switch {
		case 'A' <= c && c <= 'Z', 'a' <= c && c <= 'z', '0' <= c && c <= '9':
		case c == '+' || c == '/':
			url = false
		case c == '-' || c == '_':
			std = false
		default:
			return 0
		}
	}
	if !std && !url {
		return 0
	}
	return len(b) &^ 3
}

func bitLen(b []byte) int {
	if len(b) == 0 {
		return 0
	}
	n := (len(b) - 1) * 8
	for c := b[0]; c != 0; c >>= 1 {
		n++
	}
	return n
}

func decodeHex(b []byte) ([]byte, error) {
	if len(b)%2 != 0 {
		return nil, hex.InvalidByteError(0)
	}
	out := make([]byte, len(b)/2)
	_, err := hex.Decode(out, b)
	return out, err
}

// decodeBase64 reads standard or URL-safe base64, padded or not.
func decodeBase64(b []byte) ([]byte, error) {
	for _, enc := range [...]*base64.Encoding{base64.StdEncoding, base64.RawStdEncoding, base64.URLEncoding, base64.RawURLEncoding} {
		out := make([]byte, enc.DecodedLen(len(b)))
		if n, err := enc.Decode(out, b); err == nil {
			return out[:n], nil
		}
	}
	return nil, base64.CorruptInputError(0)
}
