// Package lexicon holds the word frequencies the name matcher's segmenter
// weighs the words around a hit with: jieba's dictionary of Chinese words
// (MIT licence) with a short supplement, and SCOWL's small list of
// English words. See gen.go for the data and how to refresh it.
package lexicon

//go:generate go run gen.go

// Lookup returns the frequency code of a Chinese word of one to four
// characters of U+3400–U+9FFF in simplified form, and whether the word is
// known. The code is round(8 ln f) for the word's frequency f in jieba's
// counts: a word's log-probability is code/8 - LogTotal.
func Lookup(word string) (code int, ok bool) {
	k := len(word) / 3
	if k < 1 || k >= len(chinese) || len(word) != 3*k {
		return 0, false
	}
	table := chinese[k]
	width := 3*k + 1
	lo, hi := 0, len(table)/width
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		rec := table[m*width : m*width+3*k]
		switch {
		case rec < word:
			lo = m + 1
		case rec > word:
			hi = m
		default:
			return int(table[m*width+3*k]) - 33, true
		}
	}
	return 0, false
}

// LogTotal is the natural logarithm of the total frequency the codes of
// Lookup are relative to.
const LogTotal = logTotal

// English reports whether w, lower-case letters a to z, is an English word
// of 3 to 12 letters.
func English(w string) bool {
	k := len(w)
	if k < 3 || k >= len(english) {
		return false
	}
	table := english[k]
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
