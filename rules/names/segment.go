package names

import (
	"math"
	"unicode/utf8"

	"github.com/icpcheck/beian/rules/names/internal/lexicon"
)

// The segmentation that decides whether a Chinese word found is meant.
//
// Around each word found, a unigram segmentation (the model of jieba's
// default mode: the most probable sequence of words, each word's
// probability its frequency over the total) is computed twice over the
// window of context runes either side: once freely, and once with the
// word found kept whole (no word of the segmentation may start or end
// inside it, though one may contain it). When the free segmentation is
// clearly more probable, the characters of the word found belong to the
// words around it (紫色/情怀 rather than 紫/色情/怀), and it is not
// reported. The candidate words are those of the lexicon (jieba's
// dictionary), the dictionary's own words found in the window and its
// exceptions.
const (
	// context is how many runes either side of a word found the
	// segmentation reads.
	context = 4
	// defaultCode is the frequency code of a word the lexicon does not
	// know: jieba's count 3 for the words it holds without a count.
	defaultCode = 9
	// listedCode is the least frequency code of a listed word (8 ln 20):
	// a word a dictionary lists is not rare in the names it is looked
	// for in, whatever its count in running text.
	listedCode = 24
	// capCode caps the frequency code of a word (8 ln 3000): the most
	// frequent words (国家, 人民) are not let take a name's characters by
	// their weight in running text alone.
	capCode = 64
	// singlePenalty is taken off the log-probability of a segmentation
	// for each word of one character: a name is made of words, and a
	// character left alone is more likely part of a word the lexicon
	// lacks (a brand) than a word of its own.
	singlePenalty = 1.0
	// margin is how much more probable (in natural log) the free
	// segmentation must be for the word found to be dropped.
	margin = 0.5
)

// wordCode returns the frequency code of a folded word.
func wordCode(w string) int16 {
	if c, ok := lexicon.Lookup(w); ok {
		return int16(c)
	}
	return defaultCode
}

func tokenScore(code int16, single bool) float64 {
	s := float64(min(code, capCode))/8 - lexicon.LogTotal
	if single {
		s -= singlePenalty
	}
	return s
}

// A token is a candidate word of a window: runes [i, j).
type token struct {
	i, j  int32
	exc   bool
	score float64
}

// meant reports whether the Chinese word found at o, in the stream of
// Chinese characters stream, is meant rather than made of the ends of
// the words around it. hans are the Chinese words found, in the order
// scan found them (by last rune).
func (d *Dictionary) meant(o occurrence, stream []rune, hans []occurrence) bool {
	return d.straddle(o, stream, hans) <= margin
}

// straddle returns how much more probable (in natural log) the free
// segmentation around o is than the one keeping o whole.
func (d *Dictionary) straddle(o occurrence, stream []rune, hans []occurrence) float64 {
	lo := max(0, int(o.first)-context)
	hi := min(len(stream), int(o.last)+1+context)
	n := hi - lo
	a, b := int(o.first)-lo, int(o.last)+1-lo

	var tokBuf [256]token
	toks := tokBuf[:0]
	var bestBuf [2][64]float64
	bestU, bestC := bestBuf[0][:], bestBuf[1][:]
	if n+1 > len(bestU) {
		bestU, bestC = make([]float64, n+1), make([]float64, n+1)
	}
	// The dictionary's words found in the window.
	k := searchLast(hans, int32(lo))
	firstFound := k
	for ; k < len(hans) && int(hans[k].last) < hi; k++ {
	}
	found := hans[firstFound:k]

	var word [64]byte
	maxK := max(4, d.maxException)
	bestU[n], bestC[n] = 0, 0
	for i := n - 1; i >= 0; i-- {
		toks = toks[:0]
		// One character.
		code := int16(0)
		if c, ok := lexicon.Lookup(string(utf8.AppendRune(word[:0], stream[lo+i]))); ok {
			code = int16(c)
		}
		toks = append(toks, token{i: int32(i), j: int32(i + 1), score: tokenScore(code, true)})
		// Words of the lexicon and exceptions.
		w := utf8.AppendRune(word[:0], stream[lo+i])
		for j := i + 2; j <= n && j-i <= maxK; j++ {
			if len(w)+utf8.UTFMax > len(word) {
				break
			}
			w = utf8.AppendRune(w, stream[lo+j-1])
			if c, ok := d.exceptionCode(w); ok {
				toks = append(toks, token{i: int32(i), j: int32(j), exc: true, score: tokenScore(c, false)})
			} else if j-i <= 4 {
				if c, ok := lexicon.Lookup(string(w)); ok {
					toks = append(toks, token{i: int32(i), j: int32(j), score: tokenScore(int16(c), false)})
				}
			}
		}
		for _, f := range found {
			if int(f.first)-lo == i {
				e := &d.entries[f.entry]
				toks = append(toks, token{i: int32(i), j: int32(int(f.last) + 1 - lo), score: tokenScore(e.code, e.runes == 1)})
			}
		}
		u, c := math.Inf(-1), math.Inf(-1)
		for _, t := range toks {
			ti, tj := int(t.i), int(t.j)
			u = max(u, t.score+bestU[tj])
			crossing := ti < a && a < tj || ti < b && b < tj
			contains := ti <= a && b <= tj
			if !crossing || contains && !t.exc {
				c = max(c, t.score+bestC[tj])
			}
		}
		bestU[i], bestC[i] = u, c
	}
	return bestU[0] - bestC[0]
}

// searchLast returns the index of the first occurrence of hans (sorted
// by last) whose last rune is at or after i.
func searchLast(hans []occurrence, i int32) int {
	lo, hi := 0, len(hans)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if hans[m].last < i {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// LexiconEdition names the editions of the word lists the segmentation
// and the English-compound test use: jieba's dict.txt (MIT licence) with
// a short supplement, and SCOWL's small American English list.
const LexiconEdition = lexicon.Edition
