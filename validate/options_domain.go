package validate

import (
	"slices"

	"github.com/icpcheck/beian/rules/domain"
)

// WithApprovedRegistrars gives the registrars MIIT approved, as the
// caller's domain records name them; a domain record naming another
// registrar is rejected (DOMAIN_REGISTRAR_NOT_APPROVED). Names are
// compared as domain.SameName compares them: full-width forms, brackets,
// spaces, traditional characters and case do not matter. Without the
// option, registrars are not checked and the check is listed as skipped.
// Several calls add up; the list is compiled once, here.
func WithApprovedRegistrars(names ...string) Option {
	return func(v *Validator) {
		v.cfg.ApprovedRegistrars = append(slices.Clip(v.cfg.ApprovedRegistrars), names...)
		if v.cfg.ApprovedRegistrars == nil {
			v.cfg.ApprovedRegistrars = []string{}
		}
		v.cfg.Registrars = domain.NewNameSet(v.cfg.ApprovedRegistrars...)
	}
}

// WithSuffixes replaces the list of filable domain suffixes the domain
// rule consults (DOMAIN_TLD_NOT_FILABLE); the default is
// domain.DefaultSuffixes. Build one from a file with
// domain.ParseSuffixList, or extend the default with its With method:
//
//	list, err := domain.DefaultSuffixes().With(domain.Suffix{Name: "org", Status: domain.Filable, Sources: "M"})
//	…
//	v := validate.New(validate.WithSuffixes(list))
//
// A nil list keeps the default.
func WithSuffixes(list *domain.SuffixList) Option {
	return func(v *Validator) {
		if list != nil {
			v.cfg.Suffixes = list
		}
	}
}
