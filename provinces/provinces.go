// Package provinces holds the 31 provincial-level divisions of the
// mainland as the ICP filing system knows them: GB/T 2260 codes, names,
// the abbreviations used in filing numbers, and each provincial
// Communications Administration's (管局) filing policy.
//
// The data is generated from the readable tables under data/ by
// "go generate"; a test keeps the generated file current. Policies are
// facts that change more often than this library is released, so every
// fact carries its source and certainty and can be overridden from JSON
// (see [Policies.Override]).
package provinces

//go:generate go run gen.go

import (
	"sort"
	"strings"
)

// A Province is one provincial-level division of the mainland.
type Province struct {
	// Code is the GB/T 2260 two-digit code, "44".
	Code string
	// Name is the full name, 广东省.
	Name string
	// Short is the short name, 广东.
	Short string
	// Abbr is the abbreviation used in ICP filing numbers, 粤.
	Abbr string
	// Pinyin is the lower-case toneless pinyin, "guangdong".
	Pinyin string
	// English is the English name, "Guangdong".
	English string
}

// All returns the 31 provinces in code order. The slice is new on each
// call.
func All() []Province {
	out := make([]Province, len(table))
	copy(out, table[:])
	return out
}

// Lookup finds a province by any of its forms: the two-digit code ("44"),
// a six-digit division code of the province ("440000", "440305"), the full
// or short name (广东省, 广东), in traditional characters too (廣東省,
// 廣東), the ICP abbreviation (粤, and 川 for
// Sichuan), the usual abbreviation where it differs (贵, 云, 甘), the
// pinyin or the English name in any case ("guangdong", "Guangdong"),
// with its kind's words or without ("Guangdong Province", "Guangdong
// Sheng", "Beijing Municipality", "Guangxi Zhuang Autonomous Region"),
// typed in full width or half. Surrounding spaces are ignored, a run of
// spaces inside reads as one, and a name of several words is also found
// without its spaces ("InnerMongolia").
func Lookup(s string) (Province, bool) {
	if i := codeIndex(s); i >= 0 { // the two-digit code, the usual form
		return table[i], true
	}
	return lookup(s)
}

// lookup is Lookup without its shortcut for a two-digit code
// (TestLookupCodeAsSearch holds the one to the other).
func lookup(s string) (Province, bool) {
	s = strings.TrimSpace(narrowASCII(s))
	if strings.ContainsAny(s, "\t\n\v\f\r") || strings.Contains(s, "  ") {
		s = strings.Join(strings.Fields(s), " ") // a run of spaces read as one
	}
	if len(s) == 6 && isDigits(s) {
		s = s[:2]
	}
	i := sort.Search(len(lookupKeys), func(i int) bool { return compareFold(lookupKeys[i].key, s) >= 0 })
	if i < len(lookupKeys) && compareFold(lookupKeys[i].key, s) == 0 {
		return table[lookupKeys[i].index], true
	}
	return Province{}, false
}

// narrowASCII returns s with its full-width forms of ASCII (U+FF01–U+FF5E:
// ４４, Ｇｕａｎｇｄｏｎｇ, as a Chinese input method types them) and its
// ideographic spaces narrowed; s itself when it has none.
func narrowASCII(s string) string {
	if !strings.ContainsFunc(s, isWideASCII) {
		return s
	}
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\u3000':
			return ' '
		case r >= 0xFF01 && r <= 0xFF5E:
			return r - 0xFEE0
		}
		return r
	}, s)
}

// isWideASCII reports whether r is a full-width form of an ASCII
// character or an ideographic space.
func isWideASCII(r rune) bool { return r >= 0xFF01 && r <= 0xFF5E || r == '\u3000' }

// ByCode returns the province whose GB/T 2260 code is code ("44"); it does
// not accept the other forms [Lookup] does.
func ByCode(code string) (Province, bool) {
	if i := codeIndex(code); i >= 0 {
		return table[i], true
	}
	return Province{}, false
}

// ICPAbbrs returns every abbreviation that starts a valid ICP number of
// the province: [Province.Abbr] first, then those also seen in real
// numbers (川 for Sichuan).
func (p Province) ICPAbbrs() []string {
	i := codeIndex(p.Code)
	if i < 0 {
		return nil
	}
	return append([]string{p.Abbr}, icpAlt[i]...)
}

// IsZero reports whether p is the zero Province, "none".
func (p Province) IsZero() bool { return p.Code == "" }

// String returns the full Chinese name.
func (p Province) String() string { return p.Name }

// Label returns the name for a reader: the short Chinese name when zh is
// true, the English name otherwise.
func (p Province) Label(zh bool) string {
	if zh {
		return p.Short
	}
	return p.English
}

// codeIndex returns the index in table of the province with code, or -1.
func codeIndex(code string) int {
	if len(code) != 2 || code[0] < '0' || code[0] > '9' || code[1] < '0' || code[1] > '9' {
		return -1
	}
	return int(codeIndexes[(code[0]-'0')*10+code[1]-'0']) - 1
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// compareFold compares a lower-case key with s, folding ASCII upper case
// in s, without allocating.
func compareFold(key, s string) int {
	n := min(len(key), len(s))
	for i := 0; i < n; i++ {
		a, b := key[i], s[i]
		if 'A' <= b && b <= 'Z' {
			b += 'a' - 'A'
		}
		if a != b {
			if a < b {
				return -1
			}
			return 1
		}
	}
	switch {
	case len(key) < len(s):
		return -1
	case len(key) > len(s):
		return 1
	}
	return 0
}

// A lookupKey maps one lower-case form of a province's name to its index
// in table; lookupKeys is sorted by key.
type lookupKey struct {
	key   string
	index uint8
}
