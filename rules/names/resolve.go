package names

import (
	"slices"
	"unicode/utf8"

	"github.com/icpcheck/beian/rules/internal/fold"
	"github.com/icpcheck/beian/rules/names/internal/lexicon"
)

// resolve keeps, of the occurrences scan found, the words meant (see
// [Dictionary.meant] and [Dictionary.latinMeant]) that no longer word
// kept contains, sorted by position; it reuses found's memory, and
// stream's for the stream of Chinese characters. Its time is linear in
// the number of occurrences, but for the final sort.
func (d *Dictionary) resolve(text string, found []occurrence, stream []rune) []occurrence {
	nHan := 0
	for k := range found {
		if d.entries[found[k].entry].han {
			nHan++
		}
	}
	if nHan > 0 {
		hans := found
		if nHan < len(found) {
			hans = make([]occurrence, 0, nHan)
			for _, o := range found {
				if d.entries[o.entry].han {
					hans = append(hans, o)
				}
			}
		}
		stream = hanStream(text, stream[:0])
		for k := range found {
			if o := &found[k]; d.entries[o.entry].han && !d.meant(*o, stream, hans) {
				o.dead = true
			}
		}
	}
	for k := range found {
		if o := &found[k]; !d.entries[o.entry].han && o.glued != 0 && !d.latinMeant(text, *o) {
			o.dead = true
		}
	}
	kept := found[:0]
	for _, o := range found {
		if !o.dead {
			kept = append(kept, o)
		}
	}
	if len(kept) < 2 {
		return kept
	}
	// By start, the longer first: a word is inside a longer one when an
	// earlier one ends after it, or at its end but starts before it.
	slices.SortFunc(kept, func(x, y occurrence) int {
		if x.start != y.start {
			return x.start - y.start
		}
		return y.end - x.end
	})
	maxEnd, maxEndStart := -1, -1
	out := kept[:0]
	for _, o := range kept {
		inside := maxEnd > o.end || maxEnd == o.end && maxEndStart < o.start
		if o.end > maxEnd {
			maxEnd, maxEndStart = o.end, o.start
		}
		if !inside {
			out = append(out, o)
		}
	}
	return out
}

// maxEnglish is the length of the longest word of the English list.
const maxEnglish = 12

// latinWindow is how many bytes either side of a glued Latin word
// latinMeant reads.
const latinWindow = 64

// latinMeant reports whether a Latin word found glued to other letters
// is plainly meant: every glued side is English words (online+casino,
// porn+hub), or an inflection (casinos), and the whole is not itself an
// ordinary English word that merely holds the letters. Glued digits
// (1024 in 102400) are never meant.
func (d *Dictionary) latinMeant(text string, o occurrence) bool {
	e := &d.entries[o.entry]
	if o.glued&gluedLeft != 0 && e.left == kindDigit || o.glued&gluedRight != 0 && e.right == kindDigit {
		return false
	}
	left, right := "", ""
	if o.glued&gluedLeft != 0 {
		ps := max(0, o.start-latinWindow)
		for ps > 0 && !utf8.RuneStart(text[ps]) {
			ps--
		}
		left = trailingLetters(fold.String(text[ps:o.start]))
	}
	if o.glued&gluedRight != 0 {
		pe := min(len(text), o.end+latinWindow)
		for pe < len(text) && !utf8.RuneStart(text[pe]) {
			pe++
		}
		right = leadingLetters(fold.String(text[o.end:pe]))
	}
	inflection := left == "" && (right == "s" || right == "es")
	if n := len(left) + len(e.word) + len(right); !inflection && n <= maxEnglish && lexicon.English(left+e.word+right) {
		return false
	}
	return (left == "" || englishWords(left)) && (right == "" || inflection || englishWords(right))
}

func isLetter(b byte) bool { return 'a' <= b && b <= 'z' }

func trailingLetters(s string) string {
	i := len(s)
	for i > 0 && isLetter(s[i-1]) {
		i--
	}
	return s[i:]
}

func leadingLetters(s string) string {
	i := 0
	for i < len(s) && isLetter(s[i]) {
		i++
	}
	return s[:i]
}

// englishWords reports whether s, lower-case letters, is one or more
// English words of three letters or more end to end.
func englishWords(s string) bool {
	if s == "" || len(s) > latinWindow {
		return false
	}
	var can [latinWindow + 1]bool // can[i]: s[i:] is words
	can[len(s)] = true
	for i := len(s) - 1; i >= 0; i-- {
		for j := i + 3; j <= len(s) && j-i <= maxEnglish; j++ {
			if can[j] && lexicon.English(s[i:j]) {
				can[i] = true
				break
			}
		}
	}
	return can[0]
}

func (d *Dictionary) match(o occurrence) Match {
	e := &d.entries[o.entry]
	return Match{Word: e.word, Category: e.category, Start: o.start, End: o.end}
}

// find scans text and resolves what it finds, in the buffers given.
func (d *Dictionary) find(text string, found []occurrence, stream []rune) []occurrence {
	found = d.scanAll(text, found)
	if len(found) == 0 {
		return found
	}
	return d.resolve(text, found, stream)
}

// Find returns the first word of d in text, and false when there is none.
// It does not allocate for a text of up to a few words found.
func (d *Dictionary) Find(text string) (Match, bool) {
	var buf [4]occurrence
	var stream [64]rune
	found := d.find(text, buf[:0], stream[:0])
	if len(found) == 0 {
		return Match{}, false
	}
	return d.match(found[0]), true
}

// FindAll returns every word of d in text, by position. A word found
// inside a longer one (赌博 in 网络赌博) is not reported.
func (d *Dictionary) FindAll(text string) []Match {
	var buf [4]occurrence
	var stream [64]rune
	found := d.find(text, buf[:0], stream[:0])
	if len(found) == 0 {
		return nil
	}
	out := make([]Match, len(found))
	for k, o := range found {
		out[k] = d.match(o)
	}
	return out
}
