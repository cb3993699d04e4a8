package rules

// OfficePhone checks that a unit's office phones are landlines where asked.
//
// Where the province's unit_landline_required fact says so (Jiangsu:
// 座机必填, Tencent's subject page), each principal of a unit must give a
// landline as the office phone (办公电话): a mobile there, or no office
// phone at all, is PHONE_LANDLINE_REQUIRED at the office phone. It is a
// warning, as the fact has one source. A number that is not valid is left
// to PHONE_INVALID; personal filings may give a mobile everywhere.
var OfficePhone = &Rule{
	Name:  "officephone",
	Doc:   docOfficePhone,
	Codes: []Code{CodePhoneLandlineRequired},
	Run:   runOfficePhone,
}

func runOfficePhone(pass *Pass) error {
	f := pass.Filing
	fact := pass.Policy.UnitLandlineRequired
	if !fact.Value || !f.Subject.Nature.IsUnit() {
		return nil
	}
	for n := range principalSlots(f) {
		i := principalID(f, n)
		p := principalAt(f, i)
		if p == nil {
			continue
		}
		var detail Text
		if blank(p.Phone) {
			detail = Text{"未填写", "is empty"}
		} else {
			num, err := pass.Config.PhoneSegments.Parse(p.Phone)
			if err != nil || !num.Kind.IsMobileLike() {
				continue // a landline, or PHONE_INVALID's
			}
			detail = Text{"「" + shortValue(p.Phone) + "」是手机号码", shortValue(p.Phone) + " is a mobile"}
		}
		pass.ReportFact(principalPath(i, "phone"), CodePhoneLandlineRequired, factSource(fact),
			provinceArg(pass), Arg{"detail", detail})
	}
	return nil
}
