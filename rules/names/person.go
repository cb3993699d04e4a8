package names

import (
	"strings"
	"unicode/utf8"

	"github.com/icpcheck/beian/rules/internal/fold"
	"github.com/icpcheck/beian/rules/names/internal/lexicon"
)

// PersonName reports whether name, normalised (see [Normalize]), has the
// shape of a person's name rather than a business's or an
// organisation's:
//
//   - a surname of the 百家姓 (one or two characters) and one to three
//     Chinese characters, none of them a company-name part such as 彩印
//     or 科技 (张三, 王小明, 欧阳娜娜; not 金博彩印);
//   - a nickname: 小, 阿 or 老 and one or two Chinese characters (小明);
//   - a foreign name in Chinese characters whose parts a middle dot
//     joins (约翰·史密斯), the dot any of the look-alikes [NameDot] knows;
//   - one to four words of Latin letters (John Smith).
func PersonName(name string) bool {
	name = strings.TrimSpace(name)
	if name == "" || len(name) > 64 {
		return false
	}
	if latinName(name) {
		return true
	}
	if strings.IndexFunc(name, NameDot) >= 0 {
		parts := strings.FieldsFunc(name, NameDot)
		if len(parts) < 2 || len(parts) > 4 {
			return false
		}
		for _, p := range parts {
			if !hanOnly(p) || utf8.RuneCountInString(p) > 6 {
				return false
			}
		}
		return true
	}
	if !hanOnly(name) {
		return false
	}
	rs := []rune(name)
	n := len(rs)
	switch rs[0] {
	case '小', '阿', '老':
		if n == 2 || n == 3 {
			return true
		}
	}
	for sl := 2; sl >= 1; sl-- {
		if n-sl < 1 || n-sl > 3 || !lexicon.Surname(string(rs[:sl])) {
			continue
		}
		given := string(rs[sl:])
		for i := 0; i < len(given); i += 3 {
			for j := i + 6; j <= len(given) && j-i <= 12; j += 3 {
				if lexicon.Company(given[i:j]) {
					return false
				}
			}
		}
		return true
	}
	return false
}

// NameDot reports whether r is a middle dot or one of its look-alikes,
// which join the parts of a foreign name written in Chinese characters
// (达·芬奇): U+00B7 and U+0387, the bullets U+2022 and U+2219, U+2027,
// U+22C5, U+2E31, U+30FB and U+FF65 (katakana), U+A78F, U+318D and
// U+16EB.
func NameDot(r rune) bool {
	switch r {
	case 0x00B7, 0x0387, 0x2022, 0x2027, 0x2219, 0x22C5, 0x2E31, 0x30FB, 0xFF65, 0xA78F, 0x318D, 0x16EB:
		return true
	}
	return false
}

func hanOnly(s string) bool {
	for _, r := range s {
		if fold.ClassOf(r) != fold.Han {
			return false
		}
	}
	return s != ""
}

func latinName(s string) bool {
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 4 {
		return false
	}
	for _, w := range words {
		for i := 0; i < len(w); i++ {
			if c := w[i]; !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '.' || c == '-' || c == '\'') {
				return false
			}
		}
	}
	return true
}
