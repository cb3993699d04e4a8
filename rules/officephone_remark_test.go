package rules_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/provinces"
	"github.com/icpcheck/beian/rules"
)

// officeRemarkWants is what Tencent's subject page (TC 主体信息) says a
// remark must give when a unit's office phone is a mobile, written here
// from the page and not read from the policy: the name in Chongqing, the
// job title in Gansu, both in Tianjin.
var officeRemarkWants = map[string]struct{ name, title bool }{
	"50": {name: true},
	"62": {title: true},
	"12": {name: true, title: true},
}

// TestOfficePhoneRemark: every province × unit or personal × the
// subject's, a website's or an App's principal × each way an office
// phone is typed × each remark × where the remark is. An office phone
// that is a mobile, in Gansu, Chongqing and Tianjin, needs a remark that
// gives what the province wants: none at all is an error at the remark
// where it belongs, a remark without it a warning; a landline, an empty
// or invalid phone, a personal filing or another province, nothing.
func TestOfficePhoneRemark(t *testing.T) {
	phones := []struct {
		name, phone string
		mobile      bool
	}{
		{"landline", "0931-8456123", false},
		{"mobile", "13912345678", true},
		{"mobile with +86", "+86 139 1234 5678", true},
		{"mobile in full width", "１３９１２３４５６７８", true},
		{"virtual mobile", "17012345678", true},
		{"empty", "", false},
		{"not a number", "12345", false},
	}
	const name = "王五"
	remarks := []struct {
		name, text  string
		hasName     bool
		hasTitle    bool
		notBlankish bool
	}{
		{"none", "", false, false, false},
		{"spaces", "  ", false, false, false},
		{"unrelated", "公司官方网站，介绍产品", false, false, true},
		{"name", "办公电话联系人：" + name, true, false, true},
		{"title", "办公电话使用人职务：总经理", false, true, true},
		{"name and title", "办公电话使用人" + name + "，职务：执行董事", true, true, true},
		{"name and title, other words", name + "（行政主管）", true, true, true},
	}
	type place struct {
		name string
		// set gives the principal of the place the phone, and the
		// remark at where.
		set  func(f *beian.Filing, phone, remark, where string)
		want beian.Path // where the rejection is
	}
	principal := func(phone string) *beian.Principal {
		return &beian.Principal{Name: name, CertType: beian.CertIDCard, CertNumber: "110101198501013330",
			Mobile: "13912340000", Phone: phone, Email: "wangwu@shilikeji.cn"}
	}
	setRemark := func(f *beian.Filing, remark, where string) {
		switch where {
		case "subject":
			f.Subject.Remark = remark
		case "own":
			if len(f.Apps) > 0 {
				f.Apps[0].Remark = remark
			} else {
				f.Websites[0].Remark = remark
			}
		case "other website":
			f.Websites[1].Remark = remark
		}
	}
	places := []place{
		{"subject principal", func(f *beian.Filing, phone, remark, where string) {
			f.Subject.Principal.Name = name
			f.Subject.LegalRepresentative = name
			f.Subject.Principal.Phone = phone
			setRemark(f, remark, where)
		}, "subject.remark"},
		{"website principal", func(f *beian.Filing, phone, remark, where string) {
			f.Websites[0].PrincipalSameAsSubject = false
			f.Websites[0].Principal = principal(phone)
			setRemark(f, remark, where)
		}, "websites[0].remark"},
		{"app principal", func(f *beian.Filing, phone, remark, where string) {
			f.Apps = []beian.App{{Type: beian.AppNative, Name: "示例记账", Principal: principal(phone)}}
			setRemark(f, remark, where)
		}, "apps[0].remark"},
	}
	wheres := []string{"subject", "own", "other website"}
	for _, p := range provinces.All() {
		want, asked := officeRemarkWants[p.Code]
		for _, nature := range []beian.Nature{beian.NatureEnterprise, beian.NatureInstitution, beian.NaturePersonal} {
			for _, pl := range places {
				for _, ph := range phones {
					for _, rm := range remarks {
						for _, where := range wheres {
							t.Run(p.Code+"/"+string(nature)+"/"+pl.name+"/"+ph.name+"/"+rm.name+"/"+where, func(t *testing.T) {
								f := cleanFiling()
								f.Province = p.Code
								f.Subject.Nature = nature
								f.Websites = append(f.Websites, beian.Website{Name: "示例科技商城", Domains: []string{"shilishop.cn"}, PrincipalSameAsSubject: true})
								pl.set(f, ph.phone, rm.text, where)
								rs := withCode(run(t, rules.OfficePhone, f), rules.CodeOfficePhoneRemarkMissing)
								if !asked || !ph.mobile || nature == beian.NaturePersonal {
									assert.Empty(t, foundIn(rs))
									return
								}
								// The remark that speaks for the principal: the
								// subject's for everyone, the own one for a
								// website's or App's principal, any for the
								// subject's principal.
								counts := where == "subject" || where == "own" || pl.name == "subject principal"
								said := counts && (!want.name || rm.hasName) && (!want.title || rm.hasTitle)
								if said {
									assert.Empty(t, foundIn(rs))
									return
								}
								require.Equal(t, []found{{pl.want, rules.CodeOfficePhoneRemarkMissing}}, foundIn(rs))
								wantSev := rules.Error
								if counts && rm.notBlankish {
									wantSev = rules.Warning
								}
								assert.Equal(t, wantSev, rs[0].Severity)
								assert.Equal(t, "tencent-subject-info", rs[0].Source.Key)
								assert.Empty(t, rs[0].Fixes, "what the remark should say is not certain")
							})
						}
					}
				}
			}
		}
	}

	// Another province's data can ask the same.
	ps, err := provinces.DefaultPolicies().Override([]byte(`{"44": {"office_mobile_remark": {"value": ["title"], "certain": true}}}`))
	require.NoError(t, err)
	f := cleanFiling() // Guangdong
	f.Subject.Principal.Phone = "13660123999"
	rs := runWith(t, rules.OfficePhone, f, &rules.Config{Policies: ps})
	assert.Equal(t, []found{{"subject.remark", rules.CodeOfficePhoneRemarkMissing}}, foundIn(rs))
	f.Subject.Remark = "办公电话为总经理张三的手机"
	assert.Empty(t, runWith(t, rules.OfficePhone, f, &rules.Config{Policies: ps}))
}
