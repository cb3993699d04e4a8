package certnum

import (
	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/provinces"
)

// A RegistrationNumber is a parsed 15-digit 工商注册号 of a business
// licence issued before the unified credit code (GS15-2006): the
// six-digit code of the registering authority, an eight-digit sequence
// and an ISO 7064 MOD 11,10 check digit (GS15-2006; no public page was
// found, see SOURCES.md; checked against internal/certvectors).
type RegistrationNumber struct {
	// Number is the normalised number, 15 digits.
	Number string
	// National is true when the national administration registered it
	// (authority code 100000), which then names no province.
	National bool
}

// Authority returns the code of the registering authority, the first six
// digits: the GB/T 2260 code of its division, 100000 for the national
// administration.
func (r RegistrationNumber) Authority() string {
	if len(r.Number) < 6 {
		return ""
	}
	return r.Number[:6]
}

// Province returns the province of the registering authority; zero when
// National.
func (r RegistrationNumber) Province() provinces.Province {
	if len(r.Number) < 2 {
		return provinces.Province{}
	}
	p, _ := provinces.ByCode(r.Number[:2])
	return p
}

// RegistrationCheckDigit returns the ISO 7064 MOD 11,10 check digit of
// the first 14 digits of a registration number, and false when they are
// not 14 digits.
func RegistrationCheckDigit(first14 string) (byte, bool) {
	if len(first14) != 14 || !isDigits(first14) {
		return 0, false
	}
	p := mod1110(first14)
	// The check digit c makes (p mod 11 + c) mod 10 equal 1.
	return byte('0' + (11-p%11)%10), true
}

// mod1110 runs the ISO 7064 MOD 11,10 hybrid system over the digits of
// s and returns the final product p (10 before the first digit).
func mod1110(s string) int {
	p := 10
	for i := 0; i < len(s); i++ {
		sum := p%11 + int(s[i]-'0')
		r := sum % 10
		if r == 0 {
			r = 10
		}
		p = 2 * r
	}
	return p
}

// ParseRegistrationNumber parses a 15-digit business registration number
// as typed (see [Normalize]): 15 digits, a correct MOD 11,10
// check digit, and the division of a province or the national
// administration in the first six. The error is a *[Error].
func ParseRegistrationNumber(in string) (RegistrationNumber, error) {
	const t = beian.CertBusinessLicense
	s, err := cleanFor(t, in, 15)
	if err != nil {
		return RegistrationNumber{}, err
	}
	switch {
	case len(s) != 15:
		return RegistrationNumber{}, lenErr(t, 15)
	}
	for i := 0; i < 15; i++ {
		if s[i] < '0' || s[i] > '9' {
			return RegistrationNumber{}, charErr(t, s, i)
		}
	}
	if (mod1110(s[:14])%11+int(s[14]-'0'))%10 != 1 {
		return RegistrationNumber{}, certErr(t, ReasonCheckCharacter)
	}
	r := RegistrationNumber{Number: s}
	switch _, ok := provinces.ByCode(s[:2]); {
	case ok: // a province's authority
	case s[:6] == "100000":
		r.National = true
	default:
		return RegistrationNumber{}, certErr(t, ReasonDivision)
	}
	return r, nil
}

// Kind returns the type a certificate number is read as: a business
// licence (营业执照) whose number has the 18 characters of a unified social
// credit code is read as [beian.CertUSCC] — licences issued since the 2015
// reform (三证合一) carry the credit code, and the filing system's 营业执照
// type (营业执照（个人或企业）) takes it — and any other number as the type
// given. A licence number of 15 digits is the old registration number.
func Kind(t beian.CertType, number string) beian.CertType {
	if t == beian.CertBusinessLicense && len(Normalize(number)) == 18 {
		return beian.CertUSCC
	}
	return t
}
