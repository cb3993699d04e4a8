// Package jsonstr writes JSON strings byte for byte as encoding/json's
// Marshal does, without its reflection-driven encoder: the report's
// encoder (package validate) and the WebAssembly main use it.
package jsonstr

import (
	"math/bits"
	"unicode/utf8"
)

// Append appends s as a JSON string the way encoding/json writes it: <, >
// and & as \u003c, \u003e, \u0026, U+2028 and U+2029 escaped, invalid
// UTF-8 replaced by \ufffd.
func Append[S string | []byte](dst []byte, s S) []byte {
	dst = append(dst, '"')
	dst, _ = AppendContent(dst, s)
	return append(dst, '"')
}

// AppendContent appends what [Append] writes between the quotes, and
// reports whether s is valid UTF-8 (nothing was replaced by \ufffd).
// Pieces of a string written one after the other give the string's
// content when each is valid: an invalid piece may join with its
// neighbour into a valid sequence, which the caller must write whole.
func AppendContent[S string | []byte](dst []byte, s S) ([]byte, bool) {
	valid := true
	for {
		// The bytes written as they are, found by a walk that writes
		// nothing (plainPrefix), copied at once.
		n := plainPrefix(s)
		dst = append(dst, s[:n]...)
		if n == len(s) {
			return dst, valid
		}
		switch c := s[n]; {
		case c < utf8.RuneSelf:
			switch c {
			case '\\', '"':
				dst = append(dst, '\\', c)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			s = s[n+1:]
		case seqLen(s, n) == 0:
			valid = false
			dst = append(dst, `\ufffd`...)
			s = s[n+1:]
		default: // U+2028 or U+2029 (plainPrefix stops at nothing else)
			dst = append(dst, '\\', 'u', '2', '0', '2', hexDigits[8+s[n+2]&1])
			s = s[n+3:]
		}
	}
}

// plainPrefix returns the length of the longest prefix of s that JSON
// holds as it is: valid UTF-8 without a control byte, " \ < > &, U+2028
// or U+2029. It only reads, so that its loops keep what they need in
// registers. Plain ASCII (a path, a URL) is read eight bytes at a time,
// Chinese text (three-byte sequences whose lead byte needs no look at
// their second byte, fastLead) two characters at a time; the last bytes
// of a run as the last eight bytes of s, when s has eight.
func plainPrefix[S string | []byte](s S) int {
	n := len(s)
	i := 0
	for i < n {
		c := s[i]
		if c < utf8.RuneSelf {
			if !plainASCII[c] {
				return i
			}
			i++
			for i+8 <= n {
				// Resliced, so that the compiler checks the bounds once and
				// loads the eight bytes as one word.
				b := s[i : i+8]
				w := uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
					uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
				if m := notPlain8(w); m != 0 {
					// The lowest byte flagged is the first not plain (see
					// notPlain8): the walk goes on from it.
					i += bits.TrailingZeros64(m) >> 3
					break
				}
				i += 8
			}
			if i < n && i+8 > n && n >= 8 {
				// The last n-i bytes, as the top of the last eight: the
				// bytes below them, read before, may flag bytes above a
				// byte that is not plain (a borrow), never hide one, so
				// that the walk stops no later than it must.
				b := s[n-8 : n]
				w := uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
					uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
				m := notPlain8(w) >> (8 * uint(8-(n-i)))
				if m == 0 {
					return n
				}
				i += bits.TrailingZeros64(m) >> 3
			}
			continue
		}
		if fastLead[c] && i+2 < n && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
			i += 3
			// The next two characters at once: both leads fast, their
			// four continuation bytes 10xxxxxx.
			for i+8 <= n {
				b := s[i : i+8]
				w := uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
					uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
				if w&0x0000C0C000C0C000 != 0x0000808000808000 || !fastLead[byte(w)] || !fastLead[byte(w>>24)] {
					break
				}
				i += 6
			}
			// The last one or two characters of s, as the top of its last
			// eight bytes.
			if r := n - i; (r == 3 || r == 6) && n >= 8 {
				b := s[n-8 : n]
				w := uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
					uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
				if w&0xC0C0000000000000 == 0x8080000000000000 && fastLead[byte(w>>40)] &&
					(r == 3 || w&0x000000C0C0000000 == 0x0000008080000000 && fastLead[byte(w>>16)]) {
					return n
				}
			}
			continue
		}
		size := seqLen(s, i)
		if size == 0 || size == 3 && c == 0xE2 && s[i+1] == 0x80 && s[i+2]&^1 == 0xA8 { // U+2028, U+2029
			return i
		}
		i += size
	}
	return i
}

// fastLead tells the lead bytes of three-byte sequences that are valid
// with any two continuation bytes and never U+2028 or U+2029: not E0
// (overlong below A0), E2 (U+2028, U+2029) or ED (surrogates above 9F).
// Chinese characters and their punctuation lead with E3 to E9 and EF.
var fastLead = func() (t [256]bool) {
	for c := 0xE1; c <= 0xEF; c++ {
		t[c] = c != 0xE2 && c != 0xED
	}
	return t
}()

const hexDigits = "0123456789abcdef"

// plain8 reports whether each byte of w is one plainASCII holds: none
// has its high bit set, is below 0x20, or is one of " \ < > &.
func plain8(w uint64) bool { return notPlain8(w) == 0 }

// notPlain8 returns the high bits of the bytes of w that plainASCII does
// not hold (high bit set, below 0x20, " \ < > &), and maybe of bytes
// above them: each test finds whether any byte matches, and a borrow
// reaches higher bytes only from a byte that matches, so that the lowest
// bit set is exact.
func notPlain8(w uint64) uint64 {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	q := (w | 0x04*ones) ^ 0x26*ones // zero for " (0x22) and & (0x26)
	a := (w | 0x02*ones) ^ 0x3E*ones // zero for < (0x3C) and > (0x3E)
	b := w ^ 0x5C*ones               // zero for \
	// A byte with its high bit set, or below 0x20; a zero byte of q, a or
	// b (v-ones sets the high bit of a zero byte, which v itself lacks).
	return (w | (w - 0x20*ones) | ((q - ones) &^ q) | ((a - ones) &^ a) | ((b - ones) &^ b)) & highs
}

// plainASCII tells the ASCII bytes a JSON string holds as they are.
var plainASCII = func() (t [utf8.RuneSelf]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		t[c] = c != '"' && c != '\\' && c != '<' && c != '>' && c != '&'
	}
	return t
}()

// seqLen returns the length of the valid UTF-8 sequence starting at s[i],
// whose first byte is not ASCII, or 0 when it is not valid (what
// utf8.DecodeRune reports as RuneError of size 1).
func seqLen[S string | []byte](s S, i int) int {
	c := s[i]
	n := len(s) - i
	cont := func(k int) bool { return k < n && s[i+k]&0xC0 == 0x80 }
	switch {
	case c < 0xC2:
		return 0
	case c < 0xE0:
		if cont(1) {
			return 2
		}
	case c < 0xF0:
		if !cont(1) || !cont(2) {
			return 0
		}
		b := s[i+1]
		if (c == 0xE0 && b < 0xA0) || (c == 0xED && b > 0x9F) { // overlong, surrogate
			return 0
		}
		return 3
	case c < 0xF5:
		if !cont(1) || !cont(2) || !cont(3) {
			return 0
		}
		b := s[i+1]
		if (c == 0xF0 && b < 0x90) || (c == 0xF4 && b > 0x8F) {
			return 0
		}
		return 4
	}
	return 0
}
