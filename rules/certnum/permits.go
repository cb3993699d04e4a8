package certnum

import (
	"time"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/provinces"
)

// The certificates of people from outside the mainland have no check
// character; their parsers check the form the reference gives
// (public validators such as credentialverifier; MED or LOW: no
// official page was found), leniently where the forms
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

// A TaiwanPermit is a parsed 台湾居民来往大陆通行证 (台胞证) number. Three
// forms are accepted, each with its source:
//
//   - eight digits, the holder's lifetime number (台胞终身号): every card
//     issued since 2008-09-25 ("一人一号、终身不变", 中新网 2008-09-12,
//     reprinted at ncdzx.com/sy/rdxw/200809/t20080912_742862.htm;
//     howardli/CredentialKit TwTravelPermitNumberProcessor accepts
//     \d{8});
//   - ten digits, the lifetime number and a two-digit issue count (签发次数):
//     cards of Fujian, Jiangsu and Shanghai from 2006-06 (same article;
//     CredentialKit accepts \d{10}, test vector 1234567890);
//   - ten digits and a letter or digit in parentheses, the code of the
//     issuing authority (签发机关代码): the form of 1992 (same article;
//     "0561682001(D)", a card of CTS Macao, in public explanations of the
//     number).
//
// Nine digits, or letters in the issue count, have no source and are
// refused.
type TaiwanPermit struct {
	// Number is the normalised number: 8 or 10 digits, or 10 digits and
	// the issuing authority's code in ASCII parentheses.
	Number string
}

// Lifetime returns the holder's lifetime number, the first eight digits,
// the same on every card of the holder.
func (p TaiwanPermit) Lifetime() string {
	if len(p.Number) < 8 {
		return ""
	}
	return p.Number[:8]
}

// ParseTaiwanPermit parses a Mainland Travel Permit number for Taiwan
// residents as typed (see [Normalize]), in one of the forms
// [TaiwanPermit] lists. The error is a *[Error].
func ParseTaiwanPermit(in string) (TaiwanPermit, error) {
	const t = beian.CertTaiwanPermit
	s, err := cleanFor(t, in, 8)
	if err != nil {
		return TaiwanPermit{}, err
	}
	digits := len(s)
	if len(s) == 13 {
		// 10 digits and (X): the 1992 form with the issuing authority.
		if s[10] != '(' || s[12] != ')' {
			return TaiwanPermit{}, certErr(t, ReasonFormat)
		}
		if c := s[11]; (c < '0' || c > '9') && (c < 'A' || c > 'Z') {
			return TaiwanPermit{}, charErr(t, s, 11)
		}
		digits = 10
	} else if len(s) != 8 && len(s) != 10 {
		return TaiwanPermit{}, lenErr(t, 8)
	}
	if i := firstNonDigit(s[:digits]); i >= 0 {
		return TaiwanPermit{}, charErr(t, s, i)
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
// 2017 card three letters of nationality and twelve digits; on the 2023
// card eighteen characters like a resident ID number: 9, the two-digit
// code of the province that accepted the application, the three-digit
// ISO 3166 numeric code of the nationality, the birth date YYYYMMDD, three
// digits of sequence and sex, and the GB 11643 (ISO 7064 MOD 11-2) check
// character (the 2023 card's length and leading 9 are from the NIA's
// announcement as remembered, LOW;
// howardli/CredentialKit ForeignerPermanentResidenceIdNumberProcessor
// reads and checks the same parts, and its test vectors are in this
// package's tests).
type ForeignPermanentResidence struct {
	// Number is the normalised number, 15 or 18 characters.
	Number string
	// Edition is 2017 or 2023, the card's form.
	Edition int
	// Nationality is the ISO 3166 alpha-3 code of a 2017 card, or the
	// three-digit ISO 3166 numeric code of a 2023 card.
	Nationality string
	// Birth is the holder's birth date on a 2023 card, zero on a 2017
	// card.
	Birth beian.Date
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
		if _, ok := provinces.ByCode(s[1:3]); !ok {
			return ForeignPermanentResidence{}, certErr(t, ReasonDivision)
		}
		birth, ok := checkDate(s[6:14])
		if !ok {
			return ForeignPermanentResidence{}, certErr(t, ReasonBirthDate)
		}
		if c, _ := IDCheckChar(s[:17]); c != s[17] {
			return ForeignPermanentResidence{}, certErr(t, ReasonCheckCharacter)
		}
		return ForeignPermanentResidence{Number: s, Edition: 2023, Nationality: s[3:6],
			Birth: beian.NewDate(birth/10000, time.Month(birth/100%100), birth%100)}, nil
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
