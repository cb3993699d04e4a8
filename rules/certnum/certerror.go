package certnum

import (
	"strconv"
	"unicode/utf8"

	"golang.org/x/text/language"

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
)

// Text returns a short description of the reason in both languages.
func (r Reason) Text() Text {
	switch r {
	case ReasonEmpty:
		return Text{"号码为空", "the number is empty"}
	case ReasonLength:
		return Text{"位数不对", "it has the wrong number of characters"}
	case ReasonCharacter:
		return Text{"含有不能出现的字符", "it contains a character that cannot appear there"}
	case ReasonCheckCharacter:
		return Text{"校验位不正确，号码可能抄错", "the check character does not match, so the number is probably mistyped"}
	case ReasonBirthDate:
		return Text{"出生日期不存在", "the birth date is not a real day"}
	case ReasonFutureBirthDate:
		return Text{"出生日期晚于今天", "the birth date is in the future"}
	case ReasonDivision:
		return Text{"地区代码不属于任何省份", "the division code belongs to no province"}
	case ReasonLegacyIDCard:
		return Text{"这是已停用的15位第一代身份证号码，备案须使用18位号码", "it is a 15-digit first-generation ID number; filings need the 18-digit number"}
	case ReasonEmbeddedOrgCode:
		return Text{"其中的组织机构代码（第9至17位）校验不通过", "the organisation code inside it (characters 9 to 17) fails its check"}
	case ReasonAuthority:
		return Text{"第1位不是有效的登记管理部门代码", "the first character is no registration authority"}
	case ReasonFormat:
		return Text{"格式不符合该证件的编号规则", "it does not have the form of this certificate's numbers"}
	}
	return Text{"号码无效", "the number is not valid"}
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

// Error returns the reason in English, with the package prefix.
func (e *Error) Error() string {
	return "certnum: invalid " + string(e.Type) + " number: " + e.Problem().EN
}

// Problem returns what is wrong in both languages, with the position and
// character when there is one: the text CERT_NUMBER_INVALID shows.
func (e *Error) Problem() Text {
	t := e.Reason.Text()
	if e.Reason == ReasonLength && e.Want > 0 {
		n := strconv.Itoa(e.Want)
		t.ZH += "（应为" + n + "位）"
		t.EN += " (want " + n + ")"
	}
	if e.Pos > 0 && e.Char != 0 {
		p := strconv.Itoa(e.Pos)
		c := string(e.Char)
		if e.Char < ' ' || e.Char == 0x7f {
			c = strconv.QuoteRune(e.Char)
		}
		t.ZH += "：第" + p + "位「" + c + "」"
		t.EN += ": " + strconv.Quote(c) + " at position " + p
	}
	return t
}

// Message returns [Error.Problem] in the language of tag.
func (e *Error) Message(tag language.Tag) string { return e.Problem().In(tag) }

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
