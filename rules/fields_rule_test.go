package rules_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/provinces"
	"github.com/icpcheck/beian/rules"
)

func TestFieldsClean(t *testing.T) {
	assert.Empty(t, run(t, rules.Fields, cleanFiling()))
}

func TestFields(t *testing.T) {
	tests := []struct {
		name   string
		change func(f *beian.Filing)
		want   []found
	}{
		{"no filing type", func(f *beian.Filing) { f.FilingType = "" },
			[]found{{"filing_type", rules.CodeFieldRequired}}},
		{"unknown filing type", func(f *beian.Filing) { f.FilingType = "renew" },
			[]found{{"filing_type", rules.CodeValueUnknown}}},
		{"no province", func(f *beian.Filing) { f.Province = " " },
			[]found{{"province", rules.CodeFieldRequired}}},
		{"empty subject", func(f *beian.Filing) { f.Subject = beian.Subject{} },
			[]found{
				{"subject.cert_address", rules.CodeFieldRequired},
				{"subject.cert_number", rules.CodeFieldRequired},
				{"subject.cert_type", rules.CodeFieldRequired},
				{"subject.name", rules.CodeFieldRequired},
				{"subject.nature", rules.CodeFieldRequired},
				{"subject.principal.cert_number", rules.CodeFieldRequired},
				{"subject.principal.cert_type", rules.CodeFieldRequired},
				{"subject.principal.email", rules.CodeFieldRequired},
				{"subject.principal.mobile", rules.CodeFieldRequired},
				{"subject.principal.name", rules.CodeFieldRequired},
			}},
		{"unit without legal representative", func(f *beian.Filing) { f.Subject.LegalRepresentative = "" },
			[]found{{"subject.legal_representative", rules.CodeFieldRequired}}},
		{"person needs no legal representative", func(f *beian.Filing) {
			f.Subject.Nature = beian.NaturePersonal
			f.Subject.LegalRepresentative = ""
			f.Websites[0].Remark = "记录个人读书笔记"
		}, nil},
		{"unknown nature", func(f *beian.Filing) { f.Subject.Nature = "company" },
			[]found{{"subject.nature", rules.CodeValueUnknown}}},
		{"unknown principal certificate type", func(f *beian.Filing) { f.Subject.Principal.CertType = "drivers_licence" },
			[]found{{"subject.principal.cert_type", rules.CodeValueUnknown}}},
		{"no website", func(f *beian.Filing) { f.Websites = nil },
			[]found{{"websites", rules.CodeFieldRequired}}},
		{"a change filing may have no website", func(f *beian.Filing) {
			f.FilingType = beian.FilingChange
			f.Websites = nil
		}, nil},
		{"website without name and domain", func(f *beian.Filing) {
			f.Websites[0].Name = ""
			f.Websites[0].Domains = nil
		}, []found{{"websites[0].domains", rules.CodeFieldRequired}, {"websites[0].name", rules.CodeFieldRequired}}},
		{"empty domain in the list", func(f *beian.Filing) {
			f.Websites[0].Domains = []string{"shilikeji.cn", ""}
		}, []found{{"websites[0].domains[1]", rules.CodeFieldRequired}}},
		{"second website without principal", func(f *beian.Filing) {
			f.Websites = append(f.Websites, beian.Website{Name: "示例科技商城", Domains: []string{"shilikeji.com"}})
		}, []found{{"websites[1].principal", rules.CodeFieldRequired}}},
		{"website principal incomplete", func(f *beian.Filing) {
			f.Websites[0].PrincipalSameAsSubject = false
			f.Websites[0].Principal = &beian.Principal{Name: "李四", CertType: beian.CertIDCard, CertNumber: "440106198503152017"}
		}, []found{{"websites[0].principal.email", rules.CodeFieldRequired}, {"websites[0].principal.mobile", rules.CodeFieldRequired}}},
		{"unknown content category", func(f *beian.Filing) {
			f.Websites[0].ContentCategories = []beian.ContentCategory{beian.ContentNews, "gaming"}
		}, []found{{"websites[0].content_categories[1]", rules.CodeValueUnknown}}},
		{"pre-approval without category", func(f *beian.Filing) {
			f.Websites[0].PreApprovals = []beian.PreApproval{{Number: "1"}}
		}, []found{{"websites[0].pre_approvals[0].category", rules.CodeFieldRequired}}},
		{"domain record without domain", func(f *beian.Filing) { f.Domains[0].Domain = "" },
			[]found{{"domains[0].domain", rules.CodeFieldRequired}}},
		{"domain record with unknown holder certificate", func(f *beian.Filing) { f.Domains[0].HolderCertType = "licence" },
			[]found{{"domains[0].holder_cert_type", rules.CodeValueUnknown}}},
		{"document without kind", func(f *beian.Filing) {
			f.Documents = []beian.Document{{Kind: beian.DocSubjectCert}, {Kind: ""}, {Kind: "selfie"}}
		}, []found{{"documents[1].kind", rules.CodeFieldRequired}, {"documents[2].kind", rules.CodeValueUnknown}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := cleanFiling()
			tt.change(f)
			got := foundIn(run(t, rules.Fields, f))
			if tt.want == nil {
				assert.Empty(t, got)
				return
			}
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestValueUnknownListsTheOptions(t *testing.T) {
	f := cleanFiling()
	f.Subject.Nature = "company"
	rs := run(t, rules.Fields, f)
	if assert.Len(t, rs, 1) {
		assert.Contains(t, rs[0].Remedy(langEN), "enterprise, government")
	}
}

// TestPersonalRemarkRequired: a personal filing's website remark must
// describe the site (UCloud's province pages: 需在网站备注栏备注说明网站实质内容).
// Every province × personal/enterprise × an empty, blank or filled remark,
// on the first and on a second website: an error where the province's page
// says so, a warning where no page does, nothing for a unit or a remark.
func TestPersonalRemarkRequired(t *testing.T) {
	// The provinces whose UCloud page (2024) asks for the remark
	// (policy.csv personal_remark_required, MED).
	stated := map[string]bool{}
	for _, c := range []string{"11", "12", "13", "14", "15", "21", "22", "23", "32", "33", "36", "37",
		"41", "42", "43", "44", "45", "50", "51", "52", "53", "61", "62", "63", "64"} {
		stated[c] = true
	}
	remarks := []struct {
		name, remark string
		missing      bool
	}{
		{"empty", "", true},
		{"spaces", " \u3000\t", true},
		{"line breaks", "\n\r\n", true},
		{"filled", "记录个人读书笔记和旅行见闻", false},
		{"one character", "无", false},
	}
	for _, p := range provinces.All() {
		for _, r := range remarks {
			for _, nature := range []beian.Nature{beian.NaturePersonal, beian.NatureEnterprise} {
				for _, site := range []int{0, 1} {
					t.Run(fmt.Sprintf("%s/%s/%s/site%d", p.Code, r.name, nature, site), func(t *testing.T) {
						f := cleanFiling()
						f.Province = p.Code
						f.Subject.Nature = nature
						f.Websites = append(f.Websites, beian.Website{Name: "李四的旅行笔记", Domains: []string{"lisitrip.cn"}, PrincipalSameAsSubject: true, Remark: "旅行见闻"})
						f.Websites[0].Remark = "记录个人读书笔记"
						f.Websites[site].Remark = r.remark
						rs := run(t, rules.Fields, f)
						var got []rules.Rejection
						for _, x := range rs {
							if x.Field == beian.Path("websites").Index(site).Field("remark") {
								got = append(got, x)
							}
						}
						if !r.missing || nature != beian.NaturePersonal {
							assert.Empty(t, got)
							return
						}
						require.Len(t, got, 1)
						assert.Equal(t, rules.CodeFieldRequired, got[0].Code)
						want := rules.Warning
						if stated[p.Code] {
							want = rules.Error
						}
						assert.Equal(t, want, got[0].Severity)
						assert.NotEmpty(t, got[0].Source.Key)
						assert.Equal(t, stated[p.Code], got[0].Source.Certain)
					})
				}
			}
		}
	}
}
