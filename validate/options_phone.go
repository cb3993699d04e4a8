package validate

import "github.com/icpcheck/beian/rules/phonenum"

// WithPhoneSegments gives the validator the caller's segment (号段)
// table, loaded with phonenum.Load, phonenum.LoadCSV or
// phonenum.LoadPhoneDat: its provinces, operators and virtual flags take
// precedence over the built-in data, and the prefixes it adds become valid
// mobile segments. A table is immutable; one may serve any number of
// validators. Nil keeps the built-in data alone.
//
// Without a table, the phone rule knows no province for about 38 % of the
// valid mobile prefixes (every 16x and 19x block among them) and reports
// PHONE_REGION_UNKNOWN for them.
func WithPhoneSegments(t *phonenum.Table) Option {
	return func(v *Validator) { v.cfg.PhoneSegments = t }
}
