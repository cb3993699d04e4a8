package rules_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/rules"
)

// TestEmergencyPhoneTyping (outsider18's F6): the emergency phone typed
// with full-width digits or spaces, a mobile with the trunk 0, or a
// landline without the trunk 0 of its area code, is the PHONE_INVALID
// warning the mobile and office fields get, with the number as the
// filing system takes it as the certain fix; typed plainly it is clean.
// The subject principal's and a website principal's, mobiles and
// landlines.
func TestEmergencyPhoneTyping(t *testing.T) {
	for _, c := range []struct {
		typed, want string // want "" for clean
	}{
		{"13800138000", ""},
		{"0755-26888888", ""},
		{"１３８００１３８０００", "13800138000"},
		{"138 0013 8000", "13800138000"},
		{"013800138000", "13800138000"},
		{"０７５５－２６８８８８８８", "0755-26888888"},
		{"0755 26888888", "0755-26888888"},
		{"755-26888888", "0755-26888888"},
	} {
		for _, site := range []bool{false, true} {
			f := cleanFiling()
			at := beian.Path("subject.principal.emergency_phone")
			if site {
				wp := f.Subject.Principal
				wp.Name, wp.CertNumber, wp.Mobile, wp.IsLegalRepresentative = "李四", "440306199203151245", "13900091234", false
				wp.EmergencyPhone = c.typed
				f.Websites[0].PrincipalSameAsSubject, f.Websites[0].Principal = false, &wp
				at = "websites[0].principal.emergency_phone"
			} else {
				f.Subject.Principal.EmergencyPhone = c.typed
			}
			rs := withCode(run(t, rules.Phone, f), rules.CodePhoneInvalid)
			if c.want == "" {
				assert.Empty(t, rs, "%q site=%v", c.typed, site)
				continue
			}
			if !assert.Len(t, rs, 1, "%q site=%v", c.typed, site) {
				continue
			}
			assert.Equal(t, at, rs[0].Field)
			assert.Equal(t, rules.Warning, rs[0].Severity)
			require.Len(t, rs[0].Fixes, 1)
			assert.Equal(t, c.want, rs[0].Fixes[0].Value, "%q", c.typed)
			fixed, err := rules.ApplyFix(f, rs[0].Fixes[0])
			require.NoError(t, err)
			assert.Empty(t, withCode(run(t, rules.Phone, fixed), rules.CodePhoneInvalid), "%q fixed", c.typed)
		}
	}
}
