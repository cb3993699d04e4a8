// Package jsonstr writes JSON strings byte for byte as encoding/json's
// Marshal does, without its reflection-driven encoder: the report's
// encoder (package validate) and the WebAssembly main use it.
package jsonstr

import "unicode/utf8"

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
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if plainASCII[c] {
				i++
				// A run of plain ASCII (a path, a URL) eight bytes at a
				// time.
				for i+8 <= len(s) {
					// Resliced, so that the compiler checks the bounds once
					// and loads the eight bytes as one word.
					b := s[i : i+8]
					w := uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
						uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
					if !plain8(w) {
						break
					}
					i += 8
				}
				// The last few bytes of the string, with the bytes before
				// them as one word: when the eight are plain, so is the
				// rest (whatever the bytes before i are).
				if n := len(s); i < n && i+8 > n && n >= 8 {
					b := s[n-8 : n]
					w := uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
						uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
					if plain8(w) {
						i = n
					}
				}
				continue
			}
			dst = append(dst, s[start:i]...)
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
			i++
			start = i
			continue
		}
		// The common case of Chinese text: a three-byte sequence whose lead
		// byte needs no check of its second byte (not E0, E2 or ED).
		if 0xE3 <= c && c <= 0xEF && c != 0xED && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
			i += 3
			// A run of them, each resliced so that its bounds are checked
			// once.
			for i+3 <= len(s) {
				t := s[i : i+3]
				if c := t[0]; c-0xE3 > 0xEF-0xE3 || c == 0xED || t[1]&0xC0 != 0x80 || t[2]&0xC0 != 0x80 {
					break
				}
				i += 3
			}
			continue
		}
		size := seqLen(s, i)
		if size == 0 {
			valid = false
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
			i++
			start = i
			continue
		}
		if size == 3 && c == 0xE2 && s[i+1] == 0x80 && s[i+2]&^1 == 0xA8 { // U+2028, U+2029
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hexDigits[8+s[i+2]&1])
			i += size
			start = i
			continue
		}
		i += size
	}
	return append(dst, s[start:]...), valid
}

const hexDigits = "0123456789abcdef"

// plain8 reports whether each byte of w is one plainASCII holds: none
// has its high bit set, is below 0x20, or is one of " \ < > &. Each test
// finds whether any byte matches (a borrow reaches higher bytes only
// from a byte that matches).
func plain8(w uint64) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	q := (w | 0x04*ones) ^ 0x26*ones // zero for " (0x22) and & (0x26)
	a := (w | 0x02*ones) ^ 0x3E*ones // zero for < (0x3C) and > (0x3E)
	b := w ^ 0x5C*ones               // zero for \
	// A byte with its high bit set, or below 0x20; a zero byte of q, a or
	// b (v-ones sets the high bit of a zero byte, which v itself lacks).
	return (w|(w-0x20*ones)|((q-ones)&^q)|((a-ones)&^a)|((b-ones)&^b))&highs == 0
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
