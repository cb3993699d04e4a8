package rules_test

import (
	"testing"

	"github.com/icpcheck/beian/internal/certvectors"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/provinces"
	"github.com/icpcheck/beian/rules"
)

// personalFiling returns a personal filing in province by the holder of
// ID card id, with nothing uploaded yet.
func personalFiling(province, id string) *beian.Filing {
	f := cleanFiling()
	f.Province = province
	f.Subject.Nature = beian.NaturePersonal
	f.Subject.Name = "李四"
	f.Subject.CertType = beian.CertIDCard
	f.Subject.CertNumber = id
	f.Subject.CertAddress = "广东省深圳市南山区科技园路2号"
	f.Subject.LegalRepresentative = ""
	f.Subject.Principal.Name = "李四"
	f.Subject.Principal.CertNumber = id
	f.Subject.Principal.IsLegalRepresentative = false
	f.Domains = nil
	return f
}

func TestCertificateClean(t *testing.T) {
	assert.Empty(t, foundIn(run(t, rules.Certificate, cleanFiling())))
	assert.Empty(t, foundIn(run(t, rules.Certificate, personalFiling("44", "44030519900101123X"))))
}

func TestCertificateNumbers(t *testing.T) {
	tests := []struct {
		name string
		edit func(f *beian.Filing)
		want []found
	}{
		{"subject credit code mistyped", func(f *beian.Filing) { f.Subject.CertNumber = "91440300MA5F12343Q" },
			[]found{{"subject.cert_number", rules.CodeCertNumberInvalid}}},
		{"subject credit code typed loosely: a warning with the certain fix", func(f *beian.Filing) { f.Subject.CertNumber = "9144 0300 ma5f 1234 2q" },
			[]found{{"subject.cert_number", rules.CodeCertNumberInvalid}}},
		{"principal ID mistyped", func(f *beian.Filing) { f.Subject.Principal.CertNumber = "440305199001011231" },
			[]found{{"subject.principal.cert_number", rules.CodeCertNumberInvalid}}},
		{"principal first-generation ID", func(f *beian.Filing) { f.Subject.Principal.CertNumber = "440305900101123" },
			[]found{{"subject.principal.cert_number", rules.CodeCertNumberInvalid}}},
		{"website principal passport malformed", func(f *beian.Filing) {
			f.Websites[0].PrincipalSameAsSubject = false
			f.Websites[0].Principal = &beian.Principal{Name: "John Smith", CertType: beian.CertPassport, CertNumber: "AB/12", Mobile: "13660123457", Email: "js@shilikeji.cn"}
		}, []found{{"websites[0].principal.cert_number", rules.CodeCertNumberInvalid}}},
		{"website principal same number as subject principal checked once", func(f *beian.Filing) {
			f.Subject.Principal.CertNumber = "440305199001011231"
			f.Websites[0].PrincipalSameAsSubject = false
			p := f.Subject.Principal
			f.Websites[0].Principal = &p
		}, []found{{"subject.principal.cert_number", rules.CodeCertNumberInvalid}}},
		{"org code", func(f *beian.Filing) { f.Subject.CertType = beian.CertOrgCode; f.Subject.CertNumber = "MA5F1234-5" },
			[]found{{"subject.cert_number", rules.CodeCertNumberInvalid}}},
		{"old registration number", func(f *beian.Filing) {
			f.Subject.CertType = beian.CertBusinessLicense
			f.Subject.CertNumber = "440301" + "10" + "123456" + certvectors.RegCheck("44030110123456")
		}, nil},
		{"other certificate has no form", func(f *beian.Filing) {
			f.Subject.CertType = beian.CertOther
			f.Subject.CertNumber = "京部队第123号"
		}, nil},
		{"empty number left to the fields rule", func(f *beian.Filing) { f.Subject.CertNumber = " " }, nil},
		{"unknown type left to the fields rule", func(f *beian.Filing) { f.Subject.CertType = "licence" }, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := cleanFiling()
			tt.edit(f)
			got := foundIn(run(t, rules.Certificate, f))
			if tt.want == nil {
				assert.Empty(t, got)
				return
			}
			assert.Equal(t, tt.want, got)
		})
	}
	// A valid number typed loosely is a warning whose fix is the number in
	// the filing system's form; a mistyped one is an error with no fix.
	f := cleanFiling()
	f.Subject.CertNumber = "9144 0300 ma5f 1234 2q"
	rs := run(t, rules.Certificate, f)
	require.Len(t, rs, 1)
	assert.Equal(t, rules.Warning, rs[0].Severity)
	require.Len(t, rs[0].Fixes, 1)
	assert.Equal(t, rules.Fix{Field: "subject.cert_number", Value: "91440300MA5F12342Q", Title: rs[0].Fixes[0].Title}, rs[0].Fixes[0])
	f.Subject.CertNumber = "91440300MA5F12343Q"
	rs = run(t, rules.Certificate, f)
	require.Len(t, rs, 1)
	assert.Equal(t, rules.Error, rs[0].Severity)
	assert.Empty(t, rs[0].Fixes)
	// The wrong check character is the last one typed.
	assert.Equal(t, rules.SpanOf("91440300MA5F12343Q", 17, 18), rs[0].Span)
}

func TestCertificateTypes(t *testing.T) {
	tests := []struct {
		name     string
		nature   beian.Nature
		certType beian.CertType
		number   string
		want     []found
	}{
		{"enterprise with ID card", beian.NatureEnterprise, beian.CertIDCard, "44030519900101123X",
			[]found{{"subject.cert_type", rules.CodeCertTypeNotAllowed}}},
		{"government with business licence", beian.NatureGovernment, beian.CertBusinessLicense, "110108000000016",
			[]found{{"subject.cert_type", rules.CodeCertTypeNotAllowed}}},
		{"government with other certificate", beian.NatureGovernment, beian.CertOther, "京机关123",
			[]found{{"subject.cert_type", rules.CodeCertTypeNotAllowed}}},
		{"person with credit code", beian.NaturePersonal, beian.CertUSCC, "91440300708461136T",
			[]found{{"subject.cert_type", rules.CodeCertTypeNotAllowed}}},
		{"person with passport", beian.NaturePersonal, beian.CertPassport, "E12345678", nil},
		{"person with residence permit", beian.NaturePersonal, beian.CertIDCard, certvectors.WithID("81000019900101123"), nil},
		{"institution with org code", beian.NatureInstitution, beian.CertOrgCode, "D2143569-X", nil},
		{"military with other certificate", beian.NatureMilitary, beian.CertOther, "部队代号12345", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := cleanFiling()
			f.Subject.Nature = tt.nature
			f.Subject.CertType = tt.certType
			f.Subject.CertNumber = tt.number
			got := foundIn(run(t, rules.Certificate, f))
			if tt.want == nil {
				assert.Empty(t, got)
				return
			}
			assert.Equal(t, tt.want, got)
		})
	}

	// A principal is a person: a unit certificate is refused.
	f := cleanFiling()
	f.Subject.Principal.CertType = beian.CertUSCC
	f.Subject.Principal.CertNumber = "91440300708461136T"
	f.Websites[0].PrincipalSameAsSubject = false
	f.Websites[0].Principal = &beian.Principal{Name: "王五", CertType: beian.CertOrgCode, CertNumber: "D2143569-X"}
	assert.Equal(t, []found{
		{"subject.principal.cert_type", rules.CodeCertTypeNotAllowed},
		{"websites[0].principal.cert_type", rules.CodeCertTypeNotAllowed},
	}, foundIn(run(t, rules.Certificate, f)))

}

func TestCertificateNature(t *testing.T) {
	org := "MA5F1234" + certvectors.OrgCheck("MA5F1234")
	tests := []struct {
		name   string
		nature beian.Nature
		code   string
		want   rules.Severity // 0: nothing reported
	}{
		{"enterprise code, enterprise", beian.NatureEnterprise, "91440300708461136T", 0},
		{"institution code, enterprise", beian.NatureEnterprise, certvectors.WithUSCC("12440300" + org), rules.Error},
		{"Tsinghua as an enterprise", beian.NatureEnterprise, "12100000400000624D", rules.Error},
		{"institution code, institution", beian.NatureInstitution, "12100000400000624D", 0},
		{"government code, institution", beian.NatureInstitution, certvectors.WithUSCC("11440300" + org), rules.Error},
		{"enterprise code, government", beian.NatureGovernment, "914403001922038216", rules.Error},
		{"social group code, social group", beian.NatureSocialGroup, certvectors.WithUSCC("51440300" + org), 0},
		{"foundation code, social group", beian.NatureSocialGroup, certvectors.WithUSCC("53440300" + org), rules.Error},
		{"law firm code, law firm", beian.NatureLawFirm, certvectors.WithUSCC("31440300" + org), 0},
		{"notary office as other", beian.NatureOther, certvectors.WithUSCC("32440300" + org), 0},
		{"notary office as enterprise: inferred, a warning", beian.NatureEnterprise, certvectors.WithUSCC("32440300" + org), rules.Warning},
		{"individual business as enterprise", beian.NatureEnterprise, certvectors.WithUSCC("92440300" + org), 0},
		{"individual business as institution: a warning", beian.NatureInstitution, certvectors.WithUSCC("92440300" + org), rules.Warning},
		{"military code, military", beian.NatureMilitary, certvectors.WithUSCC("A1440300" + org), 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := cleanFiling()
			f.Subject.Nature = tt.nature
			f.Subject.CertNumber = tt.code
			rs := run(t, rules.Certificate, f)
			if tt.want == 0 {
				assert.Empty(t, foundIn(rs))
				return
			}
			assert.Equal(t, []found{{"subject.nature", rules.CodeCertNatureMismatch}}, foundIn(rs))
			assert.Equal(t, tt.want, rs[0].Severity)
			assert.Equal(t, []beian.Path{"subject.cert_number"}, rs[0].Related)
		})
	}
}

// TestCertificateUndefinedCategory: a credit code whose authority and
// category GB 32100 does not define together is an invalid number, not a
// nature to compare.
func TestCertificateUndefinedCategory(t *testing.T) {
	body := "MA5F1234"
	f := cleanFiling()
	f.Subject.Nature = beian.NatureGovernment
	f.Subject.CertNumber = certvectors.WithUSCC("9Y440300" + body + certvectors.OrgCheck(body))
	assert.Equal(t, []found{{"subject.cert_number", rules.CodeCertNumberInvalid}}, foundIn(run(t, rules.Certificate, f)))
}

func TestCertificateExpiry(t *testing.T) {
	monthEnd := beian.NewDate(2026, 11, 30)
	tests := []struct {
		name      string
		until     beian.Date
		want      bool
		submitted beian.Date // zero: the filing's, today
	}{
		{"not given (long-term)", beian.Date{}, false, beian.Date{}},
		{"expired yesterday", today.AddDays(-1), true, beian.Date{}},
		{"ends today", today, true, beian.Date{}},
		{"two months left", today.AddMonths(2), true, beian.Date{}},
		{"one day short of three months", today.AddMonths(3).AddDays(-1), true, beian.Date{}},
		{"exactly three months", today.AddMonths(3), false, beian.Date{}},
		{"years left", today.AddMonths(60), false, beian.Date{}},
		// Submitted on November 30: three months end on February 28
		// (民法典 art. 202), not on March 2.
		{"month end: February 27", beian.NewDate(2027, 2, 27), true, monthEnd},
		{"month end: February 28", beian.NewDate(2027, 2, 28), false, monthEnd},
		{"month end: March 1", beian.NewDate(2027, 3, 1), false, monthEnd},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := cleanFiling()
			if !tt.submitted.IsZero() {
				f.SubmittedAt = tt.submitted
			}
			f.Subject.CertValidUntil = tt.until
			got := foundIn(run(t, rules.Certificate, f))
			if !tt.want {
				assert.Empty(t, got)
				return
			}
			assert.Equal(t, []found{{"subject.cert_valid_until", rules.CodeCertExpired}}, got)
		})
	}
}

func TestCertificateAge(t *testing.T) {
	// Born 2010-11-21: 15 the day before the 16th birthday (today is
	// 2026-11-20).
	teen := certvectors.WithID("44030520101121123")
	seventeen := certvectors.WithID("44030520091120123") // 17 today
	sixteen := certvectors.WithID("44030520101120123")   // 16 today
	// unitFiling is the clean unit filing with its principal's, or its
	// website's own principal's, ID card number (when not empty).
	unitFiling := func(province, principal, website string) *beian.Filing {
		f := cleanFiling()
		f.Province = province
		if principal != "" {
			f.Subject.Principal.CertNumber = principal
		}
		if website != "" {
			f.Websites[0].PrincipalSameAsSubject = false
			f.Websites[0].Principal = &beian.Principal{Name: "小明", CertType: beian.CertIDCard, CertNumber: website}
		}
		return f
	}
	tests := []struct {
		name     string
		province string
		filing   func(province string) *beian.Filing
		want     []found
		severity rules.Severity
	}{
		{"personal, 15, Guangdong (18, certain)", "44", func(p string) *beian.Filing { return personalFiling(p, teen) },
			[]found{{"subject.cert_number", rules.CodeAgeBelowMinimum}}, rules.Error},
		{"personal, 15, Jiangsu (16)", "32", func(p string) *beian.Filing { return personalFiling(p, teen) },
			[]found{{"subject.cert_number", rules.CodeAgeBelowMinimum}}, rules.Error},
		{"personal, 17, Shandong (17)", "37", func(p string) *beian.Filing { return personalFiling(p, seventeen) }, nil, 0},
		{"personal, 17, Shanghai (18, uncertain default)", "31", func(p string) *beian.Filing { return personalFiling(p, seventeen) },
			[]found{{"subject.cert_number", rules.CodeAgeBelowMinimum}}, rules.Warning},
		{"unit principal, 15, Guangdong", "44", func(p string) *beian.Filing {
			f := cleanFiling()
			f.Province = p
			f.Subject.Principal.CertNumber = teen
			return f
		}, []found{{"subject.principal.cert_number", rules.CodeAgeBelowMinimum}}, rules.Error},
		{"website principal, 15", "44", func(p string) *beian.Filing {
			f := cleanFiling()
			f.Province = p
			f.Websites[0].PrincipalSameAsSubject = false
			f.Websites[0].Principal = &beian.Principal{Name: "小明", CertType: beian.CertIDCard, CertNumber: teen}
			return f
		}, []found{{"websites[0].principal.cert_number", rules.CodeAgeBelowMinimum}}, rules.Error},
		{"personal, 36", "44", func(p string) *beian.Filing { return personalFiling(p, "44030519900101123X") }, nil, 0},
		// A unit's principals by the province's age for them: Guangdong
		// 16, Fujian 18 (certain), elsewhere 18 as a warning; personal
		// filers' ages (Guangdong 18) do not apply to them.
		{"unit principal, 16, Guangdong (16)", "44", func(p string) *beian.Filing { return unitFiling(p, sixteen, "") }, nil, 0},
		{"website principal, 17, Guangdong (16)", "44", func(p string) *beian.Filing { return unitFiling(p, "", seventeen) }, nil, 0},
		{"unit principal, 17, Fujian (18, certain)", "35", func(p string) *beian.Filing { return unitFiling(p, seventeen, "") },
			[]found{{"subject.principal.cert_number", rules.CodeAgeBelowMinimum}}, rules.Error},
		{"website principal, 17, Tianjin (18 for personal filers; units' uncertain default)", "12", func(p string) *beian.Filing { return unitFiling(p, "", seventeen) },
			[]found{{"websites[0].principal.cert_number", rules.CodeAgeBelowMinimum}}, rules.Warning},
		{"personal, 17, Fujian (units' 18 does not apply)", "35", func(p string) *beian.Filing { return personalFiling(p, seventeen) },
			[]found{{"subject.cert_number", rules.CodeAgeBelowMinimum}}, rules.Warning},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rs := run(t, rules.Certificate, tt.filing(tt.province))
			if tt.want == nil {
				assert.Empty(t, foundIn(rs))
				return
			}
			assert.Equal(t, tt.want, foundIn(rs))
			assert.Equal(t, tt.severity, rs[0].Severity)
		})
	}

	// A minimum age of 0 (an override) checks nothing.
	ps, err := provinces.DefaultPolicies().Override([]byte(`{"44": {"minimum_age": {"value": 0, "certain": true}}}`))
	require.NoError(t, err)
	rs := runWith(t, rules.Certificate, personalFiling("44", teen), &rules.Config{Policies: ps})
	assert.Empty(t, foundIn(rs))
	ps, err = provinces.DefaultPolicies().Override([]byte(`{"44": {"unit_principal_minimum_age": {"value": 0, "certain": true}}}`))
	require.NoError(t, err)
	rs = runWith(t, rules.Certificate, unitFiling("44", teen, ""), &rules.Config{Policies: ps})
	assert.Empty(t, foundIn(rs))
}
