package names

import "unicode/utf8"

// fillerRune stands, in the stream the segmentation reads (adjustStream),
// for a digit skipped between a word's characters that belongs to a
// token of its own (3D, 5G, 2024): read as a separator would be. It is no
// rune of any text.
const fillerRune rune = -2

// financialNumeral reports whether r is a financial (capital) numeral:
// a character of its own that is also a surname or part of words (陆, 伍,
// 柒), folded to the numeral it stands for inside a listed word.
func financialNumeral(r rune) bool {
	switch r {
	case '壹', '贰', '叁', '参', '肆', '伍', '陆', '柒', '捌', '玖', '拾':
		return true
	}
	return false
}

// adjustStream returns, in buf's memory, stream as the segmentation
// around o reads it, and whether that differs from stream: with numerals,
// each financial numeral that is a character of the word replaced by the
// numeral it stands for (陆合彩印 is segmented as 六合彩印 is: 六合/彩印), and, where
// o.tokenGap, each digit skipped between the word's characters replaced
// by fillerRune (彩色3D情景 as 彩色·情景 is: 彩色/情景). A digit or numeral
// the word holds as its own (6合彩, 1夜情) is left as it is: the disguise
// it is.
func (d *Dictionary) adjustStream(o occurrence, stream []rune, buf []rune, numerals bool) ([]rune, bool) {
	if o.first < 0 || int(o.last) >= len(stream) || o.first > o.last {
		return stream, false
	}
	word := d.entries[o.entry].word
	// The word's runes are matched in order against the stream's (the
	// scan matched them through foldKey); a stream rune that matches no
	// next rune of the word was skipped.
	var out []rune
	j := 0
	for k := int(o.first); k <= int(o.last); k++ {
		r := stream[k]
		var w rune = -1
		if j < len(word) {
			w, _ = utf8.DecodeRuneInString(word[j:])
		}
		var repl rune
		switch {
		case w >= 0 && foldKey(r) == foldKey(w):
			j += utf8.RuneLen(w)
			if !numerals || r == w || !financialNumeral(r) {
				continue
			}
			repl = foldKey(w)
		case o.tokenGap && '0' <= r && r <= '9':
			repl = fillerRune
		default:
			continue
		}
		if out == nil {
			out = append(buf[:0], stream...)
		}
		out[k] = repl
	}
	if out == nil {
		return stream, false
	}
	return out, true
}

// tokenGap reports whether the digits inside text[start:end], a Chinese
// word found, all belong to tokens of their own: each run of letters and
// digits holding a digit between the word's first and last characters is
// two characters long at least (3D, 5G, 4K, 2024, V8), not a lone digit
// put in to break the word (赌1博). Letters and digits touching start or
// end are the word's own (6合彩) and are not looked at.
func tokenGap(text string, start, end int) bool {
	any := false
	runStart, runLen, digit := -1, 0, false
	for i, r := range text[start:end] {
		at := start + i
		if a, isDigit := asciiAlnum(r); a {
			if runStart < 0 {
				runStart = at
			}
			runLen++
			digit = digit || isDigit
			continue
		}
		if runStart >= 0 && digit && runStart != start {
			if runLen < 2 {
				return false
			}
			any = true
		}
		runStart, runLen, digit = -1, 0, false
	}
	// A run still open touches end: the word's own.
	return any
}

// asciiAlnum reports whether r is an ASCII letter or digit, or its
// full-width form, and whether it is a digit.
func asciiAlnum(r rune) (alnum, digit bool) {
	if 0xFF10 <= r && r <= 0xFF5A {
		r -= 0xFF10 - '0'
	}
	switch {
	case '0' <= r && r <= '9':
		return true, true
	case 'a' <= r && r <= 'z', 'A' <= r && r <= 'Z':
		return true, false
	}
	return false, false
}
