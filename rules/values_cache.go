package rules

import "github.com/icpcheck/beian/rules/certnum"

// parsedValues remembers what one rule learnt of a value of the filing
// that a later rule (in All's order) reads again, so that the later one
// does not parse it anew:
//   - the credit codes the certificate rule parsed, which the
//     cross-province rule reads (the subject's);
//   - the mobiles, typed as 11 ASCII digits, that the phone rule found
//     valid, whose national numbers the contact rule compares;
//   - the office phones the phone rule found valid landlines typed
//     plainly (Table.Check), which the contact rule compares with the
//     emergency phones.
//
// A rule run alone, or before the rule that records, finds nothing and
// parses as before. It is a part of the pass, cleared with it: nothing is
// shared between validations.
type parsedValues struct {
	uscc     string       // the text usccValue was parsed from; "" for none
	usccVal  certnum.USCC // certnum.ParseUSCC(uscc), which took it
	mobiles  [4]string    // valid mobiles typed plainly (see keepValidMobile)
	nMobiles int
	// landlines are office phones Table.Check took for landlines (see
	// keepCheckedLandline).
	landlines  [2]string
	nLandlines int
}

// parseUSCC returns certnum.ParseUSCC(s), from the pass's memory when a
// rule of the pass parsed s already.
func (p *Pass) parseUSCC(s string) (certnum.USCC, error) {
	if s != "" && s == p.values.uscc {
		return p.values.usccVal, nil
	}
	u, err := certnum.ParseUSCC(s)
	if err == nil {
		p.values.uscc, p.values.usccVal = s, u
	}
	return u, err
}

// keepValidMobile records s, a number the pass's segment table checked
// valid (Table.Check answered it), when it is typed as 11 ASCII digits
// starting with 1: Table.National gives such a number as typed
// (TestCheckedMobileNational).
func (p *Pass) keepValidMobile(s string) {
	v := &p.values
	if v.nMobiles < len(v.mobiles) && plainNational(s) {
		v.mobiles[v.nMobiles] = s
		v.nMobiles++
	}
}

// national returns Table.National(s) of the pass's segment table: s
// itself, without reading it again, for a mobile the phone rule found
// valid.
func (p *Pass) national(s string) (string, bool) {
	v := &p.values
	for _, m := range v.mobiles[:v.nMobiles] {
		if m == s {
			return s, true
		}
	}
	return p.Config.PhoneSegments.National(s)
}

// plainNational reports whether s is 11 ASCII digits starting with 1, a
// number that Table.National, when it takes it, returns as it is
// (TestPlainNationalAsTyped).
func plainNational(s string) bool {
	if len(s) != 11 || s[0] != '1' {
		return false
	}
	for i := 1; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// keepCheckedLandline records s, an office phone the pass's segment table
// checked a valid landline (Table.Check answered it with Kind Landline):
// such a number is typed plainly, its trunk 0 then ASCII digits and
// dashes, and Table.National gives its digits after the trunk 0
// (TestCheckedLandlineNational).
func (p *Pass) keepCheckedLandline(s string) {
	if v := &p.values; v.nLandlines < len(v.landlines) {
		v.landlines[v.nLandlines] = s
		v.nLandlines++
	}
}

// mayBeNational reports whether typed, an office phone as typed, may
// have national as its national number: for a landline the phone rule
// checked, whether its digits after the trunk 0 are national (its
// national number is national), without reading the rest; otherwise
// mayBeSameNumber. False means Table.National(typed) is not national.
func (p *Pass) mayBeNational(typed, national string) bool {
	v := &p.values
	for _, l := range v.landlines[:v.nLandlines] {
		if l == typed {
			return digitsAre(typed[1:], national)
		}
	}
	return mayBeSameNumber(typed, national)
}

// digitsAre reports whether s without its dashes is digits.
func digitsAre(s, digits string) bool {
	j := 0
	for i := 0; i < len(s); i++ {
		if c := s[i]; c != '-' {
			if j == len(digits) || digits[j] != c {
				return false
			}
			j++
		}
	}
	return j == len(digits)
}
