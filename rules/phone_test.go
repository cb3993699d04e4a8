package rules_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/provinces"
	"github.com/icpcheck/beian/rules"
	"github.com/icpcheck/beian/rules/phonenum"
	"github.com/icpcheck/beian/validate/validatetest"
)

// capitalMobiles gives a real mobile segment of every province's capital
// (phonenumbers' zh geocoding) and the capital's area code with a local
// number of the right length.
var capitalMobiles = map[string][2]string{
	"11": {"1390009", "010-62345678"}, "12": {"1390021", "022-62345678"}, "13": {"1390311", "0311-62345678"},
	"14": {"1390034", "0351-6234567"}, "15": {"1390004", "0471-6234567"}, "21": {"1390001", "024-62345678"},
	"22": {"1390430", "0431-62345678"}, "23": {"1390036", "0451-62345678"}, "31": {"1380021", "021-62345678"},
	"32": {"1390015", "025-62345678"}, "33": {"1390065", "0571-62345678"}, "34": {"1390056", "0551-62345678"},
	"35": {"1390043", "0591-62345678"}, "36": {"1390070", "0791-62345678"}, "37": {"1390054", "0531-62345678"},
	"41": {"1390371", "0371-62345678"}, "42": {"1390071", "027-62345678"}, "43": {"1390731", "0731-62345678"},
	"44": {"1390007", "020-62345678"}, "45": {"1390077", "0771-6234567"}, "46": {"1390075", "0898-62345678"},
	"50": {"1390082", "023-62345678"}, "51": {"1390080", "028-62345678"}, "52": {"1390008", "0851-62345678"},
	"53": {"1390087", "0871-62345678"}, "54": {"1390890", "0891-6234567"}, "61": {"1390029", "029-62345678"},
	"62": {"1390094", "0931-6234567"}, "63": {"1390971", "0971-6234567"}, "64": {"1390095", "0951-6234567"},
	"65": {"1390000", "0991-6234567"},
}

// phoneFiling returns a filing in province with the principal's mobile
// and office phone.
func phoneFiling(province, mobile, phone string) *beian.Filing {
	f := cleanFiling()
	f.Province = province
	f.Subject.Principal.Mobile = mobile
	f.Subject.Principal.Phone = phone
	return f
}

// wantLocalSeverity is the severity the reference gives another
// province's mobile in each province (phone-domain-facts.md §5.2, from
// tencent-province-reqs-old, ucloud-hubei and huawei-province-rules): an
// error where the rule is certain (Hunan: two sources), a warning where
// only an old or partial source states it, a notice where a current
// source says there is none or none states one (Tencent: a province
// without a rule takes any province's number).
func wantLocalSeverity(code string) rules.Severity {
	switch code {
	case "43":
		return rules.Error
	case "11", "12", "21", "23", "31", "32", "37", "42", "45", "50", "62", "64", "65":
		return rules.Warning
	}
	return rules.Notice
}

func TestPhoneNotLocalEveryProvince(t *testing.T) {
	require.Len(t, capitalMobiles, 31)
	for _, p := range provinces.All() {
		here := capitalMobiles[p.Code]
		other := "11"
		if p.Code == "11" {
			other = "44"
		}
		there := capitalMobiles[other]
		t.Run(p.Code, func(t *testing.T) {
			// Local numbers: nothing to report.
			rs := run(t, rules.Phone, phoneFiling(p.Code, here[0]+"1234", here[1]))
			assert.Empty(t, foundIn(rs), "local mobile and landline")

			// Another province's mobile and landline.
			rs = run(t, rules.Phone, phoneFiling(p.Code, there[0]+"1234", there[1]))
			require.Equal(t, []found{
				{"subject.principal.mobile", rules.CodePhoneNotLocal},
				{"subject.principal.phone", rules.CodePhoneNotLocal},
			}, foundIn(rs))
			for _, r := range rs {
				want := wantLocalSeverity(p.Code)
				if r.Field == "subject.principal.phone" {
					want = min(want, rules.Warning) // no source states a landline rule
				}
				assert.Equal(t, want, r.Severity, "%s in %s", r.Field, p.Code)
				assert.Equal(t, []beian.Path{"province"}, r.Related)
			}
		})
	}
}

func TestPhoneOverrideMakesLocalityCertain(t *testing.T) {
	ps, err := provinces.DefaultPolicies().Override([]byte(`{"44": {"mobile_must_be_local": {"value": true, "certain": true, "source": "test"}}}`))
	require.NoError(t, err)
	rs := runWith(t, rules.Phone, phoneFiling("44", "13900091234", ""), &rules.Config{Policies: ps})
	require.Len(t, rs, 1)
	assert.Equal(t, rules.Error, rs[0].Severity)
}

func TestPhoneRegionUnknown(t *testing.T) {
	// 199 has no province in phonenumbers' data.
	for _, c := range []struct {
		province string
		sev      rules.Severity
	}{{"43", rules.Warning}, {"11", rules.Warning}, {"44", rules.Notice}, {"33", rules.Notice}} {
		rs := run(t, rules.Phone, phoneFiling(c.province, "19912345678", ""))
		require.Equal(t, []found{{"subject.principal.mobile", rules.CodePhoneRegionUnknown}}, foundIn(rs), c.province)
		assert.Equal(t, c.sev, rs[0].Severity, c.province)
	}

	// A caller's table gives a verdict: local, or another province.
	tab, err := phonenum.ParseCSV([]byte("1991234,湖南\n1991235,北京\n"))
	require.NoError(t, err)
	cfg := &rules.Config{Policies: provinces.DefaultPolicies(), PhoneSegments: tab}
	assert.Empty(t, runWith(t, rules.Phone, phoneFiling("43", "19912345678", ""), cfg))
	rs := runWith(t, rules.Phone, phoneFiling("43", "19912355678", ""), cfg)
	require.Equal(t, []found{{"subject.principal.mobile", rules.CodePhoneNotLocal}}, foundIn(rs))
	assert.Equal(t, rules.Error, rs[0].Severity)
	// A table also overrides what the built-in data knows.
	rs = runWith(t, rules.Phone, phoneFiling("43", "19912365678", ""), cfg)
	assert.Equal(t, []found{{"subject.principal.mobile", rules.CodePhoneRegionUnknown}}, foundIn(rs), "a prefix the table lacks")
}

func TestPhoneVirtualAndSpecialSegments(t *testing.T) {
	cases := []struct {
		mobile string
		sev    rules.Severity
	}{
		{"17001234567", rules.Warning}, // 1700 电信 MVNO
		{"17051234567", rules.Warning}, // 1705 移动 MVNO
		{"17091234567", rules.Warning}, // 1709 联通 MVNO
		{"17112345678", rules.Warning},
		{"16212345678", rules.Warning},
		{"16512345678", rules.Warning},
		{"16712345678", rules.Warning},
		{"14512345678", rules.Warning}, // data cards
		{"14712345678", rules.Warning},
		{"14912345678", rules.Warning},
		{"1440012345678", rules.Warning}, // IoT
		{"1410012345678", rules.Warning},
		{"13491234567", rules.Warning}, // satellite
		{"17400123456", rules.Warning},
		{"17491234567", rules.Warning},
	}
	forbid, err := provinces.DefaultPolicies().Override([]byte(`{"*": {"virtual_mobile_allowed": {"value": false, "certain": true, "source": "test"}}}`))
	require.NoError(t, err)
	allow, err := provinces.DefaultPolicies().Override([]byte(`{"*": {"virtual_mobile_allowed": {"value": true, "certain": true, "source": "test"}}}`))
	require.NoError(t, err)
	for _, c := range cases {
		n, err := phonenum.Parse(c.mobile)
		require.NoError(t, err, c.mobile)
		virtual := n.Kind == phonenum.Mobile && n.Virtual
		get := func(ps *provinces.Policies) []rules.Rejection {
			var out []rules.Rejection
			for _, r := range runWith(t, rules.Phone, phoneFiling("44", c.mobile, ""), &rules.Config{Policies: ps}) {
				if r.Code == rules.CodePhoneVirtualSegment {
					out = append(out, r)
				}
			}
			return out
		}
		rs := get(provinces.DefaultPolicies())
		require.Len(t, rs, 1, c.mobile)
		assert.Equal(t, c.sev, rs[0].Severity, c.mobile)
		assert.Equal(t, beian.Path("subject.principal.mobile"), rs[0].Field)

		rs = get(forbid)
		require.Len(t, rs, 1, c.mobile)
		if virtual {
			assert.Equal(t, rules.Error, rs[0].Severity, "%s where virtual segments are forbidden", c.mobile)
		} else {
			assert.Equal(t, rules.Warning, rs[0].Severity, "%s: the SMS problem stays a warning", c.mobile)
		}
		rs = get(allow)
		if virtual {
			assert.Empty(t, rs, "%s where virtual segments are allowed", c.mobile)
		} else {
			assert.Len(t, rs, 1, "%s cannot receive the SMS wherever it is filed", c.mobile)
		}
	}
	// Plain mobiles of the four operators are not special.
	for _, m := range []string{"13902212345", "18612345678", "19212345678", "17201234567", "19912345678"} {
		for _, r := range run(t, rules.Phone, phoneFiling("44", m, "")) {
			assert.NotEqual(t, rules.CodePhoneVirtualSegment, r.Code, m)
		}
	}
	// A segment table marking a segment virtual.
	tab, err := phonenum.ParseCSV([]byte("1390221,广东,移动,true\n"))
	require.NoError(t, err)
	rs := runWith(t, rules.Phone, phoneFiling("44", "13902212345", ""), &rules.Config{Policies: provinces.DefaultPolicies(), PhoneSegments: tab})
	assert.Equal(t, []found{{"subject.principal.mobile", rules.CodePhoneVirtualSegment}}, foundIn(rs))
}

func TestPhoneInvalid(t *testing.T) {
	for _, bad := range []string{"1390221234", "139022123456", "15412345678", "+852 6123 4567", "139abc", "86013388", "95588",
		"400-820-8820", "10086", "0111-1234567", "13902212345转8", "——", "1" + strings.Repeat("3", 200)} {
		rs := run(t, rules.Phone, phoneFiling("44", bad, bad))
		assert.Equal(t, []found{
			{"subject.principal.mobile", rules.CodePhoneInvalid},
			{"subject.principal.phone", rules.CodePhoneInvalid},
		}, foundIn(rs), "%q", bad)
	}
	// A landline is no mobile; an office phone may be either.
	rs := run(t, rules.Phone, phoneFiling("44", "0755-26888888", "13902212345"))
	assert.Equal(t, []found{{"subject.principal.mobile", rules.CodePhoneInvalid}}, foundIn(rs))
	// Typed forms are read; any but the filing form (a mobile's 11
	// digits, a landline's 0755-26888888 or 075526888888) is a warning
	// whose fix is the number in that form; an extension's separator is
	// free, its digits' typing is not.
	for _, typed := range []struct{ mobile, phone, mobileFix, phoneFix string }{
		{"+86 139 0221 2345", "(0755) 2688 8888 转 801", "13902212345", "0755-26888888转801"},
		{"１３９０２２１２３４５", "０７５５－２６８８８８８８", "13902212345", "0755-26888888"},
		{"139-0221-2345", "0755-26888888", "13902212345", ""},
		{"(+86)13902212345", "075526888888", "13902212345", ""},
		{"13902212345", "0755-2688-8888", "", "0755-26888888"},
		{"139.0221.2345", "(0755)26888888", "13902212345", "0755-26888888"},
		{"008613902212345", "+86-755-26888888", "13902212345", "0755-26888888"},
		{" 13902212345 ", "\t0755-26888888 ", "", ""},
		{"13902212345", "0755-26888888-801", "", ""},
	} {
		rs := run(t, rules.Phone, phoneFiling("44", typed.mobile, typed.phone))
		fixes := map[beian.Path]string{}
		for _, r := range rs {
			assert.Equal(t, rules.Warning, r.Severity, "%s %s", typed.mobile, r.Field)
			require.Len(t, r.Fixes, 1, "%s %s", typed.mobile, r.Field)
			fixes[r.Field] = r.Fixes[0].Value
		}
		assert.Equal(t, typed.mobileFix, fixes["subject.principal.mobile"], typed.mobile)
		assert.Equal(t, typed.phoneFix, fixes["subject.principal.phone"], typed.phone)
	}
	// Empty fields are the fields rule's business.
	assert.Empty(t, run(t, rules.Phone, phoneFiling("44", "", "")))
}

// TestPhoneLandlineWithoutTrunk: a landline typed without the trunk 0 of
// its area code (outsider14's 755-26888888), in every form, is a warning
// whose fix is the number with it; with the 0 it is not, and with +86 or
// the country code 86 it is the country code's typing warning instead. Every area code of a sample across the
// country, three and four digits, with a local number that it takes.
func TestPhoneLandlineWithoutTrunk(t *testing.T) {
	n := 0
	for _, ac := range []string{"10", "20", "21", "22", "23", "24", "25", "27", "28", "29", "311", "351", "371", "431", "451", "471",
		"531", "551", "571", "591", "731", "755", "769", "791", "851", "871", "891", "898", "931", "951", "971", "991"} {
		for _, local := range []string{"66888888", "6888888"} {
			canonical, err := phonenum.Parse("0" + ac + "-" + local)
			if err != nil {
				continue
			}
			n++
			fix := canonical.String()
			for _, typed := range []string{ac + "-" + local, ac + local, "(" + ac + ")" + local, fullWidthDigits(ac + "-" + local), ac + "-" + local + "转801"} {
				fix := fix
				if strings.HasSuffix(typed, "转801") {
					fix += "转801" // the extension kept
				}
				rs := run(t, rules.Phone, phoneFiling("", "13902212345", typed))
				require.Equal(t, []found{{"subject.principal.phone", rules.CodePhoneInvalid}}, foundIn(rs), typed)
				assert.Equal(t, rules.Warning, rs[0].Severity, typed)
				require.Len(t, rs[0].Fixes, 1, typed)
				assert.Equal(t, fix, rs[0].Fixes[0].Value, typed)
			}
			for _, typed := range []string{"0" + ac + "-" + local, "0" + ac + local, "0" + ac + "-" + local + "转801"} {
				assert.Empty(t, foundIn(run(t, rules.Phone, phoneFiling("", "13902212345", typed))), typed)
			}
			// With the country code it is read whole: the typing warning
			// whose fix is the filing form.
			for _, typed := range []string{"+86-" + ac + "-" + local, "86-" + ac + "-" + local, "+86" + ac + local} {
				rs := run(t, rules.Phone, phoneFiling("", "13902212345", typed))
				require.Equal(t, []found{{"subject.principal.phone", rules.CodePhoneInvalid}}, foundIn(rs), typed)
				require.Len(t, rs[0].Fixes, 1, typed)
				assert.Equal(t, fix, rs[0].Fixes[0].Value, typed)
			}
		}
	}
	assert.Greater(t, n, 30)
}

// fullWidthDigits writes s's ASCII digits and hyphens in full width.
func fullWidthDigits(s string) string {
	return strings.Map(func(r rune) rune {
		if '0' <= r && r <= '9' || r == '-' || r == '(' || r == ')' {
			return r + 0xFF01 - '!'
		}
		return r
	}, s)
}

func TestPhoneWebsitePrincipals(t *testing.T) {
	f := phoneFiling("43", "13907311234", "0731-62345678")
	f.Websites = append(f.Websites,
		beian.Website{Name: "示例二", Domains: []string{"b.cn"}, Principal: &beian.Principal{
			Name: "李四", CertType: beian.CertIDCard, CertNumber: "440306199203151245", Mobile: "13900091234", Phone: "17001234567",
		}},
		// Marked as the subject's principal: its own object is ignored.
		beian.Website{Name: "示例三", Domains: []string{"c.cn"}, PrincipalSameAsSubject: true, Principal: &beian.Principal{Mobile: "1"}},
	)
	rs := run(t, rules.Phone, f)
	assert.Equal(t, []found{
		{"websites[1].principal.mobile", rules.CodePhoneNotLocal},
		{"websites[1].principal.phone", rules.CodePhoneNotLocal},
		{"websites[1].principal.phone", rules.CodePhoneVirtualSegment},
	}, foundIn(rs))
}

func TestPhoneUnknownProvince(t *testing.T) {
	rs := run(t, rules.Phone, phoneFiling("火星", "13900091234", "17001234567"))
	assert.Equal(t, []found{{"subject.principal.phone", rules.CodePhoneVirtualSegment}}, foundIn(rs), "no locality without a province")
}

// registryWith returns a registry of one other subject holding mobiles,
// and of the clean filing's own subject holding its own mobile.
func registryWith(mobiles ...string) *validatetest.Registry {
	return validatetest.NewRegistry(validatetest.Records{Subjects: []validatetest.SubjectRecord{
		{Name: "广州市另一家科技有限公司", CertType: beian.CertUSCC, CertNumber: "91440101MA59ABCD1X", Mobiles: mobiles},
		{Name: "深圳市示例科技有限公司", CertType: beian.CertUSCC, CertNumber: "91440300MA5F12342Q", Mobiles: []string{"13660123456"}},
	}})
}

func TestPhoneHolder(t *testing.T) {
	cfg := func(r beian.Registry) *rules.Config {
		return &rules.Config{Policies: provinces.DefaultPolicies(), Registry: r}
	}
	f := cleanFiling()
	// Only this subject holds its mobile.
	assert.Empty(t, runWith(t, rules.PhoneHolder, f, cfg(registryWith())))

	// Another subject holds it, whatever form it was typed in.
	f.Subject.Principal.Mobile = "+86 136-6012-3456"
	rs := runWith(t, rules.PhoneHolder, f, cfg(registryWith("13660123456")))
	assert.Equal(t, []found{{"subject.principal.mobile", rules.CodePhoneUsedByOtherSubject}}, foundIn(rs))

	// A website principal's mobile too, and each field with the number.
	f = cleanFiling()
	f.Websites[0].PrincipalSameAsSubject = false
	f.Websites[0].Principal = &beian.Principal{Name: "李四", CertType: beian.CertIDCard, CertNumber: "440306199203151245", Mobile: "13660123457"}
	rs = runWith(t, rules.PhoneHolder, f, cfg(registryWith("13660123457")))
	assert.Equal(t, []found{{"websites[0].principal.mobile", rules.CodePhoneUsedByOtherSubject}}, foundIn(rs))

	// Invalid mobiles are not looked up.
	f.Websites[0].Principal.Mobile = "12345"
	assert.Empty(t, runWith(t, rules.PhoneHolder, f, cfg(registryWith("12345"))))
}

// failingRegistry answers every question with err.
type failingRegistry struct{ err error }

func (r failingRegistry) MobileHolders(context.Context, string) ([]beian.SubjectID, error) {
	return nil, r.err
}

func (r failingRegistry) Subject(context.Context, beian.SubjectID) (beian.SubjectStatus, error) {
	return beian.SubjectStatus{}, r.err
}

func (r failingRegistry) Domain(context.Context, string) (beian.DomainStatus, error) {
	return beian.DomainStatus{}, r.err
}

func TestPhoneHolderRegistryFails(t *testing.T) {
	f := cleanFiling()
	pass := rules.NewPass(context.Background(), f, rules.CleanText(f),
		&rules.Config{Policies: provinces.DefaultPolicies(), Registry: failingRegistry{errors.New("records offline")}}, today)
	pass.Rule = rules.PhoneHolder
	assert.ErrorContains(t, rules.PhoneHolder.Run(pass), "records offline", "the engine turns the error into CHECK_UNAVAILABLE")
	assert.Equal(t, rules.NeedsRegistry, rules.PhoneHolder.Needs)
}
