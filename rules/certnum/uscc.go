package certnum

import (
	"slices"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/provinces"
)

// A USCC is a parsed 统一社会信用代码 (GB 32100-2015): the registration
// authority, the organisation category, the division of the registering
// authority and the embedded organisation code (gb-32100-2015).
type USCC struct {
	// Code is the normalised code, 18 characters.
	Code string
	// Authority is the registration authority code, character 1
	// ('1' 机构编制 … '9' 市场监管, 'A', 'N', 'Y').
	Authority byte
	// Category is the organisation category, character 2.
	Category byte
	// National is true when a national authority issued the code
	// (division 10xxxx), which then names no province.
	National bool
}

// Division returns the GB/T 2260 code of the registering authority,
// characters 3 to 8.
func (u USCC) Division() string {
	if len(u.Code) < 8 {
		return ""
	}
	return u.Code[2:8]
}

// Province returns the province of the division code; zero when a
// national authority issued the code.
func (u USCC) Province() provinces.Province {
	if len(u.Code) < 4 {
		return provinces.Province{}
	}
	p, _ := provinces.ByCode(u.Code[2:4])
	return p
}

// OrgCode returns the embedded organisation code (主体标识码), characters
// 9 to 17, check character included.
func (u USCC) OrgCode() string {
	if len(u.Code) < 17 {
		return ""
	}
	return u.Code[8:17]
}

// Kind returns the registration authority and organisation category of
// the code, and false for the zero USCC: [ParseUSCC] refuses a code
// whose pair GB 32100 does not define. The Natures of the result are a
// copy.
func (u USCC) Kind() (USCCKind, bool) {
	k := usccKindOf(u.Authority, u.Category)
	if k == nil {
		return USCCKind{}, false
	}
	c := *k
	c.Natures = slices.Clone(k.Natures)
	return c, true
}

// Allows reports whether a subject of nature n may hold this code: true
// when the category is not known. Unlike Kind, it does not allocate.
func (u USCC) Allows(n beian.Nature) bool {
	k := usccKindOf(u.Authority, u.Category)
	return k == nil || k.Allows(n)
}

// Natures returns the subject natures (主办单位性质) a subject holding
// this code may declare; nil when the category is not known.
func (u USCC) Natures() []beian.Nature {
	k, _ := u.Kind()
	return k.Natures
}

// usccAlphabet holds the 31 characters of a credit code, in the order of
// their values (no I, O, S, V or Z).
const usccAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"

// usccIndex maps a byte to its value in usccAlphabet plus one; zero for
// bytes not in the alphabet.
var usccIndex = [256]uint8{
	'0': 1, '1': 2, '2': 3, '3': 4, '4': 5, '5': 6, '6': 7, '7': 8, '8': 9, '9': 10, 'A': 11, 'B': 12,
	'C': 13, 'D': 14, 'E': 15, 'F': 16, 'G': 17, 'H': 18, 'J': 19, 'K': 20, 'L': 21, 'M': 22, 'N': 23,
	'P': 24, 'Q': 25, 'R': 26, 'T': 27, 'U': 28, 'W': 29, 'X': 30, 'Y': 31,
}

// usccValue returns the value of c in usccAlphabet, -1 when c is not in it.
func usccValue(c byte) int { return int(usccIndex[c]) - 1 }

// usccWeights are 3^i mod 31 for the first 17 characters.
var usccWeights = [17]int{1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28}

// USCCCheckChar returns the check character of the first 17 characters
// of a credit code, and false when they are not 17 characters of its
// alphabet.
func USCCCheckChar(first17 string) (byte, bool) {
	if len(first17) != 17 {
		return 0, false
	}
	sum := 0
	for i := 0; i < 17; i++ {
		v := usccValue(first17[i])
		if v < 0 {
			return 0, false
		}
		sum += v * usccWeights[i]
	}
	return usccAlphabet[(31-sum%31)%31], true
}

// ParseUSCC parses a unified social credit code as typed (see
// [Normalize]): 18 characters of its 31-character alphabet, a
// correct mod-31 check character, an embedded organisation code that
// passes its own GB 11714 check, a registration authority and
// organisation category pair GB 32100 defines (a pair it does not define
// is [ReasonCategory]), and the division code of a province or of a
// national authority.
//
// The error is a *[Error]. Parsing a valid code that needs no
// normalisation allocates nothing.
func ParseUSCC(in string) (USCC, error) {
	const t = beian.CertUSCC
	s, err := cleanFor(t, in, 18)
	if err != nil {
		return USCC{}, err
	}
	if len(s) != 18 {
		return USCC{}, lenErr(t, 18)
	}
	s = s[:18]
	sum := 0
	for i := 0; i < 17; i++ {
		v := int(usccIndex[s[i]]) - 1
		if v < 0 {
			return USCC{}, charErr(t, s, i)
		}
		sum += v * usccWeights[i]
	}
	if i := firstNonDigit(s[2:8]); i >= 0 {
		return USCC{}, charErr(t, s, i+2)
	}
	if usccIndex[s[17]] == 0 {
		return USCC{}, charErr(t, s, 17)
	}
	if usccAlphabet[(31-sum%31)%31] != s[17] {
		return USCC{}, certErr(t, ReasonCheckCharacter)
	}
	if !knownAuthority(s[0]) {
		return USCC{}, &Error{Type: t, Reason: ReasonAuthority, Pos: 1, Char: rune(s[0])}
	}
	if usccKindOf(s[0], s[1]) == nil {
		return USCC{}, &Error{Type: t, Reason: ReasonCategory, Pos: 2, Char: rune(s[1])}
	}
	u := USCC{Code: s, Authority: s[0], Category: s[1]}
	switch _, ok := provinces.ByCode(s[2:4]); {
	case ok: // a province's authority
	case s[2:4] == "10":
		u.National = true
	default:
		return USCC{}, certErr(t, ReasonDivision)
	}
	if c, ok := orgCodeCheckChar(s[8:16]); !ok || c != s[16] {
		return USCC{}, certErr(t, ReasonEmbeddedOrgCode)
	}
	return u, nil
}

// knownAuthority reports whether c is a registration authority code of
// GB 32100.
func knownAuthority(c byte) bool {
	return ('1' <= c && c <= '9') || c == 'A' || c == 'N' || c == 'Y'
}
