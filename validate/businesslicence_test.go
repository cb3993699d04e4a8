package validate_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/provinces"
	"github.com/icpcheck/beian/rules"
	"github.com/icpcheck/beian/validate"
	"github.com/icpcheck/beian/validate/validatetest"
)

// codesAt lists a report's rejections as code@field with their severity.
func codesAt(rep *validate.Report) []string {
	var out []string
	for _, r := range rep.Rejections {
		out = append(out, fmt.Sprintf("%s@%s/%s", r.Code, r.Field, r.Severity))
	}
	return out
}

// TestBusinessLicenceBearingCreditCode: a business licence (营业执照) issued
// since 2015 carries the unified social credit code, and consoles call the
// certificate 营业执照. An enterprise filing that declares its certificate,
// its domain holder's, or both, as business_license with the credit code
// gets, in every province, for a certificate of its own province and of
// another, and with the number typed loosely, exactly the report it gets
// with the type uscc; a licence with the old 15-digit number is still read
// as one.
func TestBusinessLicenceBearingCreditCode(t *testing.T) {
	v := validate.New()
	ctx := context.Background()
	n := 0
	for _, p := range provinces.All() {
		for _, from := range []string{p.Code, "11"} {
			for _, typed := range []func(string) string{
				func(s string) string { return s },
				strings.ToLower,
				func(s string) string { return s[:6] + " " + s[6:] },
			} {
				build := func() *beian.Filing {
					f, err := validatetest.BuildFiling(p.Code, beian.NatureEnterprise, validatetest.CertificateFrom(from),
						validatetest.Edit(func(f *beian.Filing) { f.Subject.CertNumber = typed(f.Subject.CertNumber) }))
					require.NoError(t, err)
					return f
				}
				want := codesAt(v.Validate(ctx, build()))
				for _, edit := range []func(f *beian.Filing){
					func(f *beian.Filing) { f.Subject.CertType = beian.CertBusinessLicense },
					func(f *beian.Filing) { f.Domains[0].HolderCertType = beian.CertBusinessLicense },
					func(f *beian.Filing) {
						f.Subject.CertType = beian.CertBusinessLicense
						f.Domains[0].HolderCertType = beian.CertBusinessLicense
					},
				} {
					f := build()
					edit(f)
					assert.Equal(t, want, codesAt(v.Validate(ctx, f)), "%s, certificate of %s", p.Short, from)
					n++
				}
			}
		}
	}
	require.Equal(t, len(provinces.All())*2*3*3, n)

	// The old registration number is still a business licence's, and a
	// credit code's check character still counts under that type.
	f := validatetest.NewFiling(t, "11", beian.NatureEnterprise)
	f.Subject.CertType = beian.CertBusinessLicense
	f.Subject.CertNumber = "110108000000016"
	f.Domains[0].HolderCertType, f.Domains[0].HolderCertNumber = beian.CertBusinessLicense, "110108000000016"
	rep := v.Validate(ctx, f)
	validatetest.RequireNotRejected(t, rep, rules.CodeCertNumberInvalid, "subject.cert_number")
	f = validatetest.NewFiling(t, "11", beian.NatureEnterprise, validatetest.WrongCheckCharacter())
	f.Subject.CertType = beian.CertBusinessLicense
	validatetest.RequireRejected(t, v.Validate(ctx, f), rules.CodeCertNumberInvalid, "subject.cert_number")
}
