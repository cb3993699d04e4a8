package rules

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/icpcheck/beian/rules/names"
)

// collapseRepeats returns name with each run of one Chinese character
// written more than once in a row written once (六六合合彩彩 → 六合彩), and
// for each byte of the result whether its character stood in such a run;
// ok is false, and nothing is built, when name has no such run. Other
// characters are kept as they are.
func collapseRepeats(name string) (collapsed string, repeated []bool, ok bool) {
	if !hasRepeatedHan(name) {
		return name, nil, false
	}
	var b strings.Builder
	b.Grow(len(name))
	repeated = make([]bool, 0, len(name))
	for i := 0; i < len(name); {
		r, size := utf8.DecodeRuneInString(name[i:])
		j := i + size
		run := false
		if names.ClassOf(r) == names.Han {
			for j < len(name) {
				r2, size2 := utf8.DecodeRuneInString(name[j:])
				if r2 != r {
					break
				}
				j += size2
				run = true
			}
		}
		b.WriteString(name[i : i+size])
		for range size {
			repeated = append(repeated, run)
		}
		i = j
	}
	return b.String(), repeated, true
}

// hasRepeatedHan reports whether name has a Chinese character twice in a
// row. Every Chinese character is three bytes or four in UTF-8: a
// repeated one is a lead byte whose sequence the same bytes follow, which
// a pass over the bytes finds, comparing byte by byte and decoding only
// such a pair.
func hasRepeatedHan(name string) bool {
	for i := 0; i < len(name); i++ {
		c := name[i]
		if c < 0xE0 || c > 0xF4 {
			continue // ASCII, a continuation byte, a two-byte lead, invalid
		}
		size := 3
		if c >= 0xF0 {
			size = 4
		}
		j := i + size
		if j+size > len(name) {
			continue // no room for a pair after this lead
		}
		if name[j] != c || name[j+1] != name[i+1] || name[j+2] != name[i+2] || size == 4 && name[j+3] != name[i+3] {
			continue
		}
		if r, n := utf8.DecodeRuneInString(name[i:]); n == size && names.ClassOf(r) == names.Han {
			return true
		}
	}
	return false
}

// minRepeatedWord is the shortest word looked for with its characters
// repeated: a word of two written so (赌赌博博) still holds the word.
const minRepeatedWord = 3

// repeatedWords returns the words of dict, of three characters or more,
// that the normalised name holds with each of their characters written
// twice or more in a row (六六合合彩彩 is 六合彩, 法法轮轮功功 法轮功): a word
// hidden by repeating its characters. Only the word's own characters
// count, not homophones, and only where every one of them is repeated, so
// that an ordinary reduplication (天天, 嘟嘟) beside other words reads as
// it did. Words the name holds as written (found) are not returned again;
// a name without a repeated character costs one pass over its bytes.
func repeatedWords(dict *names.Dictionary, name string, found []names.Match) []names.Match {
	collapsed, repeated, ok := collapseRepeats(name)
	if !ok {
		return nil
	}
	var out []names.Match
	for _, m := range dict.FindAll(collapsed) {
		if m.Homophone || m.ReadAs != "" || utf8.RuneCountInString(m.Word) < minRepeatedWord ||
			m.Start < 0 || m.End > len(repeated) || m.Start >= m.End || slices.Contains(repeated[m.Start:m.End], false) {
			continue
		}
		if !slices.ContainsFunc(found, func(f names.Match) bool { return f.Word == m.Word }) {
			out = append(out, m)
		}
	}
	return out
}

// repeatedReading is the reading argument of a word found with its
// repeated characters read once.
var repeatedReading = Loc("reading", "（其中的字写了两遍，每个字只读一次即为该词）",
	" (written with its characters repeated: read once each, they are the word, which is refused)")

// repeatedPrefix is bannedPrefixOf of name read with each run of a
// repeated Chinese character once, where every character of the prefix
// found was repeated (中中国国示例科技): the word, and whether the subject
// may use it; "" when there is none.
func repeatedPrefix(pass *Pass, name string) (word string, exempt bool) {
	collapsed, repeated, ok := collapseRepeats(name)
	if !ok {
		return "", false
	}
	word, exempt, span := bannedPrefixOf(pass, collapsed, nil, nil)
	if word == "" || span[0] >= span[1] || span[1] > len(repeated) || slices.Contains(repeated[span[0]:span[1]], false) {
		return "", false
	}
	return word, exempt
}
