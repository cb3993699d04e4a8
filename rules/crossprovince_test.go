package rules_test

import (
	"testing"

	"github.com/icpcheck/beian/internal/certvectors"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/rules"
)

func TestCrossProvinceUnit(t *testing.T) {
	org := "MA5F1234" + certvectors.OrgCheck("MA5F1234")
	tests := []struct {
		name string
		edit func(f *beian.Filing)
		want []found
	}{
		{"Guangdong code in Guangdong", func(f *beian.Filing) {}, nil},
		{"Guangdong code in Shanghai", func(f *beian.Filing) { f.Province = "31" },
			[]found{{"subject.cert_number", rules.CodeCrossProvince}}},
		{"Beijing code in Guangdong", func(f *beian.Filing) { f.Subject.CertNumber = "91110000802100433B" },
			[]found{{"subject.cert_number", rules.CodeCrossProvince}}},
		{"national code, Beijing address, in Beijing", func(f *beian.Filing) {
			f.Province = "11"
			f.Subject.Nature = beian.NatureInstitution
			f.Subject.CertNumber = "12100000400000624D"
			f.Subject.CertAddress = "北京市海淀区清华园"
		}, nil},
		{"national code, Beijing address, in Guangdong", func(f *beian.Filing) {
			f.Subject.Nature = beian.NatureInstitution
			f.Subject.CertNumber = "12100000400000624D"
			f.Subject.CertAddress = "北京市海淀区清华园"
		}, []found{{"subject.cert_address", rules.CodeCrossProvince}}},
		{"org code, address in Guangdong", func(f *beian.Filing) {
			f.Subject.CertType = beian.CertOrgCode
			f.Subject.CertNumber = "D2143569-X"
		}, nil},
		{"org code, address in Zhejiang", func(f *beian.Filing) {
			f.Subject.CertType = beian.CertOrgCode
			f.Subject.CertNumber = "D2143569-X"
			f.Subject.CertAddress = "浙江省杭州市余杭区文一西路969号"
		}, []found{{"subject.cert_address", rules.CodeCrossProvince}}},
		{"other certificate, address with 中国 and short name", func(f *beian.Filing) {
			f.Province = "15"
			f.Subject.CertType = beian.CertOther
			f.Subject.CertNumber = "某某证123"
			f.Subject.CertAddress = "中国 内蒙古呼和浩特市新城区"
		}, nil},
		{"old registration number of Beijing in Guangdong", func(f *beian.Filing) {
			f.Subject.CertType = beian.CertBusinessLicense
			f.Subject.CertNumber = "110108000000016"
		}, []found{{"subject.cert_number", rules.CodeCrossProvince}}},
		{"invalid code left to CERT_NUMBER_INVALID", func(f *beian.Filing) {
			f.Province = "31"
			f.Subject.CertNumber = certvectors.WithUSCC("91440300" + org)[:17] + "0"
		}, nil},
		{"unknown filing province left to PROVINCE_UNKNOWN", func(f *beian.Filing) { f.Province = "火星" }, nil},
		{"unit with ID card left to CERT_TYPE_NOT_ALLOWED", func(f *beian.Filing) {
			f.Province = "31"
			f.Subject.CertType = beian.CertIDCard
			f.Subject.CertNumber = "44030519900101123X"
		}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := cleanFiling()
			tt.edit(f)
			rs := run(t, rules.CrossProvince, f)
			if tt.want == nil {
				assert.Empty(t, foundIn(rs))
				return
			}
			assert.Equal(t, tt.want, foundIn(rs))
			assert.Equal(t, rules.Error, rs[0].Severity)
			assert.Equal(t, []beian.Path{"province"}, rs[0].Related)
		})
	}
}

// TestCrossProvinceUnitNoRegion checks that a number without region and an
// address without province skip the check and say so.
func TestCrossProvinceUnitNoRegion(t *testing.T) {
	f := cleanFiling()
	f.Subject.CertType = beian.CertOrgCode
	f.Subject.CertNumber = "D2143569-X"
	f.Subject.CertAddress = "深圳市南山区科技园路1号"
	pass := newPassFor(f)
	pass.Rule = rules.CrossProvince
	require.NoError(t, rules.CrossProvince.Run(pass))
	assert.Empty(t, pass.Rejections())
	require.Len(t, pass.Skipped(), 1)
	assert.Equal(t, rules.CodeCrossProvince, pass.Skipped()[0].Code)
}

func TestCrossProvincePersonal(t *testing.T) {
	gdID := "44030519900101123X"
	permitDoc := []beian.Document{{Kind: beian.DocResidencePermit, Owner: "subject"}}
	otherDoc := []beian.Document{{Kind: beian.DocPrincipalCert, Owner: "subject"}}
	tests := []struct {
		name      string
		province  string // filing province; its default policy applies
		id        string
		permit    string
		documents []beian.Document
		want      rules.Severity // 0: nothing reported
	}{
		{"own province", "44", gdID, "", nil, 0},
		{"Hong Kong residence permit is not compared", "11", certvectors.WithID("81000019900101123"), "", nil, 0},

		// allowed: Tianjin (certain)
		{"allowed: Tianjin", "12", gdID, "", nil, 0},

		// forbidden: Henan (certain), Jiangxi (sources conflict)
		{"forbidden: Henan", "41", gdID, "", nil, rules.Error},
		{"forbidden even with a permit: Henan", "41", gdID, "河南", permitDoc, rules.Error},
		{"forbidden, uncertain: Jiangxi", "36", gdID, "", nil, rules.Warning},

		// residence_permit: Shanghai (certain), Zhejiang (uncertain:
		// UC names no proof, HW a residence permit)
		{"residence permit: none, nothing uploaded yet", "31", gdID, "", nil, rules.Error},
		{"residence permit: local, nothing uploaded yet", "31", gdID, "上海", nil, 0},
		{"residence permit: local and uploaded", "31", gdID, "沪", permitDoc, 0},
		{"residence permit: local, uploads without it", "31", gdID, "31", otherDoc, rules.Error},
		{"residence permit: local, nothing uploaded", "31", gdID, "上海市", []beian.Document{}, rules.Error},
		{"residence permit, uncertain: local, uploads without it", "33", gdID, "浙江", otherDoc, rules.Warning},
		{"residence permit: uploaded, province not stated", "31", gdID, "", permitDoc, 0},
		{"residence permit: another province's", "31", gdID, "浙江", permitDoc, rules.Error},
		{"residence permit: nothing uploaded", "31", gdID, "", []beian.Document{}, rules.Error},
		{"residence permit, uncertain: Zhejiang ID in Zhejiang", "33", certvectors.WithID("33010619900101123"), "", nil, 0},
		{"residence permit, uncertain: Guangdong ID in Zhejiang", "33", gdID, "", nil, rules.Warning},
		{"residence permit, uncertain: with a Zhejiang permit", "33", gdID, "浙江", nil, 0},
		// allowed, no proof listed: Beijing (UC 2024)
		{"allowed: Guangdong ID in Beijing", "11", gdID, "", nil, 0},

		// proof: Guangdong and Shandong (certain)
		{"proof: nothing uploaded yet", "37", gdID, "", nil, rules.Warning},
		{"proof: local permit stated, nothing uploaded yet", "37", gdID, "山东", nil, 0},
		{"proof: other proof uploaded", "37", gdID, "", permitDoc, 0},
		{"proof: another province's permit stated, proof uploaded", "37", gdID, "江苏", permitDoc, rules.Warning},
		{"proof: a Beijing permit stated in Guangdong, proof uploaded", "44", certvectors.WithID("43010219900101123"), "北京", permitDoc, rules.Warning},
		{"proof: the ID's own province stated, proof uploaded", "37", gdID, "广东", permitDoc, rules.Warning},
		{"proof: uploads without proof", "37", gdID, "山东", otherDoc, rules.Error},
		{"proof: another province's permit stated, uploads without proof", "37", gdID, "江苏", otherDoc, rules.Error},
		{"proof: Beijing ID in Guangdong", "44", "11010519491231002X", "", otherDoc, rules.Error},
	}
	// The permit is stated as the filing province's but not among the
	// documents: DOCUMENT_MISSING at documents, not the ID card.
	missingPermit := map[string]bool{
		"residence permit: local, uploads without it":            true,
		"residence permit: local, nothing uploaded":              true,
		"residence permit, uncertain: local, uploads without it": true,
		"proof: uploads without proof":                           true,
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := personalFiling(tt.province, tt.id)
			f.Subject.ResidencePermitProvince = tt.permit
			f.Documents = tt.documents
			rs := run(t, rules.CrossProvince, f)
			if tt.want == 0 {
				assert.Empty(t, foundIn(rs))
				return
			}
			if missingPermit[tt.name] {
				assert.Equal(t, []found{{"documents", rules.CodeDocumentMissing}}, foundIn(rs))
				assert.Equal(t, []string{"subject residence_permit " + tt.want.String()}, missing(rs))
			} else {
				assert.Equal(t, []found{{"subject.cert_number", rules.CodeCrossProvincePersonal}}, foundIn(rs))
			}
			assert.Equal(t, tt.want, rs[0].Severity)
		})
	}

	// A personal subject with a passport has no province to compare.
	f := personalFiling("41", "E12345678")
	f.Subject.CertType = beian.CertPassport
	assert.Empty(t, foundIn(run(t, rules.CrossProvince, f)))
}
