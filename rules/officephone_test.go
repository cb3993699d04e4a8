package rules_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/provinces"
	"github.com/icpcheck/beian/rules"
)

// TestOfficePhoneLandline: Jiangsu wants a unit's principals to give a
// landline as the office phone (TC 主体信息: 座机必填). Every province ×
// unit/personal × the subject's or a website's principal × each way an
// office phone is typed: a warning at that office phone in Jiangsu for a
// mobile in any form or no number, nothing for a landline, a personal
// filing or another province.
func TestOfficePhoneLandline(t *testing.T) {
	phones := []struct {
		name, phone string
		bad         bool
	}{
		{"landline", "025-84561234", false},
		{"landline in brackets", "（025）84561234", false},
		{"landline of another province", "0755-26888888", false},
		{"mobile", "13912345678", true},
		{"mobile with +86", "+86 139 1234 5678", true},
		{"mobile with dashes", "139-1234-5678", true},
		{"mobile in full width", "１３９１２３４５６７８", true},
		{"virtual mobile", "17012345678", true},
		{"empty", "", true},
		{"not a number", "12345", false}, // PHONE_INVALID's
	}
	places := []struct {
		name string
		set  func(f *beian.Filing, phone string)
		path beian.Path
	}{
		{"subject principal", func(f *beian.Filing, phone string) { f.Subject.Principal.Phone = phone }, "subject.principal.phone"},
		{"website principal", func(f *beian.Filing, phone string) {
			f.Websites[0].PrincipalSameAsSubject = false
			f.Websites[0].Principal = &beian.Principal{Name: "王五", CertType: beian.CertIDCard, CertNumber: "110101198501013330",
				Mobile: "13912340000", Phone: phone, Email: "wangwu@shilikeji.cn"}
		}, "websites[0].principal.phone"},
	}
	for _, p := range provinces.All() {
		for _, nature := range []beian.Nature{beian.NatureEnterprise, beian.NatureInstitution, beian.NaturePersonal} {
			for _, pl := range places {
				for _, ph := range phones {
					t.Run(p.Code+"/"+string(nature)+"/"+pl.name+"/"+ph.name, func(t *testing.T) {
						f := cleanFiling()
						f.Province = p.Code
						f.Subject.Nature = nature
						f.Subject.Principal.Phone = "025-84561234"
						pl.set(f, ph.phone)
						rs := withCode(run(t, rules.OfficePhone, f), rules.CodePhoneLandlineRequired)
						if !ph.bad || p.Code != "32" || nature == beian.NaturePersonal {
							assert.Empty(t, foundIn(rs))
							return
						}
						require.Equal(t, []found{{pl.path, rules.CodePhoneLandlineRequired}}, foundIn(rs))
						assert.Equal(t, rules.Warning, rs[0].Severity)
						assert.Equal(t, "tencent-subject-info", rs[0].Source.Key)
					})
				}
			}
		}
	}

	// The rule reads the province policy: another province's data can
	// ask the same.
	ps, err := provinces.DefaultPolicies().Override([]byte(`{"44": {"unit_landline_required": {"value": true, "certain": true}}}`))
	require.NoError(t, err)
	f := cleanFiling() // Guangdong
	f.Subject.Principal.Phone = "13660123999"
	rs := runWith(t, rules.OfficePhone, f, &rules.Config{Policies: ps})
	assert.Equal(t, []found{{"subject.principal.phone", rules.CodePhoneLandlineRequired}}, foundIn(rs))
}
