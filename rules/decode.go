package rules

// threeByteAt returns the rune at s[i] when its UTF-8 is three bytes
// with a lead byte of E1 to EC (U+1000 to U+CFFF: CJK, kana, Hangul, most
// of a Chinese name): the loops over a name's runes (checkNameForm,
// mayHoldRestricted, relatesToCore) decode those inline, without the
// call a range loop makes for each rune outside ASCII, and leave the
// others to utf8.DecodeRuneInString. Written to inline, as
// fold.ideographAt is; TestThreeByteAtAsUTF8 holds it to utf8 over every
// string of three bytes and the shorter ones.
func threeByteAt(s string, i int) (rune, bool) {
	if i+2 >= len(s) {
		return 0, false
	}
	b, b1, b2 := s[i], s[i+1], s[i+2]
	r := rune(b&0x0F)<<12 | rune(b1&0x3F)<<6 | rune(b2&0x3F)
	return r, b-0xE1 <= 0xEC-0xE1 && (b1^0x80)|(b2^0x80) < 0x40
}
