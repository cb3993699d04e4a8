package rules

// All returns every rule of the package, in the order the engine runs
// them. The slice is new on each call.
func All() []*Rule {
	return []*Rule{
		Fields,
		TextFields,
		Province,
		Certificate,
		CrossProvince,
		PrincipalLegalRep,
		SiteName,
		Content,
		Domains,
		DomainHolder,
		Verification,
		ICPNumber,
		Site,
		Documents,
		Registry,
		Resubmission,
		PrincipalLink,
		Phone,
		PhoneHolder,
		Contact,
	}
}

// Pending returns the codes no rule reports yet: their rules are still to
// be written. TestEveryCodeReported fails when a declared code is neither
// reported by a rule of All (or, for CHECK_UNAVAILABLE, by the engine) nor
// listed here, and when a code listed here is reported. The list must be
// empty when the library is complete.
func Pending() []Code {
	return []Code{}
}
