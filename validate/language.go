package validate

import (
	"fmt"
	"strings"

	"golang.org/x/text/language"
)

// ParseLanguage reads the report language a user names, as the example
// front ends take it (icpcheck's --lang, the service's ?lang=): a BCP 47
// tag whose base language is Chinese (zh, zh-CN, zh-Hans, zh-TW; and cn)
// is [language.SimplifiedChinese], one whose base language is English
// (en, en-US, en-GB) is [language.English], anything else an error: the
// reports are written in those two languages only, and a user who asked
// for a third should be told rather than answered in one of them.
func ParseLanguage(s string) (language.Tag, error) {
	s = strings.TrimSpace(s)
	if strings.EqualFold(s, "cn") {
		return language.SimplifiedChinese, nil
	}
	if tag, err := language.Parse(s); err == nil {
		// The base language as written, not guessed (und is no English).
		switch base, conf := tag.Base(); {
		case conf != language.Exact:
		case base.String() == "zh":
			return language.SimplifiedChinese, nil
		case base.String() == "en":
			return language.English, nil
		}
	}
	return language.Und, fmt.Errorf("unknown report language %q: want zh or en", s)
}
