package names

import (
	"github.com/icpcheck/beian/rules/names/internal/lexicon"
)

// maxPlaceRun bounds the run of Chinese characters PlaceWords segments:
// a name field holds far fewer, and the rules cut a longer one first.
const maxPlaceRun = 256

// PlaceWords returns the words of name, normalised (see [Normalize]),
// that are names of divisions of China (province, prefecture or county
// level, GB/T 2260) or their short forms, each once, in order. A place
// counts only as a word the name is read as: each run of Chinese
// characters is segmented the way the segmenter reads names (the most
// probable sequence of the lexicon's words, jieba's model), so 中山装 is
// a garment, not 中山, and one character is never a place. Whether a
// division's short form names a place a reader would see (和平 is also a
// district) is for the caller to judge; see [IsPlace].
func PlaceWords(name string) []string {
	var out [1][]string
	wordsRead(name, func(w string) int {
		if lexicon.Place(w) {
			return 0
		}
		return -1
	}, out[:])
	return out[0]
}

// PlaceAndIdiomWords returns [PlaceWords](name) and [IdiomWords](name),
// reading name once.
func PlaceAndIdiomWords(name string) (places, idioms []string) {
	var out [2][]string
	wordsRead(name, placeOrIdiom, out[:])
	return out[0], out[1]
}

// placeOrIdiom is 0 for a place, 1 for an idiom, -1 for another word (no
// word is both: TestPlaceAndIdiomWordsAsEach).
func placeOrIdiom(w string) int {
	switch {
	case lexicon.Place(w):
		return 0
	case lexicon.Idiom(w):
		return 1
	}
	return -1
}

// wordsRead adds to out[c] the words of two or more characters of name
// that class puts in class c (>= 0), each once, in order, as the
// segmenter reads each run of Chinese characters of name (see
// PlaceWords).
func wordsRead(name string, class func(w string) int, out [][]string) {
	run := make([]rune, 0, 32)
	flush := func() {
		for _, w := range wordsOfRun(run) {
			c := class(w)
			if c < 0 {
				continue
			}
			seen := false
			for _, x := range out[c] {
				seen = seen || x == w
			}
			if !seen {
				out[c] = append(out[c], w)
			}
		}
		run = run[:0]
	}
	for _, r := range name {
		if r >= 0x3400 && r <= 0x9FFF && len(run) < maxPlaceRun {
			run = append(run, r)
			continue
		}
		flush()
	}
	flush()
}

// IsPlace reports whether w, two to four Chinese characters in simplified
// form, is the name of a division of China or its short form.
func IsPlace(w string) bool { return lexicon.Place(w) }

// wordsOfRun segments a run of Chinese characters and returns its words
// of two or more characters, in order.
func wordsOfRun(run []rune) []string {
	n := len(run)
	if n < 2 {
		return nil
	}
	// best[j] is the log-probability of the best segmentation of run[:j],
	// from[j] where its last word starts.
	best := make([]float64, n+1)
	from := make([]int, n+1)
	for j := 1; j <= n; j++ {
		best[j], from[j] = -1e18, j-1
		for k := 1; k <= 4 && k <= j; k++ {
			i := j - k
			code, ok := lexicon.Lookup(string(run[i:j]))
			if !ok {
				if k > 1 {
					continue
				}
				code = 0 // an unknown character: the least frequency
			}
			if s := best[i] + float64(code)/8 - lexicon.LogTotal; s > best[j] {
				best[j], from[j] = s, i
			}
		}
	}
	var out []string
	for j := n; j > 0; j = from[j] {
		if i := from[j]; j-i >= 2 {
			out = append(out, string(run[i:j]))
		}
	}
	for a, b := 0, len(out)-1; a < b; a, b = a+1, b-1 {
		out[a], out[b] = out[b], out[a]
	}
	return out
}
