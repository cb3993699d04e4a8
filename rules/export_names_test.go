package rules

import "github.com/icpcheck/beian/rules/names"

// PersonalDictionaryForTest gives the tests of package rules_test the
// personal-site words of data/personal.txt.
func PersonalDictionaryForTest() *names.Dictionary { return personalDictionary() }

// AppNameWordsForTest gives the tests of package rules_test the words of
// data/app_names.txt by category ("generic", "hot:腾讯" …).
func AppNameWordsForTest() map[string][]string {
	l := appNameIndex()
	out := map[string][]string{}
	for w := range l.generic {
		out["generic"] = append(out["generic"], w)
	}
	for w, cat := range l.hot {
		out[cat] = append(out[cat], w)
	}
	return out
}

// PreApprovalHintDictionaryForTest gives the tests of package rules_test
// the pre-approval hint words of data/preapproval_hints.txt.
func PreApprovalHintDictionaryForTest() *names.Dictionary { return preApprovalHintDictionary() }

// RestrictedDictionaryForTest gives the tests of package rules_test the
// words of licensed trades and banned goods of data/restricted.txt.
func RestrictedDictionaryForTest() *names.Dictionary { return restrictedDictionary() }
