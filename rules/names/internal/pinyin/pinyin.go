// Package pinyin gives the toneless pinyin readings of Chinese characters
// (du for 赌, cang and zang for 藏), for the matcher of package names,
// which finds a listed word written in pinyin, wholly or in part (dubo,
// du博, 赌bo, 法lun功).
//
// The readings are those of the 8,105 characters of the 2013 通用规范汉字表,
// from Unicode's Unihan database (see [UnicodeVersion]): the modern
// standard readings (kMandarin, kTGHZ2013, kXHC1983), without tones, ü
// written v. The table is generated (go generate) and costs nothing at
// start.
package pinyin

import "slices"

//go:generate go run gen.go

// Readings are the readings of one character: [Of] returns them.
type Readings struct {
	one  uint16   // the only reading, when list is nil
	list []uint16 // the readings, when several
}

// Of returns the readings of r; none for a character that is not one of
// the 8,105 standard ones.
func Of(r rune) Readings {
	if r < first || r > last {
		return Readings{}
	}
	v := dense[r-first]
	if int(v) <= Syllables {
		return Readings{one: v}
	}
	i := int(v) - Syllables - 1
	n := int(poly[i])
	return Readings{list: poly[i+1 : i+1+n]}
}

// Set returns the number of r's set of readings: characters with the
// same number have the same readings, in the same order; 0 is the set of
// none. Numbers are below [Sets], and [EachSet] gives each set's
// readings. It is the load Of starts with, and inlined.
func Set(r rune) int {
	if r < first || r > last {
		return 0
	}
	return int(dense[r-first])
}

// AppendSets appends to dst Set(r) for each r from lo to hi, and returns
// the extended slice: a copy of the table Set reads, at the cost of a
// copy.
func AppendSets(dst []uint16, lo, hi rune) []uint16 {
	if hi < lo {
		return dst
	}
	n := len(dst)
	dst = slices.Grow(dst, int(hi-lo+1))[:n+int(hi-lo+1)]
	clear(dst[n:])
	if from, to := max(lo, first), min(hi, last); from <= to {
		copy(dst[n+int(from-lo):], dense[from-first:to-first+1])
	}
	return dst
}

// Sets bounds the numbers [Set] returns.
const Sets = Syllables + 1 + len(poly)

// EachSet calls f with each number [Set] may return but 0 and the
// readings of the characters of that number.
func EachSet(f func(set int, rs Readings)) {
	for id := uint16(1); int(id) <= Syllables; id++ {
		f(int(id), Readings{one: id})
	}
	for i := 0; i < len(poly); i += 1 + int(poly[i]) {
		n := int(poly[i])
		f(Syllables+1+i, Readings{list: poly[i+1 : i+1+n]})
	}
}

// Len returns the number of readings.
func (rs Readings) Len() int {
	if rs.list != nil {
		return len(rs.list)
	}
	if rs.one != 0 {
		return 1
	}
	return 0
}

// At returns the i-th reading, the most common first: lower-case ASCII
// letters, ü written v.
func (rs Readings) At(i int) string {
	if rs.list != nil {
		return syllables[rs.list[i]-1]
	}
	if i != 0 || rs.one == 0 {
		panic("pinyin: reading index out of range")
	}
	return syllables[rs.one-1]
}

// ID returns the number of the i-th reading, from 1 to [Syllables]: the
// same syllable has the same number whatever the character, so that
// readings compare as numbers.
func (rs Readings) ID(i int) int {
	if rs.list != nil {
		return int(rs.list[i])
	}
	if i != 0 || rs.one == 0 {
		panic("pinyin: reading index out of range")
	}
	return int(rs.one)
}

// Syllables is the number of toneless syllables: the largest [Readings.ID].
const Syllables = len(syllables)

// first and last bound the block the table covers: CJK Unified
// Ideographs, where every standard character is.
const first, last = 0x4E00, 0x9FFF
