package provinces_test

import (
	"reflect"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/icpcheck/beian/provinces"
	"github.com/icpcheck/beian/rules/sources"
)

func policy(t *testing.T, ps *provinces.Policies, name string) provinces.Policy {
	t.Helper()
	p, ok := provinces.Lookup(name)
	require.True(t, ok, name)
	pol, ok := ps.For(p.Code)
	require.True(t, ok, name)
	return pol
}

// TestPolicyFromReference checks facts of the reference's per-province
// table (provinces/data/policy.csv, from the pages of SOURCES.md), including how
// conflicts were resolved.
func TestPolicyFromReference(t *testing.T) {
	ps := provinces.DefaultPolicies()
	cross := []struct {
		province string
		want     provinces.CrossProvince
		certain  bool
	}{
		{"山西", provinces.CrossProvinceForbidden, true},
		{"河南", provinces.CrossProvinceForbidden, true},
		{"新疆", provinces.CrossProvinceForbidden, true},
		{"黑龙江", provinces.CrossProvinceForbidden, true},
		{"上海", provinces.CrossProvinceResidencePermit, true},
		{"广东", provinces.CrossProvinceProof, true},
		{"山东", provinces.CrossProvinceProof, true},
		{"天津", provinces.CrossProvinceAllowed, true},
		{"湖南", provinces.CrossProvinceAllowed, true},
		// Sources conflict: the stricter value, marked uncertain.
		{"江西", provinces.CrossProvinceForbidden, false},
		{"陕西", provinces.CrossProvinceForbidden, false},
		{"内蒙古", provinces.CrossProvinceForbidden, false},
		{"广西", provinces.CrossProvinceForbidden, false},
		{"浙江", provinces.CrossProvinceResidencePermit, false},
		// "accepted, no proof listed" (UC 2024), no other source.
		{"北京", provinces.CrossProvinceAllowed, true},
	}
	for _, tt := range cross {
		f := policy(t, ps, tt.province).PersonalCrossProvince
		assert.Equal(t, tt.want, f.Value, tt.province)
		assert.Equal(t, tt.certain, f.Certain, tt.province)
	}

	// The reference counts 11 provinces refusing non-local personal IDs
	// (UC 2024); conflicts add 内蒙古 and 广西.
	forbidden := 0
	for _, p := range provinces.All() {
		if pol, _ := ps.For(p.Code); pol.PersonalCrossProvince.Value == provinces.CrossProvinceForbidden {
			forbidden++
		}
	}
	assert.Equal(t, 13, forbidden)

	lr := []struct {
		province      string
		must, letter  bool
		mustIsCertain bool
	}{
		{"北京", false, false, true},
		{"江苏", false, false, true},
		{"广东", true, false, true},
		{"吉林", true, true, true},
		{"四川", true, true, true},
		{"山西", true, false, false},
		{"海南", true, false, false},
	}
	for _, tt := range lr {
		p := policy(t, ps, tt.province)
		assert.Equal(t, tt.must, p.PrincipalMustBeLegalRepresentative.Value, tt.province)
		assert.Equal(t, tt.mustIsCertain, p.PrincipalMustBeLegalRepresentative.Certain, tt.province)
		assert.Equal(t, tt.letter, p.AuthorizationLetterAccepted.Value, tt.province)
	}

	assert.Equal(t, 16, policy(t, ps, "江西").MinimumAge.Value)
	assert.Equal(t, 17, policy(t, ps, "山东").MinimumAge.Value)
	// A unit's principals: Guangdong 16 and Fujian 18 (HW, TC-old),
	// elsewhere 18 uncertain; Fujian's personal filers the default.
	for _, tt := range []struct {
		province string
		fact     func(provinces.Policy) provinces.Fact[int]
		value    int
		certain  bool
	}{
		{"广东", func(p provinces.Policy) provinces.Fact[int] { return p.UnitPrincipalMinimumAge }, 16, true},
		{"福建", func(p provinces.Policy) provinces.Fact[int] { return p.UnitPrincipalMinimumAge }, 18, true},
		{"天津", func(p provinces.Policy) provinces.Fact[int] { return p.UnitPrincipalMinimumAge }, 18, false},
		{"福建", func(p provinces.Policy) provinces.Fact[int] { return p.MinimumAge }, 18, false},
		{"广东", func(p provinces.Policy) provinces.Fact[int] { return p.MinimumAge }, 18, true},
	} {
		f := tt.fact(policy(t, ps, tt.province))
		assert.Equal(t, tt.value, f.Value, tt.province)
		assert.Equal(t, tt.certain, f.Certain, tt.province)
	}
	assert.Equal(t, []string{"的个人博客", "的个人主页"}, policy(t, ps, "江苏").PersonalNameForms.Value)
	assert.True(t, policy(t, ps, "江苏").UnitLandlineRequired.Value)
	assert.True(t, policy(t, ps, "宁夏").DomainHolderMustBeUnit.Value)
	// Hunan: two sources, one of 2025; Hubei: one source, for personal
	// filers only; Guangdong and Jiangxi: a current source says no rule.
	assert.True(t, policy(t, ps, "湖南").MobileMustBeLocal.Value && policy(t, ps, "湖南").MobileMustBeLocal.Certain)
	assert.True(t, policy(t, ps, "湖北").MobileMustBeLocal.Value)
	assert.False(t, policy(t, ps, "湖北").MobileMustBeLocal.Certain)
	for _, p := range []string{"广东", "江西"} {
		assert.False(t, policy(t, ps, p).MobileMustBeLocal.Value, p)
		assert.True(t, policy(t, ps, p).MobileMustBeLocal.Certain, p)
	}
	for _, p := range []string{"北京", "辽宁", "吉林"} {
		assert.True(t, policy(t, ps, p).OfficePhoneDiffersFromMobile.Value, p)
	}
	assert.False(t, policy(t, ps, "上海").OfficePhoneDiffersFromMobile.Value)
	assert.Contains(t, policy(t, ps, "北京").PersonalNameBannedWords.Value, "团购")
}

// TestEveryFactHasASource walks every field of every policy.
func TestEveryFactHasASource(t *testing.T) {
	ps := provinces.DefaultPolicies()
	check := func(name string, p provinces.Policy) {
		v := reflect.ValueOf(p)
		for i := 0; i < v.NumField(); i++ {
			src := v.Field(i).FieldByName("Source").String()
			assert.NotEmpty(t, src, "%s %s", name, v.Type().Field(i).Name)
		}
	}
	for _, p := range provinces.All() {
		pol, _ := ps.For(p.Code)
		check(p.Name, pol)
	}
	check("fallback", ps.Fallback())
	assert.False(t, ps.Fallback().PersonalCrossProvince.Certain, "the fallback is never certain")
}

func TestOverride(t *testing.T) {
	ps := provinces.DefaultPolicies()
	over, err := ps.Override([]byte(`{
		"*":  {"virtual_mobile_allowed": {"value": true, "certain": true, "source": "console 2026-11"}},
		"粤": {"mobile_must_be_local": {"value": true, "certain": true}},
		"guangxi": {"personal_cross_province": {"value": "residence_permit", "certain": true, "source": "桂管局 2026"}}
	}`))
	require.NoError(t, err)

	gd := policy(t, over, "广东")
	assert.True(t, gd.MobileMustBeLocal.Value)
	assert.True(t, gd.MobileMustBeLocal.Certain)
	assert.Equal(t, "caller override", gd.MobileMustBeLocal.Source)
	assert.True(t, gd.VirtualMobileAllowed.Value, "* applies to every province")
	assert.True(t, over.Fallback().VirtualMobileAllowed.Value, "* applies to the fallback")
	assert.Equal(t, provinces.CrossProvinceProof, gd.PersonalCrossProvince.Value, "fields not given keep their value")
	gx := policy(t, over, "广西")
	assert.Equal(t, provinces.CrossProvinceResidencePermit, gx.PersonalCrossProvince.Value)
	assert.Equal(t, "桂管局 2026", gx.PersonalCrossProvince.Source)

	// The original is untouched.
	assert.False(t, policy(t, ps, "广东").MobileMustBeLocal.Value)
	assert.False(t, policy(t, ps, "广东").VirtualMobileAllowed.Value)
}

func TestOverrideErrors(t *testing.T) {
	ps := provinces.DefaultPolicies()
	for _, doc := range []string{
		`{"火星": {}}`,
		`{"44": {"no_such_field": {"value": true}}}`,
		`{"44": {"personal_cross_province": {"value": "sometimes"}}}`,
		`{"44": {"minimum_age": {"value": -3}}}`,
		`{"44": {"mobile_must_be_local": {"value": "yes"}}}`,
		`{"44": []}`,
		`not json`,
	} {
		_, err := ps.Override([]byte(doc))
		assert.Error(t, err, doc)
	}
}

func TestPolicyWordListsAreNotShared(t *testing.T) {
	ps := provinces.DefaultPolicies()
	p := policy(t, ps, "北京").Clone()
	p.PersonalNameBannedWords.Value[0] = "changed"
	assert.NotEqual(t, "changed", policy(t, ps, "北京").PersonalNameBannedWords.Value[0])
	other := provinces.DefaultPolicies()
	assert.NotEqual(t, "changed", policy(t, other, "北京").PersonalNameBannedWords.Value[0])
}

// TestPolicySourcesDefined: every built-in fact, of every province and of
// the fallback, cites at least one source key, and each is defined in
// package rules/sources.
func TestPolicySourcesDefined(t *testing.T) {
	ps := provinces.DefaultPolicies()
	check := func(name string, p provinces.Policy) {
		v := reflect.ValueOf(p)
		for i := 0; i < v.NumField(); i++ {
			field := v.Type().Field(i).Name
			keys := v.Field(i).MethodByName("SourceKeys").Call(nil)[0].Interface().([]string)
			if assert.NotEmpty(t, keys, "%s %s: %q", name, field, v.Field(i).FieldByName("Source").String()) {
				for _, k := range keys {
					_, ok := sources.Lookup(k)
					assert.True(t, ok, "%s %s cites %q, which rules/sources does not define", name, field, k)
				}
			}
		}
	}
	for _, p := range provinces.All() {
		pol, _ := ps.For(p.Code)
		check(p.Name, pol)
	}
	check("fallback", ps.Fallback())
}

func TestFactSourceKeys(t *testing.T) {
	hn, _ := provinces.DefaultPolicies().For("43")
	assert.Equal(t, []string{"huawei-province-rules", "tencent-province-reqs-old"}, hn.MobileMustBeLocal.SourceKeys())
	assert.Equal(t, []string{"ucloud-hunan", "tencent-subject-info"}, hn.PrincipalMustBeLegalRepresentative.SourceKeys())
	ps, err := provinces.DefaultPolicies().Override([]byte(`{"43": {"mobile_must_be_local": {"value": false, "certain": true, "source": "湘管局 2026"}}}`))
	require.NoError(t, err)
	hn, _ = ps.For("43")
	assert.Nil(t, hn.MobileMustBeLocal.SourceKeys(), "an override's free text cites no key")
}

// TestPolicyForAnyName: For takes every form Lookup takes (as Override
// does), for every province: the code, the full and short names, the
// English name, the six-digit code; a name of no province is false.
func TestPolicyForAnyName(t *testing.T) {
	ps := provinces.DefaultPolicies()
	for _, p := range provinces.All() {
		want, ok := ps.For(p.Code)
		require.True(t, ok, p.Code)
		for _, form := range []string{p.Name, p.Short, p.English, p.Code + "0000", " " + p.Short + " "} {
			got, ok := ps.For(form)
			if assert.True(t, ok, "For(%q)", form) {
				assert.True(t, reflect.DeepEqual(want, got), "For(%q) is not %s's policy", form, p.Code)
			}
		}
	}
	for _, bad := range []string{"", "99", "火星", "4", "430"} {
		_, ok := ps.For(bad)
		assert.False(t, ok, "For(%q)", bad)
	}
}

// TestCopyForAsFor: CopyFor copies what For returns, and the fallback
// where For finds no province, over every two-digit string ("00" to
// "99"), every form of every province For reads and names of none; for
// the default policies and an override that changes the fallback and one
// province, into a policy that held another.
func TestCopyForAsFor(t *testing.T) {
	over, err := provinces.DefaultPolicies().Override([]byte(`{
		"*":  {"virtual_mobile_allowed": {"value": true, "certain": true, "source": "console"}},
		"湖南": {"minimum_age": {"value": 20, "certain": true}}
	}`))
	require.NoError(t, err)
	names := []string{"", "火星", "4", "430", " 湖南 "}
	for i := range 100 {
		names = append(names, string(rune('0'+i/10))+string(rune('0'+i%10)))
	}
	for _, p := range provinces.All() {
		names = append(names, p.Name, p.Short, p.English, p.Code+"0000")
	}
	for _, ps := range []*provinces.Policies{provinces.DefaultPolicies(), over} {
		for _, name := range names {
			want, known := ps.For(name)
			if !known {
				want = ps.Fallback()
			}
			got := provinces.Policy{MinimumAge: provinces.Fact[int]{Value: -1, Source: "before"}}
			assert.Equal(t, known, ps.CopyFor(&got, name), "CopyFor(%q)", name)
			assert.True(t, reflect.DeepEqual(want, got), "CopyFor(%q) copied another policy", name)
		}
	}
}
