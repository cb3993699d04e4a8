package rules

import (
	"strings"

	"github.com/icpcheck/beian/provinces"
)

// Province checks that the filing region is a mainland province.
//
// The filing region (备案地域) must be one of the 31 provincial-level
// divisions of the mainland, given by GB/T 2260 code or any name package
// provinces recognises; the same holds for the province of a residence
// permit when one is given. An empty region is reported by the fields rule.
var Province = &Rule{
	Name:  "province",
	Doc:   docProvince,
	Codes: []Code{CodeProvinceUnknown},
	Run:   runProvince,
}

func runProvince(pass *Pass) error {
	f := pass.Filing
	if strings.TrimSpace(f.Province) != "" && pass.Province.IsZero() {
		pass.Report("province", CodeProvinceUnknown, Str("value", f.Province))
	}
	if rp := f.Subject.ResidencePermitProvince; strings.TrimSpace(rp) != "" {
		if _, ok := provinces.Lookup(rp); !ok {
			pass.Report("subject.residence_permit_province", CodeProvinceUnknown, Str("value", rp))
		}
	}
	return nil
}
