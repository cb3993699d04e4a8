package certnum

import (
	"time"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/provinces"
)

// An IDCard is a parsed 居民身份证 number (GB 11643-1999), or the number of
// a residence permit for Hong Kong, Macao or Taiwan residents (港澳台居民
// 居住证), which has the same form with the division code 810000, 820000
// or 830000 (GB 11643-1999 and GB/T 2260, as credentialverifier
// implements them).
type IDCard struct {
	// Number is the normalised number: 18 characters, or 15 digits for a
	// first-generation card.
	Number string
	// Kind says whether the number is a mainland ID card or a residence
	// permit.
	Kind IDCardKind
	// Sex is the holder's sex, from the parity of the sequence number.
	Sex Sex
	// Legacy is true for a 15-digit first-generation number.
	Legacy bool

	birth int32 // YYYYMMDD
}

// Division returns the GB/T 2260 code of the place of first
// registration, the first six digits; 810000, 820000 or 830000 for a
// residence permit.
func (c IDCard) Division() string {
	if len(c.Number) < 6 {
		return ""
	}
	return c.Number[:6]
}

// Province returns the province of the division code; zero for residence
// permits of Hong Kong, Macao and Taiwan residents.
func (c IDCard) Province() provinces.Province {
	if len(c.Number) < 2 {
		return provinces.Province{}
	}
	p, _ := provinces.ByCode(c.Number[:2])
	return p
}

// An IDCardKind says who an ID-card-shaped number belongs to.
type IDCardKind uint8

// The kinds of ID-card-shaped numbers.
const (
	// IDCardMainland is a 居民身份证 of a mainland province.
	IDCardMainland IDCardKind = iota
	// IDCardHongKong is a 港澳居民居住证 of a Hong Kong resident (810000).
	IDCardHongKong
	// IDCardMacao is a 港澳居民居住证 of a Macao resident (820000).
	IDCardMacao
	// IDCardTaiwan is a 台湾居民居住证 (830000).
	IDCardTaiwan
)

// String returns "mainland", "hong_kong", "macao" or "taiwan".
func (k IDCardKind) String() string {
	switch k {
	case IDCardHongKong:
		return "hong_kong"
	case IDCardMacao:
		return "macao"
	case IDCardTaiwan:
		return "taiwan"
	}
	return "mainland"
}

// A Sex is a card holder's sex as the number encodes it.
type Sex uint8

// The sexes an ID number encodes.
const (
	Female Sex = iota // even sequence number
	Male              // odd sequence number
)

// String returns "female" or "male".
func (s Sex) String() string {
	if s == Male {
		return "male"
	}
	return "female"
}

// IsResidencePermit reports whether the number is a residence permit of
// a Hong Kong, Macao or Taiwan resident rather than a mainland ID card.
func (c IDCard) IsResidencePermit() bool { return c.Kind != IDCardMainland }

// Birth returns the holder's birth date; zero for the zero IDCard.
func (c IDCard) Birth() beian.Date {
	if c.birth == 0 {
		return beian.Date{}
	}
	return beian.NewDate(int(c.birth/10000), time.Month(c.birth/100%100), int(c.birth%100))
}

// AgeOn returns the holder's age in whole years on day.
func (c IDCard) AgeOn(day beian.Date) int {
	if c.birth == 0 {
		return 0
	}
	age := day.Year() - int(c.birth/10000)
	if int(day.Month())*100+day.Day() < int(c.birth%10000) {
		age--
	}
	return age
}

// ParseIDCard parses an ID card number as typed (see
// [Normalize]): 18 characters, the first 17 digits and the last
// a digit or X, with a correct ISO 7064 MOD 11-2 check character, the
// division code of a province (or 810000, 820000, 830000), and a birth date
// that exists and is not in the future. A 15-digit first-generation number
// is recognised: it is returned parsed, with a [ReasonLegacyIDCard] error,
// because filings need the 18-digit number.
//
// The error is a *[Error]. Parsing a valid number that needs no
// normalisation allocates nothing.
func ParseIDCard(s string) (IDCard, error) { return parseIDCard(s, 0) }

// ParseIDCardOn is [ParseIDCard] with day as "today" for the future-birth
// check, so that results do not depend on the clock.
func ParseIDCardOn(s string, day beian.Date) (IDCard, error) {
	c, err := parseIDCard(s, noClock)
	if err == nil && int(c.birth) > dayNumber(day) && !day.IsZero() {
		return IDCard{}, certErr(beian.CertIDCard, ReasonFutureBirthDate)
	}
	return c, err
}

// idWeights are the GB 11643 weights 2^(17-i) mod 11 of the first 17
// digits.
var idWeights = [17]int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}

// idCheckChars maps the weighted sum mod 11 to the check character.
const idCheckChars = "10X98765432"

// IDCheckChar returns the check character of the first 17 digits of an
// ID number, and false when they are not 17 digits.
func IDCheckChar(first17 string) (byte, bool) {
	if len(first17) != 17 {
		return 0, false
	}
	sum := 0
	for i := 0; i < 17; i++ {
		c := first17[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		sum += int(c-'0') * idWeights[i]
	}
	return idCheckChars[sum%11], true
}

// parseIDCard parses s; today is YYYYMMDD, or 0 to read the clock when a
// birth date is recent enough to need it.
func parseIDCard(in string, today int) (IDCard, error) {
	const t = beian.CertIDCard
	s, err := cleanFor(t, in, 18)
	if err != nil {
		return IDCard{}, err
	}
	switch {
	case len(s) == 15 && isDigits(s):
		return parseLegacyIDCard(s)
	case len(s) != 18:
		return IDCard{}, lenErr(t, 18)
	}
	s = s[:18]
	sum := 0
	for i := 0; i < 17; i++ {
		d := s[i] - '0'
		if d > 9 {
			return IDCard{}, charErr(t, s, i)
		}
		sum += int(d) * idWeights[i]
	}
	if c := s[17]; c-'0' > 9 && c != 'X' {
		return IDCard{}, charErr(t, s, 17)
	}
	if idCheckChars[sum%11] != s[17] {
		return IDCard{}, certErr(t, ReasonCheckCharacter)
	}
	card := IDCard{Number: s}
	if !idRegion(&card) {
		return IDCard{}, certErr(t, ReasonDivision)
	}
	birth, ok := checkDate(s[6:14])
	if !ok {
		return IDCard{}, certErr(t, ReasonBirthDate)
	}
	if future(birth, today) {
		return IDCard{}, certErr(t, ReasonFutureBirthDate)
	}
	card.birth = int32(birth)
	if (s[16]-'0')%2 == 1 {
		card.Sex = Male
	}
	return card, nil
}

// parseLegacyIDCard parses a 15-digit first-generation number: division
// code, YYMMDD of a 20th-century birth, three-digit sequence, no check
// character.
func parseLegacyIDCard(s string) (IDCard, error) {
	const t = beian.CertIDCard
	card := IDCard{Number: s, Legacy: true}
	if !idRegion(&card) || card.Kind != IDCardMainland {
		return IDCard{}, lenErr(t, 18)
	}
	birth, ok := digitsDate("19" + s[6:12])
	if !ok {
		return IDCard{}, lenErr(t, 18)
	}
	card.birth = int32(birth)
	if (s[14]-'0')%2 == 1 {
		card.Sex = Male
	}
	return card, certErr(t, ReasonLegacyIDCard)
}

// idRegion fills in the residence-permit kind of card's division code,
// and reports whether the code is a province's or a residence permit's.
func idRegion(card *IDCard) bool {
	d := card.Number[:6]
	if _, ok := provinces.ByCode(d[:2]); ok {
		return true
	}
	if d[2:] != "0000" {
		return false
	}
	switch d[:2] {
	case "81":
		card.Kind = IDCardHongKong
	case "82":
		card.Kind = IDCardMacao
	case "83":
		card.Kind = IDCardTaiwan
	default:
		return false
	}
	return true
}

// digitsDate reads YYYYMMDD and returns it as a number when it is eight
// digits naming a real day from 1850 on.
func digitsDate(s string) (int, bool) {
	if len(s) != 8 || !isDigits(s) {
		return 0, false
	}
	return checkDate(s)
}

// checkDate is digitsDate for eight bytes known to be digits.
func checkDate(s string) (int, bool) {
	s = s[:8]
	y := int(s[0]-'0')*1000 + int(s[1]-'0')*100 + int(s[2]-'0')*10 + int(s[3]-'0')
	m := int(s[4]-'0')*10 + int(s[5]-'0')
	d := int(s[6]-'0')*10 + int(s[7]-'0')
	if y < 1850 || m < 1 || m > 12 || d < 1 || (d > 28 && d > daysIn(y, m)) {
		return 0, false
	}
	return y*10000 + m*100 + d, true
}

// daysIn returns the number of days of month m of year y.
func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// clockFreeBefore is a day before this library's release: a birth date
// before it cannot be in the future, so checking it needs no clock (the
// clock costs more than the whole parse).
const clockFreeBefore = 20260101

// noClock, as parseIDCard's today, skips the future check: the caller
// makes it.
const noClock = -1

// future reports whether birth (YYYYMMDD) is after today (YYYYMMDD; 0 for
// the clock's day in China; noClock for no check).
func future(birth, today int) bool {
	if today == noClock {
		return false
	}
	if today == 0 {
		if birth < clockFreeBefore {
			return false
		}
		y, m, d := time.Now().UTC().Add(8 * time.Hour).Date()
		today = y*10000 + int(m)*100 + d
	}
	return birth > today
}

// dayNumber returns d as YYYYMMDD, or 0 for the zero Date.
func dayNumber(d beian.Date) int {
	if d.IsZero() {
		return 0
	}
	return d.Year()*10000 + int(d.Month())*100 + d.Day()
}

// isDigits reports whether s is non-empty and all ASCII digits.
func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
