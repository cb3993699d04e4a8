package main

import (
	"slices"
	"testing"

	"golang.org/x/text/language"

	"github.com/icpcheck/beian/validate"
)

// TestLanguageName: languageName gives tag.String() and a Content-Language
// of it alone for every tag an answer can be in: the matcher's two, and
// what validate.ParseLanguage makes of ?lang= values of either language
// with regions and scripts. Made to fail by swapping the two shared
// names, and by giving another tag the Chinese answer.
func TestLanguageName(t *testing.T) {
	tags := []language.Tag{language.SimplifiedChinese, language.English, language.Chinese, language.AmericanEnglish, language.TraditionalChinese}
	for _, q := range []string{"zh", "zh-CN", "zh-Hans", "zh-Hans-CN", "zh-TW", "zh-Hant", "en", "en-US", "en-GB", "EN", "zh_cn"} {
		if tag, err := validate.ParseLanguage(q); err == nil {
			tags = append(tags, tag)
		}
	}
	if len(tags) < 10 {
		t.Fatalf("only %d tags", len(tags))
	}
	for _, tag := range tags {
		name, header := languageName(tag)
		if want := tag.String(); name != want || !slices.Equal(header, []string{want}) {
			t.Errorf("%v: languageName gives %q, %q", tag, name, header)
		}
	}
}
