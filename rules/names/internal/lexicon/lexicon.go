// Package lexicon holds the word frequencies the name matcher's segmenter
// weighs the words around a hit with: jieba's dictionary of Chinese words
// (MIT licence) with a short supplement, and SCOWL's small list of
// English words. See gen.go for the data and how to refresh it.
package lexicon

import (
	"unicode/utf8"
	"unsafe"

	"github.com/icpcheck/beian/internal/lazy"
)

//go:generate go run gen.go

// Lookup returns the frequency code of a Chinese word of one to four
// characters of U+3400–U+9FFF in simplified form, and whether the word is
// known. The code is round(8 ln f) for the word's frequency f in jieba's
// counts: a word's log-probability is code/8 - LogTotal. A lookup costs a
// few comparisons: the records of each length are indexed by their first
// character. The first call expands the front-coded tables into sorted
// records (1.5 MB) and builds the index (about 350 KB, and 512 KB of
// Lengths' table), all free of pointers, once.
func Lookup(word string) (code int, ok bool) {
	x, k, m := find(word)
	switch {
	case m < 0:
		return 0, false
	case k == 1:
		return m - 1, true
	}
	return int(x.chinese[k][m*(3*k+1)+3*k]) - 33, true
}

// Word is [Lookup] of word, and, for a word it knows, [Place] and
// [Company] of it: read beside the word's record, without a search of
// their own.
func Word(word string) (code int, ok, place, company bool) {
	x, k, m := find(word)
	switch {
	case m < 0:
		return 0, false, false, false
	case k == 1:
		return m - 1, true, false, false // no place or company-name part is one character
	}
	f := x.wordFlags[k][m>>2] >> (2 * (m & 3))
	return int(x.chinese[k][m*(3*k+1)+3*k]) - 33, true, f&wordPlace != 0, f&wordCompany != 0
}

// The flags of a word of the index (lexIndex.wordFlags).
const (
	wordPlace   = 1 << iota // Place holds
	wordCompany             // Company holds
)

// find returns the index, the length k of word in characters and the
// number of its record in x.chinese[k], or -1 when word is not one. For
// a word of one character, it returns instead code+1 of it (see
// lexIndex.chars).
func find(word string) (x *lexIndex, k, m int) {
	k = len(word) / 3
	if k < 1 || k >= len(wordTables{}.chineseWords) || len(word) != 3*k {
		return nil, k, -1
	}
	b0, b1, b2 := word[0], word[1], word[2]
	if b0 < 0xE3 || b0 > 0xE9 || b1&0xC0 != 0x80 || b2&0xC0 != 0x80 {
		return nil, k, -1
	}
	r := rune(b0&0x0F)<<12 | rune(b1&0x3F)<<6 | rune(b2&0x3F)
	if r < indexStart || r >= indexEnd {
		return nil, k, -1
	}
	x = index()
	if k == 1 {
		if c := x.chars[r-indexStart].single; c != 0 {
			return x, 1, int(c)
		}
		return x, 1, -1
	}
	return x, k, x.search(k, r, word)
}

// search returns the number of the record of word, of k characters (2 or
// more) the first of which is r, in x.chinese[k], or -1 when it is not one.
func (x *lexIndex) search(k int, r rune, word string) int {
	starts := x.starts[k]
	table := x.chinese[k]
	width := 3*k + 1
	lo, hi := int(starts[r-indexStart]), int(starts[r-indexStart+1])
	// The records of one first character share their first three bytes:
	// the rest (3 to 9 bytes) compares as two big-endian numbers. A
	// record's first 8 bytes from there are read at once and masked
	// (the bytes after its rest are its code and the next record's), where
	// the table holds 8 bytes from there.
	wa, wb := pack(word[3:])
	mask := ^uint64(0) << (64 - 8*min(3*k-3, 8))
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		var ra, rb uint64
		if at := m*width + 3; at+8 <= len(table) {
			ra = be64(table[at:at+8]) & mask
			if k == 4 {
				rb = uint64(table[at+8])
			}
		} else {
			ra, rb = pack(table[at : m*width+3*k])
		}
		switch {
		case ra < wa || ra == wa && rb < wb:
			lo = m + 1
		case ra > wa || rb > wb:
			hi = m
		default:
			return m
		}
	}
	return -1
}

// be64 returns the 8 bytes of s as a big-endian number.
func be64(s string) uint64 {
	_ = s[7]
	return uint64(s[0])<<56 | uint64(s[1])<<48 | uint64(s[2])<<40 | uint64(s[3])<<32 |
		uint64(s[4])<<24 | uint64(s[5])<<16 | uint64(s[6])<<8 | uint64(s[7])
}

// pack returns s, at most 9 bytes, as a big-endian number of its first 8
// bytes and one of the rest.
func pack(s string) (a, b uint64) {
	if len(s) >= 8 {
		// A word of three or four characters: 8 bytes at once.
		if len(s) > 8 {
			b = uint64(s[8])
		}
		return be64(s[:8]), b
	}
	return packShort(s), 0
}

// packShort is pack of fewer than 8 bytes.
func packShort(s string) (a uint64) {
	for i := 0; i < len(s) && i < 8; i++ {
		a |= uint64(s[i]) << (56 - 8*i)
	}
	return a
}

// The range of first characters the index covers.
const (
	indexStart = 0x3400
	indexEnd   = 0xA000
)

// A lexIndex holds the Chinese words as records and finds the records of
// a first character.
type lexIndex struct {
	// chinese[k] holds the words of k characters: records of 3k bytes of
	// the word and a frequency code byte (33 + code), sorted.
	chinese [len(wordTables{}.chineseWords)]string
	// chars holds, for each character, side by side (one memory access
	// for both): code+1 of the one-character word, 0 when unknown, and
	// its flags (flagSurname …).
	chars []charRec
	// starts[k][r-indexStart] is the first record of length k whose
	// first character is r or after; one more entry ends the last.
	starts [len(wordTables{}.chineseWords)][]uint32
	// wordFlags[k] holds the flags of the records of chinese[k] (wordPlace
	// …), two bits a record, four records a byte: Word's place names and
	// company-name parts, marked once here rather than searched for at
	// each word.
	wordFlags [len(wordTables{}.chineseWords)][]uint8
	// lengths holds a nibble for each slot of pairSlot: bit k-2 set when
	// a word of k characters (2 to 4) starting with a pair of characters
	// of the slot is in chinese[k]. A bit not set means there is none
	// (see Lengths).
	lengths []uint8
}

// pairBits is the number of bits of a slot of lexIndex.lengths: 2^20
// slots of a nibble, 512 KB, for the 133,000 pairs of characters that
// start a word (some 7 % of a length's bits set).
const pairBits = 20

// pairKey returns the UTF-8 bytes of a, b, characters of three bytes,
// as one number: the first 6 bytes of a record starting with them.
func pairKey(a, b rune) uint64 {
	enc := func(r rune) uint64 {
		return 0xE08080 | uint64(r>>12&0x0F)<<16 | uint64(r>>6&0x3F)<<8 | uint64(r&0x3F)
	}
	return enc(a)<<24 | enc(b)
}

// pairSlot returns the slot of the pair of characters whose pairKey is
// key.
func pairSlot(key uint64) uint32 {
	return uint32(key * 0x9E3779B97F4A7C15 >> (64 - pairBits))
}

// Lengths returns a mask whose bit k-2 is clear only when no word of k
// characters (2 to 4) the index holds starts with the characters a, b:
// a lookup of such a word may be skipped. A set bit says nothing. It
// costs one memory access.
func Lengths(a, b rune) uint8 {
	if a < indexStart || a >= indexEnd || b < indexStart || b >= indexEnd {
		return 0b111
	}
	slot := pairSlot(pairKey(a, b))
	return index().lengths[slot>>1] >> (slot & 1 * 4) & 0b111
}

// A charRec is what the index holds of one character.
type charRec struct{ single, flags uint8 }

// The flags of a character.
const (
	flagSurname  = 1 << iota // a surname of one character
	flagGiven                // a given-name character
	flagCompound             // the first character of a compound surname
	flagPlace                // the first character of a place name
	flagCompany              // the first character of a company-name part
)

var index = newIndex()

// newIndex returns the function that expands the tables and builds the
// index once (a build that panics, the js build's tables not in yet, is
// tried again by the next call); the index's starts come out of the expansion: in the
// sorted, front-coded words a record that shares no character with the
// one before is the first of its first character.
func newIndex() func() *lexIndex {
	return lazy.Value(func() *lexIndex {
		x := &lexIndex{chars: make([]charRec, indexEnd-indexStart)}
		t := words()
		for k := 1; k < len(t.chineseWords); k++ {
			var starts []uint32
			next := rune(indexStart) // the first character whose start is not set
			if k > 1 {
				starts = make([]uint32, indexEnd-indexStart+1)
			}
			x.chinese[k] = decodeFront(t.chineseWords[k], k, 3, t.chineseCodes[k], func(m int, rec string) {
				r, _ := utf8.DecodeRuneInString(rec)
				if k == 1 {
					if indexStart <= r && r < indexEnd {
						x.chars[r-indexStart].single = rec[3] - 33 + 1
					}
					return
				}
				for ; next <= r && next <= indexEnd; next++ {
					starts[next-indexStart] = uint32(m)
				}
			})
			if k > 1 {
				n := uint32(len(t.chineseCodes[k]))
				for ; next <= indexEnd; next++ {
					starts[next-indexStart] = n
				}
				x.starts[k] = starts
			}
		}
		mark := func(table string, width int, flag uint8) {
			for i := 0; i+width <= len(table); i += width {
				if r, _ := utf8.DecodeRuneInString(table[i:]); indexStart <= r && r < indexEnd {
					x.chars[r-indexStart].flags |= flag
				}
			}
		}
		mark(surnames[1], 3, flagSurname)
		mark(given[1], 3, flagGiven)
		mark(surnames[2], 6, flagCompound)
		for k := 1; k < len(places); k++ {
			mark(places[k], 3*k, flagPlace)
		}
		for k := 1; k < len(company); k++ {
			mark(company[k], 3*k, flagCompany)
		}
		x.markWords(places[:], wordPlace)
		x.markWords(company[:], wordCompany)
		x.markLengths()
		return x
	})
}

// markLengths sets x.lengths from the records of two to four
// characters. It runs as the index is built, before x is shared.
func (x *lexIndex) markLengths() {
	x.lengths = make([]uint8, 1<<(pairBits-1))
	for k := 2; k <= 4 && k < len(x.chinese); k++ {
		table, width := x.chinese[k], 3*k+1
		for at := 0; at+width <= len(table); at += width {
			w := table[at : at+6]
			key := uint64(w[0])<<40 | uint64(w[1])<<32 | uint64(w[2])<<24 | uint64(w[3])<<16 | uint64(w[4])<<8 | uint64(w[5])
			slot := pairSlot(key)
			x.lengths[slot>>1] |= 1 << (k - 2) << (slot & 1 * 4)
		}
	}
}

// markWords sets flag on the records of x's words that tables (the
// records of k characters, 3k bytes each, end to end, for each k) hold.
// It runs as the index is built, before x is shared, once x.chinese
// and x.starts are complete.
func (x *lexIndex) markWords(tables []string, flag uint8) {
	for k := 2; k < len(tables) && k < len(x.chinese); k++ {
		if x.wordFlags[k] == nil {
			x.wordFlags[k] = make([]uint8, (len(x.chinese[k])/(3*k+1)+3)/4)
		}
		for i := 0; i+3*k <= len(tables[k]); i += 3 * k {
			w := tables[k][i : i+3*k]
			r, _ := utf8.DecodeRuneInString(w)
			if r < indexStart || r >= indexEnd {
				continue // the index holds no such word
			}
			if m := x.search(k, r, w); m >= 0 {
				x.wordFlags[k][m>>2] |= flag << (2 * (m & 3))
			}
		}
	}
}

// english returns the English words: english()[k] holds the words of k
// letters end to end, sorted, expanded from englishWords on first use.
var english = lazy.Value(func() *[len(wordTables{}.englishWords)]string {
	var t [len(wordTables{}.englishWords)]string
	for k, s := range words().englishWords {
		if k > 0 {
			t[k] = decodeFront(s, k, 1, "", nil)
		}
	}
	return &t
})

// decodeFront expands words of k units of unit bytes each, front-coded
// as gen.go's frontCode writes them, into records end to end: each
// word's bytes, then its byte of codes when codes is not empty. It calls
// first, when not nil, with the number and the record of each word that
// shares nothing with the one before. The tables are generated and
// tested whole, so it trusts them.
func decodeFront(s string, k, unit int, codes string, first func(m int, rec string)) string {
	width := k * unit
	if codes != "" {
		width++
	}
	n := 0
	for i := 0; i < len(s); n++ {
		i += 1 + (k-int(s[i]-'0'))*unit
	}
	out := make([]byte, n*width)
	for i, j, at := 0, 0, 0; i < len(s); j, at = j+1, at+width {
		p := int(s[i]-'0') * unit
		if p > 0 {
			copy(out[at:at+p], out[at-width:]) // the previous record's first units
		}
		i += 1 + copy(out[at+p:at+k*unit], s[i+1:])
		if codes != "" {
			out[at+k*unit] = codes[j]
		}
		if p == 0 && first != nil {
			first(j, unsafe.String(&out[at], width))
		}
	}
	// out is not written again: the table is a string over it, without a
	// second copy of 1.5 MB.
	return unsafe.String(unsafe.SliceData(out), len(out))
}

// LogTotal is the natural logarithm of the total frequency the codes of
// Lookup are relative to.
const LogTotal = logTotal

// English reports whether w, lower-case letters a to z, is an English word
// of 3 to 12 letters.
func English(w string) bool {
	k := len(w)
	if k < 3 || k >= len(wordTables{}.englishWords) {
		return false
	}
	table := english()[k]
	lo, hi := 0, len(table)/k
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		switch rec := table[m*k : m*k+k]; {
		case rec < w:
			lo = m + 1
		case rec > w:
			hi = m
		default:
			return true
		}
	}
	return false
}

// Place reports whether w, two to four Chinese characters in simplified
// form, is the name of a division of China (province, prefecture or
// county level, GB/T 2260) or its short form (淄博 for 淄博市, 长阳 for
// 长阳土家族自治县).
func Place(w string) bool { return mayStart(w, flagPlace) && inRecords(places[:], w) }

// mayStart reports whether a record of the table whose first characters
// carry flag may start with w's first character: false only for a
// character of the index that starts none, so that most words are not
// searched for.
func mayStart(w string, flag uint8) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return r < indexStart || r >= indexEnd || index().chars[r-indexStart].flags&flag != 0
}

// Surname reports whether w, one or two Chinese characters in simplified
// form, is a surname of the 百家姓.
func Surname(w string) bool {
	r, n := utf8.DecodeRuneInString(w)
	switch {
	case r < indexStart || r >= indexEnd:
		return false
	case n == len(w):
		return index().chars[r-indexStart].flags&flagSurname != 0
	}
	return index().chars[r-indexStart].flags&flagCompound != 0 && inRecords(surnames[:], w)
}

// A CharInfo is what the lexicon knows of one character: its frequency
// code as a word of its own (see [Lookup]) and the names it may start or
// be part of.
type CharInfo struct {
	Code     int16
	Known    bool // a word of its own: Lookup(string(r)) is (Code, true)
	Surname  bool // Surname(string(r))
	Compound bool // the first character of a compound surname (Surname of two characters may hold)
	Given    bool // Given(r)
}

// Char returns what the lexicon knows of the character r, a Chinese
// character in simplified form, in one look at the index.
func Char(r rune) CharInfo {
	if r < indexStart || r >= indexEnd {
		return CharInfo{}
	}
	x := index()
	rec := x.chars[r-indexStart]
	c, f := rec.single, rec.flags
	return CharInfo{Code: int16(c) - 1, Known: c != 0, Surname: f&flagSurname != 0, Compound: f&flagCompound != 0, Given: f&flagGiven != 0}
}

// Given reports whether r, a Chinese character in simplified form, is
// common in given names (see gen.go).
func Given(r rune) bool {
	return indexStart <= r && r < indexEnd && index().chars[r-indexStart].flags&flagGiven != 0
}

// inRecords reports whether w is a record of tables[k], the k-character
// records (3k bytes each) end to end and sorted, for k the length of w in
// characters of three bytes.
func inRecords(tables []string, w string) bool {
	k := len(w) / 3
	if k < 1 || k >= len(tables) || len(w) != 3*k {
		return false
	}
	table, n := tables[k], 3*k
	// As in Lookup: a record's first 8 bytes (or all of a shorter one)
	// compare as one big-endian number, the rest as a string.
	wa, _ := pack(w)
	mask := ^uint64(0) << (64 - 8*min(n, 8))
	lo, hi := 0, len(table)/n
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		at := m * n
		var ra uint64
		if at+8 <= len(table) {
			ra = be64(table[at:at+8]) & mask
		} else {
			ra, _ = pack(table[at : at+min(n, 8)])
		}
		switch {
		case ra < wa:
			lo = m + 1
		case ra > wa:
			hi = m
		case n <= 8:
			return true
		default:
			switch rec := table[at+8 : at+n]; {
			case rec < w[8:]:
				lo = m + 1
			case rec > w[8:]:
				hi = m
			default:
				return true
			}
		}
	}
	return false
}

// Company reports whether w, two to four Chinese characters in simplified
// form, is a company-name part: an industry word or form of business
// that follows the trade name in a company's name (彩印, 彩钢, 科技, 有限).
func Company(w string) bool { return mayStart(w, flagCompany) && inRecords(company[:], w) }

// Idiom reports whether w, four Chinese characters in simplified form, is
// an idiom (成语) of the tables: a word jieba tags i, of the frequency
// gen.go keeps (see data/idioms.txt).
func Idiom(w string) bool { return inRecords(idioms[:], w) }
