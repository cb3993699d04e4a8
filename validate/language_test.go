package validate_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"golang.org/x/text/language"

	"github.com/icpcheck/beian/validate"
)

func TestParseLanguage(t *testing.T) {
	for in, want := range map[string]language.Tag{
		"zh": language.SimplifiedChinese, "ZH": language.SimplifiedChinese, "zh-CN": language.SimplifiedChinese,
		"zh-Hans": language.SimplifiedChinese, "zh-TW": language.SimplifiedChinese, "zh-Hant-HK": language.SimplifiedChinese,
		"cn": language.SimplifiedChinese, " zh ": language.SimplifiedChinese,
		"en": language.English, "EN": language.English, "en-US": language.English, "en-GB": language.English,
	} {
		got, err := validate.ParseLanguage(in)
		if assert.NoError(t, err, in) {
			assert.Equal(t, want, got, in)
		}
	}
	for _, in := range []string{"", "fr", "ja", "de", "xx", "zz-ZZ", "english", "中文", "zh_CN_", "und"} {
		_, err := validate.ParseLanguage(in)
		assert.Error(t, err, in)
	}
}
