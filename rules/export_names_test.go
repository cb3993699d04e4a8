package rules

import "github.com/icpcheck/beian/rules/names"

// PersonalDictionaryForTest gives the tests of package rules_test the
// personal-site words of data/personal.txt.
func PersonalDictionaryForTest() *names.Dictionary { return personalDictionary() }
