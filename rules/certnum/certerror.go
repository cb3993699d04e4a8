package certnum

import (
	"strconv"
	"unicode/utf8"

	"github.com/icpcheck/beian"
)

// A Reason says why a certificate number is not valid. The zero value
// is not a reason.
type Reason uint8

// The reasons a certificate number is refused.
const (
	// ReasonEmpty: nothing but spaces and hyphens was given.
	ReasonEmpty Reason = iota + 1
	// ReasonLength: the number has the wrong number of characters.
	ReasonLength
	// ReasonCharacter: a character cannot appear at its position.
	ReasonCharacter
	// ReasonCheckCharacter: the check character does not match the rest.
	ReasonCheckCharacter
	// ReasonBirthDate: the birth date in an ID number is not a real day.
	ReasonBirthDate
	// ReasonFutureBirthDate: the birth date in an ID number is later than
	// the day of checking.
	ReasonFutureBirthDate
	// ReasonDivision: the division code names no province (nor Hong Kong,
	// Macao or Taiwan for residence permits).
	ReasonDivision
	// ReasonLegacyIDCard: a 15-digit ID number of the first generation,
	// replaced by 18-digit cards since 2004 and not accepted for filing.
	ReasonLegacyIDCard
	// ReasonEmbeddedOrgCode: the organisation code inside a credit code
	// (characters 9 to 17) fails its own GB 11714 check.
	ReasonEmbeddedOrgCode
	// ReasonAuthority: the first character of a credit code is no
	// registration authority of GB 32100.
	ReasonAuthority
	// ReasonFormat: the number does not have the form of its certificate
	// type (permits, passports, permanent-residence cards).
	ReasonFormat
	// ReasonCategory: characters 1 and 2 of a credit code are a
	// registration authority and organisation category GB 32100 does not
	// define together (9 and 8: market regulation has no category 8).
	ReasonCategory
)

var reasonNames = [...]string{
	ReasonEmpty:           "empty",
	ReasonLength:          "length",
	ReasonCharacter:       "character",
	ReasonCheckCharacter:  "check_character",
	ReasonBirthDate:       "birth_date",
	ReasonFutureBirthDate: "future_birth_date",
	ReasonDivision:        "division",
	ReasonLegacyIDCard:    "legacy_id_card",
	ReasonEmbeddedOrgCode: "embedded_org_code",
	ReasonAuthority:       "authority",
	ReasonFormat:          "format",
	ReasonCategory:        "category",
}

var reasonDescriptions = [...]string{
	ReasonEmpty:           "empty",
	ReasonLength:          "wrong number of characters",
	ReasonCharacter:       "a character that cannot appear there",
	ReasonCheckCharacter:  "check character does not match",
	ReasonBirthDate:       "birth date is not a real day",
	ReasonFutureBirthDate: "birth date in the future",
	ReasonDivision:        "division code of no province",
	ReasonLegacyIDCard:    "15-digit first-generation ID number",
	ReasonEmbeddedOrgCode: "embedded organisation code fails its check",
	ReasonAuthority:       "no registration authority",
	ReasonFormat:          "not the form of this certificate's numbers",
	ReasonCategory:        "no authority and category pair of GB 32100",
}

// String returns the reason's stable name: "check_character", "length" …
func (r Reason) String() string {
	if int(r) < len(reasonNames) && reasonNames[r] != "" {
		return reasonNames[r]
	}
	return "reason(" + strconv.Itoa(int(r)) + ")"
}

// A Error reports a certificate number a parser refuses, with the
// reason and, for a bad character, where it is.
type Error struct {
	// Type is the certificate type the number was checked as.
	Type beian.CertType
	// Reason says what is wrong.
	Reason Reason
	// Pos is the 1-based position of the offending character in the
	// normalised number, 0 when the reason concerns no single character.
	Pos int
	// Char is the offending character, 0 when Pos is 0.
	Char rune
	// Want, for ReasonLength, is the expected number of characters.
	Want int
}

// Error returns the reason in English, with the package prefix, the
// expected length and the offending character where there are.
func (e *Error) Error() string {
	desc := e.Reason.String()
	if int(e.Reason) < len(reasonDescriptions) && reasonDescriptions[e.Reason] != "" {
		desc = reasonDescriptions[e.Reason]
	}
	s := "certnum: invalid " + string(e.Type) + " number: " + desc
	if e.Reason == ReasonLength && e.Want > 0 {
		s += " (want " + strconv.Itoa(e.Want) + ")"
	}
	if e.Pos > 0 && e.Char != 0 {
		s += ": " + strconv.QuoteRune(e.Char) + " at position " + strconv.Itoa(e.Pos)
	}
	return s
}

// certErr returns a *Error without position.
func certErr(t beian.CertType, r Reason) *Error {
	return &Error{Type: t, Reason: r}
}

// charErr reports the character of s at byte index i (a rune start).
func charErr(t beian.CertType, s string, i int) *Error {
	pos := 1
	for j := range s {
		if j >= i {
			break
		}
		pos++
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return &Error{Type: t, Reason: ReasonCharacter, Pos: pos, Char: r}
}

// lenErr reports a number of the wrong length.
func lenErr(t beian.CertType, want int) *Error {
	return &Error{Type: t, Reason: ReasonLength, Want: want}
}
