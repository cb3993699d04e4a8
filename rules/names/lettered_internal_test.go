package names

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/icpcheck/beian/rules/names/internal/pinyin"
)

// TestClassLetteredName: a name whose Latin part reads as the first
// character of a grave two-character word and whose Chinese part opens a
// common word (Du博物馆, Bo彩印, Luo聊天室: a person's or a brand's Latin
// name before an ordinary word) is not an error: every grave
// two-character word of the default dictionary, its first character in
// each of its readings (lower case and capitalised), before every word of
// jieba's dictionary (frequency 300 or more) its second character opens
// that the lexicon counts common (commonCode), in two frames. A warning with the reading is allowed.
// The disguise side: the same pinyin before the word's second character
// and 资讯网 (no word runs on) is still an error, but where the
// characters make another word.
func TestClassLetteredName(t *testing.T) {
	d := DefaultDictionary()
	freq := readFrequencies(t)
	byFirst := map[rune][]string{}
	for w, n := range freq {
		if code, ok := lexiconCode([]rune(w)); ok && code >= commonCode && n >= 300 && utf8.RuneCountInString(w) >= 2 {
			r, _ := utf8.DecodeRuneInString(w)
			byFirst[r] = append(byFirst[r], w)
		}
	}
	innocent := &tally{t: t, class: "lettered names, pinyin + a common word"}
	disguise := &tally{t: t, class: "lettered disguises, pinyin + the second character"}
	for _, e := range d.entries {
		if !e.grave || !e.han || e.exception || e.runes != 2 {
			continue
		}
		rs := []rune(e.word)
		readings := pinyin.Of(rs[0])
		for k := range readings.Len() {
			syl := readings.At(k)
			for _, latin := range []string{syl, strings.ToUpper(syl[:1]) + syl[1:]} {
				for _, w := range byFirst[rs[1]] {
					if len(d.FindAll(w)) > 0 {
						continue // itself listed (赌博 after wang): no innocent name
					}
					for _, name := range []string{latin + w, "示例" + latin + w + "中心"} {
						innocent.cases++
						for _, m := range d.FindAll(name) {
							if m.Word == e.word {
								innocent.falseAlarm("%q: %s", name, m.Word)
							}
						}
					}
				}
				name := latin + string(rs[1]) + "资讯网"
				if _, ok := freq[string(rs[1])+"资"]; ok {
					continue
				}
				disguise.cases++
				found := false
				for _, m := range d.FindAll(name) {
					found = found || m.Word == e.word
				}
				if !found {
					disguise.miss("%q: %s", name, e.word)
				}
			}
		}
	}
	innocent.done(500)
	disguise.done(50)
}
