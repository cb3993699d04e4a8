package rules_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/provinces"
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

// TestEmergencyRemarkWording: Tianjin wants each service's remark to say
// whose the emergency phone is: a unit's employee ‹name›, a person's
// ‹relation› ‹name› or the principal's own other number (ucloud-tianjin).
// Every remark below × every service (website, App, mini-program) × the
// subject's nature: a remark without 应急 is an error (as before); one
// that mentions it but leaves out the relation or the name is a warning
// (the reading is a heuristic); the wordings people use pass.
func TestEmergencyRemarkWording(t *testing.T) {
	const (
		ok   = 0
		warn = 1
		fail = 2
	)
	unit := []struct {
		remark string
		want   int
	}{
		{"应急联系电话使用人为本单位员工李明", ok},
		{"应急联系电话中手机号使用人为本单位员工李明", ok},
		{"应急联系电话使用人为深圳市示例科技有限公司员工李明", ok},
		{"应急联系电话使用人：李明（本单位员工）", ok},
		{"应急电话使用人为本单位同事 王小丽", ok},
		{"应急联系电话使用人为本单位法定代表人张三的同事李明", ok},
		{"", fail},
		{"本App为记账工具，无交互功能", fail},
		{"应急电话使用人为本单位员工", warn},
		{"应急联系电话使用人为深圳市示例科技有限公司员工", warn},
		{"应急联系人：李明", warn},
		{"应急联系人李明", warn},
		{"应急电话：13800138000", warn},
	}
	person := []struct {
		remark string
		want   int
	}{
		{"应急联系电话使用人为负责人王五的父亲王大山", ok},
		{"应急联系电话使用人为负责人的妻子李红", ok},
		{"应急电话为负责人王五本人的另一个号码", ok},
		{"应急电话为本人备用号码", ok},
		{"应急联系人：朋友 赵敏", ok},
		{"", fail},
		{"个人记账笔记", fail},
		{"应急联系人张大山", warn},
		{"应急联系电话使用人为负责人王五的父亲", warn},
		{"应急联系电话使用人为本单位员工李明", warn},
		{"应急电话：13800138000", warn},
	}
	build := func(personal bool, remark string) *beian.Filing {
		var f *beian.Filing
		if personal {
			f = personFiling("12", "120101199003074564")
			f.Subject.Principal.EmergencyPhone = "13900139000"
		} else {
			f = cleanFiling()
			f.Province = "12"
			f.Subject.Principal.EmergencyPhone = "13800138000"
		}
		f.Apps = []beian.App{
			{Type: beian.AppNative, Name: "示例记账本", PrincipalSameAsSubject: true},
			{Type: beian.AppMiniProgram, Name: "示例小程序", PrincipalSameAsSubject: true},
		}
		f.Websites[0].Remark, f.Apps[0].Remark, f.Apps[1].Remark = remark, remark, remark
		return f
	}
	paths := []beian.Path{"apps[0].remark", "apps[1].remark", "websites[0].remark"}
	for _, nature := range []struct {
		personal bool
		cases    []struct {
			remark string
			want   int
		}
	}{{false, unit}, {true, person}} {
		for _, tc := range nature.cases {
			name := fmt.Sprintf("personal %v, %q", nature.personal, tc.remark)
			rs := run(t, rules.Contact, build(nature.personal, tc.remark))
			if tc.want == ok {
				assert.Empty(t, foundIn(rs), name)
				continue
			}
			var want []found
			for _, p := range paths {
				want = append(want, found{p, rules.CodeEmergencyRemarkMissing})
			}
			require.Equal(t, want, foundIn(rs), name)
			for _, r := range rs {
				sev := rules.Error
				if tc.want == warn {
					sev = rules.Warning
				}
				assert.Equal(t, sev, r.Severity, name)
				assert.Equal(t, "ucloud-tianjin", r.Source.Key, name)
			}
		}
	}
	// Elsewhere no remark is asked for.
	f := build(false, "应急联系人：李明")
	f.Province = "44"
	assert.Empty(t, foundIn(run(t, rules.Contact, f)))
}

// TestMobileWithTrunkZero: a mobile typed with the trunk 0 before it
// ("013660123456", as dialled from a landline of another city) is read as
// the mobile, as the README says numbers are read and as phonenumbers
// reads it: in a mobile or an office phone, of every principal kind, in
// every spelling, it is PHONE_INVALID as a warning whose certain fix is
// the 11 digits; as an emergency phone too, and it is compared as the
// mobile (CONTACT_NOT_DISTINCT when it is the principal's own). A landline with
// its trunk 0, and the international prefix 00, are no such thing.
func TestMobileWithTrunkZero(t *testing.T) {
	const m = "13660129876"
	forms := []string{"0" + m, "0 " + m, "0-136-6012-9876", "０１３６６０１２９８７６", " 0" + m + " "}
	for _, form := range forms {
		for k := range 4 {
			for _, field := range []string{"mobile", "phone"} {
				f := allPrincipals()
				ps, paths := principalsOf(f)
				if field == "mobile" {
					ps[k].Mobile = form
				} else {
					ps[k].Phone = form
				}
				name := fmt.Sprintf("%s.%s %q", paths[k], field, form)
				rs := run(t, rules.Phone, f)
				require.Equal(t, []found{{paths[k].Field(field), rules.CodePhoneInvalid}}, foundIn(rs), name)
				assert.Equal(t, rules.Warning, rs[0].Severity, name)
				require.Len(t, rs[0].Fixes, 1, name)
				assert.Equal(t, m, rs[0].Fixes[0].Value, name)
				assert.Equal(t, paths[k].Field(field), rs[0].Fixes[0].Field, name)
			}
			// The emergency phone: read as the mobile it is, and warned of
			// its typing as a mobile field is (outsider18's F6).
			f := allPrincipals()
			ps, paths := principalsOf(f)
			ps[k].Mobile, ps[k].EmergencyPhone = m, form
			typing := run(t, rules.Phone, f)
			require.Equal(t, []found{{paths[k].Field("emergency_phone"), rules.CodePhoneInvalid}}, foundIn(typing), "%s emergency %q", paths[k], form)
			assert.Equal(t, rules.Warning, typing[0].Severity)
			require.Len(t, typing[0].Fixes, 1)
			assert.Equal(t, m, typing[0].Fixes[0].Value)
			rs := run(t, rules.Contact, f)
			require.Equal(t, []found{{paths[k].Field("emergency_phone"), rules.CodeContactNotDistinct}}, foundIn(rs), "%s emergency %q", paths[k], form)
			assert.Equal(t, rules.Error, rs[0].Severity)
		}
	}
	for _, other := range []string{"0755-26889876", "075526889876", m} {
		f := allPrincipals()
		f.Subject.Principal.Phone = other
		for _, r := range run(t, rules.Phone, f) {
			assert.NotEqual(t, rules.CodePhoneInvalid, r.Code, other)
		}
	}
	// The international prefix 00 and +86 with a 0 after it are a country
	// code, read as the mobile they give: the typing warning, fixed to it.
	for _, other := range []string{"0086" + m, "+860" + m} {
		f := allPrincipals()
		f.Subject.Principal.Phone = other
		rs := run(t, rules.Phone, f)
		require.Equal(t, []found{{"subject.principal.phone", rules.CodePhoneInvalid}}, foundIn(rs), other)
		require.Len(t, rs[0].Fixes, 1, other)
		assert.Equal(t, m, rs[0].Fixes[0].Value, other)
	}
}

// TestEmergencyPhoneSegments: a virtual operator's, data-card, IoT or
// satellite number given as the emergency phone is reported as it is in
// the principal's mobile (PHONE_VIRTUAL_SEGMENT at the emergency phone, at
// the same severity and with the same source), for every principal kind,
// under the default policies and where virtual segments are certainly
// forbidden or allowed; a plain mobile or a landline is not.
func TestEmergencyPhoneSegments(t *testing.T) {
	forbid, err := provinces.DefaultPolicies().Override([]byte(`{"*": {"virtual_mobile_allowed": {"value": false, "certain": true, "source": "test"}}}`))
	require.NoError(t, err)
	allow, err := provinces.DefaultPolicies().Override([]byte(`{"*": {"virtual_mobile_allowed": {"value": true, "certain": true, "source": "test"}}}`))
	require.NoError(t, err)
	segmentOf := func(rs []rules.Rejection, path beian.Path) []rules.Rejection {
		var out []rules.Rejection
		for _, r := range rs {
			if r.Code == rules.CodePhoneVirtualSegment && r.Field == path {
				out = append(out, r)
			}
		}
		return out
	}
	numbers := []string{"17001234567", "17051234567", "17091234567", "17112345678", "16212345678", "16512345678", "16712345678",
		"14512345678", "1440012345678", "13491234567", "17406123456", "170 0123 4567", "+86 17112345678",
		"13902212345", "0755-26888888", "19212345678"}
	for _, ps := range []*provinces.Policies{provinces.DefaultPolicies(), forbid, allow} {
		for _, num := range numbers {
			for k := range 4 {
				f := allPrincipals()
				p, paths := principalsOf(f)
				p[k].EmergencyPhone = num
				got := segmentOf(runWith(t, rules.Phone, f, &rules.Config{Policies: ps}), paths[k].Field("emergency_phone"))

				var want []rules.Rejection
				if !strings.HasPrefix(num, "0755") {
					g := allPrincipals()
					q, _ := principalsOf(g)
					q[k].Mobile = num
					want = segmentOf(runWith(t, rules.Phone, g, &rules.Config{Policies: ps}), paths[k].Field("mobile"))
				}
				name := fmt.Sprintf("%s %q", paths[k], num)
				require.Len(t, got, len(want), name)
				for i := range want {
					assert.Equal(t, want[i].Severity, got[i].Severity, name)
					assert.Equal(t, want[i].Source, got[i].Source, name)
				}
			}
		}
	}
	// The classes are reported at all.
	f := allPrincipals()
	f.Subject.Principal.EmergencyPhone = "17012345678"
	rs := segmentOf(run(t, rules.Phone, f), "subject.principal.emergency_phone")
	require.Len(t, rs, 1)
	assert.Equal(t, rules.Warning, rs[0].Severity)
}

// TestEmergencyRequiredWeChat: WeChat's filing API takes an emergency
// contact for the subject principal and for a mini-program's principal:
// with a WeChat mini-program, each of theirs left empty is FIELD_REQUIRED
// as a warning with the WeChat source, for the mini-program's own
// principal and for the subject's; on every other platform, and for a
// native App, an empty emergency phone is only listed as skipped.
func TestEmergencyRequiredWeChat(t *testing.T) {
	platforms := []struct {
		typ      beian.AppType
		platform beian.Platform
		wechat   bool
	}{
		{beian.AppMiniProgram, beian.PlatformWeChat, true},
		{beian.AppMiniProgram, beian.PlatformAlipay, false},
		{beian.AppMiniProgram, beian.PlatformBaidu, false},
		{beian.AppMiniProgram, beian.PlatformDouyin, false},
		{beian.AppMiniProgram, beian.PlatformQQ, false},
		{beian.AppNative, beian.PlatformAndroid, false},
		{beian.AppQuickApp, beian.PlatformOther, false},
	}
	for _, pl := range platforms {
		for _, own := range []bool{false, true} {
			for _, subjectEmpty := range []bool{false, true} {
				for _, appEmpty := range []bool{false, true} {
					f := allPrincipals()
					f.Apps = f.Apps[1:] // the mini-program's slot
					f.Apps[0].Type = pl.typ
					f.Apps[0].Platforms = []beian.AppPlatform{{Platform: pl.platform, Package: "wx30f4235615f87f52"}}
					f.Apps[0].PrincipalSameAsSubject = !own
					if subjectEmpty {
						f.Subject.Principal.EmergencyPhone = ""
					}
					if appEmpty {
						f.Apps[0].Principal.EmergencyPhone = " "
					}
					want := []found{}
					if pl.wechat && own && appEmpty {
						want = append(want, found{"apps[0].principal.emergency_phone", rules.CodeFieldRequired})
					}
					if pl.wechat && subjectEmpty {
						want = append(want, found{"subject.principal.emergency_phone", rules.CodeFieldRequired})
					}
					name := fmt.Sprintf("%s %s own %v, empty %v %v", pl.typ, pl.platform, own, subjectEmpty, appEmpty)
					rs := run(t, rules.Contact, f)
					require.Equal(t, want, foundIn(rs), name)
					for _, r := range rs {
						assert.Equal(t, rules.Warning, r.Severity, name)
						assert.Equal(t, "wechat-apply-icp-filing", r.Source.Key, name)
					}
				}
			}
		}
	}
}

// TestPrincipalConflict: a website or App (every kind) marked as having
// the subject's principal that also gives another person (another
// certificate number; or, without one, another name) is
// PRINCIPAL_CONFLICT at its principal, a warning, for a unit or a person;
// the subject principal typed again (same certificate however spaced, or
// the same name without a certificate), or no principal given, passes.
func TestPrincipalConflict(t *testing.T) {
	for _, personal := range []bool{false, true} {
		for k := 1; k < 4; k++ {
			build := func() (*beian.Filing, *beian.Principal, beian.Path) {
				f := allPrincipals()
				if personal {
					g := personFiling("44", "110101199003074565")
					f.Subject = g.Subject
					f.Subject.Name, f.Subject.Principal.Name = "孙七", "孙七"
				}
				ps, paths := principalsOf(f)
				if k == 1 {
					f.Websites[0].PrincipalSameAsSubject = true
				} else {
					f.Apps[k-2].PrincipalSameAsSubject = true
				}
				return f, ps[k], paths[k]
			}
			conflicts := func(f *beian.Filing) []found {
				var out []found
				for _, r := range run(t, rules.PrincipalLink, f) {
					if r.Code == rules.CodePrincipalConflict {
						assert.Equal(t, rules.Warning, r.Severity)
						out = append(out, found{r.Field, r.Code})
					}
				}
				return out
			}
			name := fmt.Sprintf("personal %v, %d", personal, k)
			f, _, path := build()
			assert.Equal(t, []found{{path, rules.CodePrincipalConflict}}, conflicts(f), name)

			f, p, _ := build()
			p.CertNumber = ""
			assert.Equal(t, []found{{path, rules.CodePrincipalConflict}}, conflicts(f), name+", no certificate")

			f, p, _ = build()
			*p = f.Subject.Principal
			p.CertNumber = " " + strings.ToLower(p.CertNumber) + " "
			assert.Empty(t, conflicts(f), name+", the subject principal again")

			f, p, _ = build()
			p.CertNumber, p.Name = "", " "+f.Subject.Principal.Name
			assert.Empty(t, conflicts(f), name+", the same name")

			f, _, _ = build()
			if k == 1 {
				f.Websites[0].Principal = nil
			} else {
				f.Apps[k-2].Principal = nil
			}
			assert.Empty(t, conflicts(f), name+", none given")
		}
	}
}
