package rules

//go:generate go run gen.go

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
		Investor,
		AddressCity,
		PersonalPrincipal,
		Pledge,
		SiteName,
		SiteNameDuplicate,
		AppName,
		Apps,
		Content,
		SiteLimit,
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
		OfficePhone,
		PhoneHolder,
		Contact,
	}
}
