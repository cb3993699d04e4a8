package rules_test

import (
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/provinces"
	"github.com/icpcheck/beian/rules"
)

func newPassFor(f *beian.Filing) *rules.Pass {
	return rules.NewPass(context.Background(), f, f, &rules.Config{Policies: provinces.DefaultPolicies()}, today)
}

func TestProvince(t *testing.T) {
	tests := []struct {
		province, permit string
		want             []found
	}{
		{"44", "", nil},
		{"广东省", "", nil},
		{"guangdong", "北京", nil},
		{"", "", nil}, // the fields rule reports it
		{"火星", "", []found{{"province", rules.CodeProvinceUnknown}}},
		{"香港", "", []found{{"province", rules.CodeProvinceUnknown}}},
		{"44", "月球", []found{{"subject.residence_permit_province", rules.CodeProvinceUnknown}}},
	}
	for _, tt := range tests {
		f := cleanFiling()
		f.Province = tt.province
		f.Subject.ResidencePermitProvince = tt.permit
		got := foundIn(run(t, rules.Province, f))
		if tt.want == nil {
			assert.Empty(t, got, tt.province)
			continue
		}
		assert.Equal(t, tt.want, got, tt.province)
	}
}

// TestProvinceEnglishFullNames: a province typed by its English full
// name, the longest of the forms provinces.Lookup reads (Xinjiang Uyghur
// Autonomous Region, 33 characters), as the filing region and as the
// residence permit's province, is found, and the text rule takes it as a
// province's name, not as a text too long for its field. Every province
// with its kind's words. Made to fail by the province's text limit of 20
// characters (specShort, before specProvince).
func TestProvinceEnglishFullNames(t *testing.T) {
	official := map[string]string{"45": "Guangxi Zhuang Autonomous Region", "64": "Ningxia Hui Autonomous Region", "65": "Xinjiang Uyghur Autonomous Region", "15": "Inner Mongolia Autonomous Region"}
	for _, p := range provinces.All() {
		name := official[p.Code]
		switch {
		case name != "":
		case strings.HasSuffix(p.Name, "省"):
			name = p.English + " Province"
		case strings.HasSuffix(p.Name, "市"):
			name = p.English + " Municipality"
		default:
			name = p.English + " Autonomous Region"
		}
		f := cleanFiling()
		f.Province = name
		f.Subject.ResidencePermitProvince = name
		for _, rule := range []*rules.Rule{rules.Province, rules.TextFields} {
			assert.Empty(t, foundIn(run(t, rule, f)), "%s: %s", rule.Name, name)
		}
	}
}

func TestPassResolvesProvince(t *testing.T) {
	f := cleanFiling()
	f.Province = "粤"
	p := newPassFor(f)
	assert.Equal(t, "44", p.Province.Code)
	assert.Equal(t, provinces.CrossProvinceProof, p.Policy.PersonalCrossProvince.Value)

	f.Province = "火星"
	p = newPassFor(f)
	assert.True(t, p.Province.IsZero())
	assert.False(t, p.Policy.PersonalCrossProvince.Certain, "an unknown province gets the uncertain fallback policy")
}

func TestReportFactLowersUncertainErrors(t *testing.T) {
	p := newPassFor(cleanFiling())
	certain := rules.Source{Key: "ucloud-beijing", URL: "https://example.org/", Certain: true}
	uncertain := rules.Source{Key: "tencent-province-reqs-old", URL: "https://example.org/old"}
	p.ReportFact("subject.cert_number", rules.CodeCrossProvince, certain)
	p.ReportFact("subject.cert_number", rules.CodeCrossProvince, uncertain)
	p.ReportFact("websites[0].name", rules.CodeSiteNameNeedsRemark, uncertain)
	rs := p.Rejections()
	assert.Equal(t, rules.Error, rs[0].Severity)
	assert.Equal(t, rules.Warning, rs[1].Severity)
	assert.Equal(t, rules.Notice, rs[2].Severity, "a notice stays a notice")
	assert.Equal(t, certain, rs[0].Source, "the fact's source is the rejection's")
	assert.Equal(t, uncertain, rs[1].Source)
}
