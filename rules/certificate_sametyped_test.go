package rules_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/rules"
)

// TestSameNumberTypedLooselyEverywhere (outsider18's F2): one person's
// number typed loosely (lower-case x, spaces, hyphens, full width) in
// several fields is a warning with its fix at each field so typed, not at
// the first alone: each field is submitted as typed. A personal subject
// and its principal; a unit's principal and its website's and App's.
func TestSameNumberTypedLooselyEverywhere(t *testing.T) {
	const id = "44030519900101123X"
	typings := map[string]string{
		"lower-case x": strings.ToLower(id),
		"spaces":       id[:6] + " " + id[6:14] + " " + id[14:],
		"hyphens":      id[:6] + "-" + id[6:14] + "-" + id[14:],
		"full width":   fullWidthDigits(id),
	}
	for name, typed := range typings {
		// a personal filing: the subject and its principal
		f := personalFiling("44", "440304199203154320")
		f.Subject.CertNumber, f.Subject.Principal.CertNumber = typed, typed
		f.Subject.Principal.CertType = beian.CertIDCard
		assert.Equal(t, []found{
			{"subject.cert_number", rules.CodeCertNumberInvalid},
			{"subject.principal.cert_number", rules.CodeCertNumberInvalid},
		}, foundIn(run(t, rules.Certificate, f)), "personal, %s", name)

		// a unit: the subject principal, a website's and an App's
		f = cleanFiling()
		p := f.Subject.Principal
		p.CertNumber = typed
		f.Subject.Principal = p
		wp, ap := p, p
		f.Websites[0].PrincipalSameAsSubject, f.Websites[0].Principal = false, &wp
		f.Apps = []beian.App{{Name: "示例应用", Principal: &ap}}
		rs := run(t, rules.Certificate, f)
		assert.Equal(t, []found{
			{"apps[0].principal.cert_number", rules.CodeCertNumberInvalid},
			{"subject.principal.cert_number", rules.CodeCertNumberInvalid},
			{"websites[0].principal.cert_number", rules.CodeCertNumberInvalid},
		}, foundIn(rs), "unit, %s", name)
		for _, r := range rs {
			assert.Equal(t, rules.Warning, r.Severity, "unit, %s", name)
			if assert.Len(t, r.Fixes, 1, "unit, %s", name) {
				assert.Equal(t, id, r.Fixes[0].Value, "unit, %s", name)
			}
		}
	}
	// typed plainly everywhere: nothing
	f := cleanFiling()
	wp := f.Subject.Principal
	f.Websites[0].PrincipalSameAsSubject, f.Websites[0].Principal = false, &wp
	assert.Empty(t, run(t, rules.Certificate, f))
}
