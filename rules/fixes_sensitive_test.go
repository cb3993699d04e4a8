package rules_test

import (
	"testing"
	"unicode"

	"github.com/stretchr/testify/assert"

	"github.com/icpcheck/beian/rules"
	"github.com/icpcheck/beian/rules/names"
)

// symbolForms are symbols that read as a character (Ⅵ, ⑥, ⑹ and ⒍ as 六;
// Ⓛ as L): a sensitive word may be typed with one of them in place of its
// character.
var symbolForms = map[rune][]string{
	'一': {"Ⅰ", "①", "⑴", "⒈"}, '二': {"Ⅱ", "②", "⑵", "⒉"}, '三': {"Ⅲ", "③", "⑶", "⒊"},
	'四': {"Ⅳ", "④", "⑷", "⒋"}, '五': {"Ⅴ", "⑤", "⑸", "⒌"}, '六': {"Ⅵ", "⑥", "⑹", "⒍"},
	'七': {"Ⅶ", "⑦", "⑺", "⒎"}, '八': {"Ⅷ", "⑧", "⑻", "⒏"}, '九': {"Ⅸ", "⑨", "⑼", "⒐"},
	'十': {"Ⅹ", "⑩", "⑽", "⒑"},
}

func init() {
	for c := 'a'; c <= 'z'; c++ {
		symbolForms[c] = []string{string('ⓐ' + c - 'a'), string('Ⓐ' + c - 'a'), string('⒜' + c - 'a')}
	}
}

// TestNoSymbolFixForSensitiveWords (outsider18's F3): a name that holds a
// sensitive word as typed gets no certain fix at its name, for removing a
// symbol that stands for one of the word's characters (Ⅵ合彩开奖网: 六合彩)
// would leave a name that passes and says nothing else. Every word of the
// built-in dictionary with a numeral or a letter × each symbol for it ×
// unit and personal filings, and the separator forms (六★合彩).
func TestNoSymbolFixForSensitiveWords(t *testing.T) {
	var cases []string
	for _, w := range names.DefaultDictionary().Words() {
		rs := []rune(w)
		for i, r := range rs {
			for _, sym := range symbolForms[unicode.ToLower(r)] {
				cases = append(cases, string(rs[:i])+sym+string(rs[i+1:])+"资讯网")
			}
		}
		if len(rs) >= 2 {
			cases = append(cases, string(rs[:1])+"★"+string(rs[1:])+"资讯网")
		}
	}
	cases = append(cases, "⑹合彩资讯网", "法Ⓛun功学习网")
	sensitive := 0
	for _, personal := range []bool{false, true} {
		for _, name := range cases {
			f := cleanFiling()
			if personal {
				f = personalFiling("44", "440304199203154320")
			}
			f.Websites[0].Name = name
			rs := run(t, rules.SiteName, f)
			if len(withCode(rs, rules.CodeSiteNameSensitive)) == 0 {
				continue
			}
			sensitive++
			for _, r := range rs {
				assert.Empty(t, r.Fixes, "%q: %s offers a fix, %v", name, r.Code, r.Fixes)
			}
		}
	}
	t.Logf("%d names of %d with a sensitive word", sensitive, 2*len(cases))
	assert.Greater(t, sensitive, 50)
}
