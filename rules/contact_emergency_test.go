package rules_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/rules"
)

// principalKinds are the principals of a filing that may each have an
// emergency phone: the subject's, a website's, a native App's and a
// mini-program's, each another person (another ID card) with a mobile,
// an office phone and an e-mail of their own. The filing has all four.
func allPrincipals() *beian.Filing {
	f := cleanFiling()
	f.Subject.Principal.EmergencyPhone = "13660120001"
	f.Websites[0].PrincipalSameAsSubject = false
	f.Websites[0].Principal = &beian.Principal{
		Name: "李四", CertType: beian.CertIDCard, CertNumber: "440306199203151245",
		Mobile: "13660123457", Phone: "0755-26888889", Email: "lisi@shilikeji.cn", EmergencyPhone: "13660120002",
	}
	f.Apps = []beian.App{
		{Type: beian.AppNative, Name: "示例记账本", Principal: &beian.Principal{
			Name: "王五", CertType: beian.CertIDCard, CertNumber: "430102199005061234",
			Mobile: "13660123458", Phone: "0755-26888890", Email: "wangwu@shilikeji.cn", EmergencyPhone: "13660120003",
		}},
		{Type: beian.AppMiniProgram, Name: "示例小程序", Principal: &beian.Principal{
			Name: "赵六", CertType: beian.CertIDCard, CertNumber: "440106198503152017",
			Mobile: "13660123459", Phone: "0755-26888891", Email: "zhaoliu@shilikeji.cn", EmergencyPhone: "13660120004",
		}},
	}
	return f
}

// principalsOf returns f's four principals and the paths of their
// emergency phones, in the order eachPrincipal numbers them.
func principalsOf(f *beian.Filing) ([]*beian.Principal, []beian.Path) {
	return []*beian.Principal{&f.Subject.Principal, f.Websites[0].Principal, f.Apps[0].Principal, f.Apps[1].Principal},
		[]beian.Path{"subject.principal", "websites[0].principal", "apps[0].principal", "apps[1].principal"}
}

// emergencyForms are ways people type one mobile and one landline: each
// is the same number as the first of its list.
var emergencyForms = [][]string{
	{"13800138000", "138 0013 8000", "138-0013-8000", "+86 138 0013 8000", "8613800138000", "１３８００１３８０００"},
	{"0755-26880000", "075526880000", "(0755) 2688 0000", "+86 755 2688 0000"},
}

// TestEmergencyShared: two principals who are different people may not
// give the same emergency phone, for every pair of principal kinds, every
// typed form of either number, mobile or landline; the same person may,
// and different numbers pass. CONTACT_NOT_DISTINCT at the later
// principal's emergency phone, related to the earlier one's, an error
// with the Huawei source.
func TestEmergencyShared(t *testing.T) {
	require.Empty(t, foundIn(run(t, rules.Contact, allPrincipals())))
	for _, forms := range emergencyForms {
		for a := range 4 {
			for b := a + 1; b < 4; b++ {
				for _, fa := range forms {
					for _, fb := range forms {
						f := allPrincipals()
						ps, paths := principalsOf(f)
						ps[a].EmergencyPhone, ps[b].EmergencyPhone = fa, fb
						name := fmt.Sprintf("%s %q, %s %q", paths[a], fa, paths[b], fb)
						rs := run(t, rules.Contact, f)
						require.Equal(t, []found{{paths[b].Field("emergency_phone"), rules.CodeContactNotDistinct}}, foundIn(rs), name)
						assert.Equal(t, rules.Error, rs[0].Severity, name)
						assert.Equal(t, []beian.Path{paths[a].Field("emergency_phone")}, rs[0].Related, name)
						assert.Equal(t, "huawei-reject-reasons", rs[0].Source.Key, name)

						// The same person (same certificate number) may.
						ps[b].CertNumber = " " + ps[a].CertNumber + " "
						assert.Empty(t, foundIn(run(t, rules.Contact, f)), name)
					}
				}
				// Numbers that differ pass.
				f := allPrincipals()
				ps, paths := principalsOf(f)
				ps[a].EmergencyPhone, ps[b].EmergencyPhone = forms[0], forms[0][:len(forms[0])-1]+"1"
				assert.Empty(t, foundIn(run(t, rules.Contact, f)), "%s, %s", paths[a], paths[b])
			}
		}
	}

	// A principal's mobile given as another's emergency phone is reported
	// as that, once, not again as shared with a third principal's
	// emergency phone.
	f := allPrincipals()
	ps, _ := principalsOf(f)
	ps[1].EmergencyPhone, ps[2].EmergencyPhone = ps[0].Mobile, ps[0].Mobile
	assert.Equal(t, []found{
		{"apps[0].principal.emergency_phone", rules.CodeContactNotDistinct},
		{"websites[0].principal.emergency_phone", rules.CodeContactNotDistinct},
	}, foundIn(run(t, rules.Contact, f)))
}

// TestEmergencyOwnPhone: a principal's emergency phone may not be their
// own office phone, for every principal kind and every typed form of
// either number: CONTACT_NOT_DISTINCT at the emergency phone, related to
// the office phone, a warning (the sources name the mobile). Another
// principal's office phone, or another number, passes.
func TestEmergencyOwnPhone(t *testing.T) {
	for _, forms := range emergencyForms {
		for k := range 4 {
			for _, fe := range forms {
				for _, fp := range forms {
					f := allPrincipals()
					ps, paths := principalsOf(f)
					ps[k].EmergencyPhone, ps[k].Phone = fe, fp
					name := fmt.Sprintf("%s %q, %q", paths[k], fe, fp)
					rs := run(t, rules.Contact, f)
					require.Equal(t, []found{{paths[k].Field("emergency_phone"), rules.CodeContactNotDistinct}}, foundIn(rs), name)
					assert.Equal(t, rules.Warning, rs[0].Severity, name)
					assert.Equal(t, []beian.Path{paths[k].Field("phone")}, rs[0].Related, name)
					assert.False(t, rs[0].Source.IsZero(), name)
				}
			}
			f := allPrincipals()
			ps, paths := principalsOf(f)
			ps[k].EmergencyPhone = ps[(k+1)%4].Phone
			assert.Empty(t, foundIn(run(t, rules.Contact, f)), "%s: another's office phone", paths[k])
		}
	}
}
