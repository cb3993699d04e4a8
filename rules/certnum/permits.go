package certnum

import "github.com/icpcheck/beian"

// The certificates of people from outside the mainland have no check
// character; their parsers check the form the reference gives
// (icp-rules §7.2, marked MED or LOW there), leniently where the forms
// vary.

// A HKMacaoPermit is a parsed 港澳居民来往内地通行证 (回乡证) number: H
// (Hong Kong) or M (Macao) and eight digits; older cards append a
// two-digit issue count.
type HKMacaoPermit struct {
	// Number is the normalised number, 9 or 11 characters.
	Number string
	// Macao is true for an M number, false for an H (Hong Kong) number.
	Macao bool
}

// ParseHKMacaoPermit parses a Mainland Travel Permit number for Hong Kong
// and Macao residents as typed (see [Normalize]). The error is
// a *[Error].
func ParseHKMacaoPermit(in string) (HKMacaoPermit, error) {
	const t = beian.CertHKMacaoPermit
	s, err := cleanFor(t, in, 9)
	if err != nil {
		return HKMacaoPermit{}, err
	}
	if len(s) != 9 && len(s) != 11 {
		return HKMacaoPermit{}, lenErr(t, 9)
	}
	if s[0] != 'H' && s[0] != 'M' {
		return HKMacaoPermit{}, &Error{Type: t, Reason: ReasonFormat, Pos: 1, Char: rune(s[0])}
	}
	if i := firstNonDigit(s[1:]); i >= 0 {
		return HKMacaoPermit{}, charErr(t, s, i+1)
	}
	return HKMacaoPermit{Number: s, Macao: s[0] == 'M'}, nil
}

// A TaiwanPermit is a parsed 台湾居民来往大陆通行证 (台胞证) number: eight
// digits on current cards; older cards add one or two characters of issue
// count.
type TaiwanPermit struct {
	// Number is the normalised number, parentheses around the issue count
	// removed.
	Number string
}

// ParseTaiwanPermit parses a Mainland Travel Permit number for Taiwan
// residents as typed (see [Normalize]); parentheses around an
// older card's issue count are dropped. The error is a *[Error].
func ParseTaiwanPermit(in string) (TaiwanPermit, error) {
	const t = beian.CertTaiwanPermit
	s, err := cleanFor(t, in, 8)
	if err != nil {
		return TaiwanPermit{}, err
	}
	if len(s) > 8 && hasParen(s) {
		s = dropParens(s)
	}
	if len(s) < 8 || len(s) > 10 {
		return TaiwanPermit{}, lenErr(t, 8)
	}
	if i := firstNonDigit(s[:8]); i >= 0 {
		return TaiwanPermit{}, charErr(t, s, i)
	}
	for i := 8; i < len(s); i++ {
		if !isCleanCert(s[i : i+1]) {
			return TaiwanPermit{}, charErr(t, s, i)
		}
	}
	return TaiwanPermit{Number: s}, nil
}

// A Passport is a parsed passport number. Passports of other countries
// have no common form, so only the characters and the length are checked;
// Chinese passports (E or G and eight characters) are recognised.
type Passport struct {
	// Number is the normalised number.
	Number string
	// Chinese is true for the form of a Chinese passport: E and eight
	// digits or a letter and seven digits (current), or G and eight digits
	// (before 2012).
	Chinese bool
}

// ParsePassport parses a passport number as typed (see
// [Normalize]): 5 to 17 capital letters and digits, at least one
// of them a digit (ICAO 9303 numbers are up to nine characters, some
// countries' longer). The error is a *[Error].
func ParsePassport(in string) (Passport, error) {
	const t = beian.CertPassport
	s, err := cleanFor(t, in, 9)
	if err != nil {
		return Passport{}, err
	}
	if len(s) < 5 || len(s) > 17 {
		return Passport{}, lenErr(t, 9)
	}
	digits := 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case '0' <= c && c <= '9':
			digits++
		case 'A' <= c && c <= 'Z':
		default:
			return Passport{}, charErr(t, s, i)
		}
	}
	if digits == 0 {
		return Passport{}, certErr(t, ReasonFormat)
	}
	return Passport{Number: s, Chinese: chinesePassport(s)}, nil
}

// chinesePassport reports whether s has the form of a Chinese passport
// number.
func chinesePassport(s string) bool {
	if len(s) != 9 {
		return false
	}
	switch s[0] {
	case 'E':
		c := s[1]
		return (('0' <= c && c <= '9') || ('A' <= c && c <= 'Z')) && firstNonDigit(s[2:]) < 0
	case 'G':
		return firstNonDigit(s[1:]) < 0
	}
	return false
}

// A ForeignPermanentResidence is a parsed 外国人永久居留身份证 number: on the
// 2017 card three letters of nationality and twelve digits, on the 2023
// card eighteen characters starting with 9 (the reference marks the 2023
// form as unverified, so its check character is not computed).
type ForeignPermanentResidence struct {
	// Number is the normalised number, 15 or 18 characters.
	Number string
	// Edition is 2017 or 2023, the card's form.
	Edition int
	// Nationality is the ISO 3166 alpha-3 code of a 2017 card, empty for
	// a 2023 card.
	Nationality string
}

// ParseForeignPermanentResidence parses a Foreign Permanent Resident ID
// Card number as typed (see [Normalize]). The error is a
// *[Error].
func ParseForeignPermanentResidence(in string) (ForeignPermanentResidence, error) {
	const t = beian.CertForeignPermanentResidence
	s, err := cleanFor(t, in, 18)
	if err != nil {
		return ForeignPermanentResidence{}, err
	}
	switch len(s) {
	case 15:
		for i := 0; i < 3; i++ {
			if s[i] < 'A' || s[i] > 'Z' {
				return ForeignPermanentResidence{}, charErr(t, s, i)
			}
		}
		if i := firstNonDigit(s[3:]); i >= 0 {
			return ForeignPermanentResidence{}, charErr(t, s, i+3)
		}
		return ForeignPermanentResidence{Number: s, Edition: 2017, Nationality: s[:3]}, nil
	case 18:
		if s[0] != '9' {
			return ForeignPermanentResidence{}, &Error{Type: t, Reason: ReasonFormat, Pos: 1, Char: rune(s[0])}
		}
		if i := firstNonDigit(s[:17]); i >= 0 {
			return ForeignPermanentResidence{}, charErr(t, s, i)
		}
		if c := s[17]; (c < '0' || c > '9') && c != 'X' {
			return ForeignPermanentResidence{}, charErr(t, s, 17)
		}
		return ForeignPermanentResidence{Number: s, Edition: 2023}, nil
	}
	return ForeignPermanentResidence{}, lenErr(t, 18)
}

// firstNonDigit returns the index of the first byte of s that is not an
// ASCII digit, or -1.
func firstNonDigit(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return i
		}
	}
	return -1
}

func hasParen(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == '(' || s[i] == ')' {
			return true
		}
	}
	return false
}

func dropParens(s string) string {
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if s[i] != '(' && s[i] != ')' {
			b = append(b, s[i])
		}
	}
	return string(b)
}
