package rules_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/width"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/provinces"
	"github.com/icpcheck/beian/rules"
)

// certTypings returns every way people type the certificate number n
// (18 characters, upper case) that the parsers read as n, by name: case,
// full width, spaces, hyphens and dashes between groups, padding. Every
// one but padding (white space around the number, which a form trims) is
// a typing the filing system's form does not take.
func certTypings(n string) map[string]string {
	groups := func(sizes []int, sep string) string {
		var parts []string
		at := 0
		for _, k := range sizes {
			parts = append(parts, n[at:at+k])
			at += k
		}
		return strings.Join(parts, sep)
	}
	by4 := []int{4, 4, 4, 4, 2}
	return map[string]string{
		"lower":              strings.ToLower(n),
		"spaces4":            groups(by4, " "),
		"spaces684":          groups([]int{6, 8, 4}, " "),
		"hyphens4":           groups(by4, "-"),
		"hyphens684":         groups([]int{6, 8, 4}, "-"),
		"fullwidth":          width.Widen.String(n),
		"fullwidth-lower":    width.Widen.String(strings.ToLower(n)),
		"padded":             "  " + n + " ",
		"ideographic-spaces": groups(by4, "\u3000"),
		"fullwidth-hyphens":  groups(by4, "－"),
		"en-dashes":          groups(by4, "–"),
		"minus-signs":        groups(by4, "−"),
	}
}

// TestClassSamePersonTypedAnyWay: a website's or App's principal whose
// certificate number is the subject principal's typed another way is the
// same person: not two principals sharing a mobile and an e-mail, not a
// person other than the subject principal, and the number is warned for
// its typing at its own field, its canonical form the fix.
func TestClassSamePersonTypedAnyWay(t *testing.T) {
	const id = "44030519900101123X"
	for name, typed := range certTypings(id) {
		t.Run(name, func(t *testing.T) {
			f := cleanFiling()
			p := f.Subject.Principal
			p.CertNumber = typed
			p.IsLegalRepresentative = false
			f.Websites[0].PrincipalSameAsSubject = false
			f.Websites[0].Principal = &p
			f.Apps = []beian.App{{Name: "示例科技", Type: beian.AppNative, Principal: &p}}

			assert.Empty(t, foundIn(run(t, rules.Contact, f)), "the same person's mobile and e-mail")
			rs := run(t, rules.Certificate, f)
			want := []found{
				{"apps[0].principal.cert_number", rules.CodeCertNumberInvalid},
				{"websites[0].principal.cert_number", rules.CodeCertNumberInvalid},
			}
			if name == "padded" {
				want = []found{}
			}
			assert.Equal(t, want, foundIn(rs))
			for _, r := range rs {
				assert.Equal(t, rules.Warning, r.Severity, "%s", r.Field)
				require.Len(t, r.Fixes, 1)
				assert.Equal(t, id, r.Fixes[0].Value)
			}

			// A person filing for themselves, the principal's number typed
			// another way than the subject's.
			g := cleanFiling()
			g.Subject.Nature, g.Subject.Name = beian.NaturePersonal, "张三"
			g.Subject.CertType, g.Subject.CertNumber = beian.CertIDCard, id
			g.Subject.Principal.CertNumber = typed
			wantG := []found{{"subject.principal.cert_number", rules.CodeCertNumberInvalid}}
			if name == "padded" {
				wantG = []found{}
			}
			assert.Equal(t, wantG, foundIn(run(t, rules.Certificate, g)))

			// Marked as the subject principal, with the number typed
			// another way: the same person, no conflict.
			f.Websites[0].PrincipalSameAsSubject = true
			f.Apps[0].PrincipalSameAsSubject = true
			for _, r := range run(t, rules.PrincipalLink, f) {
				assert.NotEqual(t, rules.CodePrincipalConflict, r.Code, "%s", r.Field)
			}
		})
	}
}

// TestClassOwnSubjectTypedAnyWay: the subject's credit code typed any way
// is the subject the records hold with its own mobile, not another
// subject holding it; the code is warned for its typing.
func TestClassOwnSubjectTypedAnyWay(t *testing.T) {
	const uscc = "91440300MA5F12342Q"
	cfg := &rules.Config{Policies: provinces.DefaultPolicies(), Registry: registryWith()}
	for name, typed := range certTypings(uscc) {
		t.Run(name, func(t *testing.T) {
			f := cleanFiling()
			f.Subject.CertNumber = typed
			assert.Empty(t, foundIn(runWith(t, rules.PhoneHolder, f, cfg)), "the subject's own mobile")
			rs := run(t, rules.Certificate, f)
			if name == "padded" {
				assert.Empty(t, foundIn(rs))
				return
			}
			require.Equal(t, []found{{"subject.cert_number", rules.CodeCertNumberInvalid}}, foundIn(rs))
			assert.Equal(t, rules.Warning, rs[0].Severity)
			require.Len(t, rs[0].Fixes, 1)
			assert.Equal(t, uscc, rs[0].Fixes[0].Value)
		})
	}
}

// TestOrgCodeHyphenNotLoose: an organisation code is written with the
// hyphen before its check character, and is not warned for it; typed in
// lower case it still is.
func TestOrgCodeHyphenNotLoose(t *testing.T) {
	f := cleanFiling()
	f.Subject.Nature = beian.NatureInstitution
	f.Subject.CertType = beian.CertOrgCode
	f.Subject.CertNumber = "D2143569-X"
	assert.Empty(t, foundIn(run(t, rules.Certificate, f)))
	f.Subject.CertNumber = "d2143569-x"
	assert.Equal(t, []found{{"subject.cert_number", rules.CodeCertNumberInvalid}}, foundIn(run(t, rules.Certificate, f)))
}
