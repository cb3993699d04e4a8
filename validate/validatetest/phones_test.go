package validatetest_test

import (
	"testing"

	"github.com/nyaruka/phonenumbers"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/provinces"
	"github.com/icpcheck/beian/validate/validatetest"
)

// TestPhonesOfProvince checks, with libphonenumber's data, that the
// builder's mobiles and landlines are valid numbers of the filing
// province, for several seeds.
func TestPhonesOfProvince(t *testing.T) {
	for _, p := range provinces.All() {
		for _, seed := range []int{0, 1, 999, 9999} {
			f := validatetest.NewFiling(t, p.Code, beian.NatureEnterprise, validatetest.Seed(seed))
			for kind, num := range map[string]string{"mobile": f.Subject.Principal.Mobile, "landline": f.Subject.Principal.Phone} {
				pn, err := phonenumbers.Parse(num, "CN")
				require.NoError(t, err, num)
				require.True(t, phonenumbers.IsValidNumber(pn), "%s %s %s", p.Short, kind, num)
				typ := phonenumbers.GetNumberType(pn)
				if kind == "mobile" {
					assert.Equal(t, phonenumbers.MOBILE, typ, num)
				} else {
					assert.Equal(t, phonenumbers.FIXED_LINE, typ, num)
				}
				place, err := phonenumbers.GetGeocodingForNumber(pn, "zh")
				require.NoError(t, err)
				got, ok := provinces.FromAddress(place)
				assert.True(t, ok && got.Code == p.Code, "%s %s %s is in %q", p.Short, kind, num, place)
			}
		}
	}
}
