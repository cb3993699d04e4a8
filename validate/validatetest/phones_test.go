package validatetest_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/provinces"
	"github.com/icpcheck/beian/rules/phonenum"
	"github.com/icpcheck/beian/validate/validatetest"
)

// TestPhonesOfProvince checks, with package phonenum (the phone rule's
// data), that the builder's mobiles and landlines are valid numbers of the
// filing province, for several seeds.
func TestPhonesOfProvince(t *testing.T) {
	for _, p := range provinces.All() {
		for _, seed := range []int{0, 1, 999, 9999} {
			f := validatetest.NewFiling(t, p.Code, beian.NatureEnterprise, validatetest.Seed(seed))
			for kind, want := range map[string]phonenum.Kind{f.Subject.Principal.Mobile: phonenum.Mobile, f.Subject.Principal.Phone: phonenum.Landline} {
				num, err := phonenum.Parse(kind)
				require.NoError(t, err, kind)
				assert.Equal(t, want, num.Kind, kind)
				assert.False(t, num.Virtual, kind)
				assert.Equal(t, p.Code, num.Province.Code, "%s: %s is in %s", p.Short, kind, num.Province.Short)
			}
		}
	}
}
