package rules

import "github.com/icpcheck/beian/rules/address"

// AddressCity checks that a unit's mailing address lies in its certificate's city.
//
// Huawei Cloud's province pages (address_same_city): Hebei (河北的通讯地址
// 与证件住址不能是跨市), Henan (必须是同省同市，不可跨市) and Guizhou (主办
// 单位所在地住址需与证件住址保持一致，不支持跨市进行备案) refuse a unit whose
// mailing address (subject.address, 通信地址) lies in another city than the
// address on its certificate (subject.cert_address). Each address is read
// by package address, the divisions its start names: a mailing address in
// another city is ADDRESS_CITY_MISMATCH at subject.address, related to the
// certificate's address. Where either address names no city that can be
// told (南山区… lies in Shenzhen or in Hegang) nothing is said, and an empty
// mailing address is not checked: consoles that do not collect it leave it
// empty.
var AddressCity = &Rule{
	Name:  "addresscity",
	Doc:   docAddressCity,
	Codes: []Code{CodeAddressCityMismatch},
	Run:   runAddressCity,
}

func runAddressCity(pass *Pass) error {
	fact := pass.Policy.AddressSameCity
	s := &pass.Filing.Subject
	if !fact.Value || !pass.unit() || blank(s.Address) || blank(s.CertAddress) {
		return nil
	}
	mail, cert := address.Locate(s.Address), address.Locate(s.CertAddress)
	if same, known := address.SameCity(mail, cert); same || !known {
		return nil
	}
	pass.Add(Rejection{
		Code: CodeAddressCityMismatch, Severity: severityOf(fact.Certain), Field: "subject.address",
		Related: pass.keepPaths("subject.cert_address"),
		Args: pass.keepArgs([]Arg{provinceArg(pass),
			Str("city", address.Name(mail.City)), Str("cert_city", address.Name(cert.City))}),
		Source: factSource(fact),
	})
	return nil
}
