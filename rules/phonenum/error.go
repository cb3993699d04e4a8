package phonenum

import (
	"errors"
	"strconv"
	"unicode/utf8"
)

// A Reason says why a string is not a usable phone number.
type Reason uint8

// The reasons. The values are stable.
const (
	// ReasonNone is the zero Reason.
	ReasonNone Reason = iota
	// ReasonEmpty: no digits at all.
	ReasonEmpty
	// ReasonBadCharacter: a letter or symbol no phone number has, or a
	// "+" that does not start the number.
	ReasonBadCharacter
	// ReasonTooShort: fewer digits than any number of its kind.
	ReasonTooShort
	// ReasonTooLong: more digits than any number of its kind.
	ReasonTooLong
	// ReasonNotChinese: another country's number (+852, +1 …).
	ReasonNotChinese
	// ReasonUnknownSegment: 11 digits starting with 1 in a segment no
	// operator has (154, 160, 179 …).
	ReasonUnknownSegment
	// ReasonUnknownAreaCode: a leading 0 followed by no area code in use.
	ReasonUnknownAreaCode
	// ReasonMissingAreaCode: a 7- or 8-digit local number without its area
	// code.
	ReasonMissingAreaCode
	// ReasonBadLocalNumber: a known area code followed by a local number
	// of the wrong length or an impossible first digit (a local number
	// never starts with 0 or 1: 010-1234 5678 is not a Beijing number).
	ReasonBadLocalNumber
	// ReasonService: a service or short number (95xxx, 400, 10086 …).
	// The Number [Parse] returns with this reason describes it.
	ReasonService
	// ReasonBadExtension: an extension on a number that has none (a
	// mobile), or an empty or over-long one.
	ReasonBadExtension
	numReasons
)

var reasonNames = [numReasons]string{
	"none", "empty", "bad_character", "too_short", "too_long", "not_chinese",
	"unknown_segment", "unknown_area_code", "missing_area_code", "bad_local_number",
	"service_number", "bad_extension",
}

var reasonText = [numReasons]string{
	"no error", "no digits", "a character no phone number has", "too few digits", "too many digits",
	"not a mainland Chinese number", "no operator has this segment", "no such area code",
	"a local number without its area code", "the local number does not fit the area code",
	"a service number, not a person's", "an extension where none can be",
}

// String returns the reason's stable name: "too_short", "service_number" …
func (r Reason) String() string {
	if r < numReasons {
		return reasonNames[r]
	}
	return "reason(" + strconv.Itoa(int(r)) + ")"
}

// Text returns a short English description of the reason, for logs.
func (r Reason) Text() string {
	if r < numReasons {
		return reasonText[r]
	}
	return r.String()
}

// An Error says why [Parse] did not accept a string.
type Error struct {
	// Input is the string given, cut to its first 64 bytes.
	Input string
	// Reason is why it is not a usable number.
	Reason Reason
}

// Error returns "phonenum: " followed by the quoted input and the reason.
func (e *Error) Error() string {
	return "phonenum: " + strconv.Quote(e.Input) + ": " + e.Reason.Text()
}

// maxInputInError is how much of the input an Error keeps.
const maxInputInError = 64

func newError(s string, r Reason) *Error {
	if len(s) > maxInputInError {
		cut := maxInputInError
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		s = s[:cut]
	}
	return &Error{Input: s, Reason: r}
}

// ReasonOf returns the Reason of an error [Parse] returned, and
// ReasonNone for nil or any other error.
func ReasonOf(err error) Reason {
	var e *Error
	if errors.As(err, &e) {
		return e.Reason
	}
	return ReasonNone
}
