package rules_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"
	"golang.org/x/text/width"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/provinces"
	"github.com/icpcheck/beian/rules"
)

func TestICPNumber(t *testing.T) {
	invalid := []found{{"icp_number", rules.CodeICPNumberInvalid}}
	for _, tt := range []struct {
		province, number string
		want             []found
	}{
		{"44", "", nil},
		{"44", "  ", nil},
		{"44", "粤ICP备2023012345号", nil},
		{"44", "粤ICP备2023012345号-3", nil},
		{"44", "粤ICP备12014244号-2A", invalid}, // an App's number, and the filing lists only a website
		{"44", "粤ICP备２０２３０１２３４５号", invalid},  // a warning: TestClassICPNumberTypedLoosely
		{"51", "川ICP备10200063号-1", nil},
		{"51", "蜀ICP备12014244号", nil},
		{"52", "黔ICP备2021001234号", nil},
		{"52", "贵ICP备2021001234号", invalid},
		{"53", "云ICP备2021001234号", invalid},
		{"62", "甘ICP备2021003158号-1", invalid},
		{"44", "京ICP备2021000001号", invalid},
		{"11", "京ICP证150476号", nil},
		{"11", "京ICP证030173号-1", nil},
		{"44", "京ICP证030173号-1", invalid},
		{"44", "粤B2-20090059", nil},
		{"44", "粤B2-20090059-1626X", invalid}, // a mini-program's, and the filing lists only a website
		{"44", "粤A2-20090059", invalid},
		{"11", "京公网安备11010802020088号", invalid},
		{"44", "粤ICP备202301234号", invalid},
		{"44", "粤ICP备2023012345", invalid},
		{"44", "粤ICP备2023012345号-0", invalid},
		{"44", "港ICP备2023012345号", invalid},
		{"44", "2023012345", invalid},
		{"火星", "粤ICP备2023012345号", nil}, // PROVINCE_UNKNOWN says why; the number itself is fine
		{"火星", "粤ICP证2023012345号", invalid},
	} {
		f := cleanFiling()
		f.Province = tt.province
		f.ICPNumber = tt.number
		got := foundIn(run(t, rules.ICPNumber, f))
		if tt.want == nil {
			assert.Empty(t, got, "%s %s", tt.province, tt.number)
		} else {
			assert.Equal(t, tt.want, got, "%s %s", tt.province, tt.number)
		}
	}
}

// TestICPNumberAppSuffix: the suffix letter must match an App of the
// filing of that type.
func TestICPNumberAppSuffix(t *testing.T) {
	invalid := []found{{"icp_number", rules.CodeICPNumberInvalid}}
	for _, tt := range []struct {
		typ    beian.AppType
		number string
		want   []found
	}{
		{beian.AppNative, "粤ICP备2023012345号-2A", nil},
		{beian.AppNative, "粤ICP备2023012345号-2X", invalid},
		{beian.AppMiniProgram, "粤B2-20090059-1626X", nil},
		{beian.AppMiniProgram, "粤B2-20090059-1626K", invalid},
		{beian.AppQuickApp, "粤ICP备2023012345号-4K", nil},
		{beian.AppQuickApp, "粤ICP备2023012345号-4", nil}, // the filing's website
	} {
		f := cleanFiling()
		f.ICPNumber = tt.number
		f.Apps = []beian.App{{Type: tt.typ, Name: "示例记账"}}
		got := foundIn(run(t, rules.ICPNumber, f))
		if tt.want == nil {
			assert.Empty(t, got, "%s %s", tt.typ, tt.number)
		} else {
			assert.Equal(t, tt.want, got, "%s %s", tt.typ, tt.number)
		}
	}
	f := cleanFiling()
	f.Websites = nil
	f.ICPNumber = "粤ICP备2023012345号-4"
	f.Apps = []beian.App{{Type: beian.AppNative, Name: "示例记账"}}
	assert.Equal(t, invalid, foundIn(run(t, rules.ICPNumber, f)), "a website's number in an App filing")
}

// TestICPNumberEveryProvince files every province's own number in every
// province: accepted only at home.
func TestICPNumberEveryProvince(t *testing.T) {
	all := provinces.All()
	for _, issued := range all {
		for _, abbr := range issued.ICPAbbrs() {
			for _, region := range all {
				f := cleanFiling()
				f.Province = region.Code
				f.ICPNumber = abbr + "ICP备2021001234号-1"
				rs := run(t, rules.ICPNumber, f)
				if region.Code == issued.Code {
					assert.Empty(t, rs, "%s in %s", f.ICPNumber, region.Short)
					continue
				}
				if assert.Len(t, rs, 1, "%s in %s", f.ICPNumber, region.Short) {
					assert.Equal(t, rules.CodeICPNumberInvalid, rs[0].Code)
					assert.Contains(t, rs[0].Related, beianPath("province"))
				}
			}
		}
	}
}

func beianPath(s string) beian.Path { return beian.Path(s) }

func TestICPNumberHugeValue(t *testing.T) {
	f := cleanFiling()
	f.ICPNumber = strings.Repeat("粤", 1<<20)
	rs := run(t, rules.ICPNumber, f)
	if assert.Len(t, rs, 1) {
		assert.Less(t, len(rs[0].Message(language.English)), 1000, "the value is shown shortened")
	}
}

// TestClassICPNumberTypedLoosely: every kind of valid number typed with
// spaces, ideographic spaces, full-width digits or hyphen, or another dash
// is read, and is one ICP_NUMBER_INVALID warning whose fix is its
// canonical form; the canonical form, and spaces only around it, are not.
func TestClassICPNumberTypedLoosely(t *testing.T) {
	typings := map[string]func(string) string{
		"spaces":             func(s string) string { return strings.NewReplacer("ICP", " ICP ", "号", " 号 ").Replace(s) },
		"ideographic spaces": func(s string) string { return strings.Replace(s, "ICP", "\u3000ICP\u3000", 1) },
		"full-width":         width.Widen.String,
		"full-width digits": func(s string) string {
			return strings.Map(func(r rune) rune {
				if '0' <= r && r <= '9' {
					return r + 0xFEE0
				}
				return r
			}, s)
		},
		"en dash":    func(s string) string { return strings.ReplaceAll(s, "-", "–") },
		"minus sign": func(s string) string { return strings.ReplaceAll(s, "-", "−") },
	}
	for _, tt := range []struct{ province, number string }{
		{"44", "粤ICP备2023012345号"}, {"44", "粤ICP备2023012345号-3"}, {"44", "粤ICP备12014244号"},
		{"11", "京ICP证030173号"}, {"44", "粤B2-20090059"}, {"51", "蜀ICP备12014244号"},
	} {
		f := cleanFiling()
		f.Province, f.ICPNumber = tt.province, tt.number
		require.Empty(t, foundIn(run(t, rules.ICPNumber, f)), tt.number)
		f.ICPNumber = " " + tt.number + "\u3000"
		require.Empty(t, foundIn(run(t, rules.ICPNumber, f)), "%q", f.ICPNumber)
		for name, typed := range typings {
			in := typed(tt.number)
			if in == tt.number {
				continue // nothing of that kind in this number
			}
			f.ICPNumber = in
			rs := run(t, rules.ICPNumber, f)
			if !assert.Equal(t, []found{{"icp_number", rules.CodeICPNumberInvalid}}, foundIn(rs), "%s: %q", name, in) {
				continue
			}
			assert.Equal(t, rules.Warning, rs[0].Severity, "%s: %q", name, in)
			if assert.Len(t, rs[0].Fixes, 1) {
				assert.Equal(t, tt.number, rs[0].Fixes[0].Value, "%s: %q", name, in)
			}
		}
	}
}
