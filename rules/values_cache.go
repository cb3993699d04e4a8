package rules

import "github.com/icpcheck/beian/rules/certnum"

// parsedValues remembers what one rule learnt of a value of the filing
// that a later rule (in All's order) reads again, so that the later one
// does not parse it anew:
//   - the credit codes the certificate rule parsed, which the
//     cross-province rule reads (the subject's);
//   - the mobiles, typed as 11 ASCII digits, that the phone rule found
//     valid, whose national numbers the contact rule compares.
//
// A rule run alone, or before the rule that records, finds nothing and
// parses as before. It is a part of the pass, cleared with it: nothing is
// shared between validations.
type parsedValues struct {
	uscc     string       // the text usccValue was parsed from; "" for none
	usccVal  certnum.USCC // certnum.ParseUSCC(uscc), which took it
	mobiles  [4]string    // valid mobiles typed plainly (see keepValidMobile)
	nMobiles int
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
