package validatetest_test

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/provinces"
	"github.com/icpcheck/beian/rules"
	"github.com/icpcheck/beian/rules/certnum"
	"github.com/icpcheck/beian/validate"
	"github.com/icpcheck/beian/validate/validatetest"
)

// requireNoErrorOrWarning fails on any rejection but a notice: a built
// filing is clean, notices (advice) aside.
func requireNoErrorOrWarning(t *testing.T, rep *validate.Report, what string) {
	t.Helper()
	for _, r := range rep.Rejections {
		if r.Severity != rules.Notice {
			t.Errorf("%s: %s %s %s", what, r.Severity, r.Field, r.Code)
		}
	}
}

// TestEveryProvinceAndNature builds a filing for each of the 31 provinces
// and every nature, with one and with three websites and two seeds, and
// validates it with every rule.
func TestEveryProvinceAndNature(t *testing.T) {
	v := validate.New()
	ctx := context.Background()
	natures := beian.Natures()
	require.Len(t, natures, 10)
	count := 0
	for _, p := range provinces.All() {
		for _, n := range natures {
			for _, opts := range [][]validatetest.Option{
				nil,
				{validatetest.Seed(4321), validatetest.Websites(3)},
			} {
				f := validatetest.NewFiling(t, p.Code, n, opts...)
				rep := v.Validate(ctx, f)
				requireNoErrorOrWarning(t, rep, fmt.Sprintf("%s %s (%d websites)", p.Short, n, len(f.Websites)))
				count++
			}
		}
	}
	assert.Equal(t, 31*10*2, count)
}

// TestBuiltNumbers checks the certificate numbers and contacts against the
// parsers: right type, right province, right nature.
func TestBuiltNumbers(t *testing.T) {
	for _, p := range provinces.All() {
		for _, n := range beian.Natures() {
			f := validatetest.NewFiling(t, p.Short, n, validatetest.Seed(77))
			s := f.Subject
			id, err := certnum.ParseIDCard(s.Principal.CertNumber)
			require.NoError(t, err, s.Principal.CertNumber)
			assert.Equal(t, p.Code, id.Province().Code)
			if n == beian.NaturePersonal {
				assert.Equal(t, s.CertNumber, s.Principal.CertNumber)
				continue
			}
			u, err := certnum.ParseUSCC(s.CertNumber)
			require.NoError(t, err, s.CertNumber)
			assert.Equal(t, p.Code, u.Province().Code, s.CertNumber)
			k, ok := u.Kind()
			require.True(t, ok, s.CertNumber)
			assert.True(t, k.Allows(n), "%s: credit code %s does not fit", n, s.CertNumber)
			assert.Equal(t, s.Name, f.Domains[0].HolderName)
		}
	}
}

// TestSeedsDistinct checks that seeds give distinct numbers, mobiles and
// domains.
func TestSeedsDistinct(t *testing.T) {
	seen := map[string]string{}
	for _, n := range []beian.Nature{beian.NaturePersonal, beian.NatureEnterprise} {
		for seed := 0; seed < 10000; seed += 7 {
			f := validatetest.NewFiling(t, "44", n, validatetest.Seed(seed))
			for _, v := range []string{f.Subject.CertNumber, f.Subject.Principal.Mobile + string(n), f.Domains[0].Domain} {
				if prev, dup := seen[v]; dup {
					t.Fatalf("%s: %s again (first at %s)", n, v, prev)
				}
				seen[v] = fmt.Sprint(n, seed)
			}
		}
	}
}

func TestBuildErrors(t *testing.T) {
	for name, build := range map[string]func() (*beian.Filing, error){
		"unknown province": func() (*beian.Filing, error) { return validatetest.BuildFiling("火星", beian.NatureEnterprise) },
		"unknown nature":   func() (*beian.Filing, error) { return validatetest.BuildFiling("44", "company") },
		"seed": func() (*beian.Filing, error) {
			return validatetest.BuildFiling("44", beian.NatureEnterprise, validatetest.Seed(10000))
		},
		"websites": func() (*beian.Filing, error) {
			return validatetest.BuildFiling("44", beian.NatureEnterprise, validatetest.Websites(0))
		},
		"cert province": func() (*beian.Filing, error) {
			return validatetest.BuildFiling("44", beian.NatureEnterprise, validatetest.CertificateFrom("x"))
		},
	} {
		_, err := build()
		assert.Error(t, err, name)
	}
}

// TestBreakOneThing checks that each breaking option gives its code on its
// field, for a unit and a person, and nothing else of severity error. A
// code whose rule has not landed yet (rules.Pending) is skipped.
func TestBreakOneThing(t *testing.T) {
	v := validate.New()
	tests := []struct {
		name     string
		province string
		nature   beian.Nature
		opt      validatetest.Option
		code     rules.Code
		field    beian.Path
	}{
		{"check character, unit", "44", beian.NatureEnterprise, validatetest.WrongCheckCharacter(), rules.CodeCertNumberInvalid, "subject.cert_number"},
		{"check character, person", "11", beian.NaturePersonal, validatetest.WrongCheckCharacter(), rules.CodeCertNumberInvalid, "subject.cert_number"},
		{"certificate of another province, unit", "44", beian.NatureEnterprise, validatetest.CertificateFrom("北京"), rules.CodeCrossProvince, "subject.cert_number"},
		{"certificate of another province, person", "31", beian.NaturePersonal, validatetest.CertificateFrom("粤"), rules.CodeCrossProvincePersonal, "subject.cert_number"},
		{"principal not the legal representative", "44", beian.NatureEnterprise, validatetest.PrincipalNotLegalRepresentative(), rules.CodePrincipalNotLegalRepresentative, "subject.principal"},
		{"site name too short", "44", beian.NatureEnterprise, validatetest.SiteName("示例"), rules.CodeSiteNameTooShort, "websites[0].name"},
		{"mobile invalid", "44", beian.NatureEnterprise, validatetest.Mobile("1234"), rules.CodePhoneInvalid, "subject.principal.mobile"},
		{"mobile of another province", "44", beian.NaturePersonal, validatetest.Mobile("13900091234"), rules.CodePhoneNotLocal, "subject.principal.mobile"},
		{"domain not filable", "44", beian.NatureEnterprise, validatetest.Domain("shili.io"), rules.CodeDomainTLDNotFilable, "websites[0].domains[0]"},
		{"domain holder", "44", beian.NatureEnterprise, validatetest.DomainHolder("另一家公司"), rules.CodeDomainHolderMismatch, "domains[0].holder_name"},
		{"domain unverified", "44", beian.NatureEnterprise, validatetest.DomainUnverified(), rules.CodeDomainNotVerified, "domains[0].verified_at"},
		{"document missing", "44", beian.NatureEnterprise, validatetest.Edit(func(f *beian.Filing) {
			f.Documents = slices.DeleteFunc(f.Documents, func(d beian.Document) bool { return d.Kind == beian.DocCommitmentLetter })
		}), rules.CodeDocumentMissing, "documents"},
		{"field missing", "44", beian.NatureEnterprise, validatetest.Edit(func(f *beian.Filing) { f.Subject.Name = "" }), rules.CodeFieldRequired, "subject.name"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := validatetest.NewFiling(t, tt.province, tt.nature, tt.opt)
			rep := v.Validate(context.Background(), f)
			r := validatetest.RequireRejected(t, rep, tt.code, "")
			assert.Equal(t, tt.field, r.Field, "field of %s", tt.code)
		})
	}
}

// TestPrincipalNotLegalRepresentativeWhereRequired finds the provinces that
// demand the legal representative and checks the option there.
func TestPrincipalNotLegalRepresentativeWhereRequired(t *testing.T) {
	v := validate.New()
	pols := provinces.DefaultPolicies()
	found := 0
	for _, p := range provinces.All() {
		pol, _ := pols.For(p.Code)
		if !pol.PrincipalMustBeLegalRepresentative.Value {
			continue
		}
		found++
		f := validatetest.NewFiling(t, p.Code, beian.NatureEnterprise, validatetest.PrincipalNotLegalRepresentative())
		validatetest.RequireRejected(t, v.Validate(context.Background(), f), rules.CodePrincipalNotLegalRepresentative, "", p.Short)
	}
	assert.NotZero(t, found)
}

// TestWithoutDocuments checks that a filing without documents has the
// document checks skipped, not failed.
func TestWithoutDocuments(t *testing.T) {
	f := validatetest.NewFiling(t, "44", beian.NatureEnterprise, validatetest.WithoutDocuments())
	rep := validate.New().Validate(context.Background(), f)
	validatetest.RequireOK(t, rep)
	validatetest.RequireNotRejected(t, rep, rules.CodeDocumentMissing, "")
	assert.True(t, slices.ContainsFunc(rep.Skipped, func(s rules.Skip) bool { return s.Code == rules.CodeDocumentMissing }))
}

func TestBuilderDoesNotShare(t *testing.T) {
	a := validatetest.NewFiling(t, "44", beian.NatureEnterprise)
	b := validatetest.NewFiling(t, "44", beian.NatureEnterprise)
	a.Websites[0].Domains[0] = "changed.cn"
	assert.NotEqual(t, a.Websites[0].Domains[0], b.Websites[0].Domains[0])
	assert.Equal(t, b, validatetest.NewFiling(t, "44", beian.NatureEnterprise), "deterministic")
}

// In a test, NewFiling(t, …) builds the filing and RequireRejected(t, …)
// checks the report; BuildFiling serves code without a *testing.T.
func ExampleBuildFiling() {
	f, err := validatetest.BuildFiling("粤", beian.NatureEnterprise, validatetest.WrongCheckCharacter())
	if err != nil {
		panic(err)
	}
	rep := validate.New().Validate(context.Background(), f)
	fmt.Println(f.Subject.Name)
	for _, r := range rep.Rejections {
		if r.Severity == rules.Error {
			fmt.Println(r.Field, r.Code)
		}
	}
	// Output:
	// 广东省示例科技有限公司
	// subject.cert_number CERT_NUMBER_INVALID
}

func TestAppBuilders(t *testing.T) {
	ctx := context.Background()
	f := validatetest.NewFiling(t, "粤", beian.NatureEnterprise, validatetest.App("示例记账本"), validatetest.MiniProgram("示例记账助手"))
	require.Len(t, f.Apps, 2)
	validatetest.RequireOK(t, validate.New().Validate(ctx, f))
	validatetest.RequireOK(t, validate.New().Validate(ctx, validatetest.NewFiling(t, "京", beian.NaturePersonal, validatetest.App("张三记账本"), validatetest.AppsOnly())))

	for _, tc := range []struct {
		opt   validatetest.Option
		code  rules.Code
		field beian.Path
	}{
		{validatetest.AppPackage("cn..app"), rules.CodeAppPackageInvalid, "apps[0].platforms[0].package"},
		{validatetest.AppSignature("12:34"), rules.CodeAppSignatureInvalid, "apps[0].platforms[0].signature"},
		{validatetest.AppPublicKey("公钥"), rules.CodeAppPublicKeyInvalid, "apps[0].platforms[0].public_key"},
		{validatetest.AppName("记账本🎉"), rules.CodeAppNameInvalid, "apps[0].name"},
	} {
		f := validatetest.NewFiling(t, "粤", beian.NatureEnterprise, validatetest.App("示例记账本"), tc.opt)
		validatetest.RequireRejected(t, validate.New().Validate(ctx, f), tc.code, tc.field)
	}
	f = validatetest.NewFiling(t, "粤", beian.NatureEnterprise, validatetest.EmergencyPhone(validatetest.NewFiling(t, "粤", beian.NatureEnterprise).Subject.Principal.Mobile))
	validatetest.RequireRejected(t, validate.New().Validate(ctx, f), rules.CodeContactNotDistinct, "subject.principal.emergency_phone")
}
