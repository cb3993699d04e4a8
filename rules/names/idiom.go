package names

import "github.com/icpcheck/beian/rules/names/internal/lexicon"

// IdiomWords returns the words of name, normalised (see [Normalize]),
// that are idioms (成语: 一帆风顺, 画蛇添足), each once, in order. As for
// [PlaceWords], an idiom counts only as a word the name is read as: each
// run of Chinese characters is segmented the way the segmenter reads
// names. The idioms are the four-character words jieba's dictionary
// tags as idioms, of the frequency the lexicon keeps (see its
// data/idioms.txt).
func IdiomWords(name string) []string {
	var out [1][]string
	wordsRead(name, func(w string) int {
		if lexicon.Idiom(w) {
			return 0
		}
		return -1
	}, out[:])
	return out[0]
}

// IsIdiom reports whether w, four Chinese characters in simplified form,
// is an idiom of [IdiomWords].
func IsIdiom(w string) bool { return lexicon.Idiom(w) }
