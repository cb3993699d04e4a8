package certnum

import "github.com/icpcheck/beian"

// An OrgCode is a parsed 组织机构代码 (GB 11714-1997): an eight-character
// body of digits and capital letters and a check character, usually
// written XXXXXXXX-X (GB 11714-1997, as credentialverifier implements it).
// The code carries no region.
type OrgCode struct {
	// Code is the normalised code, nine characters without the hyphen.
	Code string
}

// orgCodeWeights are the GB 11714 weights of the eight body characters.
var orgCodeWeights = [8]int{3, 7, 9, 10, 5, 8, 4, 2}

// OrgCodeCheckChar returns the GB 11714 check character of an
// eight-character body, and false when body is not eight digits or
// capital letters.
func OrgCodeCheckChar(body string) (byte, bool) { return orgCodeCheckChar(body) }

func orgCodeCheckChar(body string) (byte, bool) {
	if len(body) != 8 {
		return 0, false
	}
	body = body[:8]
	sum := 0
	for i := 0; i < 8; i++ {
		c := body[i]
		var v int
		switch {
		case '0' <= c && c <= '9':
			v = int(c - '0')
		case 'A' <= c && c <= 'Z':
			v = int(c-'A') + 10
		default:
			return 0, false
		}
		sum += v * orgCodeWeights[i]
	}
	switch c := 11 - sum%11; c {
	case 10:
		return 'X', true
	case 11:
		return '0', true
	default:
		return byte('0' + c), true
	}
}

// orgCodeValue returns the value of a body character: digits as
// themselves, A to Z as 10 to 35.
func orgCodeValue(c byte) (int, bool) {
	switch {
	case '0' <= c && c <= '9':
		return int(c - '0'), true
	case 'A' <= c && c <= 'Z':
		return int(c-'A') + 10, true
	}
	return 0, false
}

// ParseOrgCode parses an organisation code as typed (see
// [Normalize]; the hyphen before the check character may be
// there or not): eight digits or capital letters and the right check
// character, a digit or X. The error is a *[Error].
func ParseOrgCode(in string) (OrgCode, error) {
	const t = beian.CertOrgCode
	s, err := cleanFor(t, in, 9)
	if err != nil {
		return OrgCode{}, err
	}
	switch {
	case len(s) != 9:
		return OrgCode{}, lenErr(t, 9)
	}
	for i := 0; i < 8; i++ {
		if _, ok := orgCodeValue(s[i]); !ok {
			return OrgCode{}, charErr(t, s, i)
		}
	}
	if c := s[8]; (c < '0' || c > '9') && c != 'X' {
		return OrgCode{}, charErr(t, s, 8)
	}
	if c, _ := orgCodeCheckChar(s[:8]); c != s[8] {
		return OrgCode{}, certErr(t, ReasonCheckCharacter)
	}
	return OrgCode{Code: s}, nil
}
