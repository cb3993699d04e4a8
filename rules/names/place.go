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
func PlaceWords(name string) []string { return wordsRead(name, lexicon.Place) }

// wordsRead returns the words of two or more characters of name that
// keep holds, each once, in order, as the segmenter reads each run of
// Chinese characters of name (see PlaceWords).
func wordsRead(name string, keep func(w string) bool) []string {
	var out []string
	run := make([]rune, 0, 32)
	flush := func() {
		for _, w := range wordsOfRun(run, keep) {
			seen := false
			for _, x := range out {
				seen = seen || x == w
			}
			if !seen {
				out = append(out, w)
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
	return out
}

// IsPlace reports whether w, two to four Chinese characters in simplified
// form, is the name of a division of China or its short form.
func IsPlace(w string) bool { return lexicon.Place(w) }

// wordsOfRun segments a run of Chinese characters and returns the words
// of two or more characters that keep holds.
func wordsOfRun(run []rune, keep func(w string) bool) []string {
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
			if w := string(run[i:j]); keep(w) {
				out = append(out, w)
			}
		}
	}
	for a, b := 0, len(out)-1; a < b; a, b = a+1, b-1 {
		out[a], out[b] = out[b], out[a]
	}
	return out
}
