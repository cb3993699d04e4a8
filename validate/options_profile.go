package validate

import "github.com/icpcheck/beian/rules"

// WithProfile selects the provider console whose sourced differences
// apply (rules/data/profiles.csv): "tencent", "aliyun" or "huawei". A
// profile holds, each with its source, the deepest App domain the console
// takes (Huawei: the fourth level), the real-name verification wait, and
// whether the emergency phone must differ from the principals' mobiles;
// where no source gives a provider's value, the default's (the strictest
// sourced value) applies as a warning. The name is read in any case,
// spaces around it ignored ("Huawei"). Without this option, or with "",
// the default profile applies. An unknown name is reported as a
// CHECK_UNAVAILABLE warning naming the profiles there are, and the
// default applies.
func WithProfile(name string) Option {
	return func(v *Validator) {
		if name == "" {
			v.cfg.Profile = nil
			return
		}
		if p, ok := rules.ProfileNamed(name); ok {
			v.cfg.Profile = &p
			return
		}
		v.cfg.Profile = rules.UnknownProfile(name)
	}
}
